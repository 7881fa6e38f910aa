from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve as serve_static_file
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.views import serve as wagtail_serve

from .routing import kept
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


def serve(request, path):
    """Wagtail's page view, with the site and the home page kept per generation
    (``routing.py``): it fills in Wagtail's own per-request caches (``request._wagtail_site``,
    ``request._wagtail_route_for_request``) and hands over to Wagtail's ``serve``, so every
    ``before_serve_page`` hook, the view restrictions and ``Page.serve`` run as before."""
    kept_routing = kept()
    routing = kept_routing.routing_for(request)
    request._wagtail_site = routing.site
    if routing.site is not None:
        locale = kept_routing.active_locale()
        home = routing.home_in(locale.language_code if locale else None)
        try:
            result = home.route(request, [part for part in path.split("/") if part])
        except Http404:
            result = None
        else:
            kept_routing.attach_locale(result[0])
        request._wagtail_route_for_request = result
    return wagtail_serve(request, path)
