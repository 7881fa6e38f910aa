"""Helpers for index pages that list their children with filters and pagination."""

from array import array

from django.core.paginator import Paginator

from .fragments import cached_fragment


def paginate(request, queryset, per_page):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def kept_ids(queryset, key):
    """The ids of ``queryset`` in its order, kept per generation under ``key``
    (``core/fragments.py``). Counting and sorting a long listing read every item's row: at 5,000
    articles per language two queries of 10-25 ms each on SQLite, on every page of the list.
    Publishing, unpublishing, moving and deleting start a new generation, so the kept order never
    outlives a change."""
    return array(
        "q",
        cached_fragment(
            "listing-ids",
            *key,
            # Packed 8-byte integers: 40 kB for 5,000 items, read and unpacked in microseconds.
            build=lambda: array("q", queryset.values_list("pk", flat=True)).tobytes(),
        ),
    )


def rows_in_order(queryset, ids):
    """The rows of ``queryset`` with the ``ids``, in their order, in one query by id. An item gone
    since its id was kept (a change's purge runs after its commit) is left out."""
    rows = queryset.in_bulk(list(ids))
    return [rows[pk] for pk in ids if pk in rows]


def paginate_kept(request, queryset, per_page, key):
    """``paginate`` over the ids :func:`kept_ids` keeps: a page costs one query for its rows."""
    page = Paginator(kept_ids(queryset, key), per_page).get_page(request.GET.get("page"))
    page.object_list = rows_in_order(queryset, page.object_list)
    return page


def with_renditions(queryset, *image_fields):
    """``queryset`` with the renditions of the images in ``image_fields`` fetched in one query
    each: a card's ``{% image %}`` then finds its rendition among them instead of asking the
    cache and, when that is cold, the database once per image."""
    return queryset.prefetch_related(*(f"{field}__renditions" for field in image_fields))
