import datetime
import io
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from policyshare.core.models import HomePage, StandardPage
from policyshare.library.models import PublicationPage, VideoPage
from policyshare.network.models import EventPage, Partner, TrainingInstitutePage
from policyshare.news.models import NewsPage
from policyshare.policies.models import PolicyPage, Sector

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

HANGUL = re.compile(r"[\uac00-\ud7a3]")
SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture(scope="module")
def demo(demo_media):
    return demo_media


def both(model, **lookup):
    pages = {p.locale.language_code: p for p in model.objects.filter(**lookup)}
    assert set(pages) == {"ko", "en"}, f"{model.__name__} {lookup} is not in both languages"
    assert pages["ko"].translation_key == pages["en"].translation_key
    return pages["ko"], pages["en"]


def assert_korean_and_english(ko_text, en_text):
    assert HANGUL.search(ko_text), ko_text
    assert not HANGUL.search(en_text), en_text


@pytest.mark.parametrize(
    ("slug", "date", "english_word"),
    [
        ("cac-global-summit-10-million-views", datetime.date(2020, 6, 11), "10 Million"),
        ("solar-square-and-solar-road", datetime.date(2020, 6, 17), "Solar"),
        ("start-up-support-post-covid-19", datetime.date(2020, 6, 15), "Start-ups"),
        ("high-emission-vehicle-enforcement", datetime.date(2020, 6, 11), "1 July"),
        ("citynet-interview-covid-19-response", datetime.date(2020, 6, 1), "CityNet"),
    ],
)
def test_the_seed_news_is_in_both_languages_with_its_date_and_author(
    demo, slug, date, english_word
):
    ko, en = both(NewsPage, slug=slug)
    for article in (ko, en):
        assert article.live
        assert article.date == date
        assert article.author == "seoulsolution"
        assert article.first_published_at.astimezone(SEOUL).date() == date
        assert article.related_policies.exists() or slug.startswith("citynet")
    assert english_word in en.title
    assert_korean_and_english(ko.title + str(ko.body), en.title + str(en.body))
    assert en.sector.locale == en.locale


@pytest.mark.parametrize(
    "title",
    [
        "Seoul Tap Water Arisu (Brochure, 2019)",
        "Seoul Public Transportation (Brochure, 2019)",
        "Seoul's Policy Sharing Initiative (Brochure, 2019)",
    ],
)
def test_the_seed_brochures_are_registered_on_21_may_2020(demo, title):
    en = PublicationPage.objects.get(title=title, locale__language_code="en")
    ko, en = both(PublicationPage, translation_key=en.translation_key)
    for brochure in (ko, en):
        assert brochure.kind == PublicationPage.Kind.BROCHURE
        assert brochure.year == 2019
        assert brochure.first_published_at.astimezone(SEOUL).date() == datetime.date(2020, 5, 21)
        assert brochure.cover is not None
    assert ko.document == en.document
    assert_korean_and_english(ko.title, en.title)


def test_the_brochure_document_is_a_real_pdf(demo, settings):
    settings.MEDIA_ROOT = demo
    document = PublicationPage.objects.filter(locale__language_code="en").first().document
    with document.open_file() as f:
        assert f.read(5) == b"%PDF-"
    assert document.file.name.endswith(".pdf")


def test_every_partner_of_the_seed_is_there_with_a_kind_and_a_logo(demo):
    expected = {
        "CITYNET", "ICLEI", "UN-Habitat", "WeGO", "World Bank", "KOICA", "KOTRA",
        "Seoul Metropolitan Government", "K-Developedia", "Metropolis", "World Cities Summit",
        "CLC", "International Contractors Association of Korea", "ADB",
        "Ministry of Economy and Finance", "Ministry of Foreign Affairs",
        "Export-Import Bank of Korea", "Korea Financial Investment Association", "KDI",
        "Korea Chamber of Commerce and Industry", "Korea Federation of SMEs",
        "Korea Planning Association", "KOSMIC", "University of Seoul", "metta",
        "Korea Research Institute for Human Settlements", "UN SDG online platform",
    }  # fmt: skip
    english = Partner.objects.filter(locale__language_code="en")
    for name in expected:
        assert any(name in partner.name for partner in english), name
    assert Partner.objects.filter(locale__language_code="ko").count() == english.count() == 27
    for partner in Partner.objects.all():
        assert partner.kind in Partner.Kind.values
        assert partner.logo is not None


