"""The search page, its suggestions and the JSON API, as a visitor or a program sees them."""

import pytest
from django.db import connection

from policyshare.search import fulltext, ranking
from policyshare.search.query import MAX_QUERY_LENGTH
from tests.factories import make_news, make_policy, translate

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


@pytest.fixture
def content():
    policy = make_policy(
        title="녹색교통지역 5등급 차량 운행제한",
        summary="5등급 차량의 운행을 제한했습니다.",
    )
    translate(policy, "en", title="Green Transport Zone", summary="Grade-5 vehicles restricted.")
    make_news(code="en", title="Bicycle lanes open", summary="New bicycle lanes.")
    return policy


def test_search_page_lists_highlighted_results_with_facets(client, content):
    response = client.get("/ko/search/", {"q": "차량의"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/ko/policies/' in html
    assert "<mark>차량</mark>" in html
    assert "type=policy" in html  # the content-type facet links
    assert 'name="q" value="차량의"' in html


def test_the_site_header_has_a_search_box(client, content):
    html = client.get("/en/").content.decode()
    assert 'action="/en/search/"' in html and 'name="q"' in html


def test_facet_filter_links_narrow_the_results(client, content):
    html = client.get("/en/search/", {"q": "bicycle", "type": "policy"}).content.decode()
    assert "lanes open" not in html
    html = client.get("/en/search/", {"q": "bicycle", "type": "news"}).content.decode()
    assert "<mark>Bicycle</mark> lanes open" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\x00\x1b[31m\u202e",
        '"*():^-+ NEAR AND OR NOT "',
        '"unclosed phrase',
        "title:bicycle OR 1=1; DROP TABLE search_indexentry; --",
        "🚲🚲🚲",
        "bicycle 자전거 🚲 велосипед",
        "x" * 1500,  # longer addresses are refused (414) before search sees them
        "\\' \\\\ %_ ' ''",
    ],
)
def test_any_input_gives_a_normal_page(client, content, query):
    for language in ("ko", "en"):
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200
        assert client.get("/api/search/", {"q": query, "lang": language}).status_code == 200
        assert client.get(f"/{language}/search/suggest/", {"q": query}).status_code == 200


def test_a_long_query_is_cut_at_the_documented_limit(client, content):
    data = client.get("/api/search/", {"q": "bicycle " * 100, "lang": "en"}).json()
    assert len(data["query"]) == MAX_QUERY_LENGTH - 1  # cut at 200, then the trailing space
    assert data["count"] == 1


def test_bad_filters_and_pages_are_ignored(client, content):
    response = client.get(
        "/en/search/", {"q": "bicycle", "year": "abcd", "type": "<script>", "page": "-3"}
    )
    assert response.status_code == 200
    assert "<mark>Bicycle</mark> lanes open" in response.content.decode()


def test_a_broken_index_says_search_is_unavailable(client, content, caplog):
    fulltext.uninstall(connection)
    response = client.get("/en/search/", {"q": "bicycle"})
    assert response.status_code == 503
    assert "Search is temporarily unavailable" in response.content.decode()
    assert "policyshare reindex" in caplog.text
    api = client.get("/api/search/", {"q": "bicycle", "lang": "en"})
    assert api.status_code == 503 and "temporarily unavailable" in api.json()["error"]
    assert client.get("/en/search/suggest/", {"q": "bic"}).json()["suggestions"] == []


def test_api_shape(client, content):
    response = client.get("/api/search/", {"q": "녹색교통지역", "lang": "en"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"query", "language", "count", "page", "results", "facets"}
    assert (data["query"], data["language"], data["count"], data["page"]) == (
        "녹색교통지역",
        "en",
        1,
        1,
    )
    (result,) = data["results"]
    assert set(result) >= {"title", "url", "type", "language", "snippet", "score"}
    assert result["title"] == "Green Transport Zone"
    assert result["url"].endswith("/en/policies/" + content.slug + "/")
    assert (result["type"], result["language"], result["matched_language"]) == (
        "policy",
        "en",
        "ko",
    )
    assert isinstance(result["score"], float)
    assert set(data["facets"]) == {"type", "sector", "year", "language"}
    assert data["facets"]["type"] == [{"value": "policy", "label": "Policies", "count": 1}]


@pytest.fixture
def two_candidates(monkeypatch):
    """The rankings keep their two best candidates (keyword alone, and the keyword side of the
    hybrid ranking), as a common word's tens of thousands of matches reach their limits."""
    monkeypatch.setattr(fulltext, "MAX_MATCHES", 2)
    monkeypatch.setattr(ranking, "KEYWORD_CANDIDATES", 2)


def test_a_count_cut_by_the_ranking_says_at_least(client, two_candidates):
    for n in range(3):
        make_news(code="en", title=f"Bicycle update {n}", summary="Bicycle news.")
    html = client.get("/en/search/", {"q": "bicycle"}).content.decode()
    assert "At least 2 results" in html
    html = client.get("/ko/search/", {"q": "bicycle"}).content.decode()
    assert "2건 이상" in html
    data = client.get("/api/search/", {"q": "bicycle", "lang": "en"}).json()
    assert (data["count"], data["count_is_lower_bound"]) == (2, True)


def test_a_count_under_the_limit_is_exact(client, two_candidates):
    make_news(code="en", title="Bicycle update", summary="Bicycle news.")
    html = client.get("/en/search/", {"q": "bicycle"}).content.decode()
    assert "1 result" in html and "At least" not in html
    data = client.get("/api/search/", {"q": "bicycle", "lang": "en"}).json()
    assert (data["count"], data["count_is_lower_bound"]) == (1, False)


def test_api_needs_a_language(client):
    response = client.get("/api/search/", {"q": "bicycle"})
    assert response.status_code == 400
    assert "lang=ko" in response.json()["error"]


def test_suggestions_complete_the_word_being_typed(client, content):
    data = client.get("/en/search/suggest/", {"q": "bicy"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Bicycle lanes open"]
    korean = client.get("/ko/search/suggest/", {"q": "녹색교"}).json()
    assert [s["title"] for s in korean["suggestions"]] == ["녹색교통지역 5등급 차량 운행제한"]
    english = client.get("/en/search/suggest/", {"q": "green trans"}).json()
    assert [s["title"] for s in english["suggestions"]] == ["Green Transport Zone"]


def test_a_client_hammering_the_api_is_told_to_wait(client, one_rate_limit_minute):
    for _ in range(60):
        assert client.get("/api/search/", {"q": "bicycle", "lang": "en"}).status_code == 200
    response = client.get(
        "/api/search/", {"q": "bicycle", "lang": "en"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["retry_after"] > 0
