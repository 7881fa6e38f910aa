"""Mail about an inquiry reaches a real SMTP server through the database task queue and its
worker; a mail server that is down delays mail but loses none."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from policyshare.inquiries.mail import RETRY_BASE_SECONDS
from policyshare.inquiries.models import Inquiry, OutgoingMail
from tests.factories import make_policy

from .conftest import form_data, run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("task_queue")]


def test_the_inquirer_and_the_policys_department_receive_mail(client, smtp_server):
    policy = make_policy(contact_email="air@seoul.example")
    client.post(f"/en/inquiries/new/?policy={policy.pk}", form_data(language="ko"))
    inquiry = Inquiry.objects.get()
    assert not smtp_server.messages, "mail is sent by the worker, not inside the request"

    run_worker()

    confirmation = smtp_server.handler.to("amina@nairobi.example")[0]
    assert inquiry.reference in confirmation["Subject"]
    assert "문의" in confirmation["Subject"], "the confirmation is in the preferred language"
    assert inquiry.reference in confirmation.get_content()
    notice = smtp_server.handler.to("air@seoul.example")[0]
    assert inquiry.reference in notice["Subject"]
    assert f"/admin/inquiries/handle/{inquiry.pk}/" in notice.get_content()
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}


def test_a_general_inquiry_notifies_the_default_address(client, smtp_server, settings):
    settings.POLICYSHARE_INQUIRY_NOTIFY_EMAIL = "international@seoul.example"
    client.post("/en/inquiries/new/", form_data(language="en"))
    run_worker()
    confirmation = smtp_server.handler.to("amina@nairobi.example")[0]
    assert confirmation["Subject"].startswith("We have received your inquiry INQ-")
    assert smtp_server.handler.to("international@seoul.example")


def test_mail_waits_while_the_server_is_down_and_arrives_when_it_is_back(client, smtp_server):
    smtp_server.stop()
    client.post("/en/inquiries/new/", form_data())
    reference = Inquiry.objects.get().reference

    run_worker()

    unsent = OutgoingMail.objects.filter(status="pending")
    assert unsent.count() == 2, "nothing is lost while the server is down"
    first_try = unsent.first()
    assert first_try.attempts == 1
    assert "ConnectionRefusedError" in first_try.last_error
    retry = DBTaskResult.objects.filter(status="READY").order_by("run_after")
    assert retry.count() == 2, "each mail is queued again"
    wait = retry.first().run_after - timezone.now()
    assert datetime.timedelta(0) < wait <= datetime.timedelta(seconds=RETRY_BASE_SECONDS)

    # Still down at the second try: the wait doubles.
    retry.update(run_after=timezone.now())
    run_worker()
    mail = OutgoingMail.objects.get(pk=first_try.pk)
    assert mail.attempts == 2
    later = DBTaskResult.objects.filter(status="READY").order_by("run_after").first()
    assert later.run_after - timezone.now() > datetime.timedelta(seconds=RETRY_BASE_SECONDS)

    smtp_server.start()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()

    assert smtp_server.handler.to("amina@nairobi.example")[0]["Subject"].endswith(reference)
    assert not OutgoingMail.objects.exclude(status="sent").exists()
    assert OutgoingMail.objects.get(pk=first_try.pk).attempts == 3


def test_the_admin_lists_unsent_mail(admin_client, client, smtp_server):
    smtp_server.stop()
    client.post("/en/inquiries/new/", form_data())
    run_worker()
    listing = admin_client.get("/admin/outgoingmail/?status=pending")
    assert listing.status_code == 200
    assert "amina@nairobi.example" in listing.content.decode()
    assert "/admin/outgoingmail/new/" not in listing.content.decode(), "no mail is added by hand"
    assert admin_client.get("/admin/outgoingmail/new/").status_code != 200
