from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "policyshare.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .site_setup import ensure_site

        post_migrate.connect(ensure_site, sender=self)
