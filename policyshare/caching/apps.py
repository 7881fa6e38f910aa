from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "policyshare.caching"
    label = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        # Connect the receivers that purge the page cache when published content changes.
        from . import purge  # noqa: F401
