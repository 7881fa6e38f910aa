from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "policyshare.library"
    label = "library"
    verbose_name = _("Publications and videos")

    def ready(self):
        from . import renditions  # noqa: F401 - connects its signal receiver
