"""What every source format is read into: items to become pages, and the bad rows found."""

import datetime
import hashlib
import json
from dataclasses import asdict, dataclass, field

PAGE_TYPES = ("news", "page")


@dataclass
class SourceItem:
    """One item of a source, in the words of the documented CSV/JSON fields.

    ``location`` says where it was found ("line 12", "item 3 (line 40)", "entry 4") for the
    report; ``body`` is a list of plain-text paragraphs, or ``body_html`` holds HTML.
    """

    location: str
    source_key: str
    title: str
    page_type: str = "news"
    language: str = ""
    date: datetime.date | None = None
    author: str = ""
    summary: str = ""
    body: list[str] = field(default_factory=list)
    body_html: str = ""
    sector: str = ""
    source_url: str = ""
    translation_of: str = ""

    def fingerprint(self):
        """A hash of everything imported from the item: equal hashes mean nothing changed."""
        data = asdict(self)
        del data["location"]
        data["date"] = self.date.isoformat() if self.date else None
        encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class BadRow:
    location: str
    message: str

    def __str__(self):
        return f"{self.location}: {self.message}"


class SourceError(Exception):
    """A source that cannot be read at all (missing file, unknown format, broken syntax)."""


def title_date_key(prefix, title, date):
    """The key of an item whose source gives it no id: its title and date."""
    digest = hashlib.sha256(f"{title}\n{date.isoformat() if date else ''}".encode()).hexdigest()
    return f"{prefix}:{digest[:24]}"


def parse_date(value):
    """A date written YYYY-MM-DD (or with dots or slashes, as Korean boards often write it)."""
    text = str(value).strip()
    for separator in (".", "/"):
        text = text.replace(separator, "-")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD)") from None
