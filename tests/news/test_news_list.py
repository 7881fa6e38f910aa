"""The news list a visitor pages through: newest first, a page at a time, counted, filtered; its
order is kept per page-cache generation (core/listing.py), so a publish or an unpublish shows on
every page at once."""

import datetime
import re

import pytest

from policyshare.news.models import NewsIndexPage
from tests.factories import make_news, make_sector

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def titles(response):
    assert response.status_code == 200
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def count(response):
    found = re.search(r'class="result-count"[^>]*>\s*(\d+) results?', response.content.decode())
    return int(found[1])


@pytest.fixture
def articles(monkeypatch):
    """Seven English articles, one a day from 1 March 2021, the last day's twice (the later one
    made is listed first), three a page: each article published costs a tenth of a second."""
    monkeypatch.setattr(NewsIndexPage, "per_page", 3)
    made = [
        make_news("en", title=f"Day {n}", date=datetime.date(2021, 3, 1) + datetime.timedelta(n))
        for n in range(6)
    ]
    made.append(make_news("en", title="Day 5 again", date=datetime.date(2021, 3, 6)))
    return made


def test_pages_list_the_newest_articles_first(client, articles):
    first = client.get("/en/news/")
    assert titles(first) == ["Day 5 again", "Day 5", "Day 4"]
    assert count(first) == 7
    assert titles(client.get("/en/news/", {"page": "2"})) == ["Day 3", "Day 2", "Day 1"]
    last = client.get("/en/news/", {"page": "3"})
    assert titles(last) == ["Day 0"]
    assert count(last) == 7
    # Past the end: the last page; not a number: the first.
    assert titles(client.get("/en/news/", {"page": "99"})) == ["Day 0"]
    assert titles(client.get("/en/news/", {"page": "two"}))[0] == "Day 5 again"


def test_filters_page_and_count_their_own_articles(client, articles):
    transport = make_sector("Transport", "transport", code="en")
    for n in range(4):
        make_news("en", title=f"Bus {n}", date=datetime.date(2019, 1, 1 + n), sector=transport)

    by_year = client.get("/en/news/", {"year": "2019", "page": "2"})
    assert titles(by_year) == ["Bus 0"]
    assert count(by_year) == 4
    by_sector = client.get("/en/news/", {"sector": "transport"})
    assert titles(by_sector) == ["Bus 3", "Bus 2", "Bus 1"]
    assert count(by_sector) == 4
    assert count(client.get("/en/news/", {"year": "2021", "sector": "transport"})) == 0


def test_a_published_or_unpublished_article_shows_on_every_page_at_once(
    client, articles, django_capture_on_commit_callbacks
):
    assert titles(client.get("/en/news/", {"page": "2"})) == ["Day 3", "Day 2", "Day 1"]

    with django_capture_on_commit_callbacks(execute=True):  # the purge runs after the commit
        make_news("en", title="Breaking", date=datetime.date(2022, 1, 1))
    assert titles(client.get("/en/news/"))[0] == "Breaking"
    after_publish = client.get("/en/news/", {"page": "2"})
    assert titles(after_publish) == ["Day 4", "Day 3", "Day 2"]
    assert count(after_publish) == 8

    with django_capture_on_commit_callbacks(execute=True):
        articles[3].unpublish()
    after_unpublish = client.get("/en/news/", {"page": "2"})
    assert titles(after_unpublish) == ["Day 4", "Day 2", "Day 1"]
    assert count(after_unpublish) == 7
