"""The outgoing e-mail in the Wagtail admin: what is waiting, sent or given up on, for staff who
may see it. Mail is written by the portal only: staff may correct or requeue it, never add one."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from policyshare.security.admin_permissions import NotAddedByHand

from .models import Mail


class MailFilterSet(WagtailFilterSet):
    class Meta:
        model = Mail
        fields = ["status"]


register_permission_policy(Mail, NotAddedByHand(Mail))


class MailViewSet(ModelViewSet):
    model = Mail
    url_prefix = "outbox"
    icon = "mail"
    menu_label = _("Outgoing e-mail")
    add_to_admin_menu = True
    menu_order = 260
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = MailFilterSet
    form_fields = ["to", "subject", "text"]
    list_display = [
        Column("subject", label=_("Subject")),
        Column("to", label=_("To")),
        Column("get_status_display", label=_("Status")),
        Column("attempts", label=_("Attempts")),
        Column("last_error", label=_("Last error")),
        DateColumn("created_at", label=_("Queued")),
        DateColumn("sent_at", label=_("Sent")),
    ]
