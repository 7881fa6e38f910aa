from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "policyshare.caching"
    label = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from django.db.models.signals import post_migrate

        # Connects the receivers that purge the page cache when published content changes.
        from . import purge

        # Sent per app with models (this one has none): once, for the app that holds the pages.
        post_migrate.connect(
            purge.purge_after_upgrade, sender=self.apps.get_app_config("wagtailcore")
        )
