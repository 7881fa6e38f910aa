"""Every e-mail the portal sends, recorded before it is sent: a mail server that is down delays
it and the admin shows it as unsent, but it is not lost. Inquiries and subscriptions write here;
what a mail is about is recorded on their side (``Inquiry.mails``, ``Subscription.mails``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Mail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    # Extra header lines, e.g. List-Unsubscribe: {"name": "value"}.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    reply_to = models.EmailField(_("reply to"), blank=True)
    # Mail whose sending is recorded elsewhere (a digest: its subscription records what it
    # covered) is not kept once sent.
    delete_when_sent = models.BooleanField(default=False, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {self.to}"
