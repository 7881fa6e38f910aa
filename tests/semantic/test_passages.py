"""Long page text is split into passages the model can read whole, each with the page title."""

from policyshare.semantic.embedder import count_tokens
from policyshare.semantic.passages import split_passages


def words(text):
    return len(text.split())


def test_a_short_page_is_one_passage_per_paragraph_with_its_title():
    passages = split_passages(
        "Bike share", ["3,000 stations.", "", "A pass costs 1,000 won."], words
    )
    assert passages == ["Bike share\n3,000 stations.", "Bike share\nA pass costs 1,000 won."]


def test_a_long_paragraph_is_cut_between_sentences_within_the_budget():
    sentences = [f"Sentence number {n} says something about buses." for n in range(40)]
    passages = split_passages("Bus lanes", [" ".join(sentences)], words, max_tokens=40)
    assert len(passages) > 1
    assert all(p.startswith("Bus lanes\n") and words(p) <= 40 for p in passages)
    # Nothing lost, nothing repeated, and no sentence torn apart.
    assert " ".join(p.removeprefix("Bus lanes\n") for p in passages) == " ".join(sentences)


def test_a_sentence_longer_than_the_budget_is_cut_between_words():
    passages = split_passages("T", ["word " * 100], words, max_tokens=21)
    assert len(passages) == 5
    assert all(words(p) <= 21 for p in passages)


def test_a_page_without_text_is_its_title():
    assert split_passages("Seoul", ["", "  "], words) == ["Seoul"]


def test_real_model_tokens_bound_korean_passages():
    paragraph = "녹색교통지역에서 배출가스 5등급 차량의 운행을 제한합니다. " * 60
    passages = split_passages("5등급 차량 운행제한", [paragraph], count_tokens, max_tokens=128)
    assert len(passages) > 1
    assert all(count_tokens(p) <= 128 for p in passages)
