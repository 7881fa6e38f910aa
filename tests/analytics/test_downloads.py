"""A download is counted where the document is served, with the same filters as page views."""

import pytest

from policyshare.analytics.flush import flush_views
from policyshare.analytics.models import DailyCount, Kind
from tests.factories import make_publication

from .conftest import BROWSER

pytestmark = pytest.mark.django_db


def download(client, document, **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    response = client.get(document.url, **headers)
    b"".join(response.streaming_content) if response.streaming else response.content
    return response


def test_a_download_is_counted_with_the_language_of_the_page_it_came_from(client):
    publication = make_publication()
    document = publication.document
    assert (
        download(client, document, HTTP_REFERER="http://127.0.0.1/en/publications/x/").status_code
        == 200
    )
    assert (
        download(
            client,
            document,
            REMOTE_ADDR="198.51.100.9",
            HTTP_REFERER="http://127.0.0.1/ko/publications/x/",
        ).status_code
        == 200
    )
    flush_views()
    rows = {
        row.language: (row.views, row.kind) for row in DailyCount.objects.filter(document=document)
    }
    assert rows == {"en": (1, Kind.DOWNLOAD), "ko": (1, Kind.DOWNLOAD)}


def test_crawler_prefetch_and_missing_documents_are_not_counted(client):
    document = make_publication().document
    download(client, document, HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)")
    download(client, document, HTTP_SEC_PURPOSE="prefetch")
    assert (
        client.get(
            f"/documents/{document.pk + 1000}/missing.pdf", HTTP_USER_AGENT=BROWSER
        ).status_code
        == 404
    )
    flush_views()
    assert not DailyCount.objects.exists()


def test_the_publication_page_shows_its_downloads(client):
    publication = make_publication()
    for n in range(3):
        download(client, publication.document, REMOTE_ADDR=f"198.51.100.{n}")
    flush_views()
    html = client.get(publication.url).content.decode()
    assert 'data-download-count="3"' in html
