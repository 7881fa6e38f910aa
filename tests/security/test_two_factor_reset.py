"""An administrator resets the authenticator of a user who lost it."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from policyshare.security import audit

from .conftest import make_user, sign_in
from .test_two_factor import code_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def reset_url(user):
    return f"/admin/2fa/reset/{user.pk}/"


def test_the_users_list_offers_the_reset_for_users_with_an_authenticator(
    client, administrator, editor, editor_device
):
    make_user("without-phone")
    client.force_login(administrator)
    html = client.get("/admin/users/").content.decode()
    assert reset_url(editor) in html
    assert "Reset two-factor authentication" in html
    assert html.count("/admin/2fa/reset/") == 1  # not for users without one, nor oneself


def test_an_administrator_confirms_then_the_devices_are_gone_and_it_is_logged(
    client, administrator, editor, editor_device
):
    TOTPDevice.objects.create(user=editor, name="half enrolled", confirmed=False)
    client.force_login(administrator)

    page = client.get(reset_url(editor))
    assert page.status_code == 200
    assert "Remove the authenticator of editor?" in page.content.decode()
    assert TOTPDevice.objects.filter(user=editor).count() == 2  # asking changes nothing

    response = client.post(reset_url(editor), follow=True)
    assert response.redirect_chain == [("/admin/users/", 302)]
    assert "is reset: they set up their authenticator again" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    entry = ModelLogEntry.objects.get(action=audit.TWO_FACTOR_RESET)
    assert entry.object_id == str(editor.pk)
    assert entry.user_id == administrator.pk
    report = client.get("/admin/reports/site-history/").content.decode()
    assert "Two-factor authentication reset" in report


def test_the_user_signs_in_with_the_password_alone_afterwards(
    client, administrator, editor, editor_device
):
    client.force_login(administrator)
    client.post(reset_url(editor))
    client.logout()

    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200


def test_an_administrator_who_must_use_it_enrols_again(client, settings, administrator):
    settings.POLICYSHARE_REQUIRE_2FA_FOR_ADMINS = True
    other = make_user("deputy", superuser=True)
    lost = TOTPDevice.objects.create(user=other, name="lost phone", confirmed=True)
    lost_code = code_for(lost)
    client.force_login(administrator)
    TOTPDevice.objects.create(user=administrator, name="phone", confirmed=True)
    # The acting administrator passes their own second factor first.
    device = TOTPDevice.objects.get(user=administrator)
    client.post("/admin/2fa/verify/", {"otp_token": code_for(device)})
    assert client.post(reset_url(other)).status_code == 302
    client.logout()

    sign_in(client, "deputy")
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/2fa/?next=")
    # The lost phone's code opens nothing any more.
    response = client.post("/admin/2fa/verify/", {"otp_token": lost_code})
    assert "The code is wrong" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_an_open_session_of_the_user_loses_its_verified_state(
    client, administrator, editor, editor_device
):
    sign_in(client, "editor")
    client.post("/admin/2fa/verify/", {"otp_token": code_for(editor_device)})
    assert client.get("/admin/").status_code == 200
    editor_device.delete()  # what the reset does, seen from the user's own session
    TOTPDevice.objects.create(user=editor, name="new phone", confirmed=True)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


def test_nobody_resets_their_own(client, administrator):
    own = TOTPDevice.objects.create(user=administrator, name="phone", confirmed=True)
    client.force_login(administrator)
    client.post("/admin/2fa/verify/", {"otp_token": code_for(own)})

    response = client.post(reset_url(administrator), follow=True)
    assert "You cannot reset your own two-factor authentication here" in (response.content.decode())
    assert TOTPDevice.objects.filter(pk=own.pk).exists()
    assert not ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_RESET).exists()


def test_an_editor_who_is_not_an_administrator_cannot_reset(client, editor, editor_device):
    other = make_user("colleague")
    TOTPDevice.objects.create(user=other, name="phone", confirmed=True)
    sign_in(client, "editor")
    client.post("/admin/2fa/verify/", {"otp_token": code_for(editor_device)})

    # Wagtail turns a refusal into a redirect to the dashboard with its "no permission" message.
    assert client.get(reset_url(other))["Location"] == "/admin/"
    assert client.post(reset_url(other))["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=other).exists()
    assert reset_url(other) not in client.get("/admin/users/").content.decode()


def test_a_user_without_an_authenticator_has_nothing_to_reset(client, administrator, editor):
    client.force_login(administrator)
    assert "editor has no authenticator to remove" in client.get(reset_url(editor)).content.decode()
    client.post(reset_url(editor))
    assert not ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_RESET).exists()


def test_an_unknown_user_is_a_404(client, administrator):
    client.force_login(administrator)
    assert client.get("/admin/2fa/reset/999999/", follow=True).status_code == 404
