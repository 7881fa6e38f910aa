"""Static files as collectstatic and whitenoise deliver them in production: hashed names kept by
browsers for ever, a compressed copy to clients that accept it, the unhashed name kept briefly."""

import gzip
from pathlib import Path

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

import policyshare

pytestmark = pytest.mark.django_db

FOREVER = {"max-age=315360000", "public", "immutable"}


@pytest.fixture
def collected(settings, tmp_path):
    """The site's stylesheet collected as in production (hashed names and gzip copies); only the
    core app's files, so that the test does not compress the whole Wagtail admin."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATICFILES_DIRS = [Path(policyshare.__file__).parent / "core" / "static"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    return settings.STATIC_ROOT


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_hashed_static_files_are_kept_for_ever_and_sent_compressed(collected):
    url = static("core/css/site.css")
    assert url != "/static/core/css/site.css", "the name is not hashed"
    browser = Client()

    plain = browser.get(url)
    compressed = browser.get(url, headers={"Accept-Encoding": "gzip, deflate"})

    assert plain.status_code == compressed.status_code == 200
    assert directives(plain) == directives(compressed) == FOREVER
    body = b"".join(plain.streaming_content)
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(compressed.streaming_content)) == body
    assert "Accept-Encoding" in compressed["Vary"]


def test_the_unhashed_name_is_not_kept_for_ever(collected):
    response = Client().get("/static/core/css/site.css")

    assert response.status_code == 200
    assert "immutable" not in directives(response)
