"""The page cache on a real Redis, as several app servers share it, and pages while it is down."""

import pytest

from tests.factories import make_news

pytestmark = [pytest.mark.django_db, pytest.mark.servers]


def test_pages_are_cached_in_redis_and_served_uncached_while_it_is_down(
    client, redis_pages, committed
):
    with committed():
        news = make_news(title="정상회의 생중계", slug="summit-live")
    assert client.get(news.url)["X-Cache"] == "miss"
    assert client.get(news.url)["X-Cache"] == "hit"

    redis_pages.stop()
    try:
        for _ in range(2):
            response = client.get(news.url)
            assert response.status_code == 200
            assert response["X-Cache"] == "miss"
            assert "정상회의 생중계" in response.content.decode()
    finally:
        redis_pages.start()

    # A restarted Redis is empty: the next visit fills it again, without restarting the app.
    assert client.get(news.url)["X-Cache"] == "miss"
    assert client.get(news.url)["X-Cache"] == "hit"
