"""Cached pages answered in front of Django's handler (policyshare/early_answers.py).

At a peak nearly every request is an anonymous visitor's page that the page cache already holds,
and Django's handler spends more on such a request than the cache does.

One set of rules: which requests the cache may answer, their key and the response made from the
entry are the middleware's own (`servable_language`, `lookup`, `response_from`), and the
answer goes out through the same outer middleware as Django's, so a hit carries the same status,
body and headers whichever way it was served (tests/caching/test_fast_path.py compares them).
The middleware stays the only one that stores pages: a miss goes on to Django, which renders and
stores it.
"""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

from policyshare.early_answers import Answerer

from .middleware import lookup, response_from, servable_language


def _is_page_request(environ):
    # Static files are whitenoise's: asking the cache first would serve them twice.
    return environ.get("REQUEST_METHOD") in ("GET", "HEAD") and not environ.get(
        "PATH_INFO", ""
    ).startswith(settings.STATIC_URL)


def _cached_page(request):
    try:
        language = servable_language(request)
        entry = lookup(request, language)[2] if language else None
    except SuspiciousOperation:
        # A bad request: Django answers it (400) and logs it as it does for every page.
        return None
    if entry is None:
        # A miss, or a request the cache must not answer (personal, not a page).
        return None
    return response_from(entry, request, "hit")


def cached_pages():
    return Answerer(claims=_is_page_request, answer=_cached_page)
