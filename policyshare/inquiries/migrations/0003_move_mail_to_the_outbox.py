"""Every inquiry mail, sent or not, moves to the outbox with its links to inquiry and reply; the
unsent ones are queued again under the outbox's task (their old tasks name a function that is
gone). A migration of its own: PostgreSQL refuses to alter a table in the transaction that
wrote rows checked by its deferred foreign keys."""

from django.db import migrations

from policyshare.outbox.requeue import requeue

OLD_TASK = "policyshare.inquiries.mail.send_outgoing_mail"


def move_mail(apps, schema_editor):
    OutgoingMail = apps.get_model("inquiries", "OutgoingMail")
    ThreadEntry = apps.get_model("inquiries", "ThreadEntry")
    Inquiry = apps.get_model("inquiries", "Inquiry")
    Mail = apps.get_model("outbox", "Mail")
    Link = Inquiry.mails.through
    moved = {}
    for old in OutgoingMail.objects.order_by("pk").iterator():
        new = Mail.objects.create(
            to=old.to,
            subject=old.subject,
            text=old.body,
            status=old.status,
            attempts=old.attempts,
            last_error=old.last_error,
            created_at=old.created_at,
            next_attempt_at=old.next_attempt_at,
            sent_at=old.sent_at,
        )
        moved[old.pk] = new
        if old.inquiry_id:
            Link.objects.create(inquiry_id=old.inquiry_id, mail_id=new.pk)
    for entry in ThreadEntry.objects.exclude(mail=None):
        entry.outbox_mail_id = moved[entry.mail_id].pk
        entry.save(update_fields=["outbox_mail"])
    requeue(apps, OLD_TASK, [mail for mail in moved.values() if mail.status == "pending"])


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0002_mails_in_the_outbox"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(move_mail, elidable=False)]
