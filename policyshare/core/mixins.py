"""Fields that every content page shares, carrying their own editor panels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .restrictions import ViewRestrictionsFromCache


class ListingMixin(ViewRestrictionsFromCache, models.Model):
    """What a card, a feed entry or a link preview shows of a page. Every page type of the
    portal has it, so it also carries the cheaper view-restriction check."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Read with the page when it is served (core/language.py): the link preview shows it.
    serve_select_related = ("listing_image",)

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("listing_image")], heading=_("Listing and preview")
        )
    ]

    class Meta:
        abstract = True

    @property
    def preview_image(self):
        """The image used for link previews (Open Graph) and cards."""
        return self.listing_image
