"""Two-factor authentication (TOTP) for the Wagtail admin, on django-otp.

After the password, an editor with a confirmed authenticator device must enter its six-digit
code before the admin opens (django-otp's ``OTPMiddleware`` marks the session verified).
Administrators (superusers) without a device are sent to the enrolment page first when
``POLICYSHARE_REQUIRE_2FA_FOR_ADMINS`` is on; other editors may enrol from their account menu.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device

ADMIN_PREFIX = "/admin/"
VERIFY_URL_NAME = "security_2fa_verify"
ENROL_URL_NAME = "security_2fa_enrol"
# Pages an editor must reach before the second factor: logging in and out, the second step
# itself, and the files the admin's sign-in page needs.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    VERIFY_URL_NAME,
}


def must_enrol(user):
    return user.is_superuser and settings.POLICYSHARE_REQUIRE_2FA_FOR_ADMINS


class TwoFactorMiddleware:
    """Keeps an editor who has not passed the second factor out of the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(ADMIN_PREFIX):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        url_name = request.resolver_match.url_name
        if url_name in OPEN_URL_NAMES:
            return None
        if user_has_device(user, confirmed=True):
            return redirect_to_login(request.get_full_path(), reverse(VERIFY_URL_NAME))
        if must_enrol(user) and url_name != ENROL_URL_NAME:
            return redirect_to_login(request.get_full_path(), reverse(ENROL_URL_NAME))
        return None
