"""Filters narrow the whole index, not the first results: a filtered search finds a match that
the unfiltered query ranks below the candidates it keeps (on a large site: "news from 2019
about buses" among thousands of bus policies)."""

import datetime

import pytest

from policyshare.search import fulltext, ranking
from policyshare.search.models import IndexEntry
from policyshare.search.query import parse
from tests.factories import make_news, make_policy, make_sector

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


@pytest.fixture
def buried_news(monkeypatch):
    """Four policies with "bus" in their titles outrank the one news item that has it only in
    its body; each side keeps three candidates, as a large site keeps a few hundred."""
    monkeypatch.setattr(ranking, "KEYWORD_CANDIDATES", 3)
    monkeypatch.setattr(ranking, "SEMANTIC_CANDIDATES", 3)
    monkeypatch.setattr(fulltext, "MAX_MATCHES", 3)
    for n in range(4):
        make_policy(
            code="en",
            title=f"Bus lanes on route {n}",
            summary="Bus priority lanes for city buses.",
            start_year=2021,
        )
    return make_news(
        code="en",
        title="Transport council meets",
        summary="The council met on Tuesday.",
        body=[("paragraph", "<p>They discussed the bus fleet.</p>")],
        date=datetime.date(2019, 5, 2),
    )


@pytest.mark.parametrize("ranking_setting", ["hybrid", "keyword"])
def test_the_search_page_finds_a_filtered_match_ranked_below_the_cut(
    client, settings, buried_news, ranking_setting
):
    settings.POLICYSHARE_SEARCH_RANKING = ranking_setting
    unfiltered = client.get("/en/search/", {"q": "bus"}).content.decode()
    assert buried_news.title not in unfiltered  # below the cut, as the fixture means

    html = client.get("/en/search/", {"q": "bus", "type": "news"}).content.decode()
    assert buried_news.title in html
    html = client.get("/en/search/", {"q": "bus", "year": "2019"}).content.decode()
    assert buried_news.title in html


def test_the_api_finds_a_filtered_match_ranked_below_the_cut(client, buried_news):
    data = client.get("/api/search/", {"q": "bus", "lang": "en", "type": "news"}).json()
    assert [result["title"] for result in data["results"]] == [buried_news.title]
    assert data["count"] == 1


def test_a_selected_facet_value_counts_the_results_shown(client, buried_news):
    """Facets count "how many items this value would give with the other filters kept": the
    selected value's count is the number of results listed under it, also when those came from
    below the unfiltered query's cut."""
    data = client.get("/api/search/", {"q": "bus", "lang": "en", "type": "news"}).json()
    kinds = {value["value"]: value["count"] for value in data["facets"]["type"]}
    assert kinds["news"] == data["count"] == 1
    assert kinds["policy"] == 3  # among the unfiltered query's candidates
    assert [value["value"] for value in data["facets"]["year"]] == ["2019"]


def test_sector_and_language_filters_narrow_inside_the_search(client, buried_news):
    buried_policy = make_policy(
        code="en",
        title="Rainwater tanks",
        summary="Tanks under the depot.",
        background="<p>The tanks sit under a bus depot.</p>",
        sector=make_sector(name="Water", slug="water", code="en"),
    )
    query = {"q": "bus", "lang": "en", "sector": "water", "language": "en"}
    data = client.get("/api/search/", query).json()
    assert [result["title"] for result in data["results"]] == [buried_policy.title]


def test_filters_that_admit_nothing_say_no_results(client, buried_news):
    data = client.get("/api/search/", {"q": "bus", "lang": "en", "type": "video"}).json()
    assert (data["count"], data["results"]) == (0, [])


FILTER_SETS = [
    ranking.Filters(kinds=frozenset({"news"})),
    ranking.Filters(years=frozenset({2021})),
    ranking.Filters(kinds=frozenset({"policy"}), languages=frozenset({"en"})),
    ranking.Filters(sectors=frozenset({"water"})),
]


@pytest.mark.parametrize("limit", [2, 100])
@pytest.mark.parametrize("words", ["bus", "bus lanes"])
def test_the_lists_ranked_together_are_those_each_filter_gives_alone(buried_news, limit, words):
    """The search page ranks its unfiltered list (for the facets) and its filtered list
    together, sharing the work: each must be the list its filters give on their own (same
    entries, scores and order, the partial matches below), whether the unfiltered matches fit
    under the limit (the filtered list is then taken from them) or are cut by it."""
    parsed = parse(words, "en")
    for filters in FILTER_SETS:
        together = fulltext.match_each(parsed, limit, [ranking.Filters(), filters])
        alone = [
            fulltext.match(parsed, limit, ranking.Filters()),
            fulltext.match(parsed, limit, filters),
        ]
        assert [described(hits) for hits in together] == [described(hits) for hits in alone]
    news = fulltext.match_each(parsed, limit, [ranking.Filters(), FILTER_SETS[0]])[1]
    assert [hit.page_id for hit in news] == [buried_news.pk]


def described(hits):
    return [(hit.page_id, pytest.approx(hit.score), hit.complete) for hit in hits]


def test_a_sector_filter_admits_the_pages_holding_that_sector_among_others(buried_news):
    """The semantic side's admitted pages for a sector: those whose sector list holds it, also
    beside another sector; not those of another sector or of none."""
    water = make_sector(name="Water", slug="water", code="en")
    tanks = make_policy(code="en", title="Rainwater tanks", sector=water)
    pumps = make_policy(code="en", title="Pumping stations", sector=water)
    IndexEntry.objects.filter(page_id=pumps.pk).update(sector_slugs=["transport", "water"])
    admitted = fulltext.admitted_pages(ranking.Filters(sectors=frozenset({"water"})))
    assert {language: sorted(ids) for language, ids in admitted.items()} == {
        "en": sorted([tanks.pk, pumps.pk]),
        "ko": [],
    }
    transport = fulltext.admitted_pages(
        ranking.Filters(sectors=frozenset({"transport", "nowhere"}), languages=frozenset({"en"}))
    )
    assert pumps.pk in transport["en"] and tanks.pk not in transport["en"]
    assert buried_news.pk not in transport["en"]  # news has no sector
    assert fulltext.admitted_pages(ranking.Filters(sectors=frozenset({"nowhere"}))) == {
        "en": [],
        "ko": [],
    }
