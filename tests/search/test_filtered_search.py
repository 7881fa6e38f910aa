"""Filters narrow the whole index, not the first results: a filtered search finds a match that
the unfiltered query ranks below the candidates it keeps (on a large site: "news from 2019
about buses" among thousands of bus policies)."""

import datetime

import pytest

from policyshare.search import fulltext, ranking
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
