"""CSV and JSON files: one item per row or object, with these fields (only ``title`` is always
required; news also needs ``date`` and ``author``):

``type`` (news or page; news when empty), ``language`` (ko or en; detected from the script when
empty), ``title``, ``date`` (YYYY-MM-DD), ``author``, ``summary``, ``body`` (plain text with
blank lines between paragraphs, or HTML), ``sector`` (a sector's slug or name), ``source_id``,
``source_url``, ``translation_of`` (the ``source_id`` of the item this one translates).

An item's key is its ``source_id``, else its ``source_url``, else a hash of title and date.
"""

import csv
import io
import json

from .items import PAGE_TYPES, BadRow, SourceError, SourceItem, parse_date, title_date_key

FIELDS = (
    "type",
    "language",
    "title",
    "date",
    "author",
    "summary",
    "body",
    "sector",
    "source_id",
    "source_url",
    "translation_of",
)


def read_csv(text):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        return _read_csv_rows(reader)
    except csv.Error as error:
        # e.g. a field over the csv module's limit (131,072 characters): the rest of the file
        # cannot be read reliably, so the whole file is refused with the line it stopped at.
        raise SourceError(f"line {reader.line_num + 1}: not readable as CSV ({error})") from None


def _read_csv_rows(reader):
    if not reader.fieldnames:
        raise SourceError("the file is empty: the first line must name the columns")
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    unknown = [name for name in reader.fieldnames if name not in FIELDS]
    if unknown:
        raise SourceError(
            f"line 1: unknown columns {', '.join(map(repr, unknown))}; "
            f"the columns are: {', '.join(FIELDS)}"
        )
    items, bad = [], []
    line = reader.line_num + 1
    for row in reader:
        if None in row:
            bad.append(BadRow(f"line {line}", "the row has more values than there are columns"))
        else:
            _collect(_item(f"line {line}", row), items, bad)
        line = reader.line_num + 1
    return items, bad


def read_json(text):
    """A JSON array of objects, or JSON Lines (one object per line)."""
    items, bad = [], []
    for location, value in _json_values(text):
        if not isinstance(value, dict):
            bad.append(BadRow(location, "each item must be a JSON object"))
            continue
        unknown = sorted(set(value) - set(FIELDS))
        if unknown:
            bad.append(BadRow(location, f"unknown fields {', '.join(map(repr, unknown))}"))
            continue
        _collect(_item(location, value), items, bad)
    return items, bad


def _json_values(text):
    """(location, value) of each item, the location naming the item's number and first line."""
    decoder = json.JSONDecoder()
    stripped = text.lstrip()
    if not stripped.startswith("["):
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    yield f"line {number}", json.loads(line)
                except json.JSONDecodeError as error:
                    raise SourceError(f"line {number}: not JSON ({error.msg})") from None
        return
    position, index = text.index("[") + 1, 0
    while True:
        position = _skip(text, position, ",")
        if position >= len(text):
            raise SourceError("the JSON array is not closed with ']'")
        if text[position] == "]":
            break
        line = text.count("\n", 0, position) + 1
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise SourceError(f"line {error.lineno}: not JSON ({error.msg})") from None
        index += 1
        yield f"item {index} (line {line})", value
        position = _skip(text, position, "")
        if position < len(text) and text[position] not in ",]":
            line = text.count("\n", 0, position) + 1
            raise SourceError(f"line {line}: expected ',' or ']' after item {index}")


def _skip(text, position, separator):
    """The position after whitespace (and one ``separator``, when given) from ``position``."""
    while position < len(text) and text[position].isspace():
        position += 1
    if separator and position < len(text) and text[position] == separator:
        position += 1
        while position < len(text) and text[position].isspace():
            position += 1
    return position


def _collect(result, items, bad):
    if isinstance(result, SourceItem):
        items.append(result)
    else:
        bad.extend(result)


def _item(location, row):
    """A SourceItem from a row's values, or the list of what is wrong with the row."""
    values = {name: _text(row.get(name)) for name in FIELDS}
    problems = []
    page_type = values["type"] or "news"
    if page_type not in PAGE_TYPES:
        problems.append(f"type {page_type!r} is not one of: {', '.join(PAGE_TYPES)}")
    if not values["title"]:
        problems.append("the title is missing")
    date = None
    if values["date"]:
        try:
            date = parse_date(values["date"])
        except ValueError as error:
            problems.append(str(error))
    if page_type == "news":
        if not values["date"]:
            problems.append("a news item needs a date")
        if not values["author"]:
            problems.append("a news item needs an author")
    if problems:
        return [BadRow(location, problem) for problem in problems]
    body = values["body"]
    is_html = body.lstrip().startswith("<")
    return SourceItem(
        location=location,
        source_key=values["source_id"]
        or values["source_url"]
        or title_date_key("item", values["title"], date),
        title=values["title"],
        page_type=page_type,
        language=values["language"],
        date=date,
        author=values["author"],
        summary=values["summary"],
        body=[] if is_html else [p.strip() for p in body.split("\n\n") if p.strip()],
        body_html=body if is_html else "",
        sector=values["sector"],
        source_url=values["source_url"],
        translation_of=values["translation_of"],
    )


def _text(value):
    return "" if value is None else str(value).replace("\r\n", "\n").strip()
