"""The confirmations and digests still waiting (or given up on) move to the outbox, with the
unsubscribe headers the old task added when sending; the waiting ones are queued again under the
outbox's task. A migration of its own: PostgreSQL refuses to alter a table in the transaction
that wrote rows checked by its deferred foreign keys."""

from django.db import migrations

from policyshare.outbox.requeue import requeue

OLD_TASK = "policyshare.subscriptions.mail.send_subscription_mail"


def move_mail(apps, schema_editor):
    # The running code's headers: they hold links signed as the running code reads them.
    from policyshare.subscriptions.mail import unsubscribe_headers

    SubscriptionMail = apps.get_model("subscriptions", "SubscriptionMail")
    Subscription = apps.get_model("subscriptions", "Subscription")
    Mail = apps.get_model("outbox", "Mail")
    Link = Subscription.mails.through
    waiting = []
    for old in SubscriptionMail.objects.select_related("subscription").order_by("pk").iterator():
        new = Mail.objects.create(
            to=old.subscription.email,
            subject=old.subject,
            text=old.text,
            html=old.html,
            headers=unsubscribe_headers(old.subscription),
            delete_when_sent=True,
            status=old.status,
            attempts=old.attempts,
            last_error=old.last_error,
            created_at=old.created_at,
            next_attempt_at=old.next_attempt_at,
        )
        Link.objects.create(subscription_id=old.subscription_id, mail_id=new.pk)
        if new.status == "pending":
            waiting.append(new)
    requeue(apps, OLD_TASK, waiting)


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0002_mails_in_the_outbox"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(move_mail, elidable=False)]
