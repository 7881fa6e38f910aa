"""The view-counting beacon answered in front of Django's handler (policyshare/early_answers.py).

A beacon follows every page view, and most page views are served from the page cache for almost
nothing: a trip through Django's handler and its inner middleware (sessions, locale, CSRF,
two-factor...) would make counting cost more than the page itself. A visitor without a session
cookie is answered here by the same views.answer_beacon the view uses (one set of rules:
validation, crawler filter, limits, visitor hash, buffer); a request with a session (perhaps an
editor, whose own views must be recognised and left out) goes on to Django.
"""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import parse_cookie
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse

from policyshare.early_answers import Answerer


def _has_session(environ):
    cookies = environ.get("HTTP_COOKIE")
    return bool(cookies) and settings.SESSION_COOKIE_NAME in parse_cookie(cookies)


def beacons():
    """Built once Django is set up: the beacon's address and its models are needed."""
    from .views import answer_beacon, beacon_response

    beacon_path = reverse("analytics:hit")

    def is_visitors_beacon(environ):
        return (
            environ.get("PATH_INFO") == beacon_path
            and environ.get("REQUEST_METHOD") == "POST"
            and not _has_session(environ)
        )

    def answer(request):
        try:
            return answer_beacon(request)
        except (SuspiciousOperation, MultiPartParserError):
            # The body is read: it is too late to hand the request to Django.
            return beacon_response(400)

    return Answerer(claims=is_visitors_beacon, answer=answer)
