"""Who is counted, and how a visitor is recognised for a day without cookies or addresses.

A visitor is a salted SHA-256 of the client address, the browser (user agent) and the site. The
salt is random, made on the visitor's first hit of the day, kept in the cache until midnight and
never written anywhere else: once it is gone, yesterday's hashes cannot be linked to today's
nor, by trying every address, to a person.
"""

import datetime
import hashlib
import secrets
import time
from functools import cache as memoize
from functools import lru_cache

from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils import timezone

SALT_KEY = "analytics:salt:{date}"
# Browsers send one of these when they fetch a page the visitor has not asked for yet.
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")
# Used when the cache cannot keep a salt (Redis down): hashes then differ per process, which
# overcounts unique visitors for a while rather than making them linkable across days.
_FALLBACK_SALT = secrets.token_hex(16)


@memoize
def _crawler_detector():
    # crawlerdetect keeps the maintained list of crawler, link-preview and tool user agents.
    from crawlerdetect import CrawlerDetect

    return CrawlerDetect()


# crawlerdetect tries hundreds of patterns per call, more than the rest of a beacon costs; visitors
# share a few browser versions, so the answers are remembered per user-agent string.
@lru_cache(maxsize=4096)
def is_crawler(user_agent):
    """A crawler, a link preview (chat apps, social sites), a tool (curl), or no browser at all."""
    if not user_agent.strip():
        return True
    return _crawler_detector().isCrawler(user_agent)


def purposes(request):
    """What the request's prefetch headers say, in the order of PREFETCH_HEADERS."""
    return tuple(request.META.get(header, "") for header in PREFETCH_HEADERS)


def is_prefetch(purpose_values):
    return any("prefetch" in value.lower() for value in purpose_values)


def is_editor(request):
    """An editor's own visits would count every proofreading as a reader."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


# The collector asks for every beacon; a few browser versions and prefetch values repeat.
@lru_cache(maxsize=4096)
def client_counts(user_agent, purpose_values, editor=False):
    """The rules of who counts, for the app's requests and nginx's logged beacons alike."""
    return not (is_crawler(user_agent) or is_prefetch(purpose_values) or editor)


def should_count(request):
    return client_counts(
        request.META.get("HTTP_USER_AGENT", ""), purposes(request), is_editor(request)
    )


def _seconds_until_midnight(now):
    tomorrow = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(int((tomorrow - now).total_seconds()), 1)


# The salt read from the cache, kept by each process for a few minutes: a hit then costs no
# cache read. Only today's is kept; it goes when the day changes.
_salt_memo = {}
SALT_MEMO_SECONDS = 300


def daily_salt(day):
    # The memo is checked against time.time(), not timezone.localtime(): the collector asks
    # for every beacon, and the time zone lookup cost more than the rest of the check.
    memo = _salt_memo.get(day)
    if memo and memo[1] > time.time():
        return memo[0]
    key = SALT_KEY.format(date=day.isoformat())
    now = timezone.localtime()
    # add() keeps the salt another process made first, so every process hashes alike.
    cache.add(key, secrets.token_hex(16), timeout=_seconds_until_midnight(now))
    salt = cache.get(key)
    if salt is None:
        return _FALLBACK_SALT
    _salt_memo.clear()
    _salt_memo[day] = (salt, now.timestamp() + SALT_MEMO_SECONDS)
    return salt


@lru_cache(maxsize=64)
def site_name(host):
    """The host as nginx's $host gives it (lower case, no port, no trailing dot), so that a
    visitor hashes alike whether nginx or Django (get_host() keeps a port) saw the beacon."""
    return split_domain_port(host)[0] or host.lower()


def visitor_hash(day, address, user_agent, host):
    material = "\n".join([daily_salt(day), address, user_agent, site_name(host)])
    return hashlib.sha256(material.encode()).hexdigest()
