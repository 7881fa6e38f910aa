"""A visitor searches from the site header, in Korean and in English, and opens the result."""

import re

import pytest

from .browser import axe_violations, describe_violations, open_ok

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def _policy(language, title_contains):
    from policyshare.policies.models import PolicyPage

    return (
        PolicyPage.objects.live()
        .filter(locale__language_code=language, title__contains=title_contains)
        .get()
    )


def _search_from_header(page, query):
    box = page.locator("header form[role=search] input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))


def test_korean_search_finds_a_policy_by_an_inflected_word(new_context, site_content):
    policy = _policy("ko", "녹색교통지역")
    page = new_context(locale="ko-KR").new_page()
    open_ok(page, "/ko/")
    _search_from_header(page, "녹색교통지역에서 운행제한")

    first = page.locator("main .search-result h3 a").first
    assert first.get_attribute("href") == policy.get_url()
    assert first.locator("mark").first.inner_text() == "녹색교통지역"
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    first.click()
    page.wait_for_url(re.compile(re.escape(policy.get_url()) + "$"))
    assert page.locator("h1").inner_text() == policy.title


def test_english_search_narrows_by_type_and_opens_the_result(page, site_content):
    policy = _policy("en", "Green Transportation Zone")
    open_ok(page, "/en/")
    _search_from_header(page, "vehicles restricted green transportation zone")

    page.locator("main .search-facets a", has_text="Policies").click()
    page.wait_for_url(re.compile(r"type=policy"))
    kinds = page.locator("main .search-result .kicker").all_inner_texts()
    assert kinds and set(kinds) == {"Policies"}
    link = page.locator(f'main .search-result h3 a[href="{policy.get_url()}"]')
    link.click()
    page.wait_for_url(re.compile(re.escape(policy.get_url()) + "$"))
    assert page.locator("h1").inner_text() == policy.title


def test_an_english_query_finds_the_korean_only_news_and_says_it_is_in_korean(page, site_content):
    from policyshare.news.models import NewsPage

    korean_only = NewsPage.objects.live().get(slug="low-emission-measures-for-grade-5-vehicles")
    assert korean_only.get_translation_or_none(_locale("en")) is None
    open_ok(page, "/en/")
    _search_from_header(page, "low emission zone diesel")

    result = page.locator(
        "main .search-result", has=page.locator(f'h3 a[href="{korean_only.get_url()}"]')
    )
    assert result.get_attribute("lang") == "ko"
    assert result.locator(".meta .badge").inner_text() == "In Korean"
    result.locator("h3 a").click()
    page.wait_for_url(re.compile(re.escape(korean_only.get_url()) + "$"))
    assert page.locator("h1").inner_text() == korean_only.title


def test_suggestions_as_you_type_are_chosen_with_the_keyboard(page, site_content):
    open_ok(page, "/en/")
    box = page.locator("header form[role=search] input[name=q]")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"

    box.press_sequentially("green trans")
    options = listbox.get_by_role("option")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    titles = options.all_inner_texts()
    assert titles and all("Green Transportation" in title for title in titles)
    status = page.locator("header [role=status]").inner_text()
    assert status.startswith(f"{len(titles)} suggested pages")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    # Down twice and up once: the first option, named to screen readers while focus stays put.
    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("ArrowUp")
    first = options.first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == box.get_attribute("id")

    box.press("Escape")
    assert listbox.is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None

    box.press_sequentially("p")  # "green transp": the list comes back
    options.first.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/(?!search/)"))
    assert page.locator("h1").inner_text() == titles[0]


def test_without_javascript_the_search_box_is_a_plain_form(new_context, site_content):
    page = new_context(java_script_enabled=False).new_page()
    open_ok(page, "/en/")
    box = page.locator("header form[role=search] input[name=q]")
    assert box.get_attribute("role") is None  # not a combobox that cannot work
    _search_from_header(page, "green trans")
    assert page.locator("main .search-result").count() > 0


def _locale(language):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language)
