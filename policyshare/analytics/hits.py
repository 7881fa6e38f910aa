"""One counted hit, and the buffer it goes into. The request never waits for the database: a hit
is an increment in Redis or a line appended to a spool file, and `policyshare flush-views`
moves the counts into the database in batches (see buffers.py)."""

import logging
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from django.utils import timezone
from redis.exceptions import RedisError

from policyshare.security.client_ip import client_ip

from .visitors import visitor_hash

logger = logging.getLogger(__name__)

PAGE = "page"
DOCUMENT = "document"


@dataclass(frozen=True)
class CountKey:
    """Which counter a hit adds to. A page's language is its own and is filled in at flush time,
    so that the request needs no query."""

    date: str
    kind: str
    item_type: str
    item_id: int
    language: str = ""

    def encode(self):
        return "|".join([self.date, self.kind, self.item_type, str(self.item_id), self.language])

    @classmethod
    def decode(cls, text):
        date, kind, item_type, item_id, language = text.split("|")
        return cls(date, kind, item_type, int(item_id), language)


@dataclass(frozen=True)
class Hit:
    key: CountKey
    visitor: str
    referrer_domain: str = ""


# Most beacons share a few referrers (search engines, this site); urlsplit is a beacon's
# largest cost after the hash.
@lru_cache(maxsize=4096)
def referrer_domain(referrer, own_host):
    """The domain of another site the visitor came from, or "" (none, or this site itself)."""
    try:
        host = (urlsplit(referrer or "").hostname or "").lower()
    except ValueError:
        return ""
    own = own_host.split(":")[0].lower()
    if not host or host == own or len(host) > 253:
        return ""
    return host


def make_hit(day, *, kind, item_type, item_id, visitor, language="", referrer="", host=""):
    return Hit(
        key=CountKey(day.isoformat(), kind, item_type, int(item_id), language),
        visitor=visitor,
        referrer_domain=referrer_domain(referrer, host),
    )


def buffer_hits(hits):
    """Put counted hits in the buffer; the caller never waits for more than that."""
    from .buffers import get_buffer

    try:
        get_buffer().record_many(hits)
    except (OSError, RedisError):
        # Redis or the spool folder is unavailable: the visitor still gets the page; the count
        # is lost, and said so in the log.
        logger.exception("%d hits could not be buffered and are not counted", len(hits))


def record_hit(request, *, kind, item_type, item_id, language="", referrer=""):
    """Count a hit of a visitor already known not to be a crawler, prefetch or editor."""
    day = timezone.localdate()
    hit = make_hit(
        day,
        kind=kind,
        item_type=item_type,
        item_id=item_id,
        visitor=visitor_hash(
            day, client_ip(request), request.META.get("HTTP_USER_AGENT", ""), request.get_host()
        ),
        language=language,
        referrer=referrer,
        host=request.get_host(),
    )
    buffer_hits([hit])
