import json

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import ConnectionHandler

from policyshare.core import health

ALL_OK = {"database": "ok", "cache": "ok", "storage": "ok"}


def assert_not_stored(response):
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_ok_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert_not_stored(response)


def test_healthz_answers_even_where_the_database_is_out_of_bounds(client):
    # Without the django_db mark any database access raises, so this proves the whole request
    # path (middleware included) stays away from the database.
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_reports_every_part_ready(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == ALL_OK
    assert_not_stored(response)


@pytest.mark.django_db
def test_readyz_is_ready_before_the_first_upload_creates_the_media_folder(client, settings):
    assert not settings.MEDIA_ROOT.exists()

    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_answer_head_and_refuse_post(client, path):
    head = client.head(path)
    # With CSRF checks on, as a real server has them: the answer is still 405, not 403.
    client.handler.enforce_csrf_checks = True
    post = client.post(path)

    assert head.status_code == 200
    assert head.content == b""
    assert_not_stored(head)
    assert post.status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_are_not_language_prefixed(client, path):
    assert client.get(path).status_code == 200
    assert client.get(f"/en{path}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_answer_plain_http_when_pages_redirect_to_https(client, settings, path):
    # SecurityMiddleware reads its settings when the client builds the handler: set them first.
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/robots.txt").status_code == 301
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_health_endpoints_keep_the_host_check(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example"]

    assert client.get("/healthz").status_code == 400
    assert client.get("/healthz", HTTP_HOST="portal.example").status_code == 200


@pytest.mark.django_db
def test_readyz_names_the_database_when_it_cannot_be_reached(client, monkeypatch, tmp_path):
    # A real connection with the test database's settings, pointed where no server or file is.
    unreachable = dict(connections[DEFAULT_DB_ALIAS].settings_dict)
    if connections[DEFAULT_DB_ALIAS].vendor == "sqlite":
        unreachable["NAME"] = str(tmp_path / "missing-folder" / "policyshare.sqlite3")
        unreachable["TEST"] = {}
    else:
        unreachable.update(HOST="127.0.0.1", PORT="1")
    broken = ConnectionHandler({DEFAULT_DB_ALIAS: unreachable})
    monkeypatch.setattr(health, "connections", broken)
    try:
        response = client.get("/readyz")
    finally:
        broken.close_all()

    assert response.status_code == 503
    assert json.loads(response.content) == {**ALL_OK, "database": "error"}
    assert_not_stored(response)


@pytest.mark.django_db
def test_readyz_names_the_cache_when_redis_refuses_the_connection(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content) == {**ALL_OK, "cache": "error"}


@pytest.mark.django_db
def test_readyz_names_the_storage_when_the_media_folder_cannot_exist(client, settings, tmp_path):
    # The folder would sit below a file: it is missing and no upload could create it (this holds
    # even for root, which permission bits do not stop).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"

    response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content) == {**ALL_OK, "storage": "error"}


@pytest.mark.django_db
def test_readyz_names_the_storage_when_the_media_folder_is_a_file(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.write_text("")

    response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content)["storage"] == "error"


@pytest.mark.django_db
def test_readyz_tells_no_secrets(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://:hunter2-secret@127.0.0.1:1/0",
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert b"hunter2" not in response.content
    assert b"127.0.0.1" not in response.content
    assert b"Traceback" not in response.content
