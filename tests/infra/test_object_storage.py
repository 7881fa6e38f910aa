"""Uploads in S3-compatible object storage (moto's server on loopback), configured by the
POLICYSHARE_S3_* variables: images, their renditions and documents live in the bucket and reach
visitors from there; /readyz checks the bucket."""

import io
import json
import os
import subprocess
import sys
import uuid

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = [pytest.mark.django_db, pytest.mark.servers]


def _settings_from_environment(environment):
    """STORAGES["default"] and MEDIA_URL as the settings module makes them from `environment`."""
    code = (
        "import json; from policyshare.settings import base; "
        "print(json.dumps({'storage': base.STORAGES['default'], 'media_url': base.MEDIA_URL}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def bucket(object_storage_server):
    name = f"policyshare-{uuid.uuid4().hex[:12]}"
    object_storage_server.client().create_bucket(Bucket=name)
    return name


@pytest.fixture
def object_storage(settings, object_storage_server, bucket):
    configured = _settings_from_environment(object_storage_server.environment(bucket))
    settings.STORAGES = {**settings.STORAGES, "default": configured["storage"]}
    settings.MEDIA_URL = configured["media_url"]


def _keys(server, bucket):
    listing = server.client().list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("storage-editor", "editor@example.org", "x")
    client.force_login(user)
    return client


def _png(size):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#2458a6").save(buffer, "PNG")
    return buffer.getvalue()


def _pdf():
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return buffer.getvalue()


def test_an_uploaded_image_and_its_renditions_are_served_from_the_bucket(
    object_storage, object_storage_server, bucket, editor, settings
):
    response = editor.post(
        reverse("wagtailimages:add"),
        {
            "title": "청계천 복원 전후",
            "file": SimpleUploadedFile("cheonggyecheon.png", _png((320, 200)), "image/png"),
            "collection": "1",
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="청계천 복원 전후")
    assert (image.width, image.height) == (320, 200)

    rendition = image.get_rendition("fill-160x100")

    assert {image.file.name, rendition.file.name} <= _keys(object_storage_server, bucket)
    assert rendition.url.startswith(settings.MEDIA_URL)
    fetched = requests.get(rendition.url, timeout=10)
    assert fetched.status_code == 200
    assert PILImage.open(io.BytesIO(fetched.content)).size == (160, 100)
    # Nothing went to the app server's own disk.
    assert not [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


def test_a_document_in_the_bucket_downloads_through_the_portal(
    object_storage, object_storage_server, bucket, editor
):
    content = _pdf()
    response = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "2019 정책 공유 브로슈어",
            "file": SimpleUploadedFile("brochure.pdf", content, "application/pdf"),
            "collection": "1",
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="2019 정책 공유 브로슈어")
    assert document.file.name in _keys(object_storage_server, bucket)

    download = editor.get(document.url)

    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Disposition"].startswith("attachment")


def test_readyz_checks_the_bucket(object_storage, client, settings, object_storage_server):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content)["storage"] == "ok"

    missing = _settings_from_environment(object_storage_server.environment("no-such-bucket"))
    settings.STORAGES = {**settings.STORAGES, "default": missing["storage"]}
    response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "storage": "error"}
