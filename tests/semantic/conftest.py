import numpy as np
import pytest

from policyshare.semantic import embedder

# Vectors by text for the whole session: every test's database starts empty, so without this
# the same test pages would run through the (real) model again in every test.
_vectors: dict[str, np.ndarray] = {}


@pytest.fixture(autouse=True)
def _model_once_per_text(monkeypatch):
    real = embedder.encode_passages

    def remembered(texts):
        missing = [text for text in dict.fromkeys(texts) if text not in _vectors]
        if missing:
            _vectors.update(zip(missing, real(missing), strict=True))
        return np.stack([_vectors[text] for text in texts])

    monkeypatch.setattr(embedder, "encode_passages", remembered)
