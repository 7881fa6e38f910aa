"""Digests built by `policyshare send-digests` and sent by the worker: only confirmed
subscribers, only new matching content in their language, never twice, with one-click
unsubscribe; a mail server that is down delays them but loses none."""

import datetime
import zoneinfo

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from policyshare.outbox.models import Mail
from policyshare.subscriptions.digests import period_end, send_digests
from policyshare.subscriptions.models import Subscription
from tests.factories import make_news, make_policy, make_publication, make_sector, make_video
from tests.services import run_worker

from .conftest import link_in, make_subscription, path_of

pytestmark = pytest.mark.django_db


def send_digests_now():
    call_command("send_digests", verbosity=0)
    run_worker()


def published_earlier(page, hours=2):
    """As if ``page`` had been published before the subscription started."""
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(hours=hours)
    )


@pytest.fixture
def transport():
    return make_sector(name="Transport", slug="transport", code="en")


def test_a_digest_holds_only_new_matching_content_in_the_subscribers_language(
    smtp_server, transport
):
    water = make_sector(name="Water", slug="water", code="en")
    make_subscription(sections=["policies", "news"], sectors=[transport])
    old = make_policy(code="en", title="Old transport policy", sector=transport)
    published_earlier(old)
    make_policy(code="en", title="Green Transport Zone", sector=transport)
    make_news(code="en", title="Bike lanes open", sector=transport)
    make_policy(code="en", title="Rainwater reuse", sector=water)
    make_policy(code="ko", title="녹색교통지역", sector=make_sector(code="ko"))
    make_publication(code="en", title="Annual report")

    send_digests_now()

    [digest] = smtp_server.handler.to("reader@lima.example")
    text = digest.get_body(preferencelist=("plain",)).get_content()
    html = digest.get_body(preferencelist=("html",)).get_content()
    for body in (text, html):
        assert "Green Transport Zone" in body
        assert "Bike lanes open" in body
        assert "Rainwater reuse" not in body, "another sector"
        assert "녹색교통지역" not in body, "another language"
        assert "Annual report" not in body, "a content type not chosen"
        assert "Old transport policy" not in body, "published before the subscription"
    assert digest["Subject"] == "2 new items on policyshare"
    assert link_in(digest, "unsubscribe").startswith("/en/subscriptions/unsubscribe/")
    assert link_in(digest, "manage").startswith("/en/subscriptions/manage/")


def test_publications_and_videos_come_whatever_the_sectors(smtp_server, transport):
    make_subscription(sections=["publications", "videos"], sectors=[transport])
    make_publication(code="en", title="Annual report")
    make_video(code="en", title="Summit keynote")
    send_digests_now()
    [digest] = smtp_server.handler.to("reader@lima.example")
    text = digest.get_body(preferencelist=("plain",)).get_content()
    assert "Annual report" in text and "Summit keynote" in text


def test_unconfirmed_subscribers_get_no_digest(smtp_server):
    make_subscription(confirmed_at=None, covered_until=None)
    make_news(code="en", title="Bike lanes open")
    send_digests_now()
    assert not smtp_server.messages


def test_running_the_command_twice_sends_each_digest_once(smtp_server):
    make_subscription()
    make_news(code="en", title="Bike lanes open")
    call_command("send_digests", verbosity=0)
    call_command("send_digests", verbosity=0)
    run_worker()
    assert len(smtp_server.handler.to("reader@lima.example")) == 1

    make_news(code="en", title="Second bridge opens")
    send_digests_now()
    first, second = smtp_server.handler.to("reader@lima.example")
    assert "Second bridge opens" in second.get_body(preferencelist=("plain",)).get_content()
    assert "Bike lanes open" not in second.get_body(preferencelist=("plain",)).get_content()
    assert not Mail.objects.exists(), "nothing is kept of a sent mail"


def test_a_period_with_nothing_new_sends_nothing(smtp_server):
    make_subscription()
    send_digests_now()
    assert not smtp_server.messages


