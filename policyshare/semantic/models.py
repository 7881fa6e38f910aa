from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class Passage(models.Model):
    """One embedded passage of a public page: the page's vectors live with the page (and go
    with it when it is deleted)."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="semantic_passages", verbose_name=_("page")
    )
    language = models.CharField(_("language"), max_length=8)
    ordinal = models.PositiveIntegerField(_("ordinal"))
    text = models.TextField(_("text"))
    # The embedding cache key of the text: unchanged text is recognised without embedding it.
    text_hash = models.CharField(_("text hash"), max_length=64)
    vector = models.BinaryField(_("vector"))  # float32, little-endian, L2-normalised

    class Meta:
        ordering = ["page_id", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["page", "ordinal"], name="semantic_passage_ordinal")
        ]
        verbose_name = _("passage")
        verbose_name_plural = _("passages")

    def __str__(self):
        return f"{self.page_id}#{self.ordinal}"


class RemovedPassage(models.Model):
    """A passage deleted (its page edited, unpublished or deleted): processes searching an
    approximate index file built before skip it. Written by a signal; kept for a while after
    the next build, until every process has read the new file."""

    passage_id = models.BigIntegerField(_("passage"), primary_key=True)
    removed_at = models.DateTimeField(_("removed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("removed passage")
        verbose_name_plural = _("removed passages")

    def __str__(self):
        return str(self.passage_id)


class CachedEmbedding(models.Model):
    """An embedding by content: sha256 of the model id and the prefixed text. Shared by every
    page and kept when passages are deleted, so re-indexing or re-publishing unchanged text
    never runs the model again."""

    key = models.CharField(_("key"), max_length=64, primary_key=True)
    vector = models.BinaryField(_("vector"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cached embedding")
        verbose_name_plural = _("cached embeddings")

    def __str__(self):
        return self.key
