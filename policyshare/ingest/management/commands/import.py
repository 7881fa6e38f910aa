from django.core.management.base import BaseCommand, CommandError

from policyshare.ingest.importing.run import import_sources
from policyshare.ingest.importing.sources import FORMATS


class Command(BaseCommand):
    help = (
        "Import RSS/Atom feeds, CSV or JSON files, plain-text board listings (files or "
        "addresses) as pages, or a portable archive made by `policyshare export`. All or "
        "nothing: any bad row is reported with its line and nothing is imported. Importing "
        "again updates changed items and never duplicates them."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", help="files or http(s) addresses")
        parser.add_argument(
            "--format", choices=FORMATS, help="the sources' format (detected when not given)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, but save nothing"
        )

    def handle(self, *args, sources, format, dry_run, **options):
        report = import_sources(sources, format, dry_run=dry_run, progress=self._progress)
        for name, line, title in report.skipped:
            if options["verbosity"] > 1:
                self.stdout.write(f"skipped {name}, line {line}: {title} (no 등록일 line)")
        if report.skipped:
            self.stdout.write(
                f"Skipped {len(report.skipped)} bullets without a 등록일 line "
                "(page chrome such as logos and links, not board entries)."
            )
        if not report.ok:
            for row in report.bad:
                self.stderr.write(f"error: {row}")
            raise CommandError(
                f"Nothing was imported: {len(report.bad)} bad "
                f"{'row' if len(report.bad) == 1 else 'rows'} (listed above)."
            )
        counts = ", ".join(
            f"{report.outcomes[outcome]} {outcome}"
            for outcome in ("created", "updated", "unchanged")
        )
        if dry_run:
            self.stdout.write(f"Dry run of {report.total} items: {counts}. Nothing was saved.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {report.total} items: {counts}."))

    def _progress(self, number, total, outcome, title):
        if outcome:
            self.stdout.write(f"[{number}/{total}] {outcome}: {title}")
