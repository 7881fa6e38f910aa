"""Mail to subscribers, sent the way inquiries' mail is (policyshare.inquiries.mail): recorded
as a row in the caller's transaction, sent by a background task, retried with exponential
backoff while the mail server is down. Every mail carries one-click unsubscribe headers
(RFC 2369, RFC 8058)."""

import logging
import smtplib
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from policyshare.inquiries.mail import MAX_ATTEMPTS, retry_delay

from . import links
from .models import SubscriptionMail

logger = logging.getLogger(__name__)


def site_name():
    return settings.WAGTAIL_SITE_NAME


def queue_mail(subscription, subject, template, context, language=None):
    """Render the subject (a lazy translation formatted with ``site``) and ``template``.txt and
    .html in ``language`` (the subscriber's by default) and queue the mail."""
    language = language or subscription.language
    with translation.override(language):
        context = {
            **context,
            "site_name": site_name(),
            "subscription": subscription,
            "manage_url": links.manage_url(subscription),
            "unsubscribe_url": links.unsubscribe_url(subscription),
        }
        mail = SubscriptionMail.objects.create(
            subscription=subscription,
            subject=str(subject % {"site": site_name(), **context}),
            text=render_to_string(f"{template}.txt", context),
            html=render_to_string(f"{template}.html", context),
        )
    # In the caller's transaction: the task queue lives in the same database (see inquiries).
    send_subscription_mail.enqueue(mail.pk)
    return mail


def queue_confirmation(subscription, preferences):
    """The link that confirms ``preferences``, in the language they ask for."""
    return queue_mail(
        subscription,
        _("Please confirm your subscription to %(site)s"),
        "subscriptions/mail/confirm",
        {
            "confirm_url": links.confirm_url(subscription, preferences),
            "days": links.confirmation_days(),
            "is_change": subscription.is_confirmed,
        },
        language=preferences["language"],
    )


def unsubscribe_headers(subscription):
    token = links.unsubscribe_token(subscription)
    url = links.absolute_url("unsubscribe", token, subscription.language)
    mailto = settings.POLICYSHARE_SUBSCRIPTION_UNSUBSCRIBE_EMAIL
    return {
        "List-Unsubscribe": f"<{url}>, <mailto:{mailto}?subject={quote('unsubscribe ' + token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@task()
def send_subscription_mail(mail_id):
    mail = (
        SubscriptionMail.objects.select_related("subscription")
        .filter(pk=mail_id, status=SubscriptionMail.Status.PENDING)
        .first()
    )
    if mail is None:
        # Sent already, or the subscriber unsubscribed meanwhile (which deleted it).
        return
    message = EmailMultiAlternatives(
        mail.subject,
        mail.text,
        settings.DEFAULT_FROM_EMAIL,
        [mail.subscription.email],
        headers=unsubscribe_headers(mail.subscription),
    )
    message.attach_alternative(mail.html, "text/html")
    mail.attempts += 1
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        if mail.attempts >= MAX_ATTEMPTS:
            mail.status = SubscriptionMail.Status.FAILED
            mail.next_attempt_at = None
        else:
            mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
        mail.save()
        logger.warning("Subscription mail %s not sent: %s", mail.pk, mail.last_error)
        if mail.next_attempt_at and send_subscription_mail.get_backend().supports_defer:
            send_subscription_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
        return
    # Nothing is kept of a sent mail: the subscription records what it covered.
    mail.delete()
