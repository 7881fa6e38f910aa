"""An administrator removes another user's authenticator after it was lost.

Only superusers may do this: whoever can remove a second factor can take over the account
with its password alone, so it is held to the highest role. Nobody resets their own here:
their own page (``TwoFactorView``) asks for a current code, and an editor without the phone
asks another administrator, so a stolen administrator session cannot drop its own second
factor. The reset removes every device of the user (confirmed or half-enrolled), which also
ends the "verified" state of the user's open sessions (django-otp finds the device gone); if
two-factor authentication is enforced for the user, the next visit to the admin asks them to
enrol again.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, user_has_device
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import audit

RESET_URL_NAME = "security_2fa_reset"
USERS_URL_NAME = "wagtailusers_users:index"


def can_reset(request_user, user):
    return request_user.is_superuser and request_user.pk != user.pk


def has_authenticator(user):
    return user_has_device(user, confirmed=None)


@method_decorator(never_cache, name="dispatch")
class ResetTwoFactorView(WagtailAdminTemplateMixin, View):
    """Asks for confirmation (GET), then removes the user's devices (POST)."""

    template_name = "security/two_factor_reset.html"
    page_title = gettext_lazy("Reset two-factor authentication")
    header_icon = "key"

    def dispatch(self, request, user_id):
        self.user = get_object_or_404(get_user_model(), pk=user_id)
        if not request.user.is_superuser:
            raise PermissionDenied
        if request.user.pk == self.user.pk:
            messages.error(
                request,
                _(
                    "You cannot reset your own two-factor authentication here. Turn it off on "
                    "your own page with a current code, or ask another administrator."
                ),
            )
            return redirect(USERS_URL_NAME)
        return super().dispatch(request, user_id)

    def get_page_subtitle(self):
        return self.user.get_username()

    def get(self, request, user_id):
        context = self.get_context_data(
            user_shown=self.user,
            has_authenticator=has_authenticator(self.user),
            reset_url=reverse(RESET_URL_NAME, args=[self.user.pk]),
            users_url=reverse(USERS_URL_NAME),
        )
        return self.render_to_response(context)

    def post(self, request, user_id):
        devices = list(devices_for_user(self.user, confirmed=None))
        name = self.user.get_username()
        if not devices:
            messages.info(request, _("%(name)s has no authenticator to remove.") % {"name": name})
            return redirect(USERS_URL_NAME)
        for device in devices:
            device.delete()
        audit.log_two_factor_reset(self.user, by=request.user)
        messages.success(
            request,
            _(
                "Two-factor authentication of %(name)s is reset: they set up their "
                "authenticator again when they next sign in."
            )
            % {"name": name},
        )
        return redirect(USERS_URL_NAME)
