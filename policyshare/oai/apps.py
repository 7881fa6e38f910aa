from django.apps import AppConfig


class OaiConfig(AppConfig):
    name = "policyshare.oai"
    label = "oai"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import deletions  # noqa: F401 - connects the signal receivers
