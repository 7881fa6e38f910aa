"""Keyword search over the real index (FTS5 on SQLite, tsvector on PostgreSQL): what a visitor
finds, in which order, with which facets."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from policyshare.search.models import DictionaryWord
from policyshare.search.ranking import Filters, rank
from policyshare.search.results import search
from tests.factories import (
    make_news,
    make_policy,
    make_publication,
    make_sector,
    make_video,
    translate,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def found(query, language="ko", **filters):
    """Titles of the visitor's results, best first."""
    outcome = search(query, language, Filters(**filters))
    return [result.plain_title for result in outcome.results]


@pytest.fixture
def green_zone():
    return make_policy(
        title="녹색교통지역 5등급 차량 운행제한",
        summary="한양도성 안쪽을 녹색교통지역으로 정하고 5등급 차량의 운행을 제한했습니다.",
        background="<p>노후 경유차가 도심 대기오염의 큰 원인이었습니다.</p>",
    )


def test_korean_words_are_found_inside_agglutinated_text(green_zone):
    make_policy(title="공원 조성", summary="도시공원을 늘렸습니다.", background="<p>녹지</p>")
    for query in ("녹색교통지역에서", "녹색교통", "지역", "차량의", "운행제한을", "노후경유차"):
        assert found(query) == ["녹색교통지역 5등급 차량 운행제한"], query


def test_english_words_are_found_by_their_stem():
    make_policy(
        code="en",
        title="Low Emission Zone",
        summary="Old diesel vehicles are restricted in the city centre.",
        background="<p>Restricting vehicles cut pollution.</p>",
    )
    for query in ("vehicle", "restriction", "restricted", "emissions", "zones", "Diesel"):
        assert found(query, "en") == ["Low Emission Zone"], query


def test_a_title_match_outranks_a_body_match():
    body_only = make_policy(
        code="en",
        title="Transit Plan",
        summary="Buses.",
        background="<p>A section about the bicycle network.</p>",
    )
    title_match = make_policy(
        code="en", title="Bicycle Network", summary="Lanes.", background="<p>Lanes.</p>"
    )
    hits = rank("bicycle", "en")
    assert [hit.page_id for hit in hits] == [title_match.pk, body_only.pk]
    assert hits[0].score > hits[1].score


def test_a_quoted_phrase_needs_its_words_together():
    make_policy(code="en", title="Air Quality", summary="The clean air action plan.")
    make_policy(code="en", title="Clean Streets", summary="More air in the parks.")
    assert found('"clean air"', "en") == ["Air Quality"]
    assert sorted(found("clean air", "en")) == ["Air Quality", "Clean Streets"]


def test_pages_with_every_word_come_first_then_pages_with_some():
    make_policy(code="en", title="Bicycle Lanes", summary="Riverside cycling.")
    # More of one word, but not the other: it must not outrank the page with both.
    make_policy(code="en", title="Bus Lanes", summary="Median bus lanes, lanes and lanes.")
    make_policy(code="en", title="Tram Depot", summary="Trams are kept here.")
    assert found("bicycle lanes", "en") == ["Bicycle Lanes", "Bus Lanes"]
    assert sorted(found("bicycle tram", "en")) == ["Bicycle Lanes", "Tram Depot"]
    hits = rank("bicycle lanes", "en")
    assert [hit.complete for hit in hits] == [True, False]
    assert hits[0].score > hits[1].score  # the scores the API shows fall down the list


def test_facets_count_items_and_filters_narrow(green_zone):
    environment = make_sector(name="환경", slug="environment")
    make_news(
        title="녹색교통지역 단속 시작",
        summary="녹색교통지역 단속이 시작됩니다.",
        sector=environment,
    )
    make_publication(title="녹색교통지역 백서", summary="녹색교통지역 정책 보고서", year=2021)
    outcome = search("녹색교통지역", "ko", Filters())
    counts = {
        name: {value.value: value.count for value in values}
        for name, values in outcome.facets.items()
    }
    assert counts["kind"] == {"policy": 1, "news": 1, "publication": 1}
    assert counts["sector"] == {"transport": 1, "environment": 1}
    assert counts["year"] == {"2020": 1, "2021": 1}
    assert counts["language"] == {"ko": 3}

    narrowed = search("녹색교통지역", "ko", Filters(kinds=frozenset({"news", "policy"})))
    assert narrowed.count == 2
    # The content-type facet still offers the other types, with their counts.
    assert {v.value: v.count for v in narrowed.facets["kind"]}["publication"] == 1
    assert {v.value: v.selected for v in narrowed.facets["kind"]}["news"] is True
    assert found("녹색교통지역", "ko", years=frozenset({2021})) == ["녹색교통지역 백서"]


def test_translations_are_one_result_in_the_visitors_language(green_zone):
    translate(
        green_zone,
        "en",
        title="Green Transport Zone",
        summary="Grade-5 vehicles are kept out of the old city.",
    )
    korean = search("녹색교통지역", "ko", Filters())
    assert [(r.plain_title, r.matched_language) for r in korean.results] == [
        ("녹색교통지역 5등급 차량 운행제한", None)
    ]
    # An English visitor typing Korean gets the English page, marked as matched in Korean.
    english = search("녹색교통지역", "en", Filters())
    assert [(r.plain_title, r.language, r.matched_language) for r in english.results] == [
        ("Green Transport Zone", "en", "ko")
    ]
    assert english.count == 1


def test_an_untranslated_page_is_shown_in_its_own_language(green_zone):
    outcome = search("녹색교통지역", "en", Filters())
    assert [(r.plain_title, r.language, r.matched_language) for r in outcome.results] == [
        ("녹색교통지역 5등급 차량 운행제한", "ko", None)
    ]


