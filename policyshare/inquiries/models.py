"""Inquiries from other cities and bodies, the thread of replies and notes on each, and the
answers published from them (the mail they cause is in the outbox)."""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Kind(models.TextChoices):
    INFORMATION = "information", _("Information request")
    CONSULTATION = "consultation", _("Consultation")
    STUDY_VISIT = "study_visit", _("Study visit")
    TRAINING = "training", _("Training")
    PARTNERSHIP = "partnership", _("Partnership")
    PRESS = "press", _("Press")


class Status(models.TextChoices):
    NEW = "new", _("New")
    ASSIGNED = "assigned", _("Assigned")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    SPAM = "spam", _("Spam")


OPEN_STATUSES = [Status.NEW, Status.ASSIGNED]


class ReferenceSequence(models.Model):
    """The last reference number given out in a year; the row is locked while a new inquiry is
    saved, so two visitors never get the same number."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"

    @classmethod
    def next_reference(cls, year):
        sequence, _created = cls.objects.select_for_update().get_or_create(year=year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return f"INQ-{year}-{sequence.last_number:06d}"


# What the inquirer writes, in the order the public form and the staff's edit form ask for it.
INQUIRER_FIELDS = [
    "organisation",
    "city",
    "country",
    "name",
    "role",
    "email",
    "language",
    "kind",
    "message",
]


class InquiryQuerySet(models.QuerySet):
    def overdue(self, now=None):
        limit = (now or timezone.now()) - datetime.timedelta(
            days=settings.POLICYSHARE_INQUIRY_OVERDUE_DAYS
        )
        return self.filter(status__in=OPEN_STATUSES, created_at__lt=limit)

    def due_for_anonymisation(self, now=None):
        limit = (now or timezone.now()) - datetime.timedelta(
            days=settings.POLICYSHARE_INQUIRY_RETENTION_DAYS
        )
        return self.filter(status=Status.CLOSED, closed_at__lt=limit, anonymised_at=None)

    def of_inquirer(self, email):
        return self.filter(email__iexact=email.strip()).exclude(email="")


class Inquiry(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    policy = models.ForeignKey(
        "policies.PolicyPage",
        verbose_name=_("policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Copied from the policy when the inquiry arrives: reports by sector hold when the policy is
    # later moved or deleted.
    sector = models.ForeignKey(
        "policies.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("preferred language"), max_length=10, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    message = models.TextField(_("message"))
    attachment = models.FileField(
        _("attachment"), upload_to="inquiries/attachments/%Y/%m/", blank=True
    )
    consented_at = models.DateTimeField(_("consent given"), null=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    spam_reason = models.CharField(_("why it was taken for spam"), max_length=200, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
    )
    first_answered_at = models.DateTimeField(_("first answered"), null=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, editable=False)
    # The confirmation, the department's notice and the replies; a mail outlives its inquiry.
    mails = models.ManyToManyField("outbox.Mail", related_name="+", editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at"]
        permissions = [("export_personal_data", _("Can export and erase an inquirer's data"))]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # Status bookkeeping lives here so that every way of editing (the admin's forms, the
        # reply view) keeps it right.
        if self.assignee_id and self.status == Status.NEW:
            self.status = Status.ASSIGNED
        if self.status == Status.CLOSED:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None
        if self.reference:
            super().save(*args, **kwargs)
            return
        with transaction.atomic():
            # The number is taken inside the transaction that saves the inquiry: a failed save
            # gives it back.
            self.reference = ReferenceSequence.next_reference(self.created_at.year)
            super().save(*args, **kwargs)

    @property
    def is_overdue(self):
        return self.status in OPEN_STATUSES and self.created_at < timezone.now() - (
            datetime.timedelta(days=settings.POLICYSHARE_INQUIRY_OVERDUE_DAYS)
        )


class ThreadEntry(models.Model):
    """A reply sent to the inquirer or a note only staff see."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        NOTE = "note", _("Internal note")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="thread")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    mail = models.ForeignKey(
        "outbox.Mail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("thread entry")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class PublishedAnswer(models.Model):
    """A question and its answer, from an inquiry with the inquirer's details removed, shown on
    the policy page in the visitor's language (the other language stands in for a missing one)."""

    policy = models.ForeignKey(
        "policies.PolicyPage",
        verbose_name=_("policy"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    inquiry = models.ForeignKey(
        Inquiry, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    question_ko = models.TextField(_("question (Korean)"), blank=True)
    answer_ko = models.TextField(_("answer (Korean)"), blank=True)
    question_en = models.TextField(_("question (English)"), blank=True)
    answer_en = models.TextField(_("answer (English)"), blank=True)
    live = models.BooleanField(_("shown on the policy page"), default=True)
    created_at = models.DateTimeField(_("published"), default=timezone.now)

    class Meta:
        verbose_name = _("published answer")
        verbose_name_plural = _("published answers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.question[:80]

    @property
    def shown_language(self):
        """The visitor's language if both texts are written in it, else the other one."""
        preferred = "en" if (get_language() or "").startswith("en") else "ko"
        if getattr(self, f"question_{preferred}") and getattr(self, f"answer_{preferred}"):
            return preferred
        return "ko" if preferred == "en" else "en"

    @property
    def question(self):
        return getattr(self, f"question_{self.shown_language}")

    @property
    def answer(self):
        return getattr(self, f"answer_{self.shown_language}")
