"""An administrator's sign-in in Chromium: forced enrolment of an authenticator app from the QR
code, the code asked after the password, and the lockout after repeated failures."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

PASSWORD = "a long passphrase for chromium"  # noqa: S105


def current_code(device, steps_ahead=0):
    device.refresh_from_db()
    drift = device.drift + steps_ahead
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def sign_in(page, username, password=PASSWORD):
    page.goto("/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', password)
    page.click('form.login-form button[type="submit"]')


@pytest.fixture
def chief(settings):
    settings.POLICYSHARE_REQUIRE_2FA_FOR_ADMINS = True
    return get_user_model().objects.create_superuser(username="chief-e2e", password=PASSWORD)


def test_an_administrator_enrols_then_signs_in_with_the_code(new_context, chief):
    context = new_context(locale="en-GB")
    page = context.new_page()
    refused_by_policy = []
    page.on(
        "console",
        lambda message: (
            refused_by_policy.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )

    sign_in(page, "chief-e2e")
    page.wait_for_url(re.compile(r"/admin/2fa/\?next="))
    assert "Administrators must use two-factor authentication" in page.inner_text("main")
    qr_code = page.locator(".security-qr-code svg")
    box = qr_code.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100

    device = TOTPDevice.objects.get(user=chief, confirmed=False)
    page.fill('input[name="otp_token"]', current_code(device))
    page.locator('main button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "Two-factor authentication is on" in page.inner_text("body")

    context.clear_cookies()
    sign_in(page, "chief-e2e")
    page.wait_for_url(re.compile(r"/admin/2fa/verify/"))
    page.fill('input[name="otp_token"]', current_code(device, steps_ahead=1))
    page.locator('form.login-form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert refused_by_policy == []


@pytest.fixture
def released_afterwards():
    """The browser signs in from 127.0.0.1 like every other browser test: whatever happens to
    the database afterwards, the address is not left locked out."""
    yield
    AccessAttempt.objects.all().delete()


def test_repeated_failures_lock_the_sign_in_with_a_message(
    new_context, chief, settings, released_afterwards
):
    page = new_context(locale="en-GB").new_page()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(page, "chief-e2e", "not the password")
    message = page.locator(".messages").inner_text()
    assert "Too many failed sign-in attempts" in message

    sign_in(page, "chief-e2e")
    assert "Too many failed sign-in attempts" in page.locator(".messages").inner_text()
    assert "/admin/login/" in page.url
