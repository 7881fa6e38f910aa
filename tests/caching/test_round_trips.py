"""Round trips to the shared cache per page served from it, counted by a real Redis: at a peak
they are what every app server waits on, and what Redis spends its time answering."""

import contextlib

import pytest
import redis

from policyshare.caching.recent import recent_pages
from tests.factories import make_news

pytestmark = [pytest.mark.django_db, pytest.mark.servers]


@pytest.fixture
def redis_commands(redis_pages):
    """The page cache in Redis, and a way to count the commands Redis answers meanwhile."""
    server = redis.Redis.from_url(redis_pages.url)
    answered = {}

    @contextlib.contextmanager
    def counting():
        server.config_resetstat()
        answered.clear()
        yield answered
        for name, stats in server.info("commandstats").items():
            command = name.removeprefix("cmdstat_")
            if command not in ("info", "config|resetstat", "config"):
                answered[command] = stats["calls"]

    return counting


def test_a_cached_page_costs_one_round_trip_whether_or_not_the_process_keeps_it(
    client, redis_commands, committed
):
    with committed():
        news = make_news(title="정상회의 생중계", slug="summit-live")
    assert client.get(news.url)["X-Cache"] == "miss"

    # As in another app server, which has not served the page yet: the generation and the page
    # are read together.
    recent_pages.clear()
    with redis_commands() as answered:
        assert client.get(news.url)["X-Cache"] == "hit"
    assert answered == {"mget": 1}

    # Now this process keeps the page: only the generation is read, so a purge still shows.
    with redis_commands() as answered:
        assert client.get(news.url)["X-Cache"] == "hit"
    assert answered == {"get": 1}
