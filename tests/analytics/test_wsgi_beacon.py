"""Visitors without a session have their beacon answered in front of Django's handler
(analytics/wsgi.py through policyshare/early_answers.py) by the same rules as the view, with the
same security headers; everything else goes on to Django."""

import io
from urllib.parse import urlencode

import pytest

from policyshare.analytics.flush import flush_views
from policyshare.analytics.models import DailyCount
from policyshare.analytics.wsgi import beacons
from policyshare.early_answers import answer_before_django
from tests.factories import make_news

from .conftest import BROWSER

pytestmark = pytest.mark.django_db


class Django:
    """Stands for Django's handler: says whether a request reached it."""

    def __init__(self):
        self.reached = []

    def __call__(self, environ, start_response):
        self.reached.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"django"]


@pytest.fixture
def django_app():
    return Django()


@pytest.fixture
def call(django_app):
    application = answer_before_django(django_app, beacons())

    def send(data=None, *, method="POST", path="/analytics/hit", user_agent=BROWSER, **extra):
        body = urlencode(data or {}).encode()
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "HTTP_HOST": "testserver",
            "REMOTE_ADDR": "198.51.100.23",
            "HTTP_USER_AGENT": user_agent,
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            **extra,
        }
        answer = {}

        def start_response(status, headers):
            answer["status"], answer["headers"] = status, dict(headers)

        answer["body"] = b"".join(application(environ, start_response))
        return answer

    return send


def test_a_visitors_beacon_is_counted_without_reaching_django(call, django_app):
    article = make_news()
    answer = call({"page": article.pk, "kind": "view"})
    assert answer["status"] == "204 No Content"
    assert answer["headers"]["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in answer["headers"]
    assert django_app.reached == []
    assert flush_views() == 1
    assert DailyCount.objects.get().page_id == article.pk


def test_the_same_rules_apply_as_in_the_view(call):
    article = make_news()
    assert call({"page": "x"})["status"] == "400 Bad Request"
    assert call({"page": article.pk, "kind": "like"})["status"] == "400 Bad Request"
    crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    assert call({"page": article.pk}, user_agent=crawler)["status"] == "204 No Content"
    assert call({"page": article.pk}, HTTP_SEC_PURPOSE="prefetch")["status"] == "204 No Content"
    assert flush_views() == 0


@pytest.mark.parametrize(
    "request_",
    [
        {"HTTP_COOKIE": "theme=dark; sessionid=abc"},  # perhaps an editor: Django must tell
        {"method": "GET"},
        {"path": "/ko/"},
        {"HTTP_HOST": "evil.example"},  # Django answers and logs unknown hosts
    ],
)
def test_other_requests_go_on_to_django(call, django_app, request_, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_news()
    assert call({"page": article.pk}, **request_)["body"] == b"django"
    assert len(django_app.reached) == 1
    assert flush_views() == 0


def test_a_beacon_answered_early_carries_the_security_headers_of_any_answer(call, django_app):
    answer = call({"page": make_news().pk})
    assert django_app.reached == []
    assert answer["headers"]["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in answer["headers"]
