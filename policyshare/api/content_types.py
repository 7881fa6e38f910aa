"""The page types the API publishes, and how each one's date and sectors are found.

One table, so that the typed endpoints (/api/v1/policies/ …) and the mixed listing
(/api/v1/items/?type=…) filter and sort the same way."""

from dataclasses import dataclass

from django.db.models import F
from django.db.models.functions import Coalesce, TruncDate
from wagtail.models import Page

from policyshare.library.models import PublicationPage, VideoPage
from policyshare.news.models import NewsPage
from policyshare.policies.models import PolicyPage


@dataclass(frozen=True)
class ContentType:
    name: str  # the item's "type" in the API
    model: type[Page]
    # The field holding the item's own date; None: the day it was first published.
    date_field: str | None
    # From the page to the translation key of its sectors.
    sector_lookup: str
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()

    @property
    def model_name(self):
        return self.model._meta.model_name


CONTENT_TYPES = {
    content_type.name: content_type
    for content_type in [
        ContentType(
            "policy",
            PolicyPage,
            None,
            "sector__translation_key",
            prefetch_related=("key_results", "goals"),
        ),
        ContentType("news", NewsPage, "date", "sector__translation_key"),
        ContentType(
            "publication",
            PublicationPage,
            None,
            "related_policies__sector__translation_key",
            select_related=("document__collection",),
        ),
        ContentType("video", VideoPage, "recorded_on", "related_policies__sector__translation_key"),
    ]
}
TYPE_OF_MODEL = {content_type.model: content_type for content_type in CONTENT_TYPES.values()}


def public_pages(model):
    """Live pages that anyone may see: never drafts, never pages behind a view restriction."""
    return model.objects.live().public()


def item_date(content_type=None):
    """An expression for the item's date on a queryset of ``content_type``, or on a queryset
    of plain pages of every type (``None``)."""
    first_published = TruncDate("first_published_at")
    if content_type is not None:
        return F(content_type.date_field) if content_type.date_field else first_published
    own_dates = [
        F(f"{t.model_name}__{t.date_field}") for t in CONTENT_TYPES.values() if t.date_field
    ]
    return Coalesce(*own_dates, first_published)


def sector_lookup(content_type=None):
    """The lookups from a page to its sectors' translation key (several for mixed pages)."""
    if content_type is not None:
        return [content_type.sector_lookup]
    return [f"{t.model_name}__{t.sector_lookup}" for t in CONTENT_TYPES.values()]
