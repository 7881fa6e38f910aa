"""The signed links mailed to a subscriber: confirm (valid for a week, carrying the preferences
asked for), manage and unsubscribe (valid as long as the subscription lasts)."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import Subscription

CONFIRM_SALT = "policyshare.subscriptions.confirm"
MANAGE_SALT = "policyshare.subscriptions.manage"
UNSUBSCRIBE_SALT = "policyshare.subscriptions.unsubscribe"


class InvalidLink(Exception):
    """Altered, cut off, or for another purpose."""


class ExpiredLink(InvalidLink):
    pass


def confirmation_days():
    return settings.POLICYSHARE_SUBSCRIPTION_CONFIRMATION_DAYS


def confirm_token(subscription, preferences):
    return signing.dumps(
        {"id": subscription.pk, "key": subscription.key, "preferences": preferences},
        salt=CONFIRM_SALT,
        compress=True,
    )


def read_confirm_token(token):
    """The subscription (None if it has gone since) and the preferences to confirm."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=datetime.timedelta(days=confirmation_days())
        )
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    return _subscription(data), data["preferences"]


def _token(subscription, salt):
    return signing.dumps({"id": subscription.pk, "key": subscription.key}, salt=salt)


def _read(token, salt):
    try:
        return _subscription(signing.loads(token, salt=salt))
    except signing.BadSignature as error:
        raise InvalidLink from error


def _subscription(data):
    return Subscription.objects.filter(pk=data["id"], key=data["key"]).first()


def read_manage_token(token):
    return _read(token, MANAGE_SALT)


def read_unsubscribe_token(token):
    return _read(token, UNSUBSCRIBE_SALT)


def absolute_url(name, token, language):
    """The address of a link in a mail, under the subscriber's language prefix."""
    with translation.override(language):
        path = reverse(f"subscriptions:{name}", args=[token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def manage_url(subscription):
    return absolute_url("manage", _token(subscription, MANAGE_SALT), subscription.language)


def unsubscribe_token(subscription):
    return _token(subscription, UNSUBSCRIBE_SALT)


def unsubscribe_url(subscription):
    return absolute_url("unsubscribe", unsubscribe_token(subscription), subscription.language)


def confirm_url(subscription, preferences):
    return absolute_url(
        "confirm", confirm_token(subscription, preferences), preferences["language"]
    )
