"""Leaving out pages that only some visitors may see, without a query per listing.

Wagtail's ``PageQuerySet.public()`` reads every ``PageViewRestriction`` each time it is called:
one query per listing, six on the home page. The restricted sections' tree paths are kept as a
fragment under the page cache's generation instead (``core/fragments.py``); saving or deleting a
view restriction, and moving a page, start a new generation (``caching/purge.py``), so the kept
paths are never older than the restrictions.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .fragments import cached_fragment


def restricted_paths():
    """The tree paths of the pages that carry a view restriction (each hides its subtree)."""
    return cached_fragment(
        "restricted-paths",
        build=lambda: tuple(
            sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        ),
    )


def public(pages):
    """``pages.public()`` as Wagtail means it: without restricted pages and their descendants."""
    hidden = Q()
    for path in restricted_paths():
        hidden |= Q(path__startswith=path)
    return pages.exclude(hidden) if hidden else pages


class ViewRestrictionsFromCache:
    """Page mixin: Wagtail checks a page's view restrictions before serving it, in two queries
    (the ancestors, then their restrictions). While the site has no restriction at all, which
    the kept paths tell without a query, there is nothing to check. With any restriction the
    check is Wagtail's own: an alias shows its source's restrictions, which paths cannot tell."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
