"""E-mail about inquiries: every message is recorded as an ``OutgoingMail`` row first, then sent
by a background task that retries with exponential backoff while the mail server is down."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Inquiry, OutgoingMail

logger = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 60
# 60 s, 2 min, 4 min … about four hours in all before giving up; the admin still lists it.
MAX_ATTEMPTS = 9


def queue_mail(to, subject, body, inquiry=None):
    # Queued in the caller's transaction, not on commit: the task queue lives in the same
    # database, so the inquiry, its mail and the tasks sending it are saved together or not at all.
    mail = OutgoingMail.objects.create(to=to, subject=subject, body=body, inquiry=inquiry)
    send_outgoing_mail.enqueue(mail.pk)
    return mail


def retry_delay(attempts):
    return datetime.timedelta(seconds=RETRY_BASE_SECONDS * 2 ** (attempts - 1))


@task()
def send_outgoing_mail(mail_id):
    mail = OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.PENDING).first()
    if mail is None:
        return
    mail.attempts += 1
    try:
        EmailMessage(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to]).send()
    except (smtplib.SMTPException, OSError) as error:
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        if mail.attempts >= MAX_ATTEMPTS:
            mail.status = OutgoingMail.Status.FAILED
            mail.next_attempt_at = None
        else:
            mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
        mail.save()
        logger.warning("Mail %s to %s not sent: %s", mail.pk, mail.to, mail.last_error)
        if mail.next_attempt_at and send_outgoing_mail.get_backend().supports_defer:
            send_outgoing_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
        return
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.next_attempt_at = None
    mail.save()


def send_again(mail):
    """Queue a mail that gave up (or whose task was lost) once more."""
    mail.status = OutgoingMail.Status.PENDING
    mail.next_attempt_at = None
    mail.save(update_fields=["status", "next_attempt_at"])
    send_outgoing_mail.enqueue(mail.pk)


def _admin_url(inquiry):
    path = reverse("inquiries_admin:handle", args=[inquiry.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue_acknowledgements(inquiry: Inquiry):
    """The confirmation to the inquirer, in the language they chose, and the notice to the
    responsible department (the policy's contact, else the default address)."""
    with translation.override(inquiry.language):
        queue_mail(
            inquiry.email,
            _("We have received your inquiry %(reference)s") % {"reference": inquiry.reference},
            render_to_string("inquiries/mail/confirmation.txt", {"inquiry": inquiry}),
            inquiry,
        )
    department = (inquiry.policy.contact_email if inquiry.policy else "") or (
        settings.POLICYSHARE_INQUIRY_NOTIFY_EMAIL
    )
    with translation.override(settings.LANGUAGE_CODE):
        queue_mail(
            department,
            _("New inquiry %(reference)s from %(city)s: %(kind)s")
            % {
                "reference": inquiry.reference,
                "city": inquiry.city,
                "kind": inquiry.get_kind_display(),
            },
            render_to_string(
                "inquiries/mail/notification.txt",
                {"inquiry": inquiry, "admin_url": _admin_url(inquiry)},
            ),
            inquiry,
        )


def queue_reply(inquiry, text):
    with translation.override(inquiry.language):
        return queue_mail(
            inquiry.email,
            _("Answer to your inquiry %(reference)s") % {"reference": inquiry.reference},
            render_to_string("inquiries/mail/reply.txt", {"inquiry": inquiry, "text": text}),
            inquiry,
        )