def test_editors_promoted_results_come_first_and_only_once(green_zone):
    video = make_video(title="도심 교통 영상", summary="녹색교통지역 소개 영상")
    promotion_query = Query.objects.create(query_string="녹색교통지역")
    SearchPromotion.objects.create(
        query=promotion_query, page=video, description="편집자가 추천하는 영상", sort_order=0
    )
    outcome = search("녹색교통지역", "ko", Filters())
    assert [r.plain_title for r in outcome.promoted] == ["도심 교통 영상"]
    assert outcome.promoted[0].promoted
    assert [r.plain_title for r in outcome.results] == ["녹색교통지역 5등급 차량 운행제한"]


def test_a_promotion_shows_at_the_next_search_once_saved(
    green_zone, django_capture_on_commit_callbacks
):
    video = make_video(title="도심 교통 영상", summary="녹색교통지역 소개 영상")
    assert search("녹색교통지역", "ko", Filters()).promoted == []
    with django_capture_on_commit_callbacks(execute=True):
        SearchPromotion.objects.create(
            query=Query.objects.create(query_string="녹색교통지역"), page=video, sort_order=0
        )
    assert [r.plain_title for r in search("녹색교통지역", "ko", Filters()).promoted] == [
        "도심 교통 영상"
    ]


def test_a_renamed_sector_is_named_so_in_the_facet_at_the_next_search(
    green_zone, django_capture_on_commit_callbacks
):
    def sector_labels():
        return [value.label for value in search("녹색교통지역", "ko", Filters()).facets["sector"]]

    assert sector_labels() == ["Transport"]
    sector = green_zone.sector
    with django_capture_on_commit_callbacks(execute=True):
        sector.name = "교통"
        sector.save()
    assert sector_labels() == ["교통"]


def test_snippets_mark_the_matched_words_by_morpheme(green_zone):
    outcome = search("차량", "ko", Filters())
    assert "<mark>차량</mark>의 운행을" in outcome.results[0].snippet
    assert "<mark>차량</mark> 운행제한" in outcome.results[0].title


def test_english_snippet_marks_inflected_words():
    make_policy(code="en", title="Parking", summary="Fewer vehicles were parked on kerbs.")
    outcome = search("vehicle parking", "en", Filters())
    assert outcome.results[0].snippet == (
        "Fewer <mark>vehicles</mark> were <mark>parked</mark> on kerbs."
    )


def test_results_are_paginated():
    for n in range(12):
        make_news(code="en", title=f"Bicycle update {n}", summary="Bicycle news.")
    first = search("bicycle", "en", Filters(), page_number=1)
    second = search("bicycle", "en", Filters(), page_number=2)
    assert first.count == 12
    assert (len(first.results), len(second.results)) == (10, 2)
    assert not {r.url for r in first.results} & {r.url for r in second.results}
    assert search("bicycle", "en", Filters(), page_number=99).page_number == 2


def test_spelling_suggestion_and_sectors_when_nothing_is_found():
    make_policy(code="en", title="Bicycle Lanes", summary="Riverside cycling routes.")
    outcome = search("bicycel", "en", Filters())
    assert outcome.count == 0
    assert outcome.suggestion == "bicycle"
    assert [sector.name for sector in outcome.sectors] == ["Transport"]


def test_the_sectors_offered_when_nothing_is_found_are_those_the_query_names(settings):
    settings.POLICYSHARE_SEARCH_RANKING = "keyword"
    sectors = {
        "transport": [
            ("교통", "대중교통, 보행, 자전거를 다룹니다."),
            ("Transport", "Buses, cycling."),
        ],
        "water": [
            ("물", "수돗물 공급과 하수 처리를 다룹니다."),
            ("Water", "Drinking water supply and sewage treatment."),
        ],
        "safety": [("안전", "재난 대비를 다룹니다."), ("Safety", "Disaster preparedness.")],
    }
    for slug, texts in sectors.items():
        for code, (name, description) in zip(("ko", "en"), texts, strict=True):
            sector = make_sector(name=name, slug=slug, code=code)
            sector.description = description
            sector.save()
            make_policy(code=code, sector=sector)

    def offered(query, language):
        outcome = search(query, language, Filters())
        assert outcome.count == 0
        return [link.name for link in outcome.sectors]

    assert offered("sewage treatment plants", "en") == ["Water"]
    assert offered("하수 처리장 증설", "ko") == ["물"]
    # An English query from a Korean visitor: the sector is matched in English, offered in Korean.
    assert offered("sewage", "ko") == ["물"]
    # A word in a sector's name counts more than one in a description.
    assert offered("water for disaster drills", "en") == ["Water", "Safety"]
    # A word no sector holds: every sector with policies, to browse.
    assert sorted(offered("zebra", "en")) == ["Safety", "Transport", "Water"]


def test_a_korean_search_that_finds_nothing_loads_no_second_korean_model(monkeypatch):
    """The sectors offered instead are read with the query's analyser: one without the editors'
    dictionary loaded a second Kiwi model, a stall of seconds and 500 MB more per process."""
    from policyshare.search.analysis import korean, language

    DictionaryWord.objects.get_or_create(form="세운상가", defaults={"parts": "세운 상가"})
    make_policy(title="세운상가 재생", summary="세운상가 일대를 고쳐 썼습니다.")
    monkeypatch.setattr(language, "_analysers", {})
    assert found("세운상가") == ["세운상가 재생"]

    builds = []

    class CountedKiwi(korean.LoadedKiwi):
        def __init__(self, user_words):
            builds.append(user_words)
            super().__init__(user_words)

    monkeypatch.setattr(korean, "LoadedKiwi", CountedKiwi)
    outcome = search("하수처리장", "ko", Filters())
    assert outcome.count == 0 and outcome.sectors
    assert builds == []
