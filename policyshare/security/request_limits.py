"""Requests too big to be honest are refused before any view sees them.

Django already caps form fields (``DATA_UPLOAD_MAX_NUMBER_FIELDS``) and non-file bodies
(``DATA_UPLOAD_MAX_MEMORY_SIZE``); this caps the query string, which nothing else does, so a
long ``?q=`` cannot make search, the feeds or the API work on megabytes of text.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if len(query_string) > settings.POLICYSHARE_MAX_QUERY_STRING_LENGTH:
            return HttpResponse(
                _("The address is too long. Shorten the search or the filters and try again."),
                status=414,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
