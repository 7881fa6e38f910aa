"""Hits buffered in a real Redis, as on several app servers: counters in one hash, unique
visitors in HyperLogLogs, and batches set aside by RENAME that a crashed flush leaves for the
next one."""

import pytest
import redis

from policyshare.analytics import flush
from policyshare.analytics.buffers import get_buffer
from policyshare.analytics.models import DailyCount, Kind, ReferrerDailyCount
from policyshare.settings.base import redis_cache
from tests.factories import make_news

pytestmark = [pytest.mark.django_db, pytest.mark.servers]


@pytest.fixture
def redis_url(settings, redis_server):
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    settings.POLICYSHARE_ANALYTICS_REDIS_URL = redis_server.url
    connection = redis.Redis.from_url(redis_server.url)
    connection.flushdb()
    yield redis_server.url
    connection.flushdb()


def test_views_uniques_and_referrers_go_through_redis(redis_url, beacon, spool):
    article = make_news()
    beacon(article, ref="https://search.example.net/?q=seoul")
    beacon(article)
    beacon(article, address="198.51.100.77")
    keys = redis.Redis.from_url(redis_url).keys("policyshare:analytics:*")
    assert b"policyshare:analytics:pending" in keys
    assert not spool.exists()
    assert not DailyCount.objects.exists()

    assert flush.flush_views() == 3
    row = DailyCount.objects.get()
    assert (row.page_id, row.kind, row.language, row.views, row.uniques) == (
        article.pk,
        Kind.VIEW,
        "ko",
        3,
        2,
    )
    assert list(ReferrerDailyCount.objects.values_list("domain", "count")) == [
        ("search.example.net", 1)
    ]

    beacon(article)  # a visitor already counted today
    flush.flush_views()
    row.refresh_from_db()
    assert (row.views, row.uniques) == (4, 2)


def test_a_batch_left_by_a_crashed_flush_is_written_once(redis_url, beacon):
    article = make_news()
    beacon(article)
    beacon(article, address="198.51.100.2")
    batch, _finish = next(get_buffer().batches())
    flush._apply(batch)  # committed, then the flush dies before deleting the batch key
    assert redis.Redis.from_url(redis_url).keys("policyshare:analytics:batch:*")

    flush.flush_views()
    assert DailyCount.objects.get().views == 2
    assert not redis.Redis.from_url(redis_url).keys("policyshare:analytics:batch:*")
