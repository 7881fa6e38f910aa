"""Every page type and translatable snippet goes through wagtail-localize's real machinery:
text is translated, numbers, addresses and links to other objects are copied, child objects
(key results, centres, programmes, sessions, speakers) come along translated."""

import datetime
import decimal

import pytest

from policyshare.core.models import HomePage, StandardPage
from policyshare.library.models import PublicationIndexPage, VideoIndexPage
from policyshare.network.models import (
    CityIndexPage,
    EventIndexPage,
    EventSession,
    EventSpeaker,
    PartnerIndexPage,
    TrainingCentre,
    TrainingIndexPage,
    TrainingProgramme,
)
from policyshare.news.models import NewsIndexPage
from policyshare.policies.models import PolicyExchange, PolicyIndexPage, PolicyPage
from tests.factories import (
    home,
    index_page,
    locale,
    make_city,
    make_event,
    make_image,
    make_news,
    make_partner,
    make_policy,
    make_publication,
    make_sector,
    make_standard_page,
    make_training_institute,
    make_video,
)

from .localize import localize, segment_paths

pytestmark = pytest.mark.django_db


def resolve(obj, path):
    """``"key_results.0.indicator"`` -> that attribute; numbers index lists, managers, streams."""
    for part in path.split("."):
        if part.isdigit():
            items = obj.all() if hasattr(obj, "all") else list(obj)
            obj = list(items)[int(part)]
            obj = getattr(obj, "value", obj) if hasattr(obj, "block_type") else obj
        else:
            obj = getattr(obj, part)
    return obj


def assert_translated(source, target, translated, synced):
    assert target.locale.language_code == "en"
    assert target.translation_key == source.translation_key
    for path in translated:
        before, after = resolve(source, path), resolve(target, path)
        assert "EN " in str(after), f"{path} was not translated: {after!r}"
        assert str(after) != str(before)
    for path in synced:
        assert resolve(target, path) == resolve(source, path), f"{path} was not copied"


def translate_page(page, on_commit, **kwargs):
    """The parents first (as an editor translating a section would), then the page."""
    for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
        if not ancestor.has_translation(locale("en")):
            localize(ancestor, on_commit=on_commit)
    target = localize(page, on_commit=on_commit, **kwargs)
    assert target.live
    assert not target.has_unpublished_changes
    assert target.alias_of_id is None
    assert target.get_parent().locale.language_code == "en"
    return target


INDEX_MODELS = [
    PolicyIndexPage,
    NewsIndexPage,
    PublicationIndexPage,
    VideoIndexPage,
    PartnerIndexPage,
    CityIndexPage,
    TrainingIndexPage,
    EventIndexPage,
]


@pytest.mark.parametrize("model", INDEX_MODELS, ids=lambda m: m.__name__)
def test_index_pages(model, django_capture_on_commit_callbacks):
    page = index_page(model, title="목록", intro="<p>소개 <b>글</b></p>", summary="요약")
    page.listing_image = make_image()
    page.save_revision().publish()

    target = translate_page(page, django_capture_on_commit_callbacks)

    assert_translated(page, target, ["title", "intro", "summary"], ["listing_image"])
    assert target.intro == "<p>EN 소개 <b>글</b></p>"  # inline markup stays in its sentence
    assert target.slug == f"en-{page.slug}"
    assert target.url == f"/en/en-{page.slug}/"


def test_home_page_into_the_existing_english_home(django_capture_on_commit_callbacks):
    ko_home = home("ko")
    ko_home.intro_title, ko_home.intro = "도시 정책", "서울의 정책"
    target_page = make_standard_page(title="공유도시")
    ko_home.promos = [
        ("promo", {"heading": "교육", "text": "연수원", "page": target_page, "image": None})
    ]
    ko_home.save_revision().publish()
    en_home_pk = home("en").pk

    target = localize(ko_home, on_commit=django_capture_on_commit_callbacks)

    assert target.pk == en_home_pk  # the existing English home was updated, not duplicated
    assert target.live
    assert_translated(ko_home, target, ["title", "intro_title", "intro", "promos.0"], [])
    promo = target.promos[0].value
    assert (promo["heading"], promo["text"]) == ("EN 교육", "EN 연수원")
    assert promo["page"].pk == target_page.pk  # a page link is kept (localised when shown)
    assert promo["image"] is None


