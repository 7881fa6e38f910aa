"""The migrations that moved the inquiries' and subscriptions' own mail tables into the outbox
(inquiries and subscriptions 0002-0004): after a deploy, mail that was sent stays on record and
mail still waiting is queued again under the outbox's task, so none is lost and none is sent
twice.

One test for both apps, since each migration run costs seconds. The move itself (0003) only
writes rows, so the test takes the database back to just before it by unapplying 0004 (which
brings the old tables back) and marking 0003 unapplied, rather than rebuilding every app's
tables from nothing."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from policyshare.outbox.models import Mail

pytestmark = [
    pytest.mark.postgresql,
    # The migrations write rows and then alter their tables, which PostgreSQL refuses inside
    # one transaction, so the test commits, and the database is emptied after it. Only the
    # PostgreSQL pass runs it: there no browser test follows, which needs the rows the
    # migrations made (the locales) and which the SQLite pass runs after the other tests.
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="empties the database the browser tests use"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("task_queue"),
]

BEFORE_THE_MOVE = [
    ("inquiries", "0002_mails_in_the_outbox"),
    ("subscriptions", "0002_mails_in_the_outbox"),
]
THE_MOVE = [
    ("inquiries", "0003_move_mail_to_the_outbox"),
    ("subscriptions", "0003_move_mail_to_the_outbox"),
]
SEND_TASK = "policyshare.outbox.sending.send"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


@pytest.fixture
def before_the_move():
    """The historical models as they were before the move; the database is brought up to date
    again afterwards, whatever the test did."""
    executor = migrate(THE_MOVE)
    for app, name in THE_MOVE:
        executor.recorder.record_unapplied(app, name)
    executor.loader.build_graph()
    yield executor.loader.project_state(BEFORE_THE_MOVE).apps
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


def old_rows(apps):
    Inquiry = apps.get_model("inquiries", "Inquiry")
    OutgoingMail = apps.get_model("inquiries", "OutgoingMail")
    ThreadEntry = apps.get_model("inquiries", "ThreadEntry")
    Subscription = apps.get_model("subscriptions", "Subscription")
    SubscriptionMail = apps.get_model("subscriptions", "SubscriptionMail")

    inquiry = Inquiry.objects.create(
        reference="2026-0001",
        organisation="Nairobi City County",
        city="Nairobi",
        country="KE",
        name="Amina Odhiambo",
        email="amina@nairobi.example",
        language="en",
        kind="study_visit",
        message="We would like to visit the bus control centre.",
    )
    OutgoingMail.objects.create(
        inquiry=inquiry,
        to="amina@nairobi.example",
        subject="We have received your inquiry",
        body="Thank you.",
        status="sent",
        sent_at=timezone.now(),
    )
    reply = OutgoingMail.objects.create(
        inquiry=inquiry,
        to="amina@nairobi.example",
        subject="Your study visit",
        body="Dates in May suit us.",
        status="pending",
        attempts=2,
        last_error="Connection refused",
        next_attempt_at=timezone.now() + datetime.timedelta(minutes=10),
    )
    ThreadEntry.objects.create(inquiry=inquiry, kind="reply", text=reply.body, mail=reply)

    subscription = Subscription.objects.create(
        email="minho@busan.example", language="ko", confirmed_at=timezone.now()
    )
    SubscriptionMail.objects.create(
        subscription=subscription,
        subject="이번 주 새 정책",
        text="새 정책 2건",
        html="<p>새 정책 2건</p>",
    )
    SubscriptionMail.objects.create(
        subscription=subscription, subject="지난주 새 정책", text="-", html="", status="failed"
    )
    return inquiry, subscription


def test_sent_mail_is_kept_and_waiting_mail_is_queued_again_in_the_outbox(before_the_move):
    inquiry, subscription = old_rows(before_the_move)

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    mails = {mail.subject: mail for mail in Mail.objects.all()}
    assert set(mails) == {
        "We have received your inquiry",
        "Your study visit",
        "이번 주 새 정책",
        "지난주 새 정책",
    }
    received, reply = mails["We have received your inquiry"], mails["Your study visit"]
    digest, given_up = mails["이번 주 새 정책"], mails["지난주 새 정책"]
    assert (received.status, received.to) == ("sent", "amina@nairobi.example")
    assert (reply.status, reply.attempts, reply.last_error) == ("pending", 2, "Connection refused")
    assert (digest.status, digest.to, digest.html) == (
        "pending",
        "minho@busan.example",
        "<p>새 정책 2건</p>",
    )
    assert "List-Unsubscribe" in digest.headers
    assert given_up.status == "failed"

    from policyshare.inquiries.models import Inquiry, ThreadEntry
    from policyshare.subscriptions.models import Subscription

    assert set(Inquiry.objects.get(pk=inquiry.pk).mails.all()) == {received, reply}
    assert ThreadEntry.objects.get().mail == reply
    assert set(Subscription.objects.get(pk=subscription.pk).mails.all()) == {digest, given_up}

    queued = DBTaskResult.objects.filter(task_path=SEND_TASK, status="READY")
    assert sorted(task.args_kwargs["args"][0] for task in queued) == sorted([reply.pk, digest.pk])
