import pytest

from tests.factories import make_policy, translate

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def test_root_redirects_by_browser_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9")["Location"] == "/ko/"


def test_switching_language_lands_on_the_translation(client):
    policy = make_policy(title="녹색교통지역", slug="green-zone")
    translate(policy, title="Green Transport Zone")

    response = client.get("/ko/policies/green-zone/")

    assert response.status_code == 200
    assert b'href="/en/policies/green-zone/"' in response.content


def test_untranslated_page_is_shown_in_its_language_with_a_note(client):
    make_policy(title="태양광 광장", slug="solar-square")

    response = client.get("/en/policies/solar-square/")

    assert response.status_code == 200
    assert "태양광 광장" in response.content.decode()
    assert b"has not been translated into your language yet" in response.content
    assert b'<meta name="robots" content="noindex">' in response.content


def test_untranslated_address_redirects_once_a_translation_with_another_slug_exists(client):
    policy = make_policy(title="태양광 도로", slug="taeyanggwang-doro")
    translate(policy, title="Solar Road", slug="solar-road")

    response = client.get("/en/policies/taeyanggwang-doro/")

    assert response.status_code == 302
    assert response["Location"] == "/en/policies/solar-road/"


def test_address_that_exists_in_no_language_is_a_404(client):
    assert client.get("/en/policies/nothing-here/").status_code == 404
