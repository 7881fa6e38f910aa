"""One import run: read every source, stop before writing if any row is bad, then write
everything in one transaction that a bad item (or ``dry_run``) rolls back whole."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from ..archive.importer import import_archive
from .items import BadRow, SourceError
from .sources import detect_format, open_source, read_items
from .writer import ItemWriter


@dataclass
class ImportReport:
    outcomes: Counter = field(default_factory=Counter)
    bad: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    total: int = 0

    @property
    def ok(self):
        return not self.bad


class _RollBack(Exception):
    pass


def import_sources(names, source_format=None, dry_run=False, progress=None):
    """Import the items of ``names`` (paths or addresses) as pages.

    ``progress(number, total, outcome, title)`` is called after each item is written. An
    archive (see :mod:`policyshare.ingest.archive`) is imported alone.
    """
    report = ImportReport()
    items = []
    for name in names:
        try:
            source = open_source(name)
            found_format = source_format or detect_format(source)
            if found_format == "archive":
                if len(names) > 1:
                    raise SourceError("an archive is imported on its own, not with other sources")
                return _import_archive(source, dry_run, progress)
            result = read_items(source, found_format)
        except SourceError as error:
            report.bad.append(BadRow(name, str(error)))
            continue
        for item in result.items:
            item.location = _prefixed(name, item.location, len(names))
        report.bad.extend(
            BadRow(_prefixed(name, row.location, len(names)), row.message) for row in result.bad
        )
        report.skipped.extend((name, *skipped) for skipped in result.skipped)
        items.extend(result.items)
    report.bad.extend(_duplicates(items))
    report.total = len(items)
    if report.bad:
        return report
    # Translations come after the items they translate, whatever the order in the file.
    items.sort(key=lambda item: bool(item.translation_of))
    writer = ItemWriter()
    try:
        with transaction.atomic():
            for number, item in enumerate(items, start=1):
                outcome = writer.write(item)
                if progress:
                    progress(number, len(items), outcome, item.title)
            if writer.bad or dry_run:
                raise _RollBack
    except _RollBack:
        pass
    report.outcomes = writer.outcomes
    report.bad = writer.bad
    return report


def _import_archive(source, dry_run, progress):
    outcomes, bad = import_archive(source.data, dry_run=dry_run, progress=progress)
    report = ImportReport(outcomes=outcomes, total=sum(outcomes.values()) + len(bad))
    report.bad = [BadRow(f"{source.name}: {location}", message) for location, message in bad]
    return report


def _prefixed(name, location, sources):
    return f"{name}, {location}" if sources > 1 else location


def _duplicates(items):
    first = {}
    bad = []
    for item in items:
        if item.source_key in first:
            bad.append(
                BadRow(
                    item.location,
                    f"the same item as {first[item.source_key]} (source key {item.source_key!r})",
                )
            )
        else:
            first[item.source_key] = item.location
    return bad
