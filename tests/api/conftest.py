import datetime
from dataclasses import dataclass

import pytest
from django.db import transaction
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import (
    locale,
    make_news,
    make_partner,
    make_pdf_document,
    make_policy,
    make_publication,
    make_sector,
    make_video,
    translate,
)


@dataclass
class Content:
    policy: object
    policy_en: object
    draft_policy: object
    private_policy: object
    water_policy: object
    news: object
    old_news: object
    news_en: object
    publication: object
    hidden_file_publication: object
    video: object
    partner: object
    partner_en: object


def make_english_sector(sector, name):
    english = sector.copy_for_translation(locale("en"))
    english.name = name
    english.save()
    return english


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """A little of every type in Korean and English, with a draft, a private page and a file
    in a private collection that must never show; built once per module, rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_content()
        transaction.set_rollback(True)


def build_content():
    transport = make_sector("교통", "transport")
    water = make_sector("물", "water")
    make_english_sector(transport, "Transport")
    policy = make_policy(
        title="녹색교통지역 운행 제한",
        sector=transport,
        summary="노후 경유차 운행을 제한했습니다.",
        start_year=2019,
        key_results=[
            {"indicator": "질소산화물 배출", "actual": "-782", "unit": "kg/일", "year": 2020},
        ],
    )
    policy_en = translate(policy, "en", title="Green Transport Zone")
    draft_policy = make_policy(title="아직 초안", sector=transport)
    draft_policy.unpublish()
    private_policy = make_policy(title="비공개 정책", sector=transport)
    PageViewRestriction.objects.create(
        page=private_policy, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    water_policy = make_policy(title="아리수", sector=water)

    private_collection = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private_collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret",
    )
    hidden_document = make_pdf_document(title="Internal draft", filename="internal.pdf")
    hidden_document.collection = private_collection
    hidden_document.save()
    publication = make_publication(title="서울 정책 브로슈어", year=2021)
    # Recorded now, as an upload does: each test reads files from a media folder of its own.
    publication.document.get_file_size()
    publication.related_policies.add(water_policy)
    publication.save_revision().publish()

    news = make_news(title="녹색교통지역 1년", date=datetime.date(2020, 12, 1), sector=transport)
    partner = make_partner(name="유엔 해비타트", website="https://unhabitat.org/", country="KE")
    partner_en = partner.copy_for_translation(locale("en"))
    partner_en.name = "UN-Habitat"
    partner_en.save()
    return Content(
        policy=policy,
        policy_en=policy_en,
        draft_policy=draft_policy,
        private_policy=private_policy,
        water_policy=water_policy,
        news=news,
        old_news=make_news(title="옛 소식", date=datetime.date(2015, 3, 2)),
        news_en=translate(news, "en", title="Green Transport Zone, one year on"),
        publication=publication,
        hidden_file_publication=make_publication(title="내부 보고서", document=hidden_document),
        video=make_video(title="정상회의 영상", recorded_on=datetime.date(2021, 6, 1)),
        partner=partner,
        partner_en=partner_en,
    )


@pytest.fixture
def api(client):
    """GET an API address, in English unless told otherwise; returns (status, JSON, response)."""

    def get(path, accept_language="en", **params):
        response = client.get(path, params, HTTP_ACCEPT_LANGUAGE=accept_language)
        return response.status_code, response.json(), response

    return get
