"""Visitors' e-mail subscriptions to new content, and the mail they are sent.

A subscription is pending until its address is confirmed through the link mailed to it; an
unsubscribed one is deleted, not kept, with its mail still unsent. Mail goes through the outbox,
which deletes a subscriber's mail once sent (the subscription remembers up to when content has
been sent, which is what keeps a digest from going out twice)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    POLICIES = "policies", _("Policies")
    NEWS = "news", _("News")
    PUBLICATIONS = "publications", _("Publications")
    VIDEOS = "videos", _("Videos")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As soon as it is published")
    DAILY = "daily", _("Once a day")
    WEEKLY = "weekly", _("Once a week")


def new_key():
    return secrets.token_hex(8)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)

    def pending(self):
        return self.filter(confirmed_at=None)


class Subscription(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    sections = models.JSONField(_("content types"), default=list)
    sectors = models.ManyToManyField(
        "policies.Sector",
        verbose_name=_("sectors"),
        blank=True,
        related_name="+",
        help_text=_("None: every sector."),
    )
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    # Part of every link mailed to the subscriber: a link to a deleted subscription cannot act
    # on a later one that got the same id (SQLite reuses the highest id after a deletion).
    key = models.CharField(max_length=16, default=new_key, editable=False)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, editable=False)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation link sent"), default=timezone.now, editable=False
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    # Content published up to this moment has been sent (or there was none): the next digest
    # starts here.
    covered_until = models.DateTimeField(null=True, blank=True, editable=False)
    # Confirmations and digests waiting to be sent (or given up on).
    mails = models.ManyToManyField("outbox.Mail", related_name="+", editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def get_sections_display(self):
        labels = dict(Section.choices)
        return ", ".join(str(labels[s]) for s in self.sections if s in labels)


@receiver(pre_delete, sender=Subscription)
def _delete_unsent_mail(sender, instance, **kwargs):
    """An unsubscribed (or expired) address is not kept, not even in mail waiting to go out;
    also when a whole query set of subscriptions is deleted."""
    instance.mails.all().delete()
