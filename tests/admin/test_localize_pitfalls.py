"""The cases that break translation workflows: aliases, moved pages, re-translation after the
source changed, empty optional content, and the admin's own "Translate this page" view."""

import decimal

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from policyshare.core.translation_status import translation_status
from policyshare.news.models import NewsPage
from policyshare.policies.models import KeyResult, PolicyIndexPage, PolicyPage
from tests.factories import index_page, locale, make_news, make_policy, make_standard_page

from .localize import localize, save_target, translate_strings

pytestmark = pytest.mark.django_db


def test_alias_in_english_becomes_a_real_translation(django_capture_on_commit_callbacks):
    policy = make_policy(
        title="서울형 공유 주차",
        key_results=[
            {"indicator": "공유 주차면", "actual": decimal.Decimal("1200"), "year": 2019},
        ],
    )
    en_index = localize(index_page(PolicyIndexPage), on_commit=django_capture_on_commit_callbacks)
    # An English alias of the Korean page, as wagtail-localize's locale synchronisation (or
    # copy_for_translation(alias=True)) makes it: same translation key, mirroring the source.
    alias = policy.create_alias(
        parent=en_index, update_locale=locale("en"), reset_translation_key=False
    )
    assert alias.alias_of_id == policy.pk
    assert alias.title == "서울형 공유 주차"
    # An alias shows Korean text: the dashboard still counts the policy as untranslated.
    assert "서울형 공유 주차" in {item.title for item in translation_status().missing}

    target = localize(policy, on_commit=django_capture_on_commit_callbacks)

    assert target.pk == alias.pk
    assert target.alias_of_id is None
    assert target.live
    assert target.title == "EN 서울형 공유 주차"
    assert target.key_results.get().indicator == "EN 공유 주차면"
    assert target.key_results.get().actual == decimal.Decimal("1200")
    assert "서울형 공유 주차" not in {item.title for item in translation_status().missing}


def test_translation_survives_its_source_being_moved(django_capture_on_commit_callbacks):
    parent = make_standard_page(title="공유도시", slug="sharing-city")
    page = make_standard_page(title="주차장 공유", slug="parking")
    target = localize(page, on_commit=django_capture_on_commit_callbacks)
    en_url = target.url

    page.move(parent, pos="last-child")
    page = type(page).objects.get(pk=page.pk)
    assert page.url == "/ko/sharing-city/parking/"
    page.body = [("paragraph", "<p>개정된 내용</p>")]
    page.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    translate_strings(source, locale("en"))
    target = save_target(source.translations.get(), django_capture_on_commit_callbacks)

    # wagtail-localize syncs content, not position: the English page stays where it was, live
    # and updated, until an editor moves it (or translates the new parent and moves it).
    assert target.live
    assert target.url == en_url
    assert "EN 개정된 내용" in target.body[0].value.source
    assert page.get_translation(locale("en")).pk == target.pk


def test_retranslation_after_the_source_changed(django_capture_on_commit_callbacks):
    policy = make_policy(
        title="녹색교통지역",
        key_results=[
            {
                "indicator": "질소산화물 감소",
                "unit": "kg/일",
                "actual": decimal.Decimal("782"),
                "year": 2020,
            },
            {"indicator": "통행량", "unit": "%", "actual": decimal.Decimal("-15"), "year": 2020},
        ],
    )
    target = localize(policy, on_commit=django_capture_on_commit_callbacks)
    assert target.key_results.count() == 2

    # The source changes: new wording, a changed figure, one result gone and one added.
    policy = PolicyPage.objects.get(pk=policy.pk)
    policy.summary = "5등급 차량 운행 제한"
    first, second = policy.key_results.all()
    first.actual = decimal.Decimal("800")
    policy.key_results = [
        first,
        KeyResult(
            locale=locale("ko"),
            indicator="미세먼지 감소",
            unit="%",
            actual=decimal.Decimal("25"),
            year=2021,
        ),
    ]
    policy.start_year = 2019
    policy.save_revision().publish()
    stale = {item.title for item in translation_status().stale}
    assert target.title in stale

    source = TranslationSource.objects.get_for_instance(policy)
    source.update_from_db()
    translate_strings(source, locale("en"))
    target = save_target(source.translations.get(), django_capture_on_commit_callbacks)

    assert target.summary == "EN 5등급 차량 운행 제한"
    assert target.start_year == 2019
    results = list(target.key_results.all())
    assert [(r.indicator, r.actual) for r in results] == [
        ("EN 질소산화물 감소", decimal.Decimal("800")),
        ("EN 미세먼지 감소", decimal.Decimal("25")),
    ]
    assert {r.locale_id for r in results} == {locale("en").pk}
    assert KeyResult.objects.filter(policy=target).count() == 2  # the removed one is gone
    assert target.title not in {item.title for item in translation_status().stale}


def test_goals_follow_the_source_on_resync(django_capture_on_commit_callbacks):
    """goals is a ParentalManyToManyField, which wagtail-localize skips unless the model lists it
    as a SynchronizedField: the first translation copies it (copy_for_translation) but later
    changes of the source never reach the translation."""
    policy = make_policy(title="기후동행카드")
    policy.goals.set([11])
    policy.save_revision().publish()
    policy = PolicyPage.objects.get(pk=policy.pk)
    target = localize(policy, on_commit=django_capture_on_commit_callbacks)
    assert list(target.goals.values_list("number", flat=True)) == [11]

    policy = PolicyPage.objects.get(pk=policy.pk)
    policy.goals.set([11, 13])
    policy.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(policy)
    source.update_from_db()
    target = save_target(source.translations.get(), django_capture_on_commit_callbacks)

    assert sorted(target.goals.values_list("number", flat=True)) == [11, 13]


def test_related_policies_follow_the_source_on_resync(django_capture_on_commit_callbacks):
    """related_policies (RelatedPoliciesMixin) has the same cause as goals above."""
    first, second = make_policy(title="따릉이"), make_policy(title="공공자전거")
    news = make_news(title="소식", related_policies=[first])
    target = localize(news, on_commit=django_capture_on_commit_callbacks)
    assert list(target.related_policies.all()) == [first]

    news = NewsPage.objects.get(pk=news.pk)
    news.related_policies.set([first, second])
    news.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(news)
    source.update_from_db()
    target = save_target(source.translations.get(), django_capture_on_commit_callbacks)

    assert set(target.related_policies.all()) == {first, second}


def test_admin_translate_this_page_view_creates_the_english_policy(
    admin, django_capture_on_commit_callbacks
):
    policy = make_policy(title="따릉이", slug="ttareungi", challenges=[], know_how="")
    url = reverse("wagtail_localize:submit_page_translation", args=[policy.pk])
    assert admin.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(url, {"locales": [locale("en").pk]})

    assert response.status_code == 302
    target = policy.get_translation(locale("en")).specific
    assert target.live  # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE: the source is live
    assert target.title == "따릉이"  # not translated yet: the source text stands in
    assert target.get_parent().locale.language_code == "en"
    translation = Translation.objects.get(source__object_id=policy.translation_key)
    assert translation.target_locale.language_code == "en"
    # The translation editor opens on the English page.
    editor = admin.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert editor.status_code == 200
    assert "따릉이" in editor.content.decode()

    translate_strings(translation.source, locale("en"))
    target = save_target(translation, django_capture_on_commit_callbacks)
    assert target.title == "EN 따릉이"
