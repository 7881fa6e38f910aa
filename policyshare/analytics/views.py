"""The beacon that counts a page view or a video play. Public pages are cached, so their views
cannot count; a small script on each page (static/analytics/beacon.js) posts here instead, which
also leaves out clients that run no script, as most crawlers.

Visitors without a session cookie are answered by analytics/wsgi.py before Django's handler,
with the same answer_beacon; a request with a session (perhaps an editor, whose own views are
left out) comes through the whole middleware to the view below."""

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from policyshare.core.numbers import object_id
from policyshare.security.client_ip import client_ip

from .hits import PAGE, record_hit
from .limits import address_over_limit
from .models import Kind
from .visitors import should_count

BEACON_KINDS = {Kind.VIEW, Kind.PLAY}


def beacon_response(status):
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    return response


def answer_beacon(request):
    page_id = object_id(request.POST.get("page", ""))
    kind = request.POST.get("kind", Kind.VIEW)
    if page_id is None or kind not in BEACON_KINDS:
        return beacon_response(400)
    if should_count(request) and not address_over_limit(client_ip(request), timezone.localdate()):
        record_hit(
            request,
            kind=kind,
            item_type=PAGE,
            item_id=page_id,
            referrer=request.POST.get("ref", "") if kind == Kind.VIEW else "",
        )
    # The same answer whether counted or not: nothing to learn about the filters and limits.
    return beacon_response(204)


# A beacon carries no token, changes nothing of the visitor's, and sets no cookie.
hit = csrf_exempt(require_POST(answer_beacon))
