"""What is read: counts per item, day and language, and the referring sites per day. Only
numbers are stored: never an address, a visitor hash or a full referring URL."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    VIEW = "view", _("Page view")
    PLAY = "play", _("Video play")
    DOWNLOAD = "download", _("Download")


class DailyCount(models.Model):
    """Views, plays or downloads of one page or document on one day, in one language (the
    page's own language; for a document, the language of the page it was downloaded from)."""

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=5, blank=True)
    views = models.PositiveIntegerField(_("count"), default=0)
    uniques = models.PositiveIntegerField(_("unique visitors"), default=0)

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, document__isnull=True)
                | Q(page__isnull=True, document__isnull=False),
                name="analytics_count_one_item",
            ),
            models.UniqueConstraint(
                fields=["page", "kind", "date", "language"],
                condition=Q(page__isnull=False),
                name="analytics_count_unique_page_day",
            ),
            models.UniqueConstraint(
                fields=["document", "kind", "date", "language"],
                condition=Q(document__isnull=False),
                name="analytics_count_unique_document_day",
            ),
        ]
        indexes = [models.Index(fields=["date", "kind"])]

    def __str__(self):
        item = f"page {self.page_id}" if self.page_id else f"document {self.document_id}"
        return f"{self.date} {self.kind} {item} {self.language}: {self.views}"


class ReferrerDailyCount(models.Model):
    """Page views that came from another site, by that site's domain (never the full address)."""

    domain = models.CharField(_("domain"), max_length=253)
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("referring site count")
        verbose_name_plural = _("referring site counts")
        constraints = [
            models.UniqueConstraint(fields=["domain", "date"], name="analytics_referrer_unique")
        ]

    def __str__(self):
        return f"{self.date} {self.domain}: {self.count}"


class FlushedBatch(models.Model):
    """A batch of buffered counts that is already in the tables above, written in the same
    transaction as its counts: a flush that crashed after committing and is run again finds its
    batch here and does not count it twice."""

    batch_id = models.CharField(max_length=64, primary_key=True)
    flushed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.batch_id
