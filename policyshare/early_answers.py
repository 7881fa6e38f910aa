"""Requests answered in front of Django's handler, when the handler would cost more than the
answer: cached pages (caching/wsgi.py) and view-counting beacons (analytics/wsgi.py).

Django's handler spends on every request what such an answer does not need: the request_started
and request_finished signals (each checks every database connection and closes the caches), an
exception wrapper around every middleware, and the trip through the session, locale, CSRF,
authentication and two-factor middleware. An answerer claims a request by its WSGI environ
alone, then answers it, or declines (None) and Django serves it unchanged.

The rule on headers: every early answer goes out through the middleware Django runs before the
page cache (settings.MIDDLEWARE up to PageCacheMiddleware: security headers, CSP, CORS, the
address length limit), built once per process, so it carries the same headers as Django's own
answer would. The one exception is WhiteNoise: it only serves static files, which no answerer
claims, and a second instance would scan every static file again in each process.
Everything that is not the answerer's own answer goes on to Django, which answers and logs it as
it does for any request: an unknown host, a declined request, and an answer made by that outer
middleware itself (the HTTPS redirect, a too-long address).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost, MiddlewareNotUsed
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.utils.module_loading import import_string

PAGE_CACHE_MIDDLEWARE = "policyshare.caching.middleware.PageCacheMiddleware"
STATIC_FILES_MIDDLEWARE = "whitenoise.middleware.WhiteNoiseMiddleware"


@dataclass(frozen=True)
class Answerer:
    # Whether the request is one this answerer may answer, from the environ alone (no request
    # object is built for the others).
    claims: Callable[[dict], bool]
    # The answer, or None to let Django serve the request.
    answer: Callable[[WSGIRequest], HttpResponse | None]


def outer_middleware(handler):
    """``handler`` inside the middleware every early answer goes out through, in settings
    order."""
    outer = settings.MIDDLEWARE[: settings.MIDDLEWARE.index(PAGE_CACHE_MIDDLEWARE)]
    for path in reversed(outer):
        if path == STATIC_FILES_MIDDLEWARE:
            continue
        try:
            handler = import_string(path)(handler)
        except MiddlewareNotUsed:
            continue
    return handler


class _Declined(Exception):
    """The answerer leaves the request to Django."""


def _answer(request):
    response = request.early_answerer.answer(request)
    if response is None:
        raise _Declined
    response.answered_early = True
    return response


def answer_before_django(application, *answerers):
    """The WSGI ``application`` with the requests ``answerers`` claim answered in front of it."""
    answer = outer_middleware(_answer)

    def application_answering_early(environ, start_response):
        answerer = next((each for each in answerers if each.claims(environ)), None)
        if answerer is None:
            return application(environ, start_response)
        request = WSGIRequest(environ)
        request.early_answerer = answerer
        try:
            # Before anything reads the body: Django must still be able to serve the request.
            request.get_host()
            response = answer(request)
        except (DisallowedHost, _Declined):
            return application(environ, start_response)
        if not getattr(response, "answered_early", False):
            return application(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]

    return application_answering_early
