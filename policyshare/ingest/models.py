from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ImportedItem(models.Model):
    """Where an imported item came from, and the page it became.

    The source key (the item's id or address in its source, or a hash of its title and date for
    listings without ids) is what makes a second import update the same page instead of adding
    another; the fingerprint of what was imported tells an edited item from an unchanged one.
    """

    source_key = models.CharField(_("source key"), max_length=500, unique=True)
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    source_url = models.URLField(_("source address"), max_length=1000, blank=True)
    source_author = models.CharField(_("author in the source"), max_length=200, blank=True)
    source_date = models.DateField(_("date in the source"), null=True, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    first_imported_at = models.DateTimeField(_("first imported at"), auto_now_add=True)
    last_imported_at = models.DateTimeField(_("last imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")

    def __str__(self):
        return self.source_key
