"""Hybrid ranking: keywords lead when query and page share a language; semantic search brings
in pages that exist only in the other language."""

from policyshare.semantic.fusion import FusionWeights, fuse

KO = {1: "ko", 2: "ko", 3: "ko", 10: "en", 11: "en"}


def order(*args, **kwargs):
    return [page_id for page_id, _ in fuse(*args, **kwargs)]


def test_same_language_keyword_match_stays_first_when_semantic_prefers_another():
    # Semantic search likes page 2 a little better, but only page 1 has the query's words.
    assert order([1, 3], [(2, 4.1), (1, 4.0), (3, 2.0)], KO, "ko")[0] == 1


def test_pages_in_both_lists_beat_pages_in_one():
    assert order([1, 2], [(2, 3.0), (3, 2.9)], KO, "ko")[0] == 2


def test_an_english_only_page_is_rescued_for_a_korean_query():
    # The Korean keyword hit is a weak, incidental match; the best semantic match of all is
    # English, so the English page comes first.
    ranked = order([1], [(10, 3.8), (1, 2.6), (2, 2.5), (11, 2.0)], KO, "ko")
    assert ranked[0] == 10
    assert set(ranked) == {1, 2, 10, 11}


def test_other_language_pages_still_appear_when_the_query_language_leads():
    ranked = order([1, 2], [(1, 5.0), (10, 3.0), (2, 2.0)], KO, "ko")
    assert ranked[0] == 1
    assert 10 in ranked[:3]


def test_a_keyword_hit_lacking_some_of_the_words_counts_less():
    weights = FusionWeights(keyword_partial=0.25)
    complete = dict(fuse([1, 2], [], KO, "ko", weights))
    partial = dict(fuse([1, 2], [], KO, "ko", weights, complete=1))
    assert complete[1] == partial[1]
    assert partial[2] < complete[2]


def test_stray_partial_matches_do_not_bury_the_other_languages_best_match():
    # A Korean query about something that exists only in English: the Korean pages share one of
    # its words with it (none has them all); semantic search ranks the English page best of its
    # language, and a Korean page about something else best of all.
    weights = FusionWeights(k=10, keyword_partial=0.0)
    semantic = [(1, 5.6), (10, 3.0), (2, 2.6)]
    assert order([1, 2], semantic, KO, "ko", weights, complete=0)[0] == 10
    assert order([1, 2], semantic, KO, "ko", weights, complete=2)[0] == 1


def test_weights_come_from_settings(settings):
    settings.SEMANTIC_FUSION = {"keyword": 0.0, "semantic_same_language": 1.0}
    assert FusionWeights.from_settings().keyword == 0.0
    # With the keyword side switched off, the semantic order is the order.
    assert order([1, 3], [(2, 4.1), (1, 4.0), (3, 2.0)], KO, "ko") == [2, 1, 3]


def test_empty_lists_give_nothing():
    assert fuse([], [], {}, "en") == []
