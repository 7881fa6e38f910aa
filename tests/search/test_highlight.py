"""Highlighted titles and snippets: every word the query matched is marked, however it is written,
and texts that cannot hold a match are shown without being analysed."""

import pytest
from django.utils.html import escape

from policyshare.search.analysis import UserWord, analyser_for_language
from policyshare.search.highlight import highlight, snippet
from policyshare.search.query import parse
from policyshare.search.ranking import Filters
from policyshare.search.results import search
from policyshare.search.surface_probe import surface_probe
from policyshare.search.user_dictionary import user_words
from tests.factories import make_policy

pytestmark = pytest.mark.django_db

FILLER = "공원을 늘렸습니다. "


def marked(query, text, language="ko", *, as_you_type=False):
    parsed = parse(query, language, as_you_type=as_you_type)
    return highlight(text, language, parsed.terms, parsed.prefixes)


def body_snippet(query, body, summary="요약입니다."):
    parsed = parse(query, "ko")
    return snippet(summary, body, "ko", parsed.terms, parsed.prefixes)


@pytest.fixture
def analysed(monkeypatch):
    """The texts the Korean analyser is given while highlighting (the real analyser runs)."""
    analyser = analyser_for_language("ko", user_words=user_words())
    texts = []

    def analyse(text, analyse=analyser.analyse):
        texts.append(text)
        return analyse(text)

    monkeypatch.setattr(analyser, "analyse", analyse)
    return texts


@pytest.mark.parametrize(
    ("query", "text", "shown"),
    [
        ("줄이는", "미세먼지를 줄였습니다", "미세먼지를 <mark>줄였</mark>습니다"),
        ("불러", "노래를 불렀다", "노래를 <mark>불</mark>렀다"),  # 르 irregular
        ("돕는", "이웃을 도와 주었습니다", "이웃을 <mark>도</mark>와 주었습니다"),  # ㅂ irregular
        ("아름다운", "도시가 아름다워졌습니다", "도시가 <mark>아름다워</mark>졌습니다"),
        ("들으면", "의견을 들었습니다", "의견을 <mark>들</mark>었습니다"),  # ㄷ irregular
        ("하얀", "벽이 하얘졌다", "벽이 <mark>하얘</mark>졌다"),  # ㅎ irregular
        ("빠른", "버스가 빨라졌습니다", "버스가 <mark>빨</mark>라졌습니다"),
    ],
)
def test_conjugated_and_irregular_verbs_are_marked(query, text, shown):
    assert marked(query, text) == shown


@pytest.mark.parametrize(
    ("query", "text", "shown"),
    [
        ("차량", "5등급 차량의 운행", "5등급 <mark>차량</mark>의 운행"),
        ("차량의", "차량이 줄었습니다", "<mark>차량</mark>이 줄었습니다"),
        ("얘기", "그 얘길 들었다", "그 <mark>얘길</mark> 들었다"),  # a contracted particle
        ("1000억원", "1,000억원을 들였습니다", "<mark>1,000억원</mark>을 들였습니다"),
        ("DPF", "경유차에 DPF를 달았습니다", "경유차에 <mark>DPF</mark>를 달았습니다"),
    ],
)
def test_nouns_numbers_and_latin_words_are_marked_however_written(query, text, shown):
    assert marked(query, text) == shown


@pytest.mark.parametrize(
    ("query", "text", "shown"),
    [
        ("cities", "Seoul is a city.", "Seoul is a <mark>city</mark>."),
        ("policies", "The policy was adopted.", "The <mark>policy</mark> was adopted."),
        ("dying", "Die-back of trees", "<mark>Die</mark>-back of trees"),
        ("O'Neill", "Mayor ONeill spoke", "Mayor <mark>ONeill</mark> spoke"),
        ("O'Neill", "Mayor O’Neill spoke", "Mayor <mark>O’Neill</mark> spoke"),
    ],
)
def test_english_words_are_marked_by_their_stem(query, text, shown):
    assert marked(query, text, "en") == shown


# Stems by how their conjugation changes them.
STEMS = {
    "regular, contracted": ("보", "오", "주", "쓰", "바꾸", "가지", "견디", "늘리", "줄이", "쓰이"),
    "르": ("부르", "빠르", "흐르", "모르", "머무르", "이르", "따르", "치르"),
    "ㅂ": ("돕", "아름답", "가깝", "눕", "춥"),
    "ㄷ": ("듣", "묻", "걷"),
    "ㅅ": ("짓", "붓"),
    "ㅎ": ("하얗", "그렇"),
    "ㄹ, 으, 우": ("만들", "알", "줄어들", "잠그", "바쁘", "푸", "트이", "이루"),
}
ENDINGS = [
    [("어", "EC")],
    [("었", "EP"), ("다", "EF")],
    [("ㄴ", "ETM")],
    [("는", "ETM")],
    [("ㄹ", "ETM")],
    [("면", "EC")],
    [("ㅂ니다", "EF")],
    [("시", "EP"), ("었", "EP"), ("습니다", "EF")],
    [("어요", "EF")],
    [("음", "ETN")],
    [("니까", "EC")],
]


