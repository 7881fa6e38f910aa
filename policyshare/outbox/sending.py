"""Queueing and sending outgoing mail: a ``Mail`` row is written in the caller's transaction and a
background task sends it, retrying with exponential backoff while the mail server is down."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

from .models import Mail

logger = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 60
# 60 s, 2 min, 4 min … about four hours in all before giving up; the admin still lists it.
MAX_ATTEMPTS = 9


def queue(
    to, subject, text, html="", headers=None, reply_to="", delete_when_sent=False, record_on=None
):
    """Record the mail (added to the related manager ``record_on``, e.g. ``inquiry.mails``) and
    queue its sending. Queued in the caller's transaction, not on commit: the task queue lives
    in the same database, so what caused the mail, the mail and the task sending it are saved
    together or not at all."""
    mail = Mail.objects.create(
        to=to,
        subject=subject,
        text=text,
        html=html,
        headers=headers or {},
        reply_to=reply_to,
        delete_when_sent=delete_when_sent,
    )
    # Before the task is queued: a backend that runs it at once may delete the mail.
    if record_on is not None:
        record_on.add(mail)
    send.enqueue(mail.pk)
    return mail


def retry_delay(attempts):
    return datetime.timedelta(seconds=RETRY_BASE_SECONDS * 2 ** (attempts - 1))


def _message(mail):
    message = EmailMultiAlternatives(
        mail.subject,
        mail.text,
        settings.DEFAULT_FROM_EMAIL,
        [mail.to],
        headers=mail.headers,
        reply_to=[mail.reply_to] if mail.reply_to else None,
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    return message


@task()
def send(mail_id):
    mail = Mail.objects.filter(pk=mail_id, status=Mail.Status.PENDING).first()
    if mail is None:
        # Sent already, given up on, or deleted meanwhile (e.g. its subscriber unsubscribed).
        return
    mail.attempts += 1
    try:
        _message(mail).send()
    except (smtplib.SMTPException, OSError) as error:
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        if mail.attempts >= MAX_ATTEMPTS:
            mail.status = Mail.Status.FAILED
            mail.next_attempt_at = None
        else:
            mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
        mail.save()
        logger.warning("Mail %s to %s not sent: %s", mail.pk, mail.to, mail.last_error)
        if mail.next_attempt_at and send.get_backend().supports_defer:
            send.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
        return
    if mail.delete_when_sent:
        mail.delete()
        return
    mail.status = Mail.Status.SENT
    mail.sent_at = timezone.now()
    mail.next_attempt_at = None
    mail.save()


def send_again(mail):
    """Queue a mail that gave up (or whose task was lost) once more."""
    mail.status = Mail.Status.PENDING
    mail.next_attempt_at = None
    mail.save(update_fields=["status", "next_attempt_at"])
    send.enqueue(mail.pk)
