"""Document downloads, counted where the document is served (policyshare.security.document_urls)
with the same filters as page views. The language is that of the page the link was on."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import get_language_from_request

from .hits import DOCUMENT, record_hit
from .models import Kind
from .visitors import should_count


def _language(request):
    referrer = request.META.get("HTTP_REFERER", "")
    prefix = urlsplit(referrer).path.strip("/").split("/")[0] if referrer else ""
    if prefix in dict(settings.LANGUAGES):
        return prefix
    return get_language_from_request(request)


def counting_downloads(serve):
    """Wrap a document serving view: a download that succeeds is counted."""

    def view(request, document_id, *args, **kwargs):
        response = serve(request, document_id, *args, **kwargs)
        if response.status_code == 200 and request.method == "GET" and should_count(request):
            record_hit(
                request,
                kind=Kind.DOWNLOAD,
                item_type=DOCUMENT,
                item_id=int(document_id),
                language=_language(request),
            )
        return response

    return view
