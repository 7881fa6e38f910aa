"""The inquirer's personal data: exported on request, erased on request, and removed from closed
inquiries once the retention period has passed. What remains (kind, sector, country, dates) still
counts in the reports."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from policyshare.outbox.models import Mail

from .models import Inquiry

ERASED = "—"


def export_inquirer(email):
    """Everything stored about the person with this address, as JSON text."""
    inquiries = Inquiry.objects.of_inquirer(email).prefetch_related("thread", "mails")
    data = {
        "email": email,
        "exported_at": timezone.now(),
        "inquiries": [
            {
                "reference": inquiry.reference,
                "received": inquiry.created_at,
                "policy": inquiry.policy.title if inquiry.policy else None,
                "organisation": inquiry.organisation,
                "city": inquiry.city,
                "country": inquiry.country.code,
                "name": inquiry.name,
                "role": inquiry.role,
                "email": inquiry.email,
                "preferred_language": inquiry.language,
                "kind": inquiry.kind,
                "message": inquiry.message,
                "attachment": inquiry.attachment.name or None,
                "consent_given": inquiry.consented_at,
                "status": inquiry.status,
                "replies": [
                    {"sent": entry.created_at, "text": entry.text}
                    for entry in inquiry.thread.all()
                    if entry.kind == entry.Kind.REPLY
                ],
                "mails": [
                    {"subject": mail.subject, "status": mail.status, "sent": mail.sent_at}
                    for mail in inquiry.mails.all()
                ],
            }
            for inquiry in inquiries
        ],
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@transaction.atomic
def anonymise(inquiries):
    """Removes the personal data of ``inquiries``; gives how many were anonymised."""
    count = 0
    for inquiry in inquiries.select_for_update():
        if inquiry.attachment:
            inquiry.attachment.delete(save=False)
        inquiry.name = inquiry.role = inquiry.message = ERASED
        inquiry.email = ""
        inquiry.anonymised_at = timezone.now()
        inquiry.save()
        # Replies may greet the inquirer by name or quote them; notes may too.
        inquiry.thread.update(text=ERASED)
        mails = inquiry.mails.all()
        mails.filter(status=Mail.Status.PENDING).update(
            status=Mail.Status.FAILED, last_error="Not sent: the address was erased."
        )
        mails.update(to="", text=ERASED, html="")
        count += 1
    return count


def erase_inquirer(email):
    return anonymise(Inquiry.objects.of_inquirer(email))


def anonymise_expired(now=None):
    return anonymise(Inquiry.objects.due_for_anonymisation(now))
