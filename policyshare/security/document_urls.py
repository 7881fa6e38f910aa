"""Wagtail's document URLs, rate-limited per client: a scraper pulling every brochure in a loop
is slowed down like any other hammering of a public endpoint. The names stay Wagtail's, so
``document.url`` and the security headers (``wagtaildocs_serve``) keep working."""

from django.urls import path, re_path
from wagtail.documents.views import serve

from policyshare.analytics.downloads import counting_downloads

from .ratelimit import ratelimit

urlpatterns = [
    re_path(
        r"^(\d+)/(.*)$",
        # Counted as downloads by policyshare.analytics.
        counting_downloads(ratelimit("documents", rate="60/m")(serve.serve)),
        name="wagtaildocs_serve",
    ),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        ratelimit("document-password", rate="10/m", method="POST")(
            serve.authenticate_with_password
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
]
