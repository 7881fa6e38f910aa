import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from policyshare.core.translation_status import TranslationStatusPanel, translation_status
from policyshare.policies.review import PoliciesDueForReviewPanel
from tests.factories import locale, make_partner, make_policy, make_sector, translate

pytestmark = pytest.mark.django_db


def titles(items):
    return {item.title for item in items}


def test_dashboard_shows_both_panels(admin):
    make_policy(title="미번역 정책", next_review=datetime.date(2020, 1, 1))

    response = admin.get("/admin/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="translation-status-section"' in html
    assert "미번역 정책" in html
    assert 'id="policies-due-for-review-section"' in html


def test_dashboard_lists_a_stale_translation_but_not_a_fresh_one(admin):
    stale_source = make_policy(title="녹색교통지역")
    translate(stale_source, title="Green Transport Zone")
    stale_source.save_revision().publish()
    translate(make_policy(title="따릉이"), title="Seoul Bike")

    html = admin.get("/admin/").content.decode()

    assert "Green Transport Zone" in html
    assert "Seoul Bike" not in html


def test_policy_past_its_review_date_is_listed_oldest_first(admin):
    today = timezone.localdate()
    make_policy(title="Recently due", next_review=today - datetime.timedelta(days=2))
    make_policy(title="Long overdue", next_review=datetime.date(2019, 5, 1))
    make_policy(title="Not due yet", next_review=today + datetime.timedelta(days=30))

    html = PoliciesDueForReviewPanel().render_html({})

    assert "Long overdue" in html and "Recently due" in html
    assert html.index("Long overdue") < html.index("Recently due")
    assert "Not due yet" not in html


def test_untranslated_page_and_snippet_are_listed_with_a_translate_link():
    policy = make_policy(title="녹색교통지역")
    make_sector(name="교통", slug="water")
    make_partner(name="UN-Habitat")

    status = translation_status()

    missing = {item.title: item for item in status.missing}
    assert {"녹색교통지역", "교통", "UN-Habitat"} <= set(missing)
    assert missing["녹색교통지역"].other_locale.language_code == "en"
    assert missing["녹색교통지역"].translate_url == (f"/admin/localize/submit/page/{policy.pk}/")
    assert missing["교통"].translate_url.startswith(
        "/admin/localize/submit/snippet/policies/sector/"
    )
    html = TranslationStatusPanel().render_html({})
    assert f'href="/admin/pages/{policy.pk}/edit/"' in html


def test_translated_page_is_not_missing_and_a_fresh_translation_is_not_stale():
    policy = make_policy(title="녹색교통지역")
    translate(policy, title="Green Transport Zone")

    status = translation_status()

    assert "녹색교통지역" not in titles(status.missing)
    assert "Green Transport Zone" not in titles(status.stale)


def test_translation_older_than_its_source_is_stale():
    policy = make_policy(title="녹색교통지역")
    translation = translate(policy, title="Green Transport Zone")
    policy.summary = "업데이트"
    policy.save_revision().publish()

    status = translation_status()

    stale = {item.title: item for item in status.stale}
    assert "Green Transport Zone" in stale
    assert stale["Green Transport Zone"].edit_url == f"/admin/pages/{translation.pk}/edit/"
    assert stale["Green Transport Zone"].other_locale.language_code == "ko"
    assert "녹색교통지역" not in titles(status.missing)


def test_english_source_translated_to_korean_is_judged_against_the_english_page():
    """Without a TranslationSource the default language is the source; with one, its locale."""
    from wagtail_localize.models import TranslationSource

    english = make_policy(code="en", title="Seoul Bike")
    korean = translate(english, code="ko", title="따릉이")
    TranslationSource.get_or_create_from_instance(english)
    korean.summary = "새 요약"  # editing the translation makes it newer, not the source stale
    korean.save_revision().publish()

    assert "Seoul Bike" not in titles(translation_status().stale)
    assert "따릉이" not in titles(translation_status().stale)


def test_draft_translation_is_still_missing_and_links_to_the_draft():
    policy = make_policy(title="서울형 뉴딜")
    draft = policy.copy_for_translation(locale("en"), copy_parents=True)

    missing = {item.title: item for item in translation_status().missing}

    assert missing["서울형 뉴딜"].edit_url == f"/admin/pages/{draft.pk}/edit/"
    assert missing["서울형 뉴딜"].translate_url is None


def test_long_lists_are_capped_with_a_count_of_the_rest():
    for n in range(14):
        make_policy(title=f"정책 {n}", next_review=datetime.date(2020, 1, 1))

    with translation.override("en"):
        review_html = PoliciesDueForReviewPanel().render_html({})
        status_html = TranslationStatusPanel().render_html({})

    assert review_html.count("data-policy-due") == 10
    assert "and 4 more" in review_html
    assert status_html.count("data-translation-missing") == 10
    assert re.search(r"and \d+ more", status_html)


def test_panels_need_a_few_queries_for_hundreds_of_pages():
    sector = make_sector()
    policies = [make_policy(sector=sector, title=f"정책 {n}") for n in range(24)]
    for policy in policies[:12]:
        translate(policy, title=f"Policy {policy.pk}")
    for policy in policies[:5]:
        policy.save_revision().publish()
    for n in range(5):
        make_partner(name=f"Partner {n}")

    ContentType.objects.clear_cache()  # the worst case: a fresh server process
    with CaptureQueriesContext(connection) as status_queries:
        html = TranslationStatusPanel().render_html({})
    with CaptureQueriesContext(connection) as review_queries:
        PoliciesDueForReviewPanel().render_html({})

    assert html.count("data-translation-stale") == 5
    print(f"translation status panel: {len(status_queries)} queries")
    print(f"review panel: {len(review_queries)} queries")
    # locales, content types (cold cache only), pages, translation sources, and one per
    # translatable snippet model (Sector, Partner)
    assert len(status_queries) <= 6, [q["sql"] for q in status_queries]
    assert len(review_queries) <= 2  # the first page of due policies, and their count
