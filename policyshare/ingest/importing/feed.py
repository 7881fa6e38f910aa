"""RSS 2.0 and Atom feeds, read with feedparser: each entry becomes a news item.

An entry's key is its id (guid), else its link. Its date is the publication (else update) time
in the portal's time zone; its author is the entry's, else the feed's, else the feed's title.
The first category names the sector, when one of that name or slug exists.
"""

import calendar
import datetime
import html
import xml.sax

import feedparser
from django.utils import timezone
from django.utils.html import strip_tags

from .items import BadRow, SourceError, SourceItem


def read_feed(data, content_type=""):
    headers = {"content-type": content_type} if content_type else None
    parsed = feedparser.parse(data, response_headers=headers)
    # feedparser reads broken XML leniently; half-read entries must not become pages.
    if parsed.bozo and isinstance(parsed.bozo_exception, xml.sax.SAXException):
        raise SourceError(f"not well-formed XML ({parsed.bozo_exception})")
    # Empty input leaves no "version" key at all (feedparser only sets it once it saw a feed).
    if not parsed.get("version"):
        raise SourceError("not an RSS or Atom feed")
    feed_author = parsed.feed.get("author") or parsed.feed.get("title", "")
    items, bad = [], []
    for number, entry in enumerate(parsed.entries, start=1):
        location = f"entry {number}"
        key = entry.get("id") or entry.get("link")
        title = (entry.get("title") or "").strip()
        moment = entry.get("published_parsed") or entry.get("updated_parsed")
        problems = [
            message
            for missing, message in (
                (not title, "the entry has no title"),
                (not key, "the entry has neither an id nor a link"),
                (moment is None, "the entry has no publication date"),
            )
            if missing
        ]
        if problems:
            bad.extend(BadRow(location, message) for message in problems)
            continue
        content = entry.get("content")
        body_html = content[0].value if content else entry.get("summary", "")
        categories = [tag.get("term", "") for tag in entry.get("tags", [])]
        items.append(
            SourceItem(
                location=location,
                source_key=key,
                title=title,
                language=_language(entry.get("language") or parsed.feed.get("language", "")),
                date=_local_date(moment),
                author=(entry.get("author") or feed_author).strip()[:100],
                summary=_plain(entry.get("summary", "")),
                body_html=body_html or "",
                sector=categories[0] if categories else "",
                source_url=entry.get("link", ""),
            )
        )
    return items, bad


def _local_date(moment):
    """feedparser gives UTC; a news date is the day in the portal's time zone."""
    utc = datetime.datetime.fromtimestamp(calendar.timegm(moment), tz=datetime.UTC)
    return timezone.localtime(utc).date()


def _language(code):
    return code.replace("_", "-").split("-", 1)[0].lower() if code else ""


def _plain(markup):
    return html.unescape(strip_tags(markup)).strip()
