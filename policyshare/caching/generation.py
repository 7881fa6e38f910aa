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

A request reads the generation once: the page-cache lookup, the routing and each kept fragment
(``core/fragments.py``) would otherwise read it again, about five round trips a page on Redis. It
also renders the whole page from one generation. Outside a request (tasks, commands, the shell)
every read goes to the cache, since nothing would end the remembered value.
"""

import uuid

from asgiref.local import Local
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.dispatch import receiver

GENERATION_KEY = "page-cache:generation"

# The generation read in the current request; ``within_request`` is set only between Django's
# request_started and request_finished (asgiref's Local: per thread, and per task under ASGI).
_request = Local()


@receiver(request_started)
def begin_request(**kwargs):
    _request.within_request = True
    _request.generation = None


@receiver(request_finished)
def end_request(**kwargs):
    _request.within_request = False
    _request.generation = None


def cache():
    return caches["default"]


def new_generation():
    """Purge every cached page (the old entries are overwritten or expire)."""
    cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    # A request that published goes on with the new generation.
    _request.generation = None


def current_generation():
    """The current generation: read from the shared cache (one round trip) once per request."""
    remembered = getattr(_request, "generation", None)
    if remembered is not None:
        return remembered
    return generation_from(cache().get(GENERATION_KEY))


def generation_from(value):
    """The current generation, given what the cache returned for GENERATION_KEY; starts one
    when there is none. With the cache down nothing is stored, so a random token just means
    "nothing is cached"."""
    if value is None:
        token = uuid.uuid4().hex
        cache().add(GENERATION_KEY, token, timeout=None)
        value = cache().get(GENERATION_KEY) or token
    if getattr(_request, "within_request", False):
        _request.generation = value
    return value
