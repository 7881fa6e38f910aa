"""An approximate vector index for large sites: faiss IVF over the passage vectors, built in the
worker and kept in one file under the data directory that every server process loads.

Exact search costs one matrix product over every passage: about 7 ms at 10k passages, 30-40 ms
at 200k on one core (``bench/search_scale.py``). From ``SEMANTIC_ANN_MIN_PASSAGES`` passages
on, the worker builds an inverted-file index (k-means cells; a query scans the few cells
nearest to it) per language: inner product on L2-normalised vectors, so cosine, as the exact
search. Below that size there is no file and search stays exact.

The file need not be up to date. It records the highest passage id it holds: the passages
written since (an edit deletes a page's passages and writes new ones, so new ids) are searched
exactly beside it, and the ones it holds that have been deleted since are skipped. Publishing
refreshes the file in the worker once those changes outgrow ``REBUILD_AFTER``; ``policyshare
embed`` always rebuilds it. A missing, unreadable or stale file therefore only makes queries
slower, never wrong.

The calibration of semantic scores (a page's cosine as a standard score among its language's
pages, ``calibration.py``) needs the mean and spread of every page's cosine, which an
approximate index does not give: the file keeps each language's moments of the passage vectors,
from which they follow for any query.
"""

import datetime
import functools
import logging
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
from django.conf import settings
from django.utils import timezone

from .calibration import LanguageMoments
from .embedder import DIMENSIONS
from .models import Passage, RemovedPassage
from .store import bump_version

logger = logging.getLogger(__name__)

# 2: the calibration's moments replaced format 1's sample of pages; ``refresh`` rebuilds a file
# of another format.
FORMAT = 2
# Passages changed since the last build that make the worker build again: below this the
# exact search over the changes costs well under a millisecond.
REBUILD_AFTER = 2000
# Tombstones (``RemovedPassage``) outlive the build after them by this long: a process reads
# the new file within seconds of it, and until then still searches the old one.
KEEP_REMOVED = datetime.timedelta(hours=1)
TRAINING_ROWS_PER_CELL = 40  # k-means on a sample: faiss asks for 39 points per centroid


def min_passages() -> int:
    return settings.SEMANTIC_ANN_MIN_PASSAGES


def index_path() -> Path:
    return Path(settings.SEMANTIC_INDEX_PATH)


