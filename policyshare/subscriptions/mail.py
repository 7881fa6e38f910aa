"""Mail to subscribers, in their language, handed to the outbox (which sends it, retries while
the mail server is down and keeps nothing once sent). Every mail carries one-click unsubscribe
headers (RFC 2369, RFC 8058)."""

from urllib.parse import quote

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from policyshare.outbox import sending

from . import links


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
        mail = sending.queue(
            subscription.email,
            str(subject % {"site": site_name(), **context}),
            render_to_string(f"{template}.txt", context),
            html=render_to_string(f"{template}.html", context),
            headers=unsubscribe_headers(subscription),
            delete_when_sent=True,
            record_on=subscription.mails,
        )
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
