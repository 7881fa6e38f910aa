from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from . import audit
from .two_factor import ENROL_URL_NAME, VERIFY_URL_NAME
from .two_factor_reset import RESET_URL_NAME, ResetTwoFactorView, can_reset, has_authenticator
from .two_factor_views import TwoFactorView, VerifyView


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/verify/", VerifyView.as_view(), name=VERIFY_URL_NAME),
        path("2fa/", TwoFactorView.as_view(), name=ENROL_URL_NAME),
        path("2fa/reset/<int:user_id>/", ResetTwoFactorView.as_view(), name=RESET_URL_NAME),
    ]


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if can_reset(request_user, user) and has_authenticator(user):
        yield Button(
            _("Reset two-factor authentication"),
            reverse(RESET_URL_NAME, args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse(ENROL_URL_NAME),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from your phone after your password."),
    }


class ChangeFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        parts = []
        if data.get("added"):
            parts.append(_("added: %(names)s") % {"names": ", ".join(data["added"])})
        if data.get("removed"):
            parts.append(_("removed: %(names)s") % {"names": ", ".join(data["removed"])})
        return f"{self.label} ({'; '.join(parts)})" if parts else str(self.label)


@hooks.register("register_log_actions")
def register_security_log_actions(actions):
    @actions.register_action(audit.LOCKED_OUT)
    class LockedOut(LogFormatter):
        label = _("Sign-in locked")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if not data.get("ip_address"):
                # The address is removed after a while (purge_login_records).
                return _("Sign-in locked after repeated failures: %(username)s") % {
                    "username": data.get("username", "")
                }
            return _("Sign-in locked after repeated failures: %(username)s from %(ip)s") % {
                "username": data.get("username", ""),
                "ip": data["ip_address"],
            }

    actions.register_action(
        audit.TWO_FACTOR_ENROLLED,
        _("Two-factor authentication on"),
        _("Two-factor authentication turned on"),
    )
    actions.register_action(
        audit.TWO_FACTOR_REMOVED,
        _("Two-factor authentication off"),
        _("Two-factor authentication turned off"),
    )
    actions.register_action(
        audit.TWO_FACTOR_RESET,
        _("Two-factor authentication reset"),
        _("Two-factor authentication reset by an administrator"),
    )

    @actions.register_action(audit.GROUPS_CHANGED)
    class GroupsChanged(ChangeFormatter):
        label = _("Groups changed")

    @actions.register_action(audit.PERMISSIONS_CHANGED)
    class PermissionsChanged(ChangeFormatter):
        label = _("Permissions changed")
