from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "policyshare.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Connect the signal receivers of the audit log and of session timeouts.
        from . import audit, sessions  # noqa: F401

        # Pillow's own guard against decompression bombs, at Wagtail's limit: it then also
        # covers images opened outside the upload form (renditions, imports).
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
