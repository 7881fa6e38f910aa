"""Mail about an inquiry reaches a real SMTP server through the outbox, the database task queue
and its worker (retries while the server is down: tests/outbox)."""

import pytest

from policyshare.inquiries.models import Inquiry
from tests.factories import make_policy
from tests.services import run_worker

from .conftest import form_data

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
    assert set(inquiry.mails.values_list("status", flat=True)) == {"sent"}


def test_a_general_inquiry_notifies_the_default_address(client, smtp_server, settings):
    settings.POLICYSHARE_INQUIRY_NOTIFY_EMAIL = "international@seoul.example"
    client.post("/en/inquiries/new/", form_data(language="en"))
    run_worker()
    confirmation = smtp_server.handler.to("amina@nairobi.example")[0]
    assert confirmation["Subject"].startswith("We have received your inquiry INQ-")
    assert smtp_server.handler.to("international@seoul.example")
