"""Repeated failed sign-ins lock the account and the address for the cool-off period."""

import datetime

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import ModelLogEntry

from policyshare.security import audit

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def fail(client, username, times, **extra):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", **extra)
    return response


def test_a_wrong_password_shows_wagtails_error_and_no_lockout(client, editor):
    response = fail(client, "editor", 1)
    assert response.status_code == 200
    assert not ModelLogEntry.objects.filter(action=audit.LOCKED_OUT).exists()


def test_the_account_is_locked_after_the_failure_limit_even_with_the_right_password(client, editor):
    response = fail(client, "editor", settings.AXES_FAILURE_LIMIT)

    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert "15 minutes" in page
    assert 'name="password"' in page  # still Wagtail's sign-in page

    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_each_lockout_is_one_entry_in_the_audit_log(client, editor):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT + 2)

    entries = ModelLogEntry.objects.filter(action=audit.LOCKED_OUT)
    assert entries.count() == 1
    entry = entries.get()
    assert entry.object_id == str(editor.pk)
    assert entry.data == {"username": "editor", "ip_address": "127.0.0.1"}
    with translation.override("en"):
        message = str(entry.message)
    assert message == "Sign-in locked after repeated failures: editor from 127.0.0.1"


def test_a_guessed_account_name_is_logged_too(client, db):
    fail(client, "nobody", settings.AXES_FAILURE_LIMIT)

    entry = ModelLogEntry.objects.get(action=audit.LOCKED_OUT)
    assert entry.data["username"] == "nobody"
    assert entry.label == "nobody (127.0.0.1)"


def test_one_address_trying_many_accounts_is_locked(client, db):
    for number in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, f"guess{number}", "wrong password")
    assert response.status_code == 429

    other_client_response = sign_in(client, "someone-else", "wrong password")
    assert other_client_response.status_code == 429


def test_the_same_account_from_another_address_is_locked_too(client, editor):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT, REMOTE_ADDR="192.0.2.1")

    response = sign_in(client, "editor", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429


def test_sign_in_works_again_after_the_cool_off(client, editor, settings):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, "editor", PASSWORD).status_code == 429

    # Move the failures back in time rather than wait: the cool-off counts from the last one.
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(seconds=1)
    )

    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_old_failure_records_and_addresses_are_purged(client, editor, settings):
    from axes.models import AccessAttempt
    from django.core.management import call_command

    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    call_command("purge_login_records")
    assert AccessAttempt.objects.exists()  # still recent

    old = datetime.timedelta(days=settings.POLICYSHARE_LOGIN_RECORD_DAYS + 1)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - old)
    entry = ModelLogEntry.objects.get(action=audit.LOCKED_OUT)
    ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=entry.timestamp - old)
    call_command("purge_login_records")

    assert not AccessAttempt.objects.exists()
    entry.refresh_from_db()
    assert entry.data == {"username": "editor", "ip_address": ""}
    with translation.override("en"):
        assert str(entry.message) == "Sign-in locked after repeated failures: editor"
