"""Numbers in addresses and forms that no database column can hold, or that are not numbers
at all although ``str.isdigit()`` says so (superscripts, other scripts' digits): the visitor gets
the normal page, the filter is ignored, and nothing is written.

Hypothesis once found ``?policy=`` with 23 digits on the inquiry form; each case here is such a
falsifying example, kept so that it is tried on every run."""

import pytest

from policyshare.inquiries.models import Inquiry
from tests.factories import make_news, make_policy, make_publication

pytestmark = pytest.mark.django_db

HUGE = "9" * 23
NOT_NUMBERS = [HUGE, "²", "١٢", "0" * 40 + "1" * 30]


@pytest.fixture
def content():
    return {"news": make_news(code="en"), "policy": make_policy(code="en")}


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize(
    "path",
    [
        "/en/news/?year={}",
        "/en/policies/?sdg={}",
        "/en/search/?q=seoul&page={}",
        "/en/search/?q=seoul&year={}",
        "/en/inquiries/new/?policy={}",
    ],
)
def test_listing_and_form_pages_ignore_numbers_out_of_range(client, content, path, value):
    response = client.get(path.format(value))
    assert response.status_code == 200


def test_news_year_filter_still_filters(client, content):
    year = content["news"].date.year
    assert content["news"].title in client.get(f"/en/news/?year={year}").content.decode()
    assert content["news"].title not in client.get(f"/en/news/?year={year + 1}").content.decode()


def test_inquiry_about_an_impossible_policy_is_a_general_inquiry(client, content, settings):
    settings.RATELIMIT_ENABLE = False
    response = client.get(f"/en/inquiries/new/?policy={HUGE}")
    assert content["policy"].title not in response.content.decode()
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_api_items_with_impossible_ids_are_json_404s(client, value):
    make_publication(code="en")
    for kind in ("policies", "news", "publications"):
        response = client.get(f"/api/v1/{kind}/{value}/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_api_paging_with_impossible_numbers_is_a_400(client, value):
    response = client.get(f"/api/v1/news/?limit={value}")
    assert response.status_code == 400
    assert "limit" in response.json()["fields"]
