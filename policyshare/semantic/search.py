"""Cosine search over every passage vector, in process: exact, or approximate on large sites.

All vectors sit in one float32 matrix (rows grouped by page), loaded on the first query and
reloaded when the store's version changes. Vectors are L2-normalised, so cosine is a dot
product; a page scores its best passage.

Scores are calibrated per language (``calibration.py``): each page's score is its cosine's
standard score among the pages of its language, which puts the best match in either language
near the top (cross-lingual nDCG@10 on bench/search_eval: 0.18 raw, 0.64 calibrated).

Exact search on one core takes about 7 ms at 10k passages and 30-40 ms at 200k. From
``SEMANTIC_ANN_MIN_PASSAGES`` on, the worker keeps an approximate index in a file
(``approximate.py``); a process loads it and searches exactly only the passages written since
it was built, with the language statistics taken from the file's moments. A new file
is read in a background thread, never in a visitor's request.
"""

import functools
import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import approximate
from .calibration import LanguageMoments, calibrated
from .embedder import DIMENSIONS, embed_query
from .models import Passage, RemovedPassage
from .store import store_version

# The admitted pages each snapshot keeps, by filter set (``Admission``): visitors choose the same
# few facet values over and over; reading one set and building its faiss selector cost 10 ms CPU
# at 100k pages (``bench/search_scale.py``), a kept one nothing.
ADMISSIONS_KEPT = 16


@dataclass(frozen=True)
class VectorIndex:
    version: str
    page_ids: np.ndarray  # (pages,) int64, one per page
    starts: np.ndarray  # (pages,) first row of each page in ``matrix``
    languages: np.ndarray  # (pages,) language code of each page
    matrix: np.ndarray  # (passages, DIMENSIONS) float32
    moments: LanguageMoments

    @classmethod
    def build(
        cls, version: str, page_of_row: np.ndarray, language_of_row, matrix: np.ndarray
    ) -> "VectorIndex":
        """``page_of_row`` must be sorted (rows of a page together)."""
        page_of_row = np.asarray(page_of_row, dtype=np.int64)
        if len(page_of_row) == 0:
            empty = np.zeros(0, dtype=np.int64)
            matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
            moments = LanguageMoments({}, {})
            return cls(version, empty, empty, np.zeros(0, dtype="U8"), matrix, moments)
        starts = np.flatnonzero(np.r_[True, page_of_row[1:] != page_of_row[:-1]])
        language_of_row = np.asarray(language_of_row, dtype="U8")
        moments = LanguageMoments.of(matrix, page_of_row, language_of_row)
        return cls(version, page_of_row[starts], starts, language_of_row[starts], matrix, moments)

    def search(
        self, query_vector: np.ndarray, limit: int, admitted: "Admitted | None" = None
    ) -> list[tuple[int, float]]:
        if not len(self.page_ids) or limit <= 0:
            return []
        best = self.best_cosines(query_vector)
        statistics = self.moments.statistics(query_vector)
        scores = calibrated(best, self.languages, statistics)
        if admitted is None:
            return top_pages(self.page_ids, scores, limit)
        kept = admitted.holds(self.page_ids)
        return top_pages(self.page_ids[kept], scores[kept], limit)

    def best_cosines(self, query_vector: np.ndarray) -> np.ndarray:
        """Each page's best passage cosine with ``query_vector``."""
        if not len(self.page_ids):
            return np.zeros(0, dtype=np.float32)
        return np.maximum.reduceat(self.matrix @ query_vector, self.starts)


@dataclass(frozen=True)
class Admitted:
    """The pages a filtered search may return, by language: a search looks among them only, so
    it returns the best of them however far below the unfiltered query's best they rank.
    ``among``: the same pages' passages in the snapshot's index file (None: built when needed)."""

    by_language: dict[str, np.ndarray]
    among: approximate.Among | None = None

    @classmethod
    def of(cls, pages: Mapping[str, Sequence[int]]) -> "Admitted":
        """From page ids by language."""
        return cls({language: np.asarray(ids, dtype=np.int64) for language, ids in pages.items()})

    @functools.cached_property
    def page_ids(self) -> np.ndarray:
        """Every admitted page id, ascending."""
        return np.sort(np.concatenate([np.zeros(0, dtype=np.int64), *self.by_language.values()]))

    def holds(self, page_ids: np.ndarray) -> np.ndarray:
        """Which of ``page_ids`` are admitted (a boolean mask)."""
        admitted = self.page_ids
        if not len(page_ids) or not len(admitted):
            return np.zeros(len(page_ids), dtype=bool)
        positions = np.searchsorted(admitted, page_ids).clip(max=len(admitted) - 1)
        return admitted[positions] == page_ids


