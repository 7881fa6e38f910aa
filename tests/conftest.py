import time
from types import SimpleNamespace

import django_ratelimit.core
import pytest

# PostgreSQL, Redis and the other real servers; the --database option.
pytest_plugins = ["tests.services"]


@pytest.fixture(autouse=True)
def _media_and_db(settings, tmp_path):
    """Each test writes uploads into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache, which outlives a test: each test starts at zero,
    so that requests made by earlier tests never push a later one over a limit."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def client(client):
    """Django's test client speaking to the host the site is configured for."""
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    return client


@pytest.fixture
def one_rate_limit_minute(monkeypatch):
    """Rate limits count per clock minute: the requests a test sends to reach a limit could
    otherwise begin in one minute and end in the next on a slow machine, where the count
    starts again. Their clock stands still for the test."""
    now = int(time.time())
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))
