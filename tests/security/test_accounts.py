"""Password rules, and sessions that end: idle, too old, or after a password change."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from policyshare.security import sessions

from .conftest import make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Sh0rt!pass", "at least 12 characters"),
        ("password1234", "too common"),
        ("420934857230498", "entirely numeric"),
        ("kimminjun-editor", "too similar to the username"),
    ],
)
def test_weak_passwords_are_refused(editor, password, reason):
    editor.username = "kimminjun-editor"
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        validate_password(password, user=editor)
    assert reason in " ".join(refused.value.messages)


def test_a_long_passphrase_is_accepted(editor):
    validate_password("river lantern maple 42 quietly", user=editor)


def test_the_admin_refuses_a_weak_new_password(client, administrator, editor):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        {
            "username": "editor",
            "email": "editor@example.org",
            "first_name": "E",
            "last_name": "D",
            "is_active": "on",
            "password1": "short",
            "password2": "short",
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()


def test_a_new_password_signs_out_every_session_of_the_old_one(client, administrator, editor):
    """An administrator resets the password of an editor whose password leaked: whoever is
    signed in with the old one is out at their next request."""
    editors_browser = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    sign_in(editors_browser, "editor")
    assert editors_browser.get("/admin/").status_code == 200

    client.force_login(administrator)
    new_password = "a different long passphrase"
    response = client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        {
            "username": "editor",
            "email": "editor@example.org",
            "first_name": "E",
            "last_name": "D",
            "is_active": "on",
            "password1": new_password,
            "password2": new_password,
        },
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(new_password)

    assert editors_browser.get("/admin/").status_code == 302
    assert client.get("/admin/").status_code == 200


def shift_session_clock(client, seconds):
    """Pretend the session's times were recorded ``seconds`` earlier, rather than wait."""
    session = client.session
    for key in (sessions.SIGNED_IN_AT, sessions.LAST_SEEN):
        session[key] -= seconds
    session.save()


def test_an_idle_session_ends(client, editor, settings):
    sign_in(client, "editor")
    shift_session_clock(client, settings.POLICYSHARE_SESSION_IDLE_MINUTES * 60 + 1)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_active_session_ends_after_eight_hours(client, editor, settings):
    sign_in(client, "editor")
    session = client.session
    session[sessions.SIGNED_IN_AT] = int(time.time()) - settings.SESSION_COOKIE_AGE - 1
    session.save()
    assert client.get("/admin/").status_code == 302


def test_a_session_in_use_goes_on(client, editor, settings):
    sign_in(client, "editor")
    shift_session_clock(client, settings.POLICYSHARE_SESSION_IDLE_MINUTES * 60 - 120)
    assert client.get("/admin/").status_code == 200
    shift_session_clock(client, 120)
    assert client.get("/admin/").status_code == 200


def test_make_user_helper_gives_admin_access():
    assert make_user("helper").has_perm("wagtailadmin.access_admin")
