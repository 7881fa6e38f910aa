"""The outbox sends through the database task queue and its worker to a real SMTP server; a mail
server that is down delays mail (retried with a doubling wait) but loses none."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from policyshare.outbox import sending
from policyshare.outbox.models import Mail
from tests.services import run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("task_queue")]


def queue_newsletter():
    return sending.queue(
        "amina@nairobi.example",
        "Bike lanes open",
        "Seoul opened 20 km of bike lanes.",
        html="<p>Seoul opened <strong>20 km</strong> of bike lanes.</p>",
        headers={"List-Unsubscribe": "<https://example.org/unsubscribe/x/>"},
        reply_to="international@seoul.example",
    )


def due_now():
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_mail_arrives_with_its_html_part_and_headers(smtp_server):
    mail = queue_newsletter()
    assert not smtp_server.messages, "mail is sent by the worker, not by the caller"

    run_worker()

    [message] = smtp_server.handler.to("amina@nairobi.example")
    assert message["Subject"] == "Bike lanes open"
    assert message["List-Unsubscribe"] == "<https://example.org/unsubscribe/x/>"
    assert message["Reply-To"] == "international@seoul.example"
    assert "20 km" in message.get_body(preferencelist=("plain",)).get_content()
    assert "<strong>" in message.get_body(preferencelist=("html",)).get_content()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("sent", 1) and mail.sent_at is not None


def test_mail_waits_while_the_server_is_down_and_arrives_when_it_is_back(smtp_server):
    smtp_server.stop()
    mail = queue_newsletter()

    run_worker()

    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("pending", 1), "nothing is lost while it is down"
    assert "ConnectionRefusedError" in mail.last_error
    retry = DBTaskResult.objects.get(status="READY")
    wait = retry.run_after - timezone.now()
    assert datetime.timedelta(0) < wait <= datetime.timedelta(seconds=sending.RETRY_BASE_SECONDS)

    # Still down at the second try: the wait doubles.
    due_now()
    run_worker()
    later = DBTaskResult.objects.get(status="READY")
    assert later.run_after - timezone.now() > datetime.timedelta(seconds=sending.RETRY_BASE_SECONDS)

    smtp_server.start()
    due_now()
    run_worker()

    assert smtp_server.handler.to("amina@nairobi.example")[0]["Subject"] == "Bike lanes open"
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("sent", 3)


def test_after_the_last_attempt_it_gives_up_and_can_be_sent_again(smtp_server):
    smtp_server.stop()
    mail = queue_newsletter()
    Mail.objects.filter(pk=mail.pk).update(attempts=sending.MAX_ATTEMPTS - 1)

    run_worker()

    mail.refresh_from_db()
    assert mail.status == "failed" and mail.next_attempt_at is None
    assert not DBTaskResult.objects.filter(status="READY").exists(), "no further attempt"

    smtp_server.start()
    sending.send_again(mail)
    run_worker()
    assert smtp_server.handler.to("amina@nairobi.example")
    mail.refresh_from_db()
    assert mail.status == "sent"


def test_mail_recorded_elsewhere_is_not_kept_once_sent(smtp_server):
    sending.queue("reader@lima.example", "Digest", "News", delete_when_sent=True)
    run_worker()
    assert smtp_server.handler.to("reader@lima.example")
    assert not Mail.objects.exists()


def test_the_admin_lists_unsent_mail_and_nobody_adds_one_by_hand(admin_client, smtp_server):
    smtp_server.stop()
    queue_newsletter()
    run_worker()
    listing = admin_client.get("/admin/outbox/?status=pending")
    assert listing.status_code == 200
    assert "amina@nairobi.example" in listing.content.decode()
    assert "/admin/outbox/new/" not in listing.content.decode()
    assert admin_client.get("/admin/outbox/new/").status_code != 200