@dataclass(frozen=True)
class Admission:
    """What a filtered search admits, for a snapshot to keep: ``key`` names the set (while it
    holds, the same pages: e.g. the filters and the site's content generation; None: a set
    asked for once, not kept), ``pages`` reads them (page ids by language) when the snapshot
    has none kept under ``key``."""

    key: Hashable | None
    pages: Callable[[], Mapping[str, Sequence[int]]] = field(compare=False)


def top_pages(page_ids: np.ndarray, scores: np.ndarray, limit: int) -> list[tuple[int, float]]:
    k = min(limit, len(scores))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(page_ids[i]), float(scores[i])) for i in top]


@dataclass(frozen=True)
class Snapshot:
    """What one process searches for one store version: the approximate index file (if any),
    the passages written since it was built, and the ids it holds that are gone since."""

    version: str
    approximate: approximate.ApproximateIndex | None
    recent: VectorIndex
    gone: frozenset[int]

    def admitted(self, admission: Admission) -> Admitted:
        """The pages ``admission`` admits, with their passages in the index file: kept under
        its key, the ``ADMISSIONS_KEPT`` latest used. A new snapshot (passages written or
        removed, a new index file) starts with none."""
        if admission.key is None:
            return self._read_admission(admission)
        return self._kept_admissions(admission)

    @functools.cached_property
    def _kept_admissions(self) -> Callable[[Admission], Admitted]:
        return functools.lru_cache(maxsize=ADMISSIONS_KEPT)(self._read_admission)

    def _read_admission(self, admission: Admission) -> Admitted:
        admitted = Admitted.of(admission.pages())
        if self.approximate is None:
            return admitted
        return Admitted(admitted.by_language, self.approximate.among(admitted.by_language))

    def search(
        self, query_vector: np.ndarray, limit: int, admitted: Admitted | None = None
    ) -> list[tuple[int, float]]:
        if self.approximate is None:
            return self.recent.search(query_vector, limit, admitted)
        index = self.approximate
        # Languages only among the passages written since the file's build: their own moments.
        statistics = self.recent.moments.statistics(query_vector)
        statistics.update(index.moments.statistics(query_vector))
        among = None
        if admitted is not None:
            among = admitted.among or index.among(admitted.by_language)
        page_ids, languages, cosines = [], [], []
        for language in index.by_language:
            if among is not None and not among.counts.get(language):
                continue
            pages, best = self._nearest_pages(language, query_vector, limit, among)
            page_ids += pages
            languages += [language] * len(pages)
            cosines += best
        recent = self.recent
        kept = slice(None) if admitted is None else admitted.holds(recent.page_ids)
        page_ids = np.asarray(page_ids + list(recent.page_ids[kept]), dtype=np.int64)
        languages = np.asarray(languages + list(recent.languages[kept]), dtype="U8")
        recent_cosines = recent.best_cosines(query_vector)[kept]
        cosines = np.asarray(cosines + list(recent_cosines), dtype=np.float64)
        return top_pages(page_ids, calibrated(cosines, languages, statistics), limit)

    @functools.cached_property
    def gone_ids(self) -> np.ndarray:
        return np.fromiter(self.gone, dtype=np.int64, count=len(self.gone))

    def _nearest_pages(
        self, language, query_vector, limit, among: approximate.Among | None
    ) -> tuple[list[int], list[float]]:
        """The ``limit`` pages of ``language`` in the file nearest to the query (among the
        admitted passages, ``among``), by their best passage: a page's first passage in cosine
        order is its best. Asks for more passages, and scans more cells, until ``limit``
        distinct live pages are found or the index is exhausted."""
        wanted, widen = 4 * limit + len(self.gone), 1
        while True:
            scores, passage_ids, exhausted = self.approximate.nearest(
                language, query_vector, wanted, among, widen
            )
            if self.gone:
                live = ~np.isin(passage_ids, self.gone_ids)
                scores, passage_ids = scores[live], passage_ids[live]
            pages = self.approximate.page_of(passage_ids)
            _, first = np.unique(pages, return_index=True)
            first.sort()  # back in cosine order
            if len(first) >= limit or exhausted:
                first = first[:limit]
                return pages[first].tolist(), scores[first].tolist()
            wanted, widen = wanted * 4, widen * 4


