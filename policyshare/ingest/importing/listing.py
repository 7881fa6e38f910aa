"""Plain-text board listings, as copied from an old board-style site's news page.

Each entry is a bullet (``•``) with the title, then an indented ``등록일 YYYY-MM-DD 글쓴이 AUTHOR``
line, then the body up to the next bullet. Such copies carry the page's chrome too: bullets
without a registration line (logo captions, links, side boxes) are not entries and are skipped.
Paragraphs are separated by blank lines or, as the old board wrote them, by no-break spaces.
"""

import re

from .items import BadRow, SourceItem, parse_date, title_date_key

BULLET = re.compile(r"^\s*•\s*(?P<title>.*?)\s*$")
REGISTRATION = re.compile(r"^\s*등록일\b")
REGISTRATION_LINE = re.compile(r"^\s*등록일\s+(?P<date>\S+)\s+글쓴이\s+(?P<author>\S.*?)\s*$")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\u00a0")


def looks_like_listing(text):
    return any(BULLET.match(line) for line in text.splitlines()) and "등록일" in text


def read_listing(text):
    """Return (items, bad rows, skipped bullets as (line number, title))."""
    items, bad, skipped = [], [], []
    for start, lines in _bullets(text.splitlines()):
        title = BULLET.match(lines[0]).group("title")
        rest = lines[1:]
        meta_index = next((i for i, line in enumerate(rest) if line.strip()), None)
        if meta_index is None or not REGISTRATION.match(rest[meta_index]):
            skipped.append((start, title))
            continue
        meta_line_number = start + 1 + meta_index
        meta = REGISTRATION_LINE.match(rest[meta_index])
        if meta is None:
            bad.append(
                BadRow(
                    f"line {meta_line_number}",
                    "the registration line must read '등록일 YYYY-MM-DD 글쓴이 AUTHOR'",
                )
            )
            continue
        try:
            date = parse_date(meta["date"])
        except ValueError as error:
            bad.append(BadRow(f"line {meta_line_number}", str(error)))
            continue
        if not title:
            bad.append(BadRow(f"line {start}", "the bullet has no title"))
            continue
        body = "\n".join(rest[meta_index + 1 :])
        items.append(
            SourceItem(
                location=f"line {start}",
                source_key=title_date_key("listing", title, date),
                title=title,
                date=date,
                author=meta["author"],
                body=[p.strip() for p in PARAGRAPH_BREAK.split(body) if p.strip()],
            )
        )
    return items, bad, skipped


def _bullets(lines):
    """(line number of the bullet, its lines up to the next bullet) for every bullet."""
    start = None
    for number, line in enumerate(lines, start=1):
        if BULLET.match(line):
            if start is not None:
                yield start, lines[start - 1 : number - 1]
            start = number
    if start is not None:
        yield start, lines[start - 1 :]
