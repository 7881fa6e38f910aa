"""The inquirer's personal data: anonymised once the retention period after closing has passed,
and exported or erased on request from the admin."""

import datetime
import io
import json
import os

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from policyshare.inquiries.models import Inquiry, Status, ThreadEntry
from policyshare.outbox.models import Mail

from .test_admin import admin, handle_url, make_inquiry, staff  # noqa: F401

pytestmark = pytest.mark.django_db


def closed_inquiry(days_ago, attachment=None, **fields):
    inquiry = make_inquiry(status=Status.CLOSED, **fields)
    if attachment:
        inquiry.attachment.save("attachment.pdf", ContentFile(attachment))
    closed_at = timezone.now() - datetime.timedelta(days=days_ago)
    Inquiry.objects.filter(pk=inquiry.pk).update(closed_at=closed_at)
    return inquiry


def test_closed_inquiries_past_the_retention_period_are_anonymised(settings):
    settings.POLICYSHARE_INQUIRY_RETENTION_DAYS = 30
    expired = closed_inquiry(31, attachment=b"%PDF-1.4 x")
    attachment_path = expired.attachment.path
    ThreadEntry.objects.create(inquiry=expired, kind="reply", text="Dear Amina, yes.")
    expired.mails.create(to=expired.email, subject="Re", text="Dear Amina")
    recent = closed_inquiry(29)
    still_open = make_inquiry(created_at=timezone.now() - datetime.timedelta(days=400))

    out = io.StringIO()
    call_command("anonymise_inquiries", stdout=out)
    assert "Anonymised 1 " in out.getvalue()

    expired.refresh_from_db()
    assert "Amina" not in (expired.name + expired.message + expired.email + expired.role)
    assert expired.anonymised_at is not None
    assert not expired.attachment
    assert not os.path.exists(attachment_path)
    assert "Amina" not in expired.thread.get().text
    assert "Amina" not in expired.mails.get().text and expired.mails.get().to == ""
    # What the reports count is kept.
    assert (expired.kind, expired.country.code, expired.city) == ("study_visit", "KE", "Nairobi")
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.name == "Amina Otieno"

    call_command("anonymise_inquiries", stdout=out)
    assert "Anonymised 0 " in out.getvalue(), "running it again changes nothing"


def test_an_inquirers_data_is_exported_as_json(admin):  # noqa: F811
    first = make_inquiry()
    second = make_inquiry(email="Amina@Nairobi.example", message="A second question")
    make_inquiry(email="someone@else.example")
    response = admin.get(f"{handle_url(first)}data.json")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert {item["reference"] for item in data["inquiries"]} == {first.reference, second.reference}
    assert data["inquiries"][0]["name"] == "Amina Otieno"


def test_an_inquirers_data_is_erased_on_request(admin):  # noqa: F811
    first = make_inquiry()
    second = make_inquiry()
    other = make_inquiry(email="someone@else.example")
    pending = first.mails.create(to=first.email, subject="s", text="b")

    confirm = admin.get(f"{handle_url(first)}erase/")
    assert "amina@nairobi.example" in confirm.content.decode()
    assert Inquiry.objects.filter(name="Amina Otieno").count() == 3, "asking changes nothing"

    admin.post(f"{handle_url(first)}erase/")
    for inquiry in (first, second):
        inquiry.refresh_from_db()
        assert inquiry.email == "" and inquiry.name != "Amina Otieno"
    other.refresh_from_db()
    assert other.name == "Amina Otieno"
    pending.refresh_from_db()
    assert pending.status == Mail.Status.FAILED, "an erased address is not written to"


def test_only_staff_allowed_to_may_export_or_erase(client, django_user_model):
    inquiry = make_inquiry()
    editor = django_user_model.objects.create_user("editor", password="not-secret")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_inquiry"),
    )
    client.force_login(editor)
    assert client.get(handle_url(inquiry)).status_code == 200
    # Wagtail answers a refusal by sending the user back to the dashboard with a message.
    refused = client.get(f"{handle_url(inquiry)}data.json")
    assert refused.status_code == 302 and "Amina" not in refused.content.decode()
    assert client.post(f"{handle_url(inquiry)}erase/").status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.name == "Amina Otieno"
