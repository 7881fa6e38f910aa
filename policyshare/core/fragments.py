"""Parts of a page that are the same for every visitor and cost queries to build, kept in the
shared cache under the page cache's generation: every publish, move and deletion starts a new
generation (see ``policyshare/caching/generation.py``), so a kept part never outlives a change
it shows. They also serve when the page cache is off or passed by (an editor's session, a query
string it does not keep)."""

from django.utils import translation
from wagtail.models import Site

from policyshare.caching.generation import cache, current_generation

# A day: a new generation makes older parts unreachable; the timeout only frees their space.
TIMEOUT = 24 * 60 * 60


def cached_fragment(name, *key_parts, build):
    """The value kept under ``name`` and ``key_parts`` in this generation, or ``build()`` kept.
    Keep plain values (strings, tuples): a pickled model would break on a model change between
    deploys."""
    generation = current_generation()
    key = ":".join(["fragment", generation, name, *map(str, key_parts)])
    value = cache().get(key)
    if value is None:
        value = build()
        cache().set(key, value, timeout=TIMEOUT)
    return value


def cached_page_fragment(request, page, name, build):
    """The part ``name`` of ``page`` as :func:`cached_fragment` keeps it, per page, visitor's
    language and site (a link to another site's page is absolute). A preview shows content that
    is not published, so it gets ``build()`` fresh and keeps nothing."""
    if page.pk is None or getattr(request, "is_preview", False):
        return build()
    # Found once per request: the page view already set it on the request.
    site = Site.find_for_request(request) if request is not None else None
    return cached_fragment(
        name, page.pk, translation.get_language(), site.pk if site else "", build=build
    )
