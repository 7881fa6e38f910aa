"""Listing and reading each content type, with filters, paging and the Korean/English link."""

import pytest

pytestmark = pytest.mark.django_db


def ids(body):
    return [item["id"] for item in body["results"]]


def test_policies_with_key_results_and_translations(api, content):
    status, body, _ = api("/api/v1/policies/")
    assert status == 200
    listed = {item["id"]: item for item in body["results"]}
    assert set(listed) == {content.policy.pk, content.policy_en.pk, content.water_policy.pk}
    assert body["count"] == 3

    korean = listed[content.policy.pk]
    assert korean["type"] == "policy"
    assert korean["language"] == "ko"
    assert korean["title"] == "녹색교통지역 운행 제한"
    assert korean["summary"] == "노후 경유차 운행을 제한했습니다."
    assert korean["url"].startswith("http") and korean["url"].endswith(f"/{content.policy.slug}/")
    assert korean["sectors"] == [{"slug": "transport", "name": "교통"}]
    assert korean["start_year"] == 2019
    assert korean["key_results"] == [
        {
            "indicator": "질소산화물 배출",
            "value": -782.0,
            "unit": "kg/일",
            "year": 2020,
            "baseline": None,
            "target": None,
            "source": "",
        }
    ]
    english = listed[content.policy_en.pk]
    assert english["translation_key"] == korean["translation_key"]
    assert english["sectors"] == [{"slug": "transport", "name": "Transport"}]
    assert korean["translations"] == [{"id": content.policy_en.pk, "language": "en"}]
    assert english["translations"] == [{"id": content.policy.pk, "language": "ko"}]


def test_drafts_and_private_pages_are_never_listed_nor_readable(api, content):
    for path in ["/api/v1/policies/", "/api/v1/items/"]:
        _, body, _ = api(path, limit=100)
        assert content.draft_policy.pk not in ids(body)
        assert content.private_policy.pk not in ids(body)
    for page in [content.draft_policy, content.private_policy]:
        status, body, _ = api(f"/api/v1/policies/{page.pk}/")
        assert status == 404
        assert body == {"error": "There is no such item."}


def test_translation_key_finds_both_languages(api, content):
    key = str(content.policy.translation_key)
    _, body, _ = api("/api/v1/policies/", translation_key=key)
    assert sorted(ids(body)) == sorted([content.policy.pk, content.policy_en.pk])
    _, body, _ = api("/api/v1/policies/", translation_key=key, language="en")
    assert ids(body) == [content.policy_en.pk]


def test_filters_by_sector_language_and_date(api, content):
    _, body, _ = api("/api/v1/policies/", sector="water")
    assert ids(body) == [content.water_policy.pk]
    # A publication is in the sectors of the policies it documents.
    _, body, _ = api("/api/v1/publications/", sector="water")
    assert ids(body) == [content.publication.pk]
    _, body, _ = api("/api/v1/news/", language="ko")
    assert set(ids(body)) == {content.news.pk, content.old_news.pk}
    _, body, _ = api("/api/v1/news/", date_from="2020-01-01", date_to="2020-12-31")
    assert set(ids(body)) == {content.news.pk, content.news_en.pk}
    _, body, _ = api("/api/v1/news/", date_to="2019-12-31")
    assert ids(body) == [content.old_news.pk]
    _, body, _ = api("/api/v1/news/", date_from="2030-01-01")
    assert body == {"count": 0, "next": None, "previous": None, "results": []}


def test_news_newest_first_with_date_and_author(api, content):
    _, body, _ = api("/api/v1/news/", language="ko")
    first, second = body["results"]
    assert (first["id"], first["date"], first["author"]) == (
        content.news.pk,
        "2020-12-01",
        "seoulsolution",
    )
    assert second["date"] == "2015-03-02"


def test_paging_with_limit_and_offset(api, content):
    _, everything, _ = api("/api/v1/items/", limit=100)
    assert everything["count"] == len(everything["results"]) == 9
    _, first, _ = api("/api/v1/items/", limit=4)
    _, second, _ = api("/api/v1/items/", limit=4, offset=4)
    _, third, _ = api("/api/v1/items/", limit=4, offset=8)
    assert ids(first) + ids(second) + ids(third) == ids(everything)
    assert first["previous"] is None
    assert "offset=4" in first["next"] and "limit=4" in first["next"]
    assert third["next"] is None


def test_items_of_every_type_and_filtered_by_type(api, content):
    _, body, _ = api("/api/v1/items/", limit=100)
    assert {item["type"] for item in body["results"]} == {"policy", "news", "publication", "video"}
    _, body, _ = api("/api/v1/items/", type="video")
    (video,) = body["results"]
    assert video["id"] == content.video.pk
    assert video["date"] == "2021-06-01"
    assert video["api_url"].endswith(f"/api/v1/videos/{content.video.pk}/")
    _, detail, _ = api(video["api_url"])
    assert detail["provider"] == "youtube"
    assert detail["embed_url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


def test_publication_offers_its_pdf_unless_the_file_is_private(api, content):
    _, body, _ = api(f"/api/v1/publications/{content.publication.pk}/")
    assert body["year"] == 2021
    document = body["document"]
    assert document["content_type"] == "application/pdf"
    assert document["size"] == content.publication.document.get_file_size() > 0
    assert document["url"].startswith("http") and "/documents/" in document["url"]
    _, body, _ = api(f"/api/v1/publications/{content.hidden_file_publication.pk}/")
    assert body["document"] is None


def test_partners_in_both_languages(api, content):
    _, body, _ = api("/api/v1/partners/", language="en")
    (partner,) = body["results"]
    assert partner["name"] == "UN-Habitat"
    assert partner["type"] == "partner"
    assert partner["website"] == "https://unhabitat.org/"
    assert partner["translations"] == [{"id": content.partner.pk, "language": "ko"}]
    status, body, _ = api(f"/api/v1/partners/{content.partner.pk}/")
    assert status == 200 and body["name"] == "유엔 해비타트"


def test_partners_by_country(api, content):
    _, body, _ = api("/api/v1/partners/", country="KE")
    assert {partner["id"] for partner in body["results"]} == {
        content.partner.pk,
        content.partner_en.pk,
    }
    assert {partner["country"] for partner in body["results"]} == {"KE"}
    _, body, _ = api("/api/v1/partners/", country="KR")
    assert body["count"] == 0
    status, body, _ = api("/api/v1/partners/", country="XX")
    assert status == 400
    assert body["fields"] == {"country": ["“XX” is not one of the allowed values."]}
