"""Whether a beacon counts, and what it counts: one set of rules for the beacons the app answers
(views.answer_beacon) and for those nginx answers and logs for the collector (collector.py).

A beacon's fields (``page``, ``kind``, ``ref``) come in its query string, which nginx can log
without reading a body; the app also reads them from a form body, as the page's script sent them
before (pages cached with that script still count)."""

from dataclasses import dataclass
from urllib.parse import unquote_plus

from policyshare.core.numbers import object_id

from .hits import PAGE, make_hit
from .limits import address_over_limit
from .models import Kind
from .visitors import client_counts, visitor_hash

BEACON_KINDS = {Kind.VIEW, Kind.PLAY}


class InvalidBeacon(ValueError):
    """No page id, or a kind that is not a view or a play: answered 400, counted nowhere."""


@dataclass(frozen=True)
class Client:
    """Who sent a beacon, as far as the counting rules look."""

    address: str
    user_agent: str
    host: str
    purposes: tuple = ()  # the prefetch headers' values (visitors.PREFETCH_HEADERS)
    editor: bool = False


def query_fields(query):
    """A beacon's query string as a dict (the last value of a repeated name, as QueryDict.get).
    For the collector, which parses every line: QueryDict took 40 µs a line and parse_qsl 17,
    more than all the counting rules; a beacon's three short fields need only this."""
    fields = {}
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if "%" in value or "+" in value:
            value = unquote_plus(value)
        fields[name] = value
    return fields


def beacon_hit(fields, client, day, address_counts=None):
    """The hit a beacon adds, or None when it does not count (a crawler, a prefetch, an editor,
    an address over its limit). ``fields`` is a mapping (a QueryDict, query_fields());
    ``address_counts`` a limits.AddressCounts for a process that sees every beacon itself."""
    page_id = object_id(fields.get("page", ""))
    kind = fields.get("kind", Kind.VIEW)
    if page_id is None or kind not in BEACON_KINDS:
        raise InvalidBeacon
    if not client_counts(client.user_agent, client.purposes, client.editor):
        return None
    if address_over_limit(client.address, day, address_counts):
        return None
    return make_hit(
        day,
        kind=kind,
        item_type=PAGE,
        item_id=page_id,
        visitor=visitor_hash(day, client.address, client.user_agent, client.host),
        referrer=fields.get("ref", "") if kind == Kind.VIEW else "",
        host=client.host,
    )