def cells_for(rows: int) -> int:
    """IVF cells: about 4√n (faiss's guidance), a scan of ``probes_for`` of them then reads
    ~3% of the vectors."""
    return max(1, min(rows // TRAINING_ROWS_PER_CELL, int(4 * math.sqrt(rows))))


def probes_for(cells: int) -> int:
    return min(cells, max(16, cells // 32))


@dataclass
class ApproximateIndex:
    max_id: int  # the highest passage id in the file: higher ones are newer
    count: int  # passages in the file
    ids: np.ndarray  # passage ids held, ascending
    pages: np.ndarray  # the page of each of ``ids``
    by_language: dict[str, faiss.Index]  # labels are passage ids
    moments: LanguageMoments  # of every passage in the file, for the calibration

    def page_of(self, passage_ids: np.ndarray) -> np.ndarray:
        return self.pages[np.searchsorted(self.ids, passage_ids)]

    def nearest(
        self,
        language: str,
        vector: np.ndarray,
        count: int,
        among: "Among | None" = None,
        widen: int = 1,
    ):
        """(cosines, passage ids, exhausted) of the ``count`` passages of ``language`` nearest
        to ``vector`` (among the admitted passages, ``among``), best first; fewer when the
        index holds fewer, and then ``exhausted``. ``widen`` scans that many times the cells."""
        index = self.by_language[language]
        if among is None:
            count = min(count, index.ntotal)
            scores, labels = index.search(vector.reshape(1, -1), count)
            exhausted = count == index.ntotal
        else:
            # The admitted passages are a share of every cell: scanning 1/share more cells
            # would meet as many of them as an unfiltered search meets passages, but the
            # search asks for several times the pages it keeps, so 1/sqrt(share) more cells
            # meet enough of them (4 times the cells for a year filter admitting 1/16, where
            # 16 times scanned half the index): the same filtered recall@10 (1.000) for 3 ms
            # less CPU at 100k pages (``bench/search_scale.py``); too few pages widen the scan.
            share = among.counts[language] / index.ntotal
            probes = min(index.nlist, math.ceil(index.nprobe * widen / math.sqrt(share)))
            count = min(count, among.counts[language])
            parameters = faiss.SearchParametersIVF(sel=among.selector, nprobe=probes)
            scores, labels = index.search(vector.reshape(1, -1), count, params=parameters)
            exhausted = probes == index.nlist and count == among.counts[language]
        found = labels[0] >= 0
        return scores[0][found], labels[0][found], exhausted

    @functools.cached_property
    def distinct_pages(self) -> tuple[np.ndarray, np.ndarray]:
        """The pages held, ascending, and the position among them of each passage's page."""
        return np.unique(self.pages, return_inverse=True)

    def among(self, pages_by_language: dict[str, np.ndarray]) -> "Among":
        """The passages of the admitted pages (``pages_by_language``: page ids by language)."""
        held, page_of_passage = self.distinct_pages
        selected = np.zeros(len(self.ids), dtype=bool)
        counts = {}
        for language, page_ids in pages_by_language.items():
            positions = np.searchsorted(held, page_ids).clip(max=max(len(held) - 1, 0))
            member = np.zeros(len(held), dtype=bool)
            member[positions[held[positions] == page_ids]] = True
            of_language = member[page_of_passage]
            counts[language] = int(of_language.sum())
            selected |= of_language
        bits = np.zeros(self.max_id + 1, dtype=bool)
        bits[self.ids[selected]] = True
        bitmap = np.packbits(bits, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(bitmap), faiss.swig_ptr(bitmap))
        return Among(selector, bitmap, counts)


@dataclass(frozen=True)
class Among:
    """The passages a filtered search may return: a faiss selector over their ids, and how
    many of them each language's index holds."""

    selector: faiss.IDSelector
    bitmap: np.ndarray  # the selector reads this array: kept alive with it
    counts: dict[str, int]


def build() -> ApproximateIndex | None:
    """Build the index of every stored passage, or None below the size that needs one."""
    rows = Passage.objects.order_by("id").values_list("id", "page_id", "language", "vector")
    ids, pages, languages, vectors = [], [], [], []
    for passage_id, page_id, language, vector in rows.iterator(chunk_size=5000):
        ids.append(passage_id)
        pages.append(page_id)
        languages.append(language)
        vectors.append(bytes(vector))
    if len(ids) < min_passages():
        return None
    matrix = np.frombuffer(b"".join(vectors), dtype="<f4").reshape(-1, DIMENSIONS)
    ids, pages = np.asarray(ids, dtype=np.int64), np.asarray(pages, dtype=np.int64)
    languages = np.asarray(languages, dtype="U8")
    rng = np.random.default_rng(0)
    by_language = {}
    for language in np.unique(languages):
        rows_of = np.flatnonzero(languages == language)
        by_language[str(language)] = _ivf(matrix[rows_of], ids[rows_of], rng)
    return ApproximateIndex(
        max_id=int(ids[-1]),
        count=len(ids),
        ids=ids,
        pages=pages,
        by_language=by_language,
        moments=LanguageMoments.of(matrix, pages, languages),
    )


def _ivf(vectors: np.ndarray, ids: np.ndarray, rng) -> faiss.Index:
    cells = cells_for(len(vectors))
    quantizer = faiss.IndexFlatIP(DIMENSIONS)
    index = faiss.IndexIVFFlat(quantizer, DIMENSIONS, cells, faiss.METRIC_INNER_PRODUCT)
    training = min(len(vectors), cells * TRAINING_ROWS_PER_CELL)
    index.cp.min_points_per_centroid = 1  # a small site's few passages are enough, unwarned
    index.train(vectors[rng.choice(len(vectors), training, replace=False)])
    index.add_with_ids(vectors, ids)
    index.nprobe = probes_for(cells)
    return index


def save(index: ApproximateIndex, path: Path) -> None:
    """Write the file whole under a temporary name, then rename: a process reading it sees
    the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {
        "format": np.array(FORMAT),
        "max_id": np.array(index.max_id),
        "count": np.array(index.count),
        "ids": index.ids,
        "pages": index.pages,
        **{f"moments_{name}": array for name, array in index.moments.arrays().items()},
    }
    for language, language_index in index.by_language.items():
        arrays[f"ivf_{language}"] = faiss.serialize_index(language_index)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".semantic-index-")
    try:
        with os.fdopen(handle, "wb") as file:
            np.savez(file, **arrays)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(path: Path) -> ApproximateIndex | None:
    """The index in ``path``; None when there is none or it cannot be read (the caller then
    searches exactly, and the log says how to rebuild it)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["format"]) != FORMAT:
                raise ValueError(f"format {int(data['format'])}, expected {FORMAT}")
            by_language = {}
            for name in data.files:
                if name.startswith("ivf_"):
                    by_language[name[4:]] = faiss.deserialize_index(data[name])
                    by_language[name[4:]].nprobe = probes_for(by_language[name[4:]].nlist)
            return ApproximateIndex(
                max_id=int(data["max_id"]),
                count=int(data["count"]),
                ids=data["ids"],
                pages=data["pages"],
                by_language=by_language,
                moments=LanguageMoments.from_arrays(
                    {name[8:]: data[name] for name in data.files if name.startswith("moments_")}
                ),
            )
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or foreign file: numpy, zipfile and faiss errors
        logger.error(
            "The semantic vector index %s cannot be read (%s); searching exactly until "
            "`policyshare embed` rebuilds it.",
            path,
            error,
        )
        return None


def header(path: Path) -> tuple[int, int] | None:
    """(max_id, count) of the file, without reading its vectors; None when it cannot be read
    or has another format (so that it is rebuilt)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["format"]) != FORMAT:
                return None
            return int(data["max_id"]), int(data["count"])
    except Exception:
        return None


def changes_since(max_id: int, count: int) -> int:
    """Passages written after a file holding (``max_id``, ``count``) was built, plus those
    it holds that have been deleted since."""
    newer = Passage.objects.filter(id__gt=max_id).count()
    kept = Passage.objects.filter(id__lte=max_id).count()
    return newer + (count - kept)


def refresh(force: bool = False) -> str:
    """Bring the file in step with the stored passages: rebuilt when forced, missing, or
    ``REBUILD_AFTER`` changes behind; removed when the site is too small to need one. Runs in
    the worker or a command (seconds at 100k pages), never in a web request. Says what it
    did."""
    path = index_path()
    if Passage.objects.count() < min_passages():
        if path.exists():
            path.unlink(missing_ok=True)
            return "removed"
        return "not needed"
    held = header(path)
    if not force and held is not None and changes_since(*held) < REBUILD_AFTER:
        return "fresh"
    index = build()
    if index is None:  # passages were deleted meanwhile
        path.unlink(missing_ok=True)
        return "removed"
    save(index, path)
    bump_version()  # every process reads the new file on its next query
    RemovedPassage.objects.filter(removed_at__lt=timezone.now() - KEEP_REMOVED).delete()
    return "built"