def test_weekly_and_daily_digests_wait_for_their_period_to_end(smtp_server, settings):
    seoul = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    wednesday_noon = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=seoul)
    assert period_end("weekly", wednesday_noon) == datetime.datetime(2026, 11, 23, tzinfo=seoul)
    assert period_end("daily", wednesday_noon) == datetime.datetime(2026, 11, 25, tzinfo=seoul)
    assert period_end("immediately", wednesday_noon) == wednesday_noon

    now = timezone.now()
    weekly = make_subscription(frequency="weekly", confirmed_at=now - datetime.timedelta(hours=1))
    make_news(code="en", title="Bike lanes open")
    assert send_digests(now) == (0, 0), "the week has not ended"
    next_week = now + datetime.timedelta(days=7)
    assert send_digests(next_week) == (1, 0)
    assert send_digests(next_week) == (0, 0)
    weekly.refresh_from_db()
    assert weekly.covered_until == period_end("weekly", next_week)


def test_every_mail_offers_one_click_unsubscribe(smtp_server):
    make_subscription()
    make_news(code="en", title="Bike lanes open")
    send_digests_now()
    [digest] = smtp_server.messages
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url, mailto = [part.strip(" <>") for part in digest["List-Unsubscribe"].split(",")]
    assert url.startswith("http://127.0.0.1:8000/en/subscriptions/unsubscribe/")
    assert mailto.startswith("mailto:")

    # A mail program posts without any cookie or CSRF token (RFC 8058).
    mail_program = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    response = mail_program.post(
        path_of(url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "data-unsubscribed" in response.text
    assert not Subscription.objects.exists(), "the address is deleted, not kept"
    assert mail_program.post(path_of(url)).status_code == 200, "twice is no error"


def test_opening_the_unsubscribe_link_asks_first(client, smtp_server):
    make_subscription()
    make_news(code="en", title="Bike lanes open")
    send_digests_now()
    path = link_in(smtp_server.messages[0], "unsubscribe")
    page = client.get(path)
    assert page.status_code == 200
    assert '<form method="post">' in page.text
    assert Subscription.objects.exists(), "a link scanner opening it unsubscribes nobody"
    client.post(path)
    assert not Subscription.objects.exists()


def test_the_manage_link_changes_the_subscription(client, smtp_server, transport):
    subscription = make_subscription()
    make_news(code="en", title="Bike lanes open")
    send_digests_now()
    path = link_in(smtp_server.messages[0], "manage")
    assert "reader@lima.example" in client.get(path).text
    response = client.post(
        path,
        {"sections": ["news"], "sectors": [transport.pk], "language": "en", "frequency": "daily"},
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert (subscription.sections, subscription.frequency) == (["news"], "daily")
    assert list(subscription.sectors.all()) == [transport]
    assert client.get("/en/subscriptions/manage/not-a-token/").status_code == 400


def test_a_digest_waits_while_the_mail_server_is_down_and_arrives_later(smtp_server):
    make_subscription()
    make_news(code="en", title="Bike lanes open")
    smtp_server.stop()
    send_digests_now()

    mail = Mail.objects.get()
    assert (mail.status, mail.attempts) == ("pending", 1)
    assert "ConnectionRefusedError" in mail.last_error
    retry = DBTaskResult.objects.filter(status="READY")
    assert retry.count() == 1, "the mail is queued again, with a delay"
    assert retry.get().run_after > timezone.now()

    smtp_server.start()
    retry.update(run_after=timezone.now())
    run_worker()
    [digest] = smtp_server.handler.to("reader@lima.example")
    assert "Bike lanes open" in digest.get_body(preferencelist=("plain",)).get_content()
    assert not Mail.objects.exists()


def test_unsubscribing_deletes_the_mail_still_waiting(client, smtp_server):
    make_subscription()
    make_news(code="en", title="Bike lanes open")
    smtp_server.stop()
    send_digests_now()
    waiting = Mail.objects.get(to="reader@lima.example")
    one_click = waiting.headers["List-Unsubscribe"].split(",")[0].strip(" <>")

    client.post(path_of(one_click), {"List-Unsubscribe": "One-Click"})

    assert not Subscription.objects.exists()
    assert not Mail.objects.exists(), "an unsubscribed address is not kept in waiting mail"
