"""What visitors see of the statistics: an item's count, and the most read items of a section.
Public pages are cached, so these may lag behind by the cache's lifetime."""

import datetime
import time

from django import template
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone
from wagtail.models import Page

from policyshare.caching.middleware import SERVER_SECONDS
from policyshare.core.fragments import cached_fragment

from ..models import DailyCount, Kind

register = template.Library()

MOST_READ_DAYS = 30
# How long a section's ranking is kept: as long as the page cache keeps the page showing it.
RANKING_SECONDS = SERVER_SECONDS


@register.simple_tag
def view_count(page):
    """Views of a page in both its languages, all time."""
    return (
        DailyCount.objects.filter(
            page__translation_key=page.translation_key, kind=Kind.VIEW
        ).aggregate(total=Sum("views"))["total"]
        or 0
    )


@register.simple_tag
def download_count(document):
    if document is None:
        return 0
    return (
        DailyCount.objects.filter(document=document, kind=Kind.DOWNLOAD).aggregate(
            total=Sum("views")
        )["total"]
        or 0
    )


def _recent_total(since, **item):
    return Subquery(
        DailyCount.objects.filter(date__gte=since, **item)
        .values("kind")
        .annotate(total=Sum("views"))
        .values("total")[:1]
    )


def most_read(section, limit=5, days=MOST_READ_DAYS):
    """The live pages below ``section`` (in its language) most viewed in the last ``days``."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    return list(
        Page.objects.live()
        .public()
        .descendant_of(section)
        .annotate(recent=_recent_total(since, page=OuterRef("pk"), kind=Kind.VIEW))
        .filter(recent__gt=0)
        .order_by("-recent", "title")[:limit]
    )


def most_downloaded(section, limit=5, days=MOST_READ_DAYS):
    """The live publications below ``section`` whose document was downloaded most."""
    from policyshare.library.models import PublicationPage

    since = timezone.localdate() - datetime.timedelta(days=days)
    return list(
        PublicationPage.objects.live()
        .public()
        .descendant_of(section)
        .annotate(recent=_recent_total(since, document=OuterRef("document"), kind=Kind.DOWNLOAD))
        .filter(recent__gt=0)
        .order_by("-recent", "title")[:limit]
    )


@register.inclusion_tag("analytics/includes/most_read.html")
def most_read_list(section, kind=Kind.VIEW, limit=5):
    """The ranking is kept (``core/fragments.py``) for as long as the page cache keeps a page,
    the bound on how stale a count may be: it reads every page of the section, 8-10 ms at 5,000
    articles, on every page of a news list. Kept as ids and counts; the pages are read by id."""
    ranking = most_downloaded if kind == Kind.DOWNLOAD else most_read
    ranked = cached_fragment(
        "most-read",
        section.pk,
        kind,
        limit,
        int(time.time() // RANKING_SECONDS),
        build=lambda: tuple((item.pk, item.recent) for item in ranking(section, limit)),
    )
    pages = Page.objects.in_bulk([pk for pk, _ in ranked])
    items = []
    for pk, recent in ranked:
        if pk in pages:
            pages[pk].recent = recent
            items.append(pages[pk])
    return {"items": items, "kind": kind}
