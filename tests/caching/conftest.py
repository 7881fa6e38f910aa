import pytest
from django.core.cache import caches

from policyshare.caching.recent import recent_pages
from policyshare.settings.base import embedded_cache, redis_cache


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    """The page cache on, in the cache the embedded mode uses (test settings turn both off)."""
    settings.POLICYSHARE_PAGE_CACHE = True
    settings.CACHES = {"default": embedded_cache(tmp_path / "cache")}
    yield caches["default"]
    caches["default"].clear()
    recent_pages.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (the purge) at the end of the block, as a real commit
    would: the test's own transaction is never committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def redis_pages(settings, redis_server):
    """The page cache in a real Redis (tests/services.py), as several app servers share it."""
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    yield redis_server
    if redis_server.process:
        caches["default"].clear()
