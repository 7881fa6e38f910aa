from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyBlock
from .language import route_with_language_fallback
from .mixins import ListingMixin
from .restrictions import public


class PromoBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Text"))
    page = blocks.PageChooserBlock(label=_("Links to"))
    image = ImageChooserBlock(required=False, label=_("Image"))

    class Meta:
        icon = "pick"
        label = _("Promotion")
        template = "core/blocks/promo.html"


class HomePage(ListingMixin, Page):
    """The root of one language's tree: an overview of everything the portal shares."""

    intro_title = models.CharField(_("intro title"), max_length=200)
    intro = models.TextField(_("intro"), blank=True)
    promos = StreamField(
        [("promo", PromoBlock())],
        blank=True,
        verbose_name=_("promotions"),
        help_text=_("Short blocks about, for example, the training institute or the Sharing City."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro_title"),
        FieldPanel("intro"),
        FieldPanel("promos"),
        *ListingMixin.listing_panels,
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return route_with_language_fallback(self, request, path_components)

    def structured_data(self, request):
        return {"@type": "WebSite"}


class IndexPage(ListingMixin, Page):
    """A section's landing page, directly below the home page, listing its children."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), *ListingMixin.listing_panels]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def live_children(self, model):
        return public(model.objects.child_of(self).live())


class StandardPage(ListingMixin, Page):
    """A free page, such as "What is the Sharing City?" or the privacy notice."""

    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, *ListingMixin.listing_panels, FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
