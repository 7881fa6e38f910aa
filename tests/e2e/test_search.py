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