def test_every_conjugation_kiwi_writes_is_marked():
    analyser = analyser_for_language("ko")
    kiwi = analyser.loaded.kiwi
    checked = []
    for stem in (stem for stems in STEMS.values() for stem in stems):
        for tag in ("VV", "VA"):
            for ending in ENDINGS:
                text = f"시민들이 {kiwi.join([(stem, tag), *ending])} 일"
                if stem + "다" in analyser.terms(text):
                    checked.append(text)
                    assert "<mark>" in highlight(text, "ko", frozenset({stem + "다"})), text
    assert len(checked) > 500


@pytest.mark.parametrize(
    "word",
    [
        "city",
        "cities",
        "happily",
        "hoping",
        "dying",
        "lying",
        "tying",
        "possibility",
        "generalization",
        "relational",
        "fluency",
        "probably",
        "humbly",
        "luxuriating",
        "agreed",
        "skies",
        "ugly",
        "early",
        "studying",
        "o'neill",
        "Seoul's",
        "1,000",
        "CO2",
    ],
)
def test_every_english_word_is_marked_for_its_own_term(word):
    [term] = analyser_for_language("en").terms(word)
    shown = highlight(f"The {word} here", "en", frozenset({term}))
    assert shown == f"The <mark>{escape(word)}</mark> here"


def test_a_dictionary_word_is_looked_for_where_its_hand_given_parts_are_asked_for():
    # The analyser gives "서울특별시" where "서울시청" is written: that text must be analysed.
    city_hall = UserWord("서울시청", parts=("서울특별시", "시청"))
    asked = frozenset({"서울특별시"})
    assert surface_probe(asked, frozenset(), (city_hall,)).search("서울시청에서 만납니다")
    assert not surface_probe(asked, frozenset(), ()).search("서울시청에서 만납니다")


def test_a_word_being_typed_is_marked_by_its_beginning():
    assert marked("polic", "New policies", "en", as_you_type=True) == "New <mark>policies</mark>"
    assert marked("줄이", "배출을 줄였습니다", as_you_type=True) == "배출을 <mark>줄였</mark>습니다"


def test_a_match_deep_in_a_long_body_gives_the_passage_around_it(analysed):
    body = FILLER * 100 + "배출가스 5등급 차량의 운행을 제한했습니다. " + FILLER * 100
    assert body_snippet("차량", body) == (
        "… 늘렸습니다. "
        + FILLER * 5
        + "배출가스 5등급 <mark>차량</mark>의 운행을 제한했습니다. "
        + FILLER * 12
        + "…"
    )
    # The summary and a window of the body were analysed, not the whole body.
    assert sum(len(text) for text in analysed) < len(body) / 4


def test_a_match_after_many_look_alikes_is_still_found():
    # "불량" looks like a conjugated 부르다 (불러) until analysed; the real one comes later.
    look_alike = "품질이 낮은 불량 제품을 걸렀습니다. " + FILLER * 30
    body = look_alike * 5 + "시민들이 함께 노래를 불렀습니다. " + FILLER * 30
    shown = body_snippet("불렀다", body)
    assert shown.startswith("… ")
    assert "시민들이 함께 노래를 <mark>불</mark>렀습니다." in shown
    assert shown.count("<mark>") == 1


def test_texts_without_a_match_are_shown_as_they_are_without_being_analysed(analysed):
    assert marked("차량", "도시공원 조성 & 녹지") == "도시공원 조성 &amp; 녹지"
    assert body_snippet("차량", FILLER * 50, summary="공원을 늘립니다.") == "공원을 늘립니다."
    assert analysed == []
    assert marked("차량", "차량 운행") == "<mark>차량</mark> 운행"
    assert analysed == ["차량 운행"]


def test_search_results_mark_what_matched_and_show_the_rest_unmarked():
    make_policy(
        title="5등급 차량 운행제한",
        summary="도심의 대기오염을 줄입니다.",
        background="<p>" + FILLER * 3 + "</p>",
    )
    make_policy(
        title="공원 조성",
        summary="도시공원을 늘렸습니다.",
        background="<p>" + FILLER * 40 + "노후 차량의 운행을 제한했습니다. " + FILLER * 40 + "</p>",
    )
    results = search("차량", "ko", Filters()).results
    assert [(str(result.title), str(result.snippet)[:2]) for result in results] == [
        ("5등급 <mark>차량</mark> 운행제한", "도심"),
        ("공원 조성", "… "),
    ]
    assert str(results[0].snippet) == "도심의 대기오염을 줄입니다."
    assert "노후 <mark>차량</mark>의 운행을 제한했습니다." in results[1].snippet
