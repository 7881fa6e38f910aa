"""The shared cache on a real Redis, configured as REDIS_URL configures it, and the portal
carrying on without it."""

import json

import pytest
import redis
from django.core.cache import caches

from policyshare.settings.base import redis_cache

pytestmark = [pytest.mark.django_db, pytest.mark.servers]


@pytest.fixture
def redis_url(settings, redis_server):
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    yield redis_server.url
    if redis_server.process:
        caches["default"].clear()


def test_what_one_app_server_caches_another_reads_from_redis(redis_url, client):
    caches["default"].set("greeting", "안녕하세요", timeout=60)

    # Another process: a client of its own, knowing only the address.
    other = redis.Redis.from_url(redis_url)
    assert any(key.endswith(b":greeting") for key in other.keys("*"))
    assert client.get("/ko/").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "storage": "ok"}


def test_pages_are_served_uncached_while_redis_is_down(redis_url, redis_server, client):
    assert client.get("/en/").status_code == 200  # the cache is warm
    redis_server.stop()
    try:
        for path in ["/ko/", "/en/", "/ko/feeds/news/rss.xml", "/en/feeds/all/atom.xml"]:
            response = client.get(path)
            assert response.status_code == 200, path
        home = client.get("/ko/")
        assert "<html" in home.content.decode()

        # Ready, since pages are served, but the operator sees what failed.
        response = client.get("/readyz")
        assert response.status_code == 200
        assert json.loads(response.content) == {"database": "ok", "cache": "error", "storage": "ok"}
    finally:
        redis_server.start()

    # Redis is back: the same processes use it again without a restart.
    response = client.get("/readyz")
    assert json.loads(response.content)["cache"] == "ok"
    caches["default"].set("back", 1)
    assert caches["default"].get("back") == 1
