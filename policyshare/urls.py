from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls

from policyshare.core import health
from policyshare.core import views as core_views
from policyshare.oai import views as oai_views
from policyshare.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, rate-limited.
    path("documents/", include("policyshare.security.document_urls")),
    # The beacon that counts page views and video plays (policyshare.analytics).
    path("analytics/", include("policyshare.analytics.urls")),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/search/", search_views.api_search, name="api_search"),
    path("api/", include("policyshare.api.urls")),
    path("oai", oai_views.endpoint, name="oai"),
]

if settings.POLICYSHARE_SERVE_MEDIA:
    # Images and their renditions only: documents go through /documents/, which sends them as
    # attachments and honours collection privacy.
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns.append(
        re_path(
            rf"^{media_prefix}/(?P<path>(?:images|original_images)/.*)$",
            core_views.serve_media,
        )
    )

# Every public page lives below /ko/ or /en/; "/" is redirected by the browser's language.
urlpatterns += i18n_patterns(
    path("feeds/", include("policyshare.feeds.urls")),
    path("search/", include("policyshare.search.urls")),
    path("inquiries/", include("policyshare.inquiries.urls")),
    path("subscriptions/", include("policyshare.subscriptions.urls")),
    path("", include("policyshare.core.page_urls")),
    prefix_default_language=True,
)
