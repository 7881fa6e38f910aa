"""The beacon that counts a page view or a video play. Public pages are cached, so their views
cannot count; a small script on each page (static/analytics/beacon.js) posts here instead, which
also leaves out clients that run no script, as most crawlers.

Behind the shipped nginx, beacons without a session cookie are answered and logged by nginx and
counted by `policyshare collect-beacons` (collector.py). Those that reach the app without a
session are answered by analytics/wsgi.py before Django's handler, with the same answer_beacon;
a request with a session (perhaps an editor, whose own views are left out) comes through the
whole middleware to the view below. All of them apply beacons.beacon_hit's rules."""

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from policyshare.security.client_ip import client_ip

from .beacons import Client, InvalidBeacon, beacon_hit
from .hits import buffer_hits
from .visitors import is_editor, purposes


def beacon_response(status):
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    return response


def beacon_fields(request):
    return request.GET if "page" in request.GET else request.POST


def answer_beacon(request):
    client = Client(
        address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        host=request.get_host(),
        purposes=purposes(request),
        editor=is_editor(request),
    )
    try:
        counted = beacon_hit(beacon_fields(request), client, timezone.localdate())
    except InvalidBeacon:
        return beacon_response(400)
    if counted is not None:
        buffer_hits([counted])
    # The same answer whether counted or not: nothing to learn about the filters and limits.
    return beacon_response(204)


# A beacon carries no token, changes nothing of the visitor's, and sets no cookie.
hit = csrf_exempt(require_POST(answer_beacon))
