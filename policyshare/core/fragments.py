"""Parts of a page that are the same for every visitor and cost queries to build, kept in the
shared cache under the page cache's generation: every publish, move and deletion starts a new
generation (see ``policyshare/caching/generation.py``), so a kept part never outlives a change
it shows. They also serve when the page cache is off or passed by (an editor's session, a query
string it does not keep)."""

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