def test_the_eleven_sectors_keep_their_slugs_in_both_languages(demo):
    ko = dict(Sector.objects.filter(locale__language_code="ko").values_list("slug", "name"))
    en = dict(Sector.objects.filter(locale__language_code="en").values_list("slug", "name"))
    assert set(ko) == set(en)
    assert len(ko) == 11
    assert {"transport", "water", "economy-startups", "health"} <= set(ko)
    assert ko["transport"] == "교통" and en["transport"] == "Transport"


def test_the_green_zone_policy_has_its_key_results(demo):
    ko, en = both(PolicyPage, slug="green-transportation-zone")
    assert ko.featured and ko.sector.slug == "transport"
    assert {goal.number for goal in ko.goals.all()} == {3, 11, 13}
    results = {r.indicator: (r.actual, r.unit, r.year) for r in en.key_results.all()}
    assert results["NOx emissions in the zone"] == (Decimal("-782"), "kg/day", 2020)
    assert results["Ultrafine dust emissions in the zone"] == (Decimal("-39"), "kg/day", 2020)
    assert results["Grade-5 vehicle registrations in Seoul"][0] == Decimal("-25")
    assert results["Grade-5 vehicle registrations nationwide"][0] == Decimal("-20.9")
    completed = [r for r in en.key_results.all() if r.indicator.startswith("Low-emission")]
    assert [r.actual for r in completed] == [Decimal("46.0"), Decimal("33.7")]
    assert "21,908 of 47,625" in completed[0].indicator
    assert "145,660 of 432,041" in completed[1].indicator
    ko_results = list(ko.key_results.all())
    assert [r.translation_key for r in ko_results] == [
        r.translation_key for r in en.key_results.all()
    ]
    assert all(r.locale == ko.locale and HANGUL.search(r.indicator) for r in ko_results)
    assert "1 July 2020" in str(en.approach)


def test_policies_span_sectors_and_some_are_featured(demo):
    policies = PolicyPage.objects.filter(locale__language_code="en")
    assert policies.count() >= 5
    assert policies.values("sector__slug").distinct().count() >= 4
    assert 3 <= policies.filter(featured=True).count() <= 4


def test_the_summit_event_has_sessions_speakers_and_recordings(demo):
    ko, en = both(EventPage, slug="cac-global-summit-2020")
    assert (en.start_date, en.end_date) == (datetime.date(2020, 6, 1), datetime.date(2020, 6, 5))
    assert {s.name for s in en.speakers.all()} == {"Park Won-soon", "Jared Diamond"}
    recordings = [s.video for s in en.sessions.all() if s.video]
    assert recordings and all(video.locale == en.locale for video in recordings)
    assert VideoPage.objects.filter(locale__language_code="ko").count() >= 2


def test_the_training_institute_has_its_headquarters_and_regional_centres(demo):
    ko, en = both(TrainingInstitutePage, slug="metropolis-international-training-institute")
    assert en.founded_year == 1996
    centres = [(c.city, c.country.code, c.role) for c in en.centres.all()]
    assert centres[0] == ("Seoul", "KR", "headquarters")
    assert {city for city, _, _ in centres[1:]} == {"Cairo", "Mashhad", "Mexico City", "Paris"}
    assert "Guangzhou" in en.description and "Montreal" in en.description
    assert en.programmes.count() == ko.programmes.count() >= 1


def test_home_pages_introduce_the_portal_and_promote_training_and_sharing_city(demo):
    for home in HomePage.objects.all():
        assert home.intro
        linked = [block.value["page"].specific for block in home.promos]
        assert {type(page) for page in linked} == {TrainingInstitutePage, StandardPage}
        assert all(page.locale == home.locale for page in linked)
        menu = Page.objects.child_of(home).filter(show_in_menus=True)
        assert menu.count() == 9  # eight sections and the Sharing City page


@pytest.mark.parametrize(
    "url", ["/ko/policies/green-transportation-zone/", "/en/policies/green-transportation-zone/"]
)
def test_demo_pages_are_served_in_each_language(demo, client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "782" in response.content.decode()


def test_the_page_tree_stays_consistent(demo):
    for page in Page.objects.all():
        assert page.numchild == Page.objects.child_of(page).count(), page


def test_loading_twice_creates_and_changes_nothing(demo):
    def snapshot():
        return (
            Page.objects.count(),
            Sector.objects.count(),
            Partner.objects.count(),
            Image.objects.count(),
            Document.objects.count(),
            sorted(Page.objects.values_list("pk", "latest_revision_id")),
        )

    before = snapshot()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert snapshot() == before
    assert "already loaded" in output.getvalue()
