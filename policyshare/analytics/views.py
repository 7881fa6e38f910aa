"""The beacon that counts a page view or a video play. Public pages are cached, so their views
cannot count; a small script on each page (static/analytics/beacon.js) posts here instead, which
also leaves out clients that run no script, as most crawlers."""

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .hits import PAGE, record_hit
from .models import Kind
from .visitors import should_count

BEACON_KINDS = {Kind.VIEW, Kind.PLAY}
MAX_PAGE_ID = 2**31 - 1


def answer_beacon(request):
    page_id = request.POST.get("page", "")
    kind = request.POST.get("kind", Kind.VIEW)
    if not page_id.isdigit() or not 0 < int(page_id) <= MAX_PAGE_ID or kind not in BEACON_KINDS:
        return HttpResponse(status=400)
    if should_count(request):
        record_hit(
            request,
            kind=kind,
            item_type=PAGE,
            item_id=int(page_id),
            referrer=request.POST.get("ref", "") if kind == Kind.VIEW else "",
        )
    # The same answer whether counted or not: nothing to learn about the filters.
    return HttpResponse(status=204)


# A beacon carries no token, changes nothing of the visitor's, and sets no cookie. Visitors
# without a session are answered by middleware.BeaconMiddleware before reaching this view.
hit = csrf_exempt(require_POST(answer_beacon))
