"""The beacon answered before the rest of the middleware runs. A beacon follows every page view,
and most page views are served from the page cache for almost nothing: going through sessions,
messages, two-factor and lockout checks as well would make counting cost more than the page.
A request with a session cookie (someone signed in, perhaps an editor) takes the full way
through the view instead, so that an editor's own views are recognised and left out."""

from django.conf import settings
from django.urls import reverse

from .views import answer_beacon


class BeaconMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.beacon_path = None

    def __call__(self, request):
        if self.beacon_path is None:
            self.beacon_path = reverse("analytics:hit")
        if (
            request.path_info == self.beacon_path
            and request.method == "POST"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            return answer_beacon(request)
        return self.get_response(request)
