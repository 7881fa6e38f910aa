"""Cached pages answered in front of Django's handler.

At a peak nearly every request is an anonymous visitor's page that the page cache already holds.
Django's handler spends more on such a request than the cache does: the request_started and
request_finished signals (each checks every database connection and closes the caches), an
exception wrapper around every middleware, and the response's trip back through them all. This
wrapper answers those requests itself and hands everything else to Django unchanged.

One set of rules: which requests the cache may answer, their key and the response made from the
entry are the middleware's own (`servable_language`, `lookup`, `response_from`), and the
middleware listed before the page cache in settings.MIDDLEWARE (security headers, CSP, CORS,
request limits, static files) still runs around it, so a hit carries the same status, body and
headers whichever way it was served (tests/caching/test_fast_path.py compares them). The
middleware stays the only one that stores pages: a miss goes on to Django, which renders and
stores it.

policyshare/wsgi.py wraps the application with serve_cached_pages.
"""

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed, SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.utils.module_loading import import_string

from .middleware import lookup, response_from, servable_language

PAGE_CACHE_MIDDLEWARE = "policyshare.caching.middleware.PageCacheMiddleware"


def middleware_around(handler):
    """The middleware that Django runs outside the page cache, wrapped around ``handler``, in
    settings order."""
    outer = settings.MIDDLEWARE[: settings.MIDDLEWARE.index(PAGE_CACHE_MIDDLEWARE)]
    for path in reversed(outer):
        try:
            handler = import_string(path)(handler)
        except MiddlewareNotUsed:
            continue
    return handler


class _Miss(Exception):
    """The cache cannot answer: Django serves the request."""


def _cached_response(request):
    language = servable_language(request)
    if language is None:
        raise _Miss
    entry = lookup(request, language)[2]
    if entry is None:
        raise _Miss
    response = response_from(entry, request, "hit")
    response.from_page_cache = True
    return response


def serve_cached_pages(application):
    answer = middleware_around(_cached_response)

    def application_with_cached_pages(environ, start_response):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or environ.get(
            "PATH_INFO", ""
        ).startswith(settings.STATIC_URL):
            # Static files are whitenoise's: asking the cache first would serve them twice.
            return application(environ, start_response)
        try:
            response = answer(WSGIRequest(environ))
        except (_Miss, SuspiciousOperation):
            # A miss, a personal request, or a bad one (unknown host: Django answers 400 and
            # logs it as it does for every page).
            return application(environ, start_response)
        if not getattr(response, "from_page_cache", False):
            # An outer middleware answered by itself (a static file, a redirect to HTTPS):
            # Django's handler does that as it always has.
            return application(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]

    return application_with_cached_pages
