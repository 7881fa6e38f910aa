"""A visitor's way through the portal, as Chromium sees it."""

import re

import pytest

from .browser import open_ok

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_korean_visitor_switches_to_english_and_reads_a_policys_results(new_context, site_content):
    page = new_context(locale="ko-KR").new_page()

    page.goto("/")
    assert page.url.endswith("/ko/"), "a Korean browser is sent to the Korean home page"
    assert page.locator("html").get_attribute("lang") == "ko"

    switcher = page.locator("header nav[aria-label]").filter(has=page.locator("a[hreflang]"))
    switcher.locator('a[hreflang="en"]').click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"

    policy_index = site_content.url("policy_index", "en")
    page.locator(f'a[href="{policy_index}"]').first.click()
    page.wait_for_url(re.compile(re.escape(policy_index) + "$"))

    listed = page.eval_on_selector_all(
        "main a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    with_results = [href for href in listed if href in site_content.policies_with_results]
    assert with_results, f"the policy index lists no policy with key results: {listed}"
    page.locator(f'main a[href="{with_results[0]}"]').first.click()
    page.wait_for_url(re.compile(re.escape(with_results[0]) + "$"))

    table = page.locator("main table").filter(has=page.locator("th"))
    assert table.count() >= 1, "the policy page shows its key results as a table"
    table_text = table.first.inner_text()
    for indicator in site_content.policies_with_results[with_results[0]]:
        assert indicator in table_text


def test_visitor_downloads_a_brochure_as_pdf(page, site_content):
    open_ok(page, site_content.publication_url)
    link = page.locator("main a[download]").first
    href = link.get_attribute("href")
    assert href, "the publication page links to its PDF with a download attribute"

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename.lower().endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"].split(";")[0] == "application/pdf"
    disposition = response.headers.get("content-disposition", "")
    assert disposition.startswith("attachment"), (
        f"the PDF is sent as {disposition!r}: a brochure must download, not open in the browser"
        " (Wagtail sends PDFs inline unless WAGTAILDOCS_INLINE_CONTENT_TYPES leaves them out)"
    )


def test_video_page_embeds_the_player_without_tracking_and_links_out(page, site_content):
    open_ok(page, site_content.youtube_video_url)

    player = page.locator('main iframe[src^="https://www.youtube-nocookie.com/embed/"]')
    assert player.count() == 1, "the video is embedded from YouTube's no-cookie domain"
    assert player.get_attribute("title"), "the player has a title for screen readers"
    video_id = player.get_attribute("src").split("/embed/")[1].split("?")[0]
    link_out = page.locator(f'main a[href^="https://www.youtube.com/watch?v={video_id}"]')
    assert link_out.count() >= 1, "a link opens the video on YouTube"
