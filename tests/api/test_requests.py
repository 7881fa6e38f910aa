"""How the API answers what is not a plain read: bad input, cross-origin reads, too many
requests."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("params", "field", "english", "korean"),
    [
        (
            {"sector": "no-such-sector"},
            "sector",
            "There is no sector “no-such-sector”.",
            "“no-such-sector” 분야가 없습니다.",
        ),
        (
            {"date_from": "2020-13-45"},
            "date_from",
            "Enter a date as YYYY-MM-DD.",
            "날짜를 YYYY-MM-DD 형식으로 입력해 주십시오.",
        ),
        (
            {"language": "fr"},
            "language",
            "“fr” is not one of the allowed values.",
            "“fr”은(는) 허용되는 값이 아닙니다.",
        ),
        (
            {"limit": "ten"},
            "limit",
            "Enter a whole number from 1 to 100.",
            "1부터 100까지의 정수를 입력해 주십시오.",
        ),
        (
            {"offset": "9" * 40},
            "offset",
            "Enter a whole number from 0 to 100000.",
            "0부터 100000까지의 정수를 입력해 주십시오.",
        ),
    ],
)
def test_bad_input_is_a_400_in_the_readers_language(api, content, params, field, english, korean):
    status, body, response = api("/api/v1/news/", **params)
    assert status == 400
    assert body == {"error": "The request is not valid.", "fields": {field: [english]}}
    assert response["Content-Language"] == "en"

    status, body, _ = api("/api/v1/news/", accept_language="ko", **params)
    assert status == 400
    assert body == {"error": "요청이 올바르지 않습니다.", "fields": {field: [korean]}}

    # ?lang= wins over the browser's language.
    _, body, response = api("/api/v1/news/", accept_language="en", lang="ko", **params)
    assert body["error"] == "요청이 올바르지 않습니다."
    assert response["Content-Language"] == "ko"


def test_a_bad_translation_key_or_a_reversed_date_range_is_refused(api, content):
    status, body, _ = api("/api/v1/policies/", translation_key="not-a-uuid")
    assert status == 400
    assert body["fields"] == {"translation_key": ["Enter a translation key as a UUID."]}
    reversed_range = {"date_from": "2021-01-01", "date_to": "2020-01-01"}
    status, body, _ = api("/api/v1/policies/", **reversed_range)
    assert status == 400
    assert body["fields"] == {"date_to": ["The end date is before the start date."]}
    _, body, _ = api("/api/v1/items/", accept_language="ko", **reversed_range)
    assert body["fields"] == {"date_to": ["종료일이 시작일보다 앞섭니다."]}
    status, _, _ = api("/api/v1/news/", date_from="2021-01-01", date_to="2021-01-01")
    assert status == 200


def test_an_unknown_api_address_is_a_json_404_in_the_readers_language(api, client, content):
    for path in ["/api/v2/news/", "/api/v1/nothing", "/api/", "/api/v1/news/1/extra/"]:
        status, body, response = api(path, accept_language="ko")
        assert status == 404, path
        assert body == {"error": "API에 이 주소가 없습니다."}
        assert response["Content-Type"] == "application/json"
    _, body, _ = api("/api/v1/nothing", accept_language="ko", lang="en")
    assert body == {"error": "There is nothing at this address in the API."}
    response = client.post("/api/v1/nothing", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"error": "There is nothing at this address in the API."}


def test_unknown_or_huge_ids_are_a_json_404(api, content):
    for path in ["/api/v1/news/999999/", f"/api/v1/news/{10**30}/", "/api/v1/partners/999999/"]:
        status, body, response = api(path, accept_language="ko")
        assert status == 404, path
        assert body == {"error": "해당 항목이 없습니다."}
    # A policy id is not a news id.
    status, _, _ = api(f"/api/v1/news/{content.policy.pk}/")
    assert status == 404


def test_writing_is_refused(client, content):
    response = client.post("/api/v1/news/", {"title": "x"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert response.json() == {"error": "This API only reads: use GET."}


def test_any_web_page_may_read_the_api_without_credentials(client, content):
    origin = {"HTTP_ORIGIN": "https://data.example.org"}
    response = client.get("/api/v1/policies/", **origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response

    preflight = client.options(
        "/api/v1/policies/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}

    assert client.head("/api/v1/policies/", **origin)["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/search/?lang=en", **origin)["Access-Control-Allow-Origin"] == "*"
    # The rest of the portal is not opened to other sites.
    assert "Access-Control-Allow-Origin" not in client.get("/ko/", **origin)


def test_the_sixty_first_request_in_a_minute_gets_429_with_retry_after(
    api, content, one_rate_limit_minute
):
    cache.clear()
    for _ in range(60):
        status, _, _ = api("/api/v1/partners/")
        assert status == 200
    status, body, response = api("/api/v1/news/", accept_language="ko")
    assert status == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert body == {
        "error": "요청이 너무 많습니다. 잠시 후 다시 시도해 주십시오.",
        "retry_after": int(response["Retry-After"]),
    }