_snapshot: Snapshot | None = None
_lock = threading.Lock()
_file: tuple = (None, None)  # (file state, ApproximateIndex) this process has read
# The background read of a replaced index file, while searches go on without it.
loading: threading.Thread | None = None


def load_passages(queryset) -> VectorIndex:
    rows = queryset.order_by("page_id", "ordinal").values_list("page_id", "language", "vector")
    page_ids, languages, vectors = [], [], []
    for page_id, language, vector in rows.iterator(chunk_size=2000):
        page_ids.append(page_id)
        languages.append(language)
        vectors.append(bytes(vector))
    matrix = np.frombuffer(b"".join(vectors), dtype="<f4").reshape(-1, DIMENSIONS)
    return VectorIndex.build("", page_ids, languages, matrix)


def _file_state(path) -> tuple | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_mtime_ns, status.st_size


def _read_file(path, state) -> None:
    global _file
    index = approximate.load(path)
    with _lock:
        _file = (state, index)


def _approximate_index(wait: bool) -> approximate.ApproximateIndex | None:
    """The index file as this process last read it. A replaced file (hundreds of MB at 100k
    pages, seconds to read) is read in a background thread: until then searches go on with the
    file read before, beside exact search of the passages written since, so no visitor waits
    for it. Only a process that has searched nothing yet (``wait``) reads it at once."""
    global _file, loading
    path = approximate.index_path()
    state = _file_state(path)
    if state is None:
        _file = (None, None)
    elif state != _file[0]:
        if wait or _tombstones_cleared(_file[0], state):
            _file = (state, approximate.load(path))
        elif loading is None or not loading.is_alive():
            loading = threading.Thread(
                target=_read_file, args=(path, state), name="semantic-index-read", daemon=True
            )
            loading.start()
    return _file[1]


def _tombstones_cleared(held, current) -> bool:
    """Whether a build since the file ``held`` may have cleared tombstones it needs: only those
    older than ``KEEP_REMOVED`` at a build go, so not while ``current`` (the newest build) is
    less than that younger. A process idle for that long reads the new file at once."""
    if held is None:
        return False
    return current[1] - held[1] > approximate.KEEP_REMOVED.total_seconds() * 1e9


def load_snapshot(version: str, index: approximate.ApproximateIndex | None) -> Snapshot:
    """What to search beside ``index``: the passages written since it was built, and those it
    holds that have been removed since (their tombstones: a few rows, where comparing every id
    would read the whole table)."""
    if index is None:
        return Snapshot(version, None, load_passages(Passage.objects.all()), frozenset())
    recent = load_passages(Passage.objects.filter(id__gt=index.max_id))
    gone = RemovedPassage.objects.filter(passage_id__lte=index.max_id)
    return Snapshot(version, index, recent, frozenset(gone.values_list("passage_id", flat=True)))


def current_snapshot() -> Snapshot:
    global _snapshot
    version = store_version()
    with _lock:
        index = _approximate_index(wait=_snapshot is None)
        if _snapshot is None or _snapshot.version != version or _snapshot.approximate is not index:
            _snapshot = load_snapshot(version, index)
        return _snapshot


def semantic_search(
    query: str, limit: int = 100, admitted: Mapping[str, Sequence[int]] | None = None
) -> list[tuple[int, float]]:
    """Pages whose passages mean what ``query`` asks, in either language, best first: (page id,
    score), the score being the best passage's cosine calibrated for the page's language.
    ``admitted``: the page ids by language a filtered search may return (None: any)."""
    admission = None if admitted is None else Admission(None, lambda: admitted)
    return SemanticQuery(query).search(limit, admission)


class SemanticQuery:
    """One query's semantic side, embedded at most once however many searches (unfiltered and
    filtered, for one visitor's request) it runs."""

    def __init__(self, query: str):
        # Lone surrogates (possible in a decoded JSON string) cannot reach the model as UTF-8.
        self.text = " ".join((query or "").encode("utf-8", "ignore").decode("utf-8").split())

    @functools.cached_property
    def vector(self) -> np.ndarray:
        return embed_query(self.text)

    def search(self, limit: int, admission: Admission | None = None) -> list[tuple[int, float]]:
        """The ``limit`` best pages among those ``admission`` admits (None: any)."""
        if not self.text or limit <= 0:
            return []
        snapshot = current_snapshot()
        if snapshot.approximate is None and not len(snapshot.recent.page_ids):
            return []
        admitted = None if admission is None else snapshot.admitted(admission)
        return snapshot.search(self.vector, limit, admitted)
