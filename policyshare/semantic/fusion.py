"""Weighted reciprocal rank fusion of the keyword and the semantic ranking.

Each list contributes ``weight / (k + rank)`` to a page's score. The semantic list is split by
language first: pages in the query's language are ranked among themselves, pages in the other
language among themselves, each part with its own weight. The rule, tuned on
``bench/search_eval`` (``bench/search_quality.py --tune``):

- same language: the keyword side dominates. Analysed BM25 is the most precise ranking when
  query and page share a language (equal-weight fusion has been measured to lose to it at rank
  1 on Korean); semantic adds a smaller vote and lifts pages the keywords missed.
- a keyword hit holding every word of the query is a confident match and gets the full keyword
  weight; one holding only some of the words (ranked below, see ``fulltext.match``) gets
  ``keyword_partial``. A query about something that exists only in the other language rarely
  has a page with all its words in its own language, so there the stray partial matches (a
  shared common word) must not push the semantic matches in the other language down.
- other language: keywords can hardly match, so the semantic ranking carries these pages; its
  best cross-lingual match counts as much as the best keyword match.
- when the best semantic match of all is in the other language (its calibrated score leads
  the query language's best by a margin), the query is most likely asking for something that
  exists only in the other language, and other-language pages count double.

Weights come from ``settings.SEMANTIC_FUSION`` (keys as :class:`FusionWeights` fields). With
them, nDCG@10 on bench/search_eval is 1.000 (Korean), 1.000 (English) and 0.658 (cross-lingual;
semantic alone 0.637); with weights tuned on the other half of the queries, 0.993, 0.994 and
0.657: the English figure is one query short of semantic search alone (1.000).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from django.conf import settings


@dataclass(frozen=True)
class FusionWeights:
    k: float = 10.0
    keyword: float = 1.0
    semantic_same_language: float = 0.75
    semantic_other_language: float = 1.0
    # Used instead of ``semantic_other_language`` when the other language holds the best match.
    semantic_other_language_leading: float = 2.0
    # How far (in calibrated score) the other language's best must lead to count as leading.
    leading_margin: float = 0.25
    # A keyword hit that lacks some of the query's words.
    keyword_partial: float = 0.5

    @classmethod
    def from_settings(cls) -> "FusionWeights":
        configured = settings.SEMANTIC_FUSION
        names = {field.name for field in fields(cls)}
        return cls(**{name: float(v) for name, v in configured.items() if name in names})


def fuse(
    keyword: Sequence[int],
    semantic: Sequence[tuple[int, float]],
    languages: Mapping[int, str],
    query_language: str,
    weights: FusionWeights | None = None,
    complete: int | None = None,
) -> list[tuple[int, float]]:
    """Pages of either list, best first, with their fused scores.

    ``keyword``: page ids, best first. ``semantic``: ``semantic_search``'s (page id, calibrated
    score), best first. ``languages``: each page's language; a page missing from it counts as
    in the query's language. ``complete``: how many of the first ``keyword`` pages hold every
    word of the query (default: all of them)."""
    weights = weights or FusionWeights.from_settings()
    complete = len(keyword) if complete is None else complete
    scores: dict[int, float] = {}
    for rank, page_id in enumerate(dict.fromkeys(keyword), start=1):
        weight = weights.keyword if rank <= complete else weights.keyword_partial
        scores[page_id] = scores.get(page_id, 0.0) + weight / (weights.k + rank)

    def same_language(page_id):
        return languages.get(page_id, query_language) == query_language

    best = {}  # the best calibrated score in the query's language (True) and the other (False)
    for page_id, score in semantic:
        best.setdefault(same_language(page_id), score)
    other_leads = False in best and (
        True not in best or best[False] > best[True] + weights.leading_margin
    )
    other_weight = (
        weights.semantic_other_language_leading if other_leads else weights.semantic_other_language
    )
    ranks = {True: 0, False: 0}
    for page_id, _ in semantic:
        same = same_language(page_id)
        ranks[same] += 1
        weight = weights.semantic_same_language if same else other_weight
        scores[page_id] = scores.get(page_id, 0.0) + weight / (weights.k + ranks[same])
    return sorted(scores.items(), key=lambda item: item[1], reverse=True)
