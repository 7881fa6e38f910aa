"""The text analysers. No database: Kiwi is loaded once for the module (a few seconds)."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from policyshare.search.analysis import (
    Analyser,
    EnglishAnalyser,
    KoreanAnalyser,
    UserWord,
    analyser_for_language,
    detect_query_language,
)

# One dictionary for the whole module: another one would load a second Kiwi.
USER_WORDS = (
    UserWord("녹색교통지역"),
    UserWord("한양도성", parts=("한양", "도성")),
    UserWord("서울로7017"),
)


@pytest.fixture(scope="module")
def korean():
    return analyser_for_language("ko", user_words=USER_WORDS)


@pytest.fixture(scope="module")
def english():
    return analyser_for_language("en")


def test_both_are_analysers(korean, english):
    assert isinstance(korean, Analyser)
    assert isinstance(english, Analyser)


def test_user_dictionary_word_is_kept_whole_and_its_parts_are_findable(korean):
    terms = korean.terms("녹색교통지역에서")
    assert terms == ["녹색교통지역", "녹색교통", "지역"]
    for query in ("녹색교통", "지역", "녹색교통지역"):
        assert set(korean.query_terms(query)) <= set(terms), query


def test_a_query_for_a_dictionary_word_asks_for_the_whole_word(korean):
    assert korean.query_terms("녹색교통지역은") == ["녹색교통지역"]


def test_dictionary_parts_can_be_given_and_include_numbers(korean):
    assert korean.terms("한양도성을") == ["한양도성", "한양", "도성"]
    assert korean.terms("서울로7017을 걸었다") == ["서울로7017", "서울로", "7017", "걸다"]


def test_parts_share_the_position_and_offsets_of_the_compound(korean):
    tokens = korean.analyse("🙂 녹색교통지역에서 차량")
    assert {(t.start, t.end, t.position) for t in tokens[:3]} == {(2, 8, 0)}
    assert (tokens[3].term, tokens[3].start, tokens[3].position) == ("차량", 11, 1)


def test_particles_and_endings_are_dropped(korean):
    assert korean.terms("차량의") == ["차량"]
    assert korean.terms("운행제한을") == ["운행", "제한"]
    assert korean.terms("미세먼지가 줄어들었다") == ["미세", "먼지", "줄어들다"]


def test_stems_are_indexed_in_dictionary_form_and_light_verbs_dropped(korean):
    assert korean.terms("아름다운 경관을 보았다") == ["아름답다", "경관", "보다"]
    assert korean.terms("깨끗한 환경을 만들어야 한다") == ["깨끗", "환경", "만들다"]


def test_numbers_keep_their_unit(korean):
    terms = korean.terms("5등급 차량 운행제한")
    assert {"5등급", "등급", "차량", "운행", "제한"} <= set(terms)
    assert {"1000억원", "2030년"} <= set(korean.terms("1,000억원을 2030년까지"))


def test_prefix_stays_with_its_noun(korean):
    assert korean.terms("저공해 조치") == ["저공해", "공해", "조치"]


def test_unknown_compound_matches_whether_kiwi_split_it_or_not(korean):
    alone = korean.query_terms("노후경유차")
    in_context = korean.terms("노후경유차를 운행하면")
    assert {"노후", "경유", "차"} <= set(alone) & set(in_context)


def test_latin_words_in_korean_text_get_english_terms(korean, english):
    assert korean.terms("DPF 부착") == ["dpf", "부착"]
    assert korean.terms("Seoul Solutions 플랫폼, CO2 감축") == [
        "seoul",
        "solut",
        "플랫폼",
        "co2",
        "감축",
    ]
    assert english.terms("Seoul Solutions") == ["seoul", "solut"]


def test_invisible_and_control_characters_separate_words(korean):
    assert korean.terms("차량\u200b운행\x00제한") == ["차량", "운행", "제한"]


def test_english_stems_and_drops_stop_words(english):
    assert english.terms("low emission zone diesel vehicles") == [
        "low",
        "emiss",
        "zone",
        "diesel",
        "vehicl",
    ]
    assert english.terms("the city of a zone is not for them") == ["citi", "zone"]


def test_english_possessives_hyphens_and_numbers(english):
    assert english.terms("Seoul's low-emission zone") == ["seoul", "low", "emiss", "zone"]
    assert english.terms("1,000 cars, 16.7 km") == ["1000", "car", "16.7", "km"]


def test_english_positions_count_stop_words_and_offsets_point_into_the_text(english):
    text = "The Low-Emission Zone"
    tokens = english.analyse(text)
    assert [(t.term, t.position) for t in tokens] == [("low", 1), ("emiss", 2), ("zone", 3)]
    assert [text[t.start : t.end] for t in tokens] == ["Low", "Emission", "Zone"]


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("녹색교통지역 운행제한", "ko"),
        ("low emission zone diesel", "en"),
        ("DPF 부착 차량", "ko"),  # mixed: two Korean words, one Latin
        ("low emission zone 서울", "en"),  # mixed: three Latin words, one Korean
        ("Seoul 녹색교통", "ko"),  # a tie goes to Korean
    ],
)
def test_query_language_by_script(query, language):
    assert detect_query_language(query) == language


@pytest.mark.parametrize("query", ["2030", "", "   ", "🙂 !!", "1,000 / 16.7"])
def test_query_language_without_letters_is_the_default(query):
    assert detect_query_language(query, default="ko") == "ko"
    assert detect_query_language(query, default="en") == "en"


@pytest.mark.parametrize("text", ["", " ", "\n\t  \u3000", None])
def test_empty_text_has_no_terms(korean, english, text):
    for analyser in (korean, english):
        assert analyser.terms(text) == []
        assert analyser.query_terms(text) == []


def test_analysers_for_locales():
    assert isinstance(analyser_for_language("ko-KR", user_words=USER_WORDS), KoreanAnalyser)
    assert isinstance(analyser_for_language("en_GB"), EnglishAnalyser)
    assert analyser_for_language("en") is analyser_for_language("EN")
    with pytest.raises(ValueError, match="No text analyser for language 'fr'"):
        analyser_for_language("fr")


def test_bad_user_words_are_refused_clearly():
    with pytest.raises(ValueError, match="without spaces"):
        UserWord("녹색 교통")
    with pytest.raises(ValueError, match="tag must be one of"):
        UserWord("녹색교통", tag="VV")


KOREAN_TEXT = (
    "서울시는 녹색교통지역에서 5등급 차량의 운행을 제한한다. 저공해 조치를 하지 않은 "
    "노후경유차는 DPF를 부착해야 하며, 위반하면 과태료 10만원이 부과된다. "
)
ENGLISH_TEXT = (
    "Seoul restricts grade-5 diesel vehicles in its Green Transport Zone; owners who fit a "
    "DPF are exempt, and the city's low-emission policy cut NOx by 782 kg a day. "
)


def test_analysers_are_deterministic_and_safe_across_threads(korean, english):
    texts = [KOREAN_TEXT * n for n in range(1, 9)] + [ENGLISH_TEXT * n for n in range(1, 9)]
    analysers = [korean] * 8 + [english] * 8
    expected = [a.analyse(t) for a, t in zip(analysers, texts, strict=True)]
    assert expected == [a.analyse(t) for a, t in zip(analysers, texts, strict=True)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            results = list(pool.map(lambda a, t: a.analyse(t), analysers, texts))
            assert results == expected


def test_very_long_text(korean, english):
    korean_text = (KOREAN_TEXT * 1000)[:100_000]
    english_text = (ENGLISH_TEXT * 1000)[:100_000]
    korean_terms = korean.terms(korean_text)
    english_terms = english.terms(english_text)
    assert korean_terms.count("녹색교통지역") >= 500
    assert english_terms.count("diesel") >= 500
    tokens = korean.analyse(korean_text)
    assert tokens[-1].end <= len(korean_text)
    assert all(korean_text[t.start : t.end] for t in tokens[-20:])
