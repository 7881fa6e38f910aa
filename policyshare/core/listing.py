"""Helpers for index pages that list their children with filters and pagination."""

from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def with_renditions(queryset, *image_fields):
    """``queryset`` with the renditions of the images in ``image_fields`` fetched in one query
    each: a card's ``{% image %}`` then finds its rendition among them instead of asking the
    cache and, when that is cold, the database once per image."""
    return queryset.prefetch_related(*(f"{field}__renditions" for field in image_fields))
