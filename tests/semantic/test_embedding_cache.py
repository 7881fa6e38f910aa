"""Text embedded once is never embedded again: the cache is keyed by the text and the model."""

import numpy as np
import pytest

from policyshare.semantic import embedder
from policyshare.semantic.models import CachedEmbedding

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


@pytest.fixture
def model_calls(monkeypatch):
    """Texts handed to the (real) model, call by call."""
    calls = []
    real = embedder.encode_passages

    def counting(texts):
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(embedder, "encode_passages", counting)
    return calls


def test_unchanged_text_is_not_embedded_again(model_calls):
    texts = ["Bike share\n3,000 stations.", "따릉이\n대여소 3,000곳"]
    first = embedder.embed_passages(texts)
    assert model_calls == [texts]
    second = embedder.embed_passages(texts)
    assert model_calls == [texts]  # no further call
    assert first == second
    assert CachedEmbedding.objects.count() == 2


def test_only_changed_text_goes_to_the_model(model_calls):
    embedder.embed_passages(["Bus lanes\n180 km of lanes."])
    embedder.embed_passages(["Bus lanes\n180 km of lanes.", "Bus lanes\nNow 200 km."])
    assert model_calls == [["Bus lanes\n180 km of lanes."], ["Bus lanes\nNow 200 km."]]


def test_repeated_text_in_one_call_is_embedded_once(model_calls):
    vectors = embedder.embed_passages(["Seoul", "Seoul"])
    assert model_calls == [["Seoul"]]
    assert vectors[0] == vectors[1]


def test_the_key_covers_prefix_and_model():
    text = "low emission zone"
    assert embedder.content_key(text) != embedder.content_key(text, embedder.QUERY_PREFIX)
    assert len(embedder.content_key(text)) == 64


def test_vectors_are_unit_length_float32():
    (vector,) = embedder.embed_passages(["Water quality published in real time."])
    array = embedder.from_bytes(vector)
    assert array.shape == (embedder.DIMENSIONS,)
    assert np.isclose(np.linalg.norm(array), 1.0, atol=1e-3)
