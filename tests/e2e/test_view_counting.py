"""A reader's visit in Chromium counts as a view through the page's beacon script, under the
page's strict Content Security Policy, and the count shows on the page after the flush."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from policyshare.analytics.flush import flush_views

from .browser import open_ok

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

# Headless Chromium names itself HeadlessChrome, which is rightly not counted as a reader.
READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def test_reading_a_news_article_sends_the_beacon_and_the_view_shows_after_the_flush(
    new_context, site_content, settings, tmp_path
):
    settings.POLICYSHARE_ANALYTICS_SPOOL_DIR = tmp_path / "analytics"
    flush_views()
    page = new_context(user_agent=READER).new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    article = site_content.url("news", "en")

    with page.expect_response(re.compile(r"/analytics/hit\?")) as beacon:
        open_ok(page, article)
    assert beacon.value.status == 204
    assert not errors, f"the browser reported errors (a CSP refusal?): {errors}"
    assert not page.context.cookies(), "counting set a cookie"

    assert flush_views() == 1
    open_ok(page, article)
    assert page.locator("[data-view-count]").inner_text().startswith("1 ")


def test_starting_the_video_counts_a_play(new_context, site_content, settings, tmp_path):
    from policyshare.analytics.models import DailyCount, Kind

    settings.POLICYSHARE_ANALYTICS_SPOOL_DIR = tmp_path / "analytics"
    page = new_context(user_agent=READER).new_page()
    with page.expect_response(re.compile(r"/analytics/hit\?")):
        open_ok(page, site_content.youtube_video_url)
    with page.expect_response(re.compile(r"/analytics/hit\?")) as beacon:
        # The player is another site's frame (unreachable here); clicking into it is the start.
        page.locator("[data-analytics-player] iframe").click()
    assert "kind=play" in beacon.value.request.url
    flush_views()
    assert set(DailyCount.objects.values_list("kind", flat=True)) == {Kind.VIEW, Kind.PLAY}


def test_the_beacon_carries_only_the_referrers_origin(
    new_context, site_content, settings, tmp_path
):
    settings.POLICYSHARE_ANALYTICS_SPOOL_DIR = tmp_path / "analytics"
    page = new_context(user_agent=READER).new_page()
    article = site_content.url("news", "en")
    # The first visit's own beacon (no referrer) is answered before the second visit starts:
    # answered late, it was the response the second visit's wait caught.
    with page.expect_response(re.compile(r"/analytics/hit\?")):
        open_ok(page, article)
    origin = page.evaluate("location.origin")
    came_from = f"{origin}/en/search/?q=private+question"
    with page.expect_response(re.compile(r"/analytics/hit\?")) as beacon:
        page.goto(article, referer=came_from, wait_until="load")
    assert page.evaluate("document.referrer") == came_from
    fields = parse_qs(urlsplit(beacon.value.request.url).query)
    assert fields["ref"] == [origin]
