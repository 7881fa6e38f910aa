"""Two-factor authentication with an authenticator app (TOTP) in the Wagtail admin."""

import base64
import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from policyshare.security import audit

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def code_for(device, steps_ahead=0):
    """The code the editor's phone shows (``steps_ahead``: the next 30-second window, since a
    code once accepted cannot be used again)."""
    drift = device.drift + steps_ahead
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def wait_out_the_throttle(device):
    """After a wrong code django-otp refuses any code for a growing delay; rather than sleep,
    the test clears the delay as its passing would."""
    device.refresh_from_db()
    device.throttle_reset()


def enrol(client, user):
    page = client.get("/admin/2fa/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return page, device, client.post("/admin/2fa/", {"otp_token": code_for(device)})


def test_an_editor_enrols_from_a_qr_code_drawn_in_the_page(client, editor):
    client.force_login(editor)
    page, device, response = enrol(client, editor)

    html = page.content.decode()
    assert "<svg" in html  # the QR code itself, not a link to an image elsewhere
    secret = base64.b32encode(device.bin_key).decode()
    assert secret in html  # for typing in when the camera fails
    assert re.search(r'<img[^>]+src="https?://', html) is None

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    entry = ModelLogEntry.objects.get(action=audit.TWO_FACTOR_ENROLLED)
    assert entry.object_id == str(editor.pk)
    assert entry.user_id == editor.pk


def test_a_wrong_code_does_not_enrol(client, editor):
    client.force_login(editor)
    client.get("/admin/2fa/")
    response = client.post("/admin/2fa/", {"otp_token": "abcdef"})
    assert response.status_code == 200
    assert "The code is wrong or has expired" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_after_the_password_the_admin_asks_for_the_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)

    response = sign_in(client, "editor")
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verify/")

    response = client.post(response["Location"], {"otp_token": "abcdef"})
    assert "The code is wrong or has expired" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    response = client.post("/admin/2fa/verify/", {"otp_token": "abc"})
    assert "Too many wrong codes" in response.content.decode()
    wait_out_the_throttle(device)

    response = client.post(
        "/admin/2fa/verify/?next=/admin/account/", {"otp_token": code_for(device)}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_enrolment_then_a_fresh_sign_in_with_a_real_code(client, editor):
    client.force_login(editor)
    _, device, _ = enrol(client, editor)
    client.logout()

    sign_in(client, "editor", PASSWORD)
    device.refresh_from_db()
    response = client.post("/admin/2fa/verify/", {"otp_token": code_for(device, steps_ahead=1)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_editor_without_an_authenticator_is_not_forced(client, editor, settings):
    settings.POLICYSHARE_REQUIRE_2FA_FOR_ADMINS = True
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200


def test_an_administrator_must_enrol_before_using_the_admin(client, administrator, settings):
    settings.POLICYSHARE_REQUIRE_2FA_FOR_ADMINS = True
    sign_in(client, "chief")

    response = client.get("/admin/users/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/?next=")
    page = client.get(response["Location"])
    assert "Administrators must use two-factor authentication" in page.content.decode()

    device = TOTPDevice.objects.get(user=administrator, confirmed=False)
    response = client.post("/admin/2fa/?next=/admin/users/", {"otp_token": code_for(device)})
    assert response["Location"] == "/admin/users/"
    assert client.get("/admin/users/").status_code == 200


def test_an_administrator_is_free_when_the_setting_is_off(client, administrator, settings):
    settings.POLICYSHARE_REQUIRE_2FA_FOR_ADMINS = False
    sign_in(client, "chief")
    assert client.get("/admin/users/").status_code == 200


def test_turning_it_off_needs_a_current_code_and_is_logged(client, editor):
    client.force_login(editor)
    _, device, _ = enrol(client, editor)

    response = client.post("/admin/2fa/", {"otp_token": "abcdef"})
    assert response.status_code == 200
    assert TOTPDevice.objects.filter(pk=device.pk).exists()

    device.refresh_from_db()
    wait_out_the_throttle(device)
    client.post("/admin/2fa/", {"otp_token": code_for(device, steps_ahead=1)})
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_REMOVED).count() == 1


def test_the_public_site_is_untouched(client, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client, "editor")
    assert client.get("/robots.txt").status_code == 200
