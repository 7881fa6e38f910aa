from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What an operator runs beside the site: backups and restores."""

    name = "policyshare.operations"
    label = "operations"
    verbose_name = _("Operations")
