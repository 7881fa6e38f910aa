"""How much one visitor can add to the counts, so that a script posting beacons cannot inflate
them: at most ``PER_VISITOR_PER_DAY`` hits of one item by one visitor (hash) count each day,
and at most ``POLICYSHARE_BEACON_ADDRESS_LIMIT`` beacons of one address a minute (a script
changes its user agent, and so its visitor hash, more easily than its address). Beacons over
either limit still get 204: the client learns nothing, and nothing is counted.

The per-visitor cap is applied where the hits are counted (buffers.py): in Redis by the script
that counts the hit, for the spool file by the flush, so the request pays nothing for it. The
per-address limit is one cache increment per beacon. ``POLICYSHARE_RATELIMIT=0`` turns both off,
as it does the site's other rate limits (benchmarks that post from one address)."""

import hashlib
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache

from .visitors import daily_salt

# A reader may come back to a page a few times a day; more is someone refreshing to count.
PER_VISITOR_PER_DAY = 10
# The default of POLICYSHARE_BEACON_ADDRESS_LIMIT (settings) is 3,000 beacons a minute, room for
# a summit venue of a few thousand people behind one NAT address: 3,000 attendees each opening a
# page every minute, or 5,000 one every 100 seconds, both more than people reading talks' pages
# do. It does not need to be tight: a script gains at most PER_VISITOR_PER_DAY hits per item for
# each user agent it makes up, and this limit only bounds how fast it can make them up.
ADDRESS_KEY = "analytics:address:{minute}:{address}"


def limits_enabled():
    return settings.RATELIMIT_ENABLE


def visitor_cap():
    """The per-visitor daily cap the buffers apply, or 0 for none."""
    return PER_VISITOR_PER_DAY if limits_enabled() else 0


class AddressCounts:
    """Beacons per address in the current minute, held in the memory of the one process that
    sees every beacon of its nginx (the collector), instead of a cache round trip per beacon."""

    def __init__(self):
        self.minute = None
        self.counts = Counter()

    def add(self, address, minute):
        if minute != self.minute:
            self.minute, self.counts = minute, Counter()
        self.counts[address] += 1
        return self.counts[address]


def address_over_limit(address, day, counts=None):
    """Count one beacon of this address (in ``counts`` when given, else in the cache); True once
    it has sent more than its minute allows. The cache key holds the address salted like a
    visitor hash, never the address itself."""
    if not limits_enabled() or not settings.POLICYSHARE_BEACON_ADDRESS_LIMIT:
        return False
    minute = int(time.time() // 60)
    if counts is not None:
        return counts.add(address, minute) > settings.POLICYSHARE_BEACON_ADDRESS_LIMIT
    salted = hashlib.sha256(f"{daily_salt(day)}\n{address}".encode()).hexdigest()[:32]
    key = ADDRESS_KEY.format(minute=minute, address=salted)
    try:
        count = cache.incr(key)
    except ValueError:  # the address's first beacon this minute
        count = 1 if cache.add(key, 1, timeout=120) else cache.incr(key)
    # None: the cache is down; count rather than refuse every visitor (RATELIMIT_FAIL_OPEN).
    return count is not None and count > settings.POLICYSHARE_BEACON_ADDRESS_LIMIT
