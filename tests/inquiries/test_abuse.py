"""Automated submissions: rate limits per address and per e-mail refuse with a message and keep
nothing; the honeypot, a form sent too fast and too many links keep the inquiry as spam."""

import pytest
from bs4 import BeautifulSoup

from policyshare.inquiries.models import Inquiry, Status
from policyshare.outbox.models import Mail
from policyshare.security.form_guards import form_token

from .conftest import form_data

pytestmark = pytest.mark.django_db

NEW = "/en/inquiries/new/"


@pytest.fixture
def low_limits(settings):
    settings.POLICYSHARE_INQUIRY_RATE_PER_IP = "3/h"
    settings.POLICYSHARE_INQUIRY_RATE_PER_EMAIL = "2/h"


@pytest.mark.usefixtures("low_limits")
def test_one_address_may_send_only_so_many_inquiries(client):
    for n in range(3):
        assert client.post(NEW, form_data(email=f"person{n}@example.org")).status_code == 302
    refused = client.post(NEW, form_data(email="another@example.org", city="Lima"))
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "several inquiries in a short time" in refused.content.decode()
    soup = BeautifulSoup(refused.content, "html.parser")
    assert soup.select_one('input[name="city"]')["value"] == "Lima", "the input is kept"
    assert Inquiry.objects.count() == 3


@pytest.mark.usefixtures("low_limits")
def test_one_e_mail_address_may_send_only_so_many_inquiries(client):
    for n in range(2):
        response = client.post(NEW, form_data(), REMOTE_ADDR=f"10.0.0.{n + 1}")
        assert response.status_code == 302
    refused = client.post(NEW, form_data(email="AMINA@nairobi.example"), REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 429
    assert Inquiry.objects.count() == 2
    ok = client.post(NEW, form_data(email="other@nairobi.example"), REMOTE_ADDR="10.0.0.9")
    assert ok.status_code == 302


@pytest.mark.usefixtures("low_limits")
def test_the_korean_visitor_is_told_in_korean(client):
    for n in range(3):
        client.post("/ko/inquiries/new/", form_data(email=f"p{n}@example.org"))
    refused = client.post("/ko/inquiries/new/", form_data(email="x@example.org"))
    assert refused.status_code == 429
    assert "짧은 시간에 여러 번 문의하셨습니다" in refused.content.decode()


def assert_kept_as_spam(response, reason):
    assert response.status_code == 302, "the sender sees the same answer as anyone"
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Status.SPAM
    assert reason in inquiry.spam_reason
    assert not Mail.objects.exists(), "spam causes no mail"


def test_a_filled_in_honeypot_marks_spam(client):
    assert_kept_as_spam(client.post(NEW, form_data(website="http://spam.example")), "honeypot")


def test_a_form_sent_faster_than_a_person_can_type_is_spam(client, settings):
    settings.POLICYSHARE_FORM_MIN_FILL_SECONDS = 60
    assert_kept_as_spam(client.post(NEW, form_data(form_token=form_token())), "filled in")


def test_a_form_without_a_valid_token_is_spam(client):
    assert_kept_as_spam(client.post(NEW, form_data(form_token="forged")), "token")


def test_a_message_full_of_links_is_spam(client):
    message = " ".join(f"https://shop{n}.example/buy" for n in range(4))
    assert_kept_as_spam(client.post(NEW, form_data(message=message)), "4 links")


def test_a_few_links_are_fine(client):
    message = "See https://nairobi.example/plan and www.nairobi.example/transport please."
    client.post(NEW, form_data(message=message))
    assert Inquiry.objects.get().status == Status.NEW


def test_the_honeypot_is_hidden_from_people(client):
    soup = BeautifulSoup(client.get(NEW).content, "html.parser")
    honeypot = soup.select_one('input[name="website"]')
    assert honeypot.find_parent(attrs={"hidden": True}) is not None
    assert honeypot["tabindex"] == "-1"
