"""The beacon counts a page view or a video play, per page, day and language, and leaves out
crawlers, link previews, prefetches and editors."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from policyshare.analytics.flush import flush_views
from policyshare.analytics.models import DailyCount, FlushedBatch, Kind, ReferrerDailyCount
from policyshare.analytics.visitors import visitor_hash
from tests.factories import make_news, make_video, translate

from .conftest import BROWSER

pytestmark = pytest.mark.django_db


def counts(**filters):
    return {
        (row.page_id, row.kind, row.language): (row.views, row.uniques)
        for row in DailyCount.objects.filter(**filters)
    }


def test_a_view_is_counted_in_the_language_of_the_page_read(beacon):
    article = make_news(title="녹색교통지역")
    english = translate(article, "en", title="Green Transport Zone")

    assert beacon(article).status_code == 204
    assert beacon(english, address="198.51.100.24").status_code == 204
    assert flush_views() == 2

    assert counts() == {
        (article.pk, Kind.VIEW, "ko"): (1, 1),
        (english.pk, Kind.VIEW, "en"): (1, 1),
    }
    assert DailyCount.objects.get(page=article).date == timezone.localdate()


def test_a_beacon_posting_its_fields_as_a_form_is_counted_too(client):
    """Pages cached with the script that posted a form body still count."""
    article = make_news()
    response = client.post(
        "/analytics/hit", {"page": str(article.pk), "kind": "view"}, HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 204
    assert flush_views() == 1


def test_a_video_play_is_counted_apart_from_the_views(beacon):
    video = make_video()
    beacon(video)
    beacon(video, "play")
    flush_views()
    assert counts() == {
        (video.pk, Kind.VIEW, "ko"): (1, 1),
        (video.pk, Kind.PLAY, "ko"): (1, 1),
    }


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/131.0.0.0 Safari/537.36",
        "curl/8.5.0",
        "",
    ],
)
def test_crawlers_and_link_previews_are_not_counted(beacon, user_agent):
    article = make_news()
    assert beacon(article, user_agent=user_agent).status_code == 204
    flush_views()
    assert not DailyCount.objects.exists()


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
    ],
)
def test_prefetches_are_not_counted(beacon, header):
    article = make_news()
    beacon(article, **header)
    flush_views()
    assert not DailyCount.objects.exists()


def test_an_editors_own_views_are_not_counted(beacon, client):
    article = make_news()
    editor = get_user_model().objects.create_user("editor", password="not-secret-at-all")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    beacon(article)
    flush_views()
    assert not DailyCount.objects.exists()


def test_a_signed_in_visitor_who_is_not_an_editor_is_counted(beacon, client):
    article = make_news()
    client.force_login(get_user_model().objects.create_user("reader", password="x" * 16))
    beacon(article)
    flush_views()
    assert counts() == {(article.pk, Kind.VIEW, "ko"): (1, 1)}


def test_a_get_or_a_bad_beacon_counts_nothing(beacon, client):
    article = make_news()
    assert client.get("/analytics/hit", {"page": article.pk}).status_code == 405
    assert (
        client.post("/analytics/hit", {"page": "abc"}, HTTP_USER_AGENT=BROWSER).status_code == 400
    )
    assert client.post("/analytics/hit", {"page": "0"}, HTTP_USER_AGENT=BROWSER).status_code == 400
    # A superscript passes str.isdigit() but is no number.
    assert client.post("/analytics/hit", {"page": "²"}, HTTP_USER_AGENT=BROWSER).status_code == 400
    assert (
        client.post("/analytics/hit", {"page": "9" * 30}, HTTP_USER_AGENT=BROWSER).status_code
        == 400
    )
    assert beacon(article, "download").status_code == 400
    # A well-formed id that no page has is dropped at flush time.
    assert (
        client.post("/analytics/hit", {"page": "987654"}, HTTP_USER_AGENT=BROWSER).status_code
        == 204
    )
    flush_views()
    assert not DailyCount.objects.exists()


def test_no_cookie_is_set_and_no_address_or_browser_is_stored(beacon, client):
    article = make_news()
    response = beacon(
        article, address="203.0.113.77", ref="https://news.example.com/story?id=42&user=kim"
    )
    assert response.status_code == 204
    assert not response.cookies
    assert not client.cookies
    flush_views()

    stored = " ".join(
        str(value)
        for model in (DailyCount, ReferrerDailyCount, FlushedBatch)
        for row in model.objects.values()
        for value in row.values()
    )
    assert DailyCount.objects.exists()
    assert "203.0.113.77" not in stored
    assert "Chrome" not in stored
    assert "story" not in stored and "kim" not in stored
    assert visitor_hash(timezone.localdate(), "203.0.113.77", BROWSER, "testserver") not in stored


def test_referring_sites_are_counted_by_domain_and_the_site_itself_is_not(beacon):
    article = make_news()
    beacon(article, ref="https://www.example.org/some/long/path?q=1")
    beacon(article, address="198.51.100.99", ref="https://www.example.org/other")
    beacon(article, address="198.51.100.98", ref="http://127.0.0.1/ko/news/")
    beacon(article, address="198.51.100.97")
    flush_views()
    assert list(ReferrerDailyCount.objects.values_list("domain", "count")) == [
        ("www.example.org", 2)
    ]


def test_the_same_visitor_twice_is_one_unique_visitor(beacon):
    article = make_news()
    beacon(article)
    beacon(article)
    beacon(article, address="198.51.100.50")
    beacon(article, user_agent=BROWSER.replace("131", "130"))  # another browser on that address
    flush_views()
    assert counts() == {(article.pk, Kind.VIEW, "ko"): (4, 3)}


def test_the_same_visitor_is_still_one_unique_visitor_across_flushes(beacon):
    article = make_news()
    beacon(article)
    flush_views()
    beacon(article)
    flush_views()
    assert counts() == {(article.pk, Kind.VIEW, "ko"): (2, 1)}


def test_a_new_day_has_a_new_salt_so_visitors_cannot_be_followed_across_days():
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    visitor = ("198.51.100.23", BROWSER, "testserver")
    assert visitor_hash(today, *visitor) == visitor_hash(today, *visitor)
    assert visitor_hash(today, *visitor) != visitor_hash(tomorrow, *visitor)
    assert visitor_hash(today, "198.51.100.24", BROWSER, "testserver") != visitor_hash(
        today, *visitor
    )
