"""The view-counting beacon answered in front of Django's handler.

A beacon follows every page view, and most page views are served from the page cache for almost
nothing: a second trip through Django's handler and middleware (security headers, CORS, sessions,
locale, CSRF, two-factor...) would make counting cost more than the page itself. A visitor
without a session cookie is answered here by the same views.answer_beacon the view uses (one set
of rules: validation, crawler filter, limits, visitor hash, buffer); a request with a session
(perhaps an editor, whose own views must be recognised and left out) goes on to Django.

policyshare/wsgi.py wraps the application with count_beacons.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost, SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.http import parse_cookie
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse


def _has_session(environ):
    cookies = environ.get("HTTP_COOKIE")
    return bool(cookies) and settings.SESSION_COOKIE_NAME in parse_cookie(cookies)


def count_beacons(application):
    from .views import answer_beacon, beacon_response  # its models load once Django is set up

    beacon_path = reverse("analytics:hit")

    def application_with_beacon(environ, start_response):
        if (
            environ.get("PATH_INFO") != beacon_path
            or environ.get("REQUEST_METHOD") != "POST"
            or _has_session(environ)
        ):
            return application(environ, start_response)
        request = WSGIRequest(environ)
        try:
            request.get_host()
            response = answer_beacon(request)
        except DisallowedHost:
            # Django's handler answers an unknown host (400) and logs it as it does for pages.
            return application(environ, start_response)
        except (SuspiciousOperation, MultiPartParserError):
            response = beacon_response(400)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content] if response.content else []

    return application_with_beacon
