from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from policyshare.core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
]

if settings.POLICYSHARE_SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns.append(
        re_path(
            rf"^{media_prefix}/(?P<path>.*)$",
            serve_static_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Every public page lives below /ko/ or /en/; "/" is redirected by the browser's language.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
