from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve as serve_static_file
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemap import BilingualSitemap


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": BilingualSitemap})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def serve_media(request, path):
    """Uploaded images in the embedded mode (nginx or object storage serve them otherwise)."""
    return serve_static_file(request, path, document_root=settings.MEDIA_ROOT)
