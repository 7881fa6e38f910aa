"""The keyword index: one entry per public page per language, with its analysed terms.

The ``*_terms`` columns hold the analysers' output as space-separated terms (compounds and their
parts included), so the database's full-text engine only splits on spaces and never needs to
know Korean. The full-text structure itself is created by the migrations, per database:

- SQLite: an FTS5 table ``search_indexentry_fts`` kept in step with this table by triggers;
- PostgreSQL: a generated, weighted ``tsvector`` column ``search_vector`` with a GIN index.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=20)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    sector_slugs = models.JSONField(default=list)
    year = models.PositiveSmallIntegerField(null=True)
    url = models.CharField(max_length=500)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        # A filtered search's semantic side reads the admitted pages from these alone (they
        # hold the page id; PostgreSQL's index-only scans need it as a column): reading the
        # table instead cost 70 ms at 100k pages, and 0.6-1 s for a sector (every row's JSON).
        indexes = [
            models.Index(fields=["language", "kind", "page"], name="search_entry_kind_admitted"),
            models.Index(fields=["language", "year", "page"], name="search_entry_year_admitted"),
            models.Index(
                fields=["language", "sector_slugs", "page"], name="search_entry_sector_admitted"
            ),
        ]

    def __str__(self):
        return f"{self.language}: {self.title}"


class DictionaryWord(models.Model):
    """A Korean place or programme name the analyser must keep whole (e.g. 녹색교통지역), so a
    search for the whole name or for any of its parts finds it."""

    form = models.CharField(
        _("word"),
        max_length=50,
        unique=True,
        help_text=_("One word without spaces, as written in Korean text, e.g. 녹색교통지역."),
    )
    parts = models.CharField(
        _("parts"),
        max_length=200,
        blank=True,
        help_text=_(
            "Words it should also be found by, separated by spaces (e.g. 녹색교통 지역). "
            "Leave empty to let the analyser split it."
        ),
    )

    class Meta:
        verbose_name = _("search dictionary word")
        verbose_name_plural = _("search dictionary words")
        ordering = ["form"]

    def __str__(self):
        return self.form

    def clean(self):
        from django.core.exceptions import ValidationError

        from .analysis import UserWord

        try:
            UserWord(self.form, parts=tuple(self.parts.split()) or None)
        except ValueError:
            raise ValidationError({"form": _("Enter one word without spaces.")}) from None
