"""The two steps of two-factor authentication in the Wagtail admin: enrolling an authenticator
app (QR code drawn inline as SVG, nothing fetched from elsewhere) and entering its code after
the password."""

import base64

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import audit
from .two_factor import must_enrol


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label=gettext_lazy("Six-digit code"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].strip()
        if self.device is not None and not self.device.verify_is_allowed()[0]:
            # django-otp doubles the wait after each wrong code, against guessing.
            raise forms.ValidationError(
                _("Too many wrong codes. Wait a little and try again."), code="throttled"
            )
        if self.device is None or not self.device.verify_token(token):
            raise forms.ValidationError(
                _("The code is wrong or has expired. Enter the code your app shows now."),
                code="invalid",
            )
        return token


def safe_next_url(request):
    url = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME, ""))
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def qr_code_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    # qrcode writes the SVG itself from the otpauth:// address; nothing in it comes from a user.
    return mark_safe(image.to_string(encoding="unicode"))


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class VerifyView(View):
    """The second step of signing in, for an editor with an authenticator."""

    template_name = "security/two_factor_verify.html"

    def device(self):
        return TOTPDevice.objects.devices_for_user(self.request.user, confirmed=True).first()

    def get(self, request):
        if request.user.is_verified():
            return redirect(safe_next_url(request))
        return self.show(CodeForm(self.device()))

    def post(self, request):
        form = CodeForm(self.device(), request.POST)
        if not form.is_valid():
            return self.show(form)
        otp_login(request, form.device)
        return redirect(safe_next_url(request))

    def show(self, form):
        context = {"form": form, "next": safe_next_url(self.request)}
        return render(self.request, self.template_name, context)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class TwoFactorView(WagtailAdminTemplateMixin, View):
    """An editor's own authenticator: enrol one, or see that it is in place and remove it."""

    template_name = "security/two_factor.html"
    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"

    def confirmed_device(self):
        return TOTPDevice.objects.devices_for_user(self.request.user, confirmed=True).first()

    def pending_device(self):
        """The device being enrolled: the same one across reloads, so that a QR code already
        scanned stays valid until the code is entered."""
        device = TOTPDevice.objects.devices_for_user(self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name=_("Authenticator app"), confirmed=False
            )
        return device

    def get(self, request):
        device = self.confirmed_device()
        if device is not None:
            return self.show(device=device, form=CodeForm(device))
        return self.show_enrolment(CodeForm(self.pending_device()))

    def post(self, request):
        confirmed = self.confirmed_device()
        if confirmed is not None:
            return self.remove(confirmed)
        form = CodeForm(self.pending_device(), request.POST)
        if not form.is_valid():
            return self.show_enrolment(form)
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        audit.log_two_factor_enrolled(request.user)
        messages.success(request, _("Two-factor authentication is on for your account."))
        return redirect(safe_next_url(request))

    def remove(self, device):
        # The code proves the authenticator is at hand: a stolen session alone cannot turn
        # the second factor off.
        form = CodeForm(device, self.request.POST)
        if not form.is_valid():
            return self.show(device=device, form=form)
        device.delete()
        audit.log_two_factor_removed(self.request.user)
        messages.success(self.request, _("Two-factor authentication is off for your account."))
        return redirect("security_2fa_enrol")

    def show_enrolment(self, form):
        device = form.device
        return self.show(
            form=form,
            qr_code=qr_code_svg(device.config_url),
            secret=base64.b32encode(device.bin_key).decode(),
            required=must_enrol(self.request.user),
        )

    def show(self, **context):
        context = self.get_context_data(next=safe_next_url(self.request), **context)
        return self.render_to_response(context)
