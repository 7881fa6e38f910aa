"""The ranking seam: a query in, index entries best first out.

Keyword ranking (BM25 over the analysed terms) is the default; ``POLICYSHARE_SEARCH_RANKING =
"hybrid"`` fuses it with the semantic ranking when ``policyshare.semantic`` provides one.
Everything above this module (the search page, the API) sees only :class:`Hit` lists.
"""

import logging
import uuid
from dataclasses import dataclass, field

from django.conf import settings

logger = logging.getLogger(__name__)

# Pages found by meaning alone join the results only from this calibrated semantic score (a
# standard score within their language) up: otherwise every query would list every page.
SEMANTIC_MIN_SCORE = 1.0
SEMANTIC_CANDIDATES = 100
# Keyword hits fused with the semantic ones: deeper ones would add under 1/200th of a vote each,
# and reading, building and fusing up to 1,000 of them cost a hybrid query about a fifth of its
# time at 100k pages (``bench/search_scale.py``).
KEYWORD_CANDIDATES = 200


@dataclass(frozen=True)
class Filters:
    """What a visitor narrowed the results to; an empty set admits everything."""

    kinds: frozenset[str] = field(default_factory=frozenset)
    sectors: frozenset[str] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)
    languages: frozenset[str] = field(default_factory=frozenset)

    @property
    def narrows(self) -> bool:
        """Whether any filter is set: without, a search is the unfiltered one."""
        return bool(self.kinds or self.sectors or self.years or self.languages)

    def admits(self, hit: "Hit", *, ignore: str | None = None) -> bool:
        """Whether ``hit`` passes every filter (but the one named ``ignore``: a facet counts
        what choosing another of its own values would give)."""
        return (
            (ignore == "kind" or not self.kinds or hit.kind in self.kinds)
            and (
                ignore == "sector"
                or not self.sectors
                or not self.sectors.isdisjoint(hit.sector_slugs)
            )
            and (ignore == "year" or not self.years or hit.year in self.years)
            and (ignore == "language" or not self.languages or hit.language in self.languages)
        )


@dataclass(frozen=True)
class Hit:
    """One matching index entry (one language's page), with its relevance score."""

    page_id: int
    translation_key: uuid.UUID
    language: str
    kind: str
    sector_slugs: tuple[str, ...]
    year: int | None
    score: float
    # False when the entry lacks some of the query's words (ranked below those with all).
    complete: bool = True

    def replaced(self, **changes) -> "Hit":
        """A copy with ``changes`` (field names): ``dataclasses.replace`` runs ``__init__``
        over every field, which cost a fifth of a hybrid query's CPU at 100k pages
        (``bench/search_scale.py``: up to 2,000 hits are rescored per query)."""
        copy = object.__new__(Hit)
        copy.__dict__.update(self.__dict__, **changes)
        return copy


class Ranking(list):
    """Hits best first, and whether the keyword ranking stopped at its limit (``cut``): then
    more entries may match than are listed, and their number is a lower bound."""

    def __init__(self, hits=(), *, cut: bool = False):
        super().__init__(hits)
        self.cut = cut


class SearchUnavailable(Exception):
    """The index cannot be read (missing, corrupt or unreachable): ``policyshare reindex``."""


def rank(query: str, language: str, filters: Filters | None = None) -> Ranking:
    """Entries matching ``query`` that ``filters`` admit, best first. The filters narrow each
    side's candidates before it cuts them, so a filtered search finds matches that the
    unfiltered one ranks below its cut; no filters admit every entry. ``language`` is the
    visitor's: it decides how a query without letters is analysed. Raises
    :class:`SearchUnavailable` when the index cannot be read."""
    (hits,) = rank_each(query, language, [filters or Filters()])
    return hits


def rank_each(query: str, language: str, filter_sets: list[Filters]) -> list[Ranking]:
    """``rank`` under each of ``filter_sets``, the query analysed and embedded once."""
    from . import fulltext
    from .query import parse

    parsed = parse(query, language)
    if parsed.units and settings.POLICYSHARE_SEARCH_RANKING == "hybrid":
        semantic = _semantic_query(parsed.text)
        keyword = fulltext.match_each(parsed, KEYWORD_CANDIDATES, filter_sets)
        return [
            Ranking(_hybrid(parsed, hits, semantic, filters), cut=len(hits) >= KEYWORD_CANDIDATES)
            for hits, filters in zip(keyword, filter_sets, strict=True)
        ]
    return [
        Ranking(hits, cut=len(hits) >= fulltext.MAX_MATCHES)
        for hits in fulltext.match_each(parsed, fulltext.MAX_MATCHES, filter_sets)
    ]


def _semantic_query(text: str):
    """The semantic side of ``text`` (``policyshare.semantic``), or None when it cannot load."""
    try:
        from policyshare.semantic.search import SemanticQuery
    except Exception:
        logger.exception("Semantic search failed; showing keyword results only.")
        return None
    return SemanticQuery(text)


def _admission(filters: Filters):
    """The pages ``filters`` admit, for the semantic side to keep (None: every page). They
    change only with what visitors can see, which purges the page cache: the purge's
    generation in the key, a page published or withdrawn is admitted or gone at the next
    search."""
    from policyshare.caching.generation import current_generation
    from policyshare.semantic.search import Admission

    from . import fulltext

    if not filters.narrows:
        return None
    return Admission((filters, current_generation()), lambda: fulltext.admitted_pages(filters))


def _hybrid(parsed, keyword_hits: list[Hit], semantic_query, filters: Filters) -> list[Hit]:
    """Keyword hits fused with the semantic ranking (``policyshare.semantic``) among the pages
    ``filters`` admit, which also brings pages in the other language that share no word with
    the query. Without a working semantic side the keyword hits stand, and the log says why."""
    from . import fulltext

    if semantic_query is None:
        return keyword_hits
    try:
        from policyshare.semantic.fusion import fuse

        semantic = semantic_query.search(SEMANTIC_CANDIDATES, _admission(filters))
    except Exception:
        logger.exception("Semantic search failed; showing keyword results only.")
        return keyword_hits
    by_page = {hit.page_id: hit for hit in keyword_hits}
    semantic = [
        (page, score) for page, score in semantic if page in by_page or score >= SEMANTIC_MIN_SCORE
    ]
    missing = [page for page, _ in semantic if page not in by_page]
    by_page.update((hit.page_id, hit) for hit in fulltext.entries(missing))
    languages = {page_id: hit.language for page_id, hit in by_page.items()}
    fused = fuse(
        [hit.page_id for hit in keyword_hits],
        semantic,
        languages,
        parsed.language,
        complete=sum(hit.complete for hit in keyword_hits),
    )
    # Only pages in the keyword index can be shown: the others are not public (any more).
    return [
        by_page[page_id].replaced(score=score) for page_id, score in fused if page_id in by_page
    ]
