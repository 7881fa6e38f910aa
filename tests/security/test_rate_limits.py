"""Public endpoints answer a client that hammers them with 429 and when to come back."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from policyshare.security.ratelimit import ratelimit

pytestmark = pytest.mark.django_db

FEED = "/en/feeds/news/rss.xml"


LIMIT = 60


def hammer(client, url, times, **extra):
    return [client.get(url, **extra) for _ in range(times)]


def hammer_until_refused(client, url, **extra):
    """Requests until the first refusal. Limits count in fixed one-minute windows, and a window
    may end during the run and start the count again; two windows never pass in one run, so
    the refusal comes within twice the limit."""
    for _ in range(2 * LIMIT + 1):
        response = client.get(url, **extra)
        if response.status_code == 429:
            return response
    raise AssertionError(f"{url} was never refused")


def test_a_feed_reader_within_the_limit_is_served(client):
    responses = hammer(client, FEED, LIMIT)
    assert {response.status_code for response in responses} == {200}


def test_a_hammered_feed_answers_429_with_retry_after(client):
    refused = hammer_until_refused(client, FEED)
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Cache-Control"] == "no-store"
    page = refused.content.decode()
    assert "Too many requests" in page
    assert f"Please try again in {refused['Retry-After']} second" in page


def test_the_limit_is_per_client_address(client):
    hammer_until_refused(client, FEED, REMOTE_ADDR="192.0.2.1")
    assert client.get(FEED, REMOTE_ADDR="192.0.2.2").status_code == 200


@override_settings(POLICYSHARE_TRUSTED_PROXIES=1)
def test_behind_the_proxy_the_forwarded_address_counts_and_a_forged_one_does_not(client):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    # The client forged the first entry; the proxy appended the real address.
    hammer_until_refused(client, FEED, HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.1", **proxy)
    assert (
        client.get(FEED, HTTP_X_FORWARDED_FOR="203.0.113.10, 192.0.2.1", **proxy).status_code == 429
    )
    assert client.get(FEED, HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy).status_code == 200


def test_document_downloads_are_limited(client):
    assert client.get("/documents/999/nothing.pdf").status_code == 404
    hammer_until_refused(client, "/documents/999/nothing.pdf")


def test_json_clients_get_json(client):
    refused = hammer_until_refused(client, FEED, HTTP_ACCEPT="application/json")
    assert refused["Content-Type"] == "application/json"
    assert refused.json()["retry_after"] == int(refused["Retry-After"])
    assert "Too many requests" in refused.json()["error"]


def test_limits_can_be_turned_off(client, settings):
    settings.RATELIMIT_ENABLE = False
    responses = hammer(client, FEED, 2 * LIMIT + 1)
    assert {response.status_code for response in responses} == {200}


def test_the_decorator_counts_only_the_methods_it_is_told():
    @ratelimit("test-form", rate="2/h", method="POST")
    def form(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    assert [form(factory.get("/")).status_code for _ in range(5)] == [200] * 5
    assert [form(factory.post("/")).status_code for _ in range(3)] == [200, 200, 429]


def test_an_overlong_query_string_is_refused(client):
    response = client.get(FEED, {"sector": "x" * 3000})
    assert response.status_code == 414
    assert "The address is too long" in response.content.decode()
