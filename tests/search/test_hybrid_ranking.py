"""Hybrid ranking (POLICYSHARE_SEARCH_RANKING = "hybrid"): the keyword index fused with the
semantic side, so that a query finds pages written only in the other language."""

import pytest

from policyshare.search.ranking import Filters
from policyshare.search.results import search
from tests.factories import make_policy

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


@pytest.fixture
def korean_only_pages(django_capture_on_commit_callbacks):
    # Embeddings are computed once the publish has committed.
    pages = [
        (
            "녹색교통지역 5등급 차량 운행제한",
            "배출가스 5등급 경유차의 도심 운행을 제한해 대기오염을 줄였습니다.",
        ),
        ("공공자전거 따릉이", "시민 누구나 빌려 타는 공공자전거입니다."),
        ("빗물 저류조 설치", "집중호우에 대비해 빗물을 모아 둡니다."),
        ("청년 주거 지원", "청년에게 임대주택과 월세를 지원합니다."),
        ("전통시장 활성화", "전통시장 시설을 고치고 상인을 돕습니다."),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        made = [
            make_policy(
                title=title,
                summary=summary,
                background=f"<p>{summary}</p>",
                approach=[("paragraph", f"<p>{title}</p>")],
            )
            for title, summary in pages
        ]
    return made[0]


def test_an_english_query_finds_a_korean_only_page(settings, korean_only_pages):
    settings.POLICYSHARE_SEARCH_RANKING = "hybrid"
    outcome = search("low emission zone diesel vehicles", "en", Filters())
    assert outcome.results[0].plain_title == korean_only_pages.title
    assert outcome.results[0].language == "ko"


def test_keyword_ranking_alone_cannot_cross_languages(settings, korean_only_pages):
    settings.POLICYSHARE_SEARCH_RANKING = "keyword"
    assert search("low emission zone diesel vehicles", "en", Filters()).count == 0


def test_same_language_keyword_matches_still_lead(settings, korean_only_pages):
    settings.POLICYSHARE_SEARCH_RANKING = "hybrid"
    outcome = search("따릉이", "ko", Filters())
    assert outcome.results[0].plain_title == "공공자전거 따릉이"