def test_standard_page_with_every_body_block(django_capture_on_commit_callbacks):
    image = make_image()
    from tests.factories import make_pdf_document

    document = make_pdf_document()
    page = make_standard_page(
        title="공유도시란",
        summary="",
        body=[
            ("heading", "공유도시"),
            ("paragraph", '<p>함께 <a href="https://example.org/">쓰는</a> 도시</p>'),
            (
                "image",
                {"image": {"image": image, "alt_text": "지도", "decorative": False}, "caption": ""},
            ),
            ("quote", {"text": "공유는 혁신", "attribution": ""}),
            ("document", {"document": document, "title": ""}),
        ],
    )

    target = translate_page(page, django_capture_on_commit_callbacks)

    assert_translated(page, target, ["title", "body.0", "body.1", "body.3"], [])
    body = list(target.body)
    assert [b.block_type for b in body] == ["heading", "paragraph", "image", "quote", "document"]
    assert body[0].value == "EN 공유도시"
    assert 'href="https://example.org/"' in body[1].value.source
    assert body[2].value["image"].pk == image.pk
    assert body[2].value["caption"] == ""  # an empty optional block stays empty
    assert body[3].value["attribution"] == ""
    assert body[4].value["document"].pk == document.pk
    assert target.summary == ""


def test_policy_page_with_children_and_relations(django_capture_on_commit_callbacks):
    sector = make_sector(name="교통", slug="transport")
    en_sector = localize(sector, keep={"slug"}, on_commit=django_capture_on_commit_callbacks)
    city = make_city(title="나이로비")
    policy = make_policy(
        title="녹색교통지역",
        summary="4대문 안 5등급 차량 운행 제한",
        sector=sector,
        start_year=2019,
        end_year=2023,
        featured=True,
        contact_email="air@seoul.go.kr",
        know_how="",
        challenges=[("challenge", {"difficulty": "시민 반발", "response": "유예 기간"})],
        last_reviewed=datetime.date(2024, 1, 2),
        next_review=datetime.date(2025, 1, 2),
        key_results=[
            {
                "indicator": "질소산화물 감소",
                "unit": "kg/일",
                "actual": decimal.Decimal("782"),
                "baseline": decimal.Decimal("1000.50"),
                "year": 2020,
                "source": "",
            },
            {"indicator": "통행량", "unit": "%", "actual": decimal.Decimal("-15.2"), "year": 2021},
        ],
    )
    policy.goals.set([11, 13])
    policy.exchanges.add(
        PolicyExchange(locale=locale("ko"), city=city, kind="adopted", year=2022, note="현장 연수")
    )
    policy.save_revision().publish()
    policy = PolicyPage.objects.get(pk=policy.pk)

    target = translate_page(policy, django_capture_on_commit_callbacks)

    assert_translated(
        policy,
        target,
        [
            "title",
            "summary",
            "background",
            "approach.0",
            "challenges.0",
            "department",
            "key_results.0.indicator",
            "key_results.1.indicator",
            "exchanges.0.note",
        ],
        [
            "start_year",
            "end_year",
            "featured",
            "contact_email",
            "last_reviewed",
            "next_review",
            "key_results.0.actual",
            "key_results.0.baseline",
            "key_results.0.year",
            "key_results.1.actual",
            "exchanges.0.kind",
            "exchanges.0.year",
            "exchanges.0.city",
        ],
    )
    assert target.sector == en_sector
    assert target.know_how == ""
    assert target.challenges[0].value["response"] == "EN 유예 기간"
    results = list(target.key_results.all())
    assert [r.locale.language_code for r in results] == ["en", "en"]
    assert [r.translation_key for r in results] == [
        r.translation_key for r in policy.key_results.all()
    ]
    assert results[0].source == ""
    assert sorted(target.goals.values_list("number", flat=True)) == [11, 13]
    # The Korean children are untouched.
    assert policy.key_results.first().indicator == "질소산화물 감소"


def test_policy_with_no_challenges_and_no_key_results(django_capture_on_commit_callbacks):
    policy = make_policy(title="빈 정책", challenges=[], approach=[("paragraph", "<p>내용</p>")])

    target = translate_page(policy, django_capture_on_commit_callbacks)

    assert len(target.challenges) == 0
    assert target.key_results.count() == 0
    assert "EN 내용" in target.approach[0].value.source


@pytest.mark.parametrize(
    "make_page",
    [make_news, make_publication, make_video],
    ids=["NewsPage", "PublicationPage", "VideoPage"],
)
def test_pages_with_related_policies(make_page, django_capture_on_commit_callbacks):
    policy = make_policy(title="따릉이")
    fields = {"title": "자료", "summary": "요약", "related_policies": [policy]}
    if make_page is make_news:
        fields["sector"] = policy.sector
    page = make_page(**fields)

    target = translate_page(page, django_capture_on_commit_callbacks)

    assert_translated(page, target, ["title", "summary"], [])
    assert list(target.related_policies.all()) == [policy]
    if make_page is make_news:
        assert_translated(page, target, ["author", "body.0"], ["date"])
        assert target.sector == policy.sector  # no English sector yet: the source's is kept
    elif make_page is make_publication:
        assert_translated(page, target, [], ["kind", "year", "document", "document_language"])
    else:
        assert_translated(page, target, [], ["video_url", "spoken_language", "recorded_on"])


