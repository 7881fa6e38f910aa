"""Exact cosine search over every passage vector, in process.

All vectors sit in one float32 matrix (rows grouped by page), loaded on the first query and
reloaded when the store's version changes. Vectors are L2-normalised, so cosine is a dot
product; a page scores its best passage.

Scores are calibrated per language: e5 gives a query higher cosines with every text in its own
language, so raw cosines rank the best Korean match for an English query below dozens of
unrelated English pages. Each page's score is its cosine's standard score among the pages of
its language (how far above that language's typical page it stands), which puts the best match
in either language near the top (cross-lingual nDCG@10 on bench/search_eval: 0.18 raw, 0.64
calibrated).

Exact search on one core (``bench/search_semantic_speed.py``, busy machine) takes about 7 ms at
10k passages and 30-40 ms at 100k: no vector index library is needed at a city portal's size
(hundreds to a few thousand pages); past ~50k passages an approximate index would be the next
step.
"""

import threading
from dataclasses import dataclass

import numpy as np

from .embedder import DIMENSIONS, embed_query
from .models import Passage
from .store import store_version


@dataclass(frozen=True)
class VectorIndex:
    version: str
    page_ids: np.ndarray  # (pages,) int64, one per page
    starts: np.ndarray  # (pages,) first row of each page in ``matrix``
    languages: np.ndarray  # (pages,) language code of each page
    matrix: np.ndarray  # (passages, DIMENSIONS) float32
    groups: tuple[np.ndarray, ...]  # page positions of each language

    @classmethod
    def build(
        cls, version: str, page_of_row: np.ndarray, language_of_row, matrix: np.ndarray
    ) -> "VectorIndex":
        """``page_of_row`` must be sorted (rows of a page together)."""
        page_of_row = np.asarray(page_of_row, dtype=np.int64)
        if len(page_of_row) == 0:
            empty = np.zeros(0, dtype=np.int64)
            matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
            return cls(version, empty, empty, np.zeros(0, dtype="U8"), matrix, ())
        starts = np.flatnonzero(np.r_[True, page_of_row[1:] != page_of_row[:-1]])
        languages = np.asarray(language_of_row, dtype="U8")[starts]
        groups = tuple(np.flatnonzero(languages == code) for code in np.unique(languages))
        return cls(version, page_of_row[starts], starts, languages, matrix, groups)

    def search(self, query_vector: np.ndarray, limit: int) -> list[tuple[int, float]]:
        if not len(self.page_ids) or limit <= 0:
            return []
        best = np.maximum.reduceat(self.matrix @ query_vector, self.starts)
        scores = self._calibrated(best)
        k = min(limit, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.page_ids[i]), float(scores[i])) for i in top]

    def _calibrated(self, cosines: np.ndarray) -> np.ndarray:
        scores = np.empty_like(cosines)
        for rows in self.groups:
            group = cosines[rows]
            spread = group.std()
            # One page (or identical ones) in a language: no spread to measure, so no bonus.
            scores[rows] = (group - group.mean()) / spread if spread else 0.0
        return scores


_index: VectorIndex | None = None
_lock = threading.Lock()


def load_index(version: str) -> VectorIndex:
    rows = Passage.objects.order_by("page_id", "ordinal").values_list(
        "page_id", "language", "vector"
    )
    page_ids, languages, vectors = [], [], []
    for page_id, language, vector in rows.iterator(chunk_size=2000):
        page_ids.append(page_id)
        languages.append(language)
        vectors.append(bytes(vector))
    matrix = np.frombuffer(b"".join(vectors), dtype="<f4").reshape(-1, DIMENSIONS)
    return VectorIndex.build(version, page_ids, languages, matrix)


def current_index() -> VectorIndex:
    global _index
    version = store_version()
    with _lock:
        if _index is None or _index.version != version:
            _index = load_index(version)
        return _index


def semantic_search(query: str, limit: int = 100) -> list[tuple[int, float]]:
    """Pages whose passages mean what ``query`` asks, in either language, best first: (page id,
    score), the score being the best passage's cosine calibrated for the page's language."""
    # Lone surrogates (possible in a decoded JSON string) cannot reach the model as UTF-8.
    query = " ".join((query or "").encode("utf-8", "ignore").decode("utf-8").split())
    if not query:
        return []
    index = current_index()
    if not len(index.page_ids):
        return []
    return index.search(embed_query(query), limit)
