"""Reading a source (a file or an address) and telling its format."""

import io
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .feed import read_feed
from .items import SourceError
from .listing import looks_like_listing, read_listing
from .tabular import read_csv, read_json

FORMATS = ("feed", "csv", "json", "listing", "archive")
FETCH_TIMEOUT_SECONDS = 30


@dataclass
class Source:
    name: str
    data: bytes
    content_type: str = ""

    def text(self):
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SourceError(
                f"not UTF-8 text (byte {error.start + 1} cannot be decoded)"
            ) from None


@dataclass
class ReadResult:
    """Items and bad rows of one source; ``skipped`` lists what was deliberately not imported."""

    items: list
    bad: list
    skipped: list


def open_source(name):
    """The bytes of a file path or an http(s) address."""
    if urlsplit(name).scheme in {"http", "https"}:
        request = urllib.request.Request(name, headers={"User-Agent": "policyshare-import"})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
                return Source(name, response.read(), response.headers.get("Content-Type", ""))
        except OSError as error:
            raise SourceError(f"cannot fetch it ({error})") from None
    path = Path(name)
    try:
        return Source(name, path.read_bytes())
    except OSError as error:
        raise SourceError(f"cannot read it ({error.strerror})") from None


def detect_format(source):
    """The format by content first, then by the file name's extension."""
    if source.data.startswith(b"PK\x03\x04") and zipfile.is_zipfile(io.BytesIO(source.data)):
        return "archive"
    head = source.data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<" or "xml" in source.content_type:
        return "feed"
    if head in (b"[", b"{"):
        return "json"
    suffix = Path(urlsplit(source.name).path).suffix.lower()
    if suffix == ".csv" or "csv" in source.content_type:
        return "csv"
    if looks_like_listing(source.text()):
        return "listing"
    raise SourceError("cannot tell its format: name it with --format")


def read_items(source, source_format):
    """A ReadResult for a feed, CSV, JSON or listing source."""
    if source_format == "feed":
        items, bad = read_feed(source.data, source.content_type)
        return ReadResult(items, bad, [])
    text = source.text()
    if source_format == "listing":
        items, bad, skipped = read_listing(text)
        return ReadResult(items, bad, skipped)
    reader = read_csv if source_format == "csv" else read_json
    items, bad = reader(text)
    return ReadResult(items, bad, [])
