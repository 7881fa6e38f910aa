"""Subscribing with double opt-in: the form, the confirmation mail and its link, the same
answer whatever the address, and what bad input and abuse get."""

import datetime
import time
from unittest import mock

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from policyshare.subscriptions.models import Subscription
from tests.factories import make_sector
from tests.services import run_worker

from .conftest import form_data, link_in

pytestmark = pytest.mark.django_db


def subscribe(client, url_language="en", **fields):
    return client.post(f"/{url_language}/subscriptions/", form_data(**fields))


def confirm(client, path):
    page = client.get(path)
    assert page.status_code == 200
    return client.post(path)


def test_the_form_is_shown_in_both_languages_with_a_link_to_the_privacy_notice(client):
    make_sector(name="교통", slug="transport", code="ko")
    make_sector(name="Transport", slug="transport", code="en")
    korean = client.get("/ko/subscriptions/")
    english = client.get("/en/subscriptions/")
    assert korean.status_code == english.status_code == 200
    assert "교통" in korean.text and "Transport" not in korean.text
    assert "Transport" in english.text
    assert 'href="/en/subscriptions/privacy/"' in english.text
    assert client.get("/en/subscriptions/privacy/").status_code == 200


def test_a_visitor_subscribes_and_confirms_through_the_mailed_link(client, smtp_server):
    sector = make_sector(name="Transport", slug="transport", code="en")
    response = subscribe(client, sections=["policies"], sectors=[sector.pk], frequency="daily")
    assert response.status_code == 302
    assert response["Location"] == "/en/subscriptions/check-your-inbox/"
    assert client.get(response["Location"]).status_code == 200
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed
    assert not smtp_server.messages, "mail is sent by the worker, not inside the request"

    run_worker()

    [mail] = smtp_server.handler.to("amina@nairobi.example")
    assert mail["Subject"].startswith("Please confirm your subscription")
    assert mail.get_body(preferencelist=("html",)) is not None
    path = link_in(mail, "confirm")
    assert path.startswith("/en/subscriptions/confirm/")

    client.get(path)
    subscription.refresh_from_db()
    assert not subscription.is_confirmed, "opening the link alone (a mail scanner) confirms nothing"
    confirmed = confirm(client, path)
    assert confirmed.status_code == 200
    assert "data-confirmed" in confirmed.text
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    assert subscription.sections == ["policies"]
    assert list(subscription.sectors.all()) == [sector]
    assert subscription.frequency == "daily"


def test_the_same_address_twice_makes_one_subscription_and_the_same_answer(client, smtp_server):
    first = subscribe(client, frequency="weekly")
    second = subscribe(client, email="  Amina@Nairobi.example ", frequency="immediately")
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    subscription = Subscription.objects.get()
    assert subscription.frequency == "immediately", "a pending subscription takes the new choice"

    run_worker()
    subscription.confirmed_at = subscription.covered_until = timezone.now()
    subscription.save()
    # Confirmed: the answer is the same again, and nothing changes until the owner confirms.
    third = subscribe(client, frequency="daily", language="ko")
    assert (third.status_code, third["Location"]) == (first.status_code, first["Location"])
    subscription.refresh_from_db()
    assert subscription.frequency == "immediately"
    run_worker()
    change = smtp_server.handler.to("amina@nairobi.example")[-1]
    path = link_in(change, "confirm")
    assert path.startswith("/ko/"), "the mail is in the language asked for"
    confirm(client, path)
    subscription.refresh_from_db()
    assert (subscription.frequency, subscription.language) == ("daily", "ko")
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Enter a valid email address."), ("ko", "유효한 이메일 주소를 입력하세요.")],
)
def test_a_bad_address_is_explained_in_the_visitors_language(client, language, message):
    response = subscribe(client, url_language=language, email="amina-at-nairobi")
    assert response.status_code == 200
    assert message in response.text
    assert not Subscription.objects.exists()


def test_missing_choices_are_explained_next_to_their_fields(client):
    response = subscribe(client, sections=None, consent=None)
    assert response.status_code == 200
    assert "Please choose at least one kind of content." in response.text
    assert "Please agree to keeping your address" in response.text
    assert not Subscription.objects.exists()


def test_an_expired_confirmation_link_changes_nothing(client, smtp_server):
    data = form_data()
    eight_days_ago = signing.b62_encode(int(time.time()) - 8 * 86400)
    with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=eight_days_ago):
        client.post("/en/subscriptions/", data)
        run_worker()
    path = link_in(smtp_server.messages[0], "confirm")
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 400
        assert "This confirmation link has expired" in response.text
    assert not Subscription.objects.get().is_confirmed


def test_an_altered_link_changes_nothing(client, smtp_server):
    subscribe(client)
    run_worker()
    path = link_in(smtp_server.messages[0], "confirm")
    altered = path.replace("/confirm/", "/confirm/x")
    response = client.post(altered)
    assert response.status_code == 400
    assert "This link is not valid" in response.text
    assert not Subscription.objects.get().is_confirmed
    # A confirmation link does not unsubscribe either: each link has its own purpose.
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/en/subscriptions/unsubscribe/{token}/").status_code == 400
    assert Subscription.objects.exists()


def test_unconfirmed_subscriptions_are_deleted_once_their_link_has_expired(client):
    subscribe(client, email="late@lima.example")
    subscribe(client, email="recent@lima.example")
    Subscription.objects.filter(email="late@lima.example").update(
        confirmation_sent_at=timezone.now() - datetime.timedelta(days=8)
    )
    call_command("send_digests", verbosity=0)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["recent@lima.example"]


def test_the_form_refuses_more_than_a_few_requests_for_one_address(client, smtp_server):
    for _attempt in range(3):
        assert subscribe(client).status_code == 302
    refused = subscribe(client)
    assert refused.status_code == 429
    assert refused["Retry-After"]
    run_worker()
    assert len(smtp_server.handler.to("amina@nairobi.example")) == 3


def test_a_filled_in_honeypot_gets_the_same_answer_and_nothing_is_sent(client, smtp_server):
    response = subscribe(client, website="https://spam.example")
    assert response["Location"] == "/en/subscriptions/check-your-inbox/"
    run_worker()
    assert not Subscription.objects.exists()
    assert not smtp_server.messages
