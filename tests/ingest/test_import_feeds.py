"""RSS and Atom feeds, here our own ``/feeds/``, imported into a site that lacks their news."""

import datetime
import http.server
import threading

import pytest
from wagtail.models import Page

from policyshare.ingest.models import ImportedItem
from policyshare.news.models import NewsPage
from tests.factories import make_news, make_sector

from .importing import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_news():
    sector = make_sector(name="교통", slug="transport")
    return [
        make_news(
            title="녹색교통지역 운행제한",
            date=datetime.date(2020, 6, 11),
            author="서울시 기후환경본부",
            summary="5등급 차량 운행제한의 효과를 분석했습니다.",
            sector=sector,
        ),
        make_news(title="태양광 광장과 도로", date=datetime.date(2020, 6, 17), summary="빛"),
    ]


def fetch_feed(client, tmp_path, url, name):
    response = client.get(url)
    assert response.status_code == 200
    path = tmp_path / name
    path.write_bytes(response.content)
    return path


def forget(pages):
    """The site loses the pages, as a fresh site never had them."""
    for page in pages:
        Page.objects.get(pk=page.pk).delete()


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_our_own_feed_imported_into_a_fresh_site_gives_the_same_news(
    client, tmp_path, published_news, feed_format
):
    originals = [(p.title, p.date, p.author, p.summary, p.sector) for p in published_news]
    feed = fetch_feed(client, tmp_path, f"/ko/feeds/news/{feed_format}.xml", "news.xml")
    forget(published_news)

    output, errors, failure = run_import(feed)
    assert failure is None, errors
    assert "Imported 2 items: 2 created, 0 updated, 0 unchanged." in output
    imported = [
        (p.title, p.date, p.author, p.summary, p.sector) for p in NewsPage.objects.order_by("date")
    ]
    assert imported == originals
    assert all(p.locale.language_code == "ko" and p.live for p in NewsPage.objects.all())
    record = ImportedItem.objects.get(page__title="녹색교통지역 운행제한")
    assert record.source_url.endswith(published_news[0].url)

    output, _errors, _failure = run_import(feed)
    assert "0 created, 0 updated, 2 unchanged" in output
    assert NewsPage.objects.count() == 2


def test_a_feed_is_fetched_from_an_address(client, tmp_path, published_news):
    body = client.get("/ko/feeds/news/atom.xml").content
    forget(published_news)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        output, errors, failure = run_import(f"http://127.0.0.1:{server.server_port}/feed")
    finally:
        server.shutdown()
        thread.join()
    assert failure is None, errors
    assert NewsPage.objects.count() == 2


def test_a_broken_feed_is_refused(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel><item><title>x</titl", encoding="utf-8")
    _output, errors, failure = run_import(path)
    assert failure
    assert "not well-formed XML" in errors
    assert not NewsPage.objects.exists()
