"""Wagtail's front-end URLs (the password form of restricted pages, the visitors' login), with
its page view replaced by :func:`policyshare.core.views.serve`, which routes from the values kept
per generation (``routing.py``). Same patterns and names, in Wagtail's order."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from .views import serve

urlpatterns = [
    pattern
    if pattern.name != "wagtail_serve"
    else re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve")
    for pattern in wagtail_urls.urlpatterns
]
