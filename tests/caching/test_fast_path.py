"""Cached pages answered in front of Django's handler (policyshare/caching/wsgi.py through
policyshare/early_answers.py): a visitor cannot tell a page served that way from one Django
served from the cache, and nothing personal, no form, no draft and no admin page is ever
answered there."""

import gzip
from unittest import mock

import pytest
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import RequestFactory
from whitenoise.base import WhiteNoise

from policyshare.analytics.wsgi import beacons
from policyshare.caching.wsgi import cached_pages
from policyshare.early_answers import answer_before_django
from tests.factories import make_news

pytestmark = pytest.mark.django_db


class Served:
    def __init__(self, application, environ):
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured.update(status=status, headers=headers)

        result = application(environ, start_response)
        try:
            self.body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self.status = captured["status"]
        self.headers = sorted(captured["headers"])

    def header(self, name):
        return dict(self.headers).get(name)


class CountingApplication:
    """Django's application, counting the requests it is handed."""

    def __init__(self, application):
        self.application = application
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.application(environ, start_response)


@pytest.fixture
def applications():
    """Django's application as the test client runs it (without closing the database connection
    after each request, which would end the test's transaction), and the fast path around it."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    django_application = CountingApplication(get_wsgi_application())
    yield django_application, answer_before_django(django_application, cached_pages())
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


def environ(path, method="GET", **headers):
    request = getattr(RequestFactory(), method.lower())(path, headers=headers)
    return request.environ


@pytest.fixture
def news(committed):
    with committed():
        page = make_news(title="서울 정상회의 개막", slug="summit-opens")
    return page


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(
    "headers",
    [{}, {"Accept-Encoding": "gzip, deflate, br"}],
    ids=["plain", "gzip"],
)
def test_a_hit_is_the_same_page_with_the_same_headers_either_way(
    applications, news, language, headers
):
    django_application, fast_path = applications
    path = news.url if language == "ko" else "/en/"
    first = Served(fast_path, environ(path, **headers))
    assert first.header("X-Cache") == "miss"

    by_django = Served(django_application, environ(path, **headers))
    calls = django_application.calls
    fast = Served(fast_path, environ(path, **headers))

    assert django_application.calls == calls, "the fast path handed the hit to Django"
    assert by_django.header("X-Cache") == "hit"
    assert (fast.status, fast.headers, fast.body) == (
        by_django.status,
        by_django.headers,
        by_django.body,
    )
    assert fast.header("Content-Language") == language
    assert "Content-Security-Policy" in dict(fast.headers)
    if headers:
        assert fast.header("Content-Encoding") == "gzip"
        assert gzip.decompress(fast.body) == Served(fast_path, environ(path)).body


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_a_visitor_who_has_the_page_gets_the_same_304_either_way(applications, news, encoding):
    django_application, fast_path = applications
    etag = Served(fast_path, environ(news.url, **{"Accept-Encoding": encoding})).header("ETag")

    headers = {"Accept-Encoding": encoding, "If-None-Match": etag}
    by_django = Served(django_application, environ(news.url, **headers))
    calls = django_application.calls
    fast = Served(fast_path, environ(news.url, **headers))

    assert django_application.calls == calls
    assert fast.status.startswith("304")
    assert fast.body == b""
    assert (fast.status, fast.headers) == (by_django.status, by_django.headers)


def test_a_head_request_gets_the_headers_of_the_page(applications, news):
    django_application, fast_path = applications
    Served(fast_path, environ(news.url))
    calls = django_application.calls

    head = Served(fast_path, environ(news.url, method="HEAD"))

    assert django_application.calls == calls
    assert head.status.startswith("200")
    assert head.header("X-Cache") == "hit"


@pytest.mark.parametrize(
    "request_for",
    [
        pytest.param(lambda url: environ(url, Cookie="sessionid=abc"), id="session cookie"),
        pytest.param(lambda url: environ(url, Cookie="messages=abc"), id="messages cookie"),
        pytest.param(lambda url: environ(url, Authorization="Basic YTpi"), id="authorization"),
        pytest.param(lambda url: environ(url, method="POST"), id="POST"),
        pytest.param(lambda url: environ("/admin/login/"), id="admin"),
        pytest.param(lambda url: environ("/analytics/hit", method="POST"), id="analytics"),
        pytest.param(lambda url: environ("/ko/no-such-page/"), id="not found"),
        pytest.param(lambda url: environ(url, HOST="evil.example"), id="unknown host"),
    ],
)
def test_anything_personal_or_not_a_cached_page_goes_to_django(
    applications, news, request_for, settings
):
    settings.ALLOWED_HOSTS = ["testserver"]
    django_application, fast_path = applications
    for _ in range(2):
        Served(fast_path, environ(news.url))
        Served(fast_path, request_for(news.url))
    calls = django_application.calls

    response = Served(fast_path, request_for(news.url))

    assert django_application.calls == calls + 1
    assert response.header("X-Cache") != "hit"


def test_the_preview_of_a_draft_goes_to_django(applications, news, admin_user):
    django_application, fast_path = applications
    Served(fast_path, environ(news.url))
    news.title = "미리보기 초안"
    news.save_revision()
    calls = django_application.calls

    preview = Served(fast_path, environ(f"/admin/pages/{news.pk}/edit/preview/"))

    assert django_application.calls == calls + 1
    assert preview.header("X-Cache") is None


def test_a_purge_reaches_the_fast_path_at_once(applications, news, committed):
    django_application, fast_path = applications
    Served(fast_path, environ(news.url))
    assert Served(fast_path, environ(news.url)).header("X-Cache") == "hit"

    with committed():
        news.title = "서울 정상회의 폐막"
        news.save_revision().publish()

    again = Served(fast_path, environ(news.url))
    assert again.header("X-Cache") == "miss"
    assert "서울 정상회의 폐막" in again.body.decode()


def test_static_files_are_scanned_once_per_process(settings, tmp_path):
    """WhiteNoise reads the list of static files when its middleware is built: the answers before
    Django's handler do not build a second one."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    (settings.STATIC_ROOT / "site.css").write_text("body {}")
    with mock.patch.object(WhiteNoise, "add_files", autospec=True) as add_files:
        answer_before_django(get_wsgi_application(), beacons(), cached_pages())
    assert add_files.call_count == 1
