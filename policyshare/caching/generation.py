"""The site-wide generation of the page cache: every cached page records the generation it was
rendered in, and a page from an older generation is never served. Purging is giving the site a
new generation.

Why one number for the whole site is enough: a page shows more than itself (listings on its
parent index and the home page, feeds, the sitemap, menus, related items, sectors and partners),
and tracking which cached pages show which item would be a dependency graph kept in step with
every template. A city portal publishes a few times a day; after a purge each page is rendered
once more on its next visit (about as many renders as there are pages visited in the next
minutes), which the app servers handle without notice even at a peak, while a missed purge would
show stale or withdrawn content. So every change purges everything.

A generation is a random token rather than a counter: should the cache lose the key (eviction,
restart), a fresh token can never equal one that older entries carry, so they cannot come back.
"""

import uuid

from django.core.cache import caches

GENERATION_KEY = "page-cache:generation"


def cache():
    return caches["default"]


def new_generation():
    """Purge every cached page (the old entries are overwritten or expire)."""
    cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def current_generation():
    """The current generation, read from the shared cache (one round trip)."""
    return generation_from(cache().get(GENERATION_KEY))


def generation_from(value):
    """The current generation, given what the cache returned for GENERATION_KEY; starts one
    when there is none. With the cache down nothing is stored, so a random token just means
    "nothing is cached"."""
    if value is not None:
        return value
    token = uuid.uuid4().hex
    cache().add(GENERATION_KEY, token, timeout=None)
    return cache().get(GENERATION_KEY) or token