def test_city_page(django_capture_on_commit_callbacks):
    city = make_city(title="카이로", region="북아프리카", description="<p>자매도시</p>")

    target = translate_page(city, django_capture_on_commit_callbacks)

    assert_translated(city, target, ["title", "region", "description"], ["country"])


def test_training_institute_with_centres_and_programmes(django_capture_on_commit_callbacks):
    institute = make_training_institute(
        title="연수원", founded_year=2016, website="https://example.org/"
    )
    institute.centres.add(
        TrainingCentre(
            locale=locale("ko"), name="본부", city="서울", country="KR", role="headquarters"
        )
    )
    institute.centres.add(
        TrainingCentre(
            locale=locale("ko"),
            name="이집트 센터",
            city="카이로",
            country="EG",
            website="https://eg.example.org/",
        )
    )
    institute.programmes.add(
        TrainingProgramme(
            locale=locale("ko"), title="도시계획 과정", audience="공무원", description=""
        )
    )
    institute.save_revision().publish()
    institute = type(institute).objects.get(pk=institute.pk)

    target = translate_page(institute, django_capture_on_commit_callbacks)

    assert_translated(
        institute,
        target,
        [
            "title",
            "mission",
            "description",
            "centres.0.name",
            "centres.1.city",
            "programmes.0.title",
            "programmes.0.audience",
        ],
        [
            "founded_year",
            "website",
            "centres.0.country",
            "centres.0.role",
            "centres.1.website",
            "centres.1.country",
        ],
    )
    assert {c.locale.language_code for c in target.centres.all()} == {"en"}
    assert target.programmes.get().description == ""


def test_event_with_sessions_and_speakers(django_capture_on_commit_callbacks):
    video = make_video()
    event = make_event(title="온라인 서밋", location="온라인", facts="<p>연사 40명</p>")
    starts_at = datetime.datetime(2020, 6, 1, 9, 0, tzinfo=datetime.UTC)
    event.sessions.add(
        EventSession(
            locale=locale("ko"),
            title="개회",
            starts_at=starts_at,
            duration_minutes=30,
            description="환영사",
            video=video,
        )
    )
    event.speakers.add(
        EventSpeaker(locale=locale("ko"), name="홍길동", role="시장", organisation="", country="KR")
    )
    event.save_revision().publish()
    event = type(event).objects.get(pk=event.pk)

    target = translate_page(event, django_capture_on_commit_callbacks)

    assert_translated(
        event,
        target,
        [
            "title",
            "location",
            "description",
            "facts",
            "sessions.0.title",
            "sessions.0.description",
            "speakers.0.name",
            "speakers.0.role",
        ],
        [
            "start_date",
            "end_date",
            "sessions.0.starts_at",
            "sessions.0.duration_minutes",
            "sessions.0.video",
            "speakers.0.country",
        ],
    )
    assert target.speakers.get().organisation == ""


def test_partner_snippet(django_capture_on_commit_callbacks):
    logo = make_image()
    partner = make_partner(
        name="세계은행",
        description="개발 금융",
        logo=logo,
        website="https://worldbank.org/",
        kind="finance",
        sort_order=4,
        show_on_home=False,
    )

    target = localize(partner, on_commit=django_capture_on_commit_callbacks)

    assert_translated(
        partner,
        target,
        ["name", "description"],
        ["logo", "website", "kind", "sort_order", "show_on_home"],
    )


def test_sector_snippet(django_capture_on_commit_callbacks):
    sector = make_sector(name="수자원", slug="water")
    sector.description = "상수도와 하수도"
    sector.sort_order = 3
    sector.save()

    target = localize(sector, keep={"slug"}, on_commit=django_capture_on_commit_callbacks)

    assert_translated(sector, target, ["name", "description"], ["slug", "sort_order"])


def test_sector_slug_is_not_offered_for_translation(django_capture_on_commit_callbacks):
    """The slug is the same in every language (its help text says so, and ?sector=<slug>
    links must survive a language switch), so wagtail-localize must copy it, not offer it to
    translators, who would otherwise break the filter or fail validation with a space."""
    sector = make_sector(name="안전", slug="safety")

    localize(sector, on_commit=django_capture_on_commit_callbacks)

    assert "slug" not in segment_paths(sector)
    assert sector.get_translation(locale("en")).slug == "safety"


def test_every_shipped_page_type_is_covered():
    covered = {HomePage, StandardPage, PolicyPage, *INDEX_MODELS}
    from policyshare.library.models import PublicationPage, VideoPage
    from policyshare.network.models import CityPage, EventPage, TrainingInstitutePage
    from policyshare.news.models import NewsPage

    covered |= {NewsPage, PublicationPage, VideoPage, CityPage, EventPage, TrainingInstitutePage}
    from wagtail.models import get_page_models

    shipped = {
        m
        for m in get_page_models()
        if m._meta.app_label in {"core", "policies", "news", "library", "network"}
    }
    assert shipped <= covered, shipped - covered
