"""What visitors see of the statistics: an item's count, and the most read items of a section.
Public pages are cached, so these may lag behind by the cache's lifetime."""

import datetime

from django import template
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone
from wagtail.models import Page

from ..models import DailyCount, Kind

register = template.Library()

MOST_READ_DAYS = 30


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
    ranking = most_downloaded if kind == Kind.DOWNLOAD else most_read
    items = ranking(section, limit)
    return {"items": items, "kind": kind}
