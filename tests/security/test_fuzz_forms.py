"""The public forms and search endpoints fed random text, raw bytes, huge values, control
characters and mixed scripts: never a server error, and a refused submission writes nothing.

The test client re-raises any exception a view lets escape, so "never a 500" is checked on
every request; rate limits are off here (they are tested in test_rate_limits.py), so that every
example reaches the view behind them.
"""

from collections import Counter
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyshare.inquiries.models import Inquiry
from policyshare.subscriptions.models import Subscription
from tests.security.fuzzing import FUZZ

pytestmark = pytest.mark.django_db

runs = Counter()  # cases run, by target: reported by tests/security/conftest.py


@pytest.fixture
def fuzz_client(client, settings):
    settings.RATELIMIT_ENABLE = False
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ko"
    return client


MIXED_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("가힣한글漢字abcZ0é€\u00a0\u200b\u202e\ufeff\x00\x1b\r\n\t<>&\"'%;*()[]\\"),
    ),
    max_size=300,
)
HUGE_TEXT = st.integers(min_value=5_000, max_value=100_000).map(lambda n: "서울 Seoul " * (n // 9))
INJECTIONS = st.sampled_from(
    [
        "' OR '1'='1",
        "1; DROP TABLE inquiries_inquiry--",
        "<script>alert(1)</script>",
        "{{7*7}}",
        "${jndi:ldap://x}",
        "(a+)+$",
        "../../../etc/passwd",
        "-1",
        "99999999999999999999999",
        "1e309",
        "NaN",
    ]
)
VALUE = st.one_of(MIXED_TEXT, HUGE_TEXT, INJECTIONS)
SHORT_VALUE = st.one_of(MIXED_TEXT, INJECTIONS)

INQUIRY_FIELDS = (
    "organisation",
    "city",
    "country",
    "name",
    "role",
    "email",
    "language",
    "kind",
    "message",
    "consent",
    "website",
    "form_token",
)
VALID_INQUIRY = {
    "organisation": "Fuzz City Hall",
    "city": "Fuzzville",
    "country": "KE",
    "name": "Fuzz Visitor",
    "role": "",
    "email": "fuzz@example.org",
    "language": "en",
    "kind": "information",
    "message": "How did you restrict high-emission vehicles?",
    "consent": "on",
}


def refused_writes_nothing(response, model, count_before, accepted_path):
    """A submission either leads on to its confirmation page or writes nothing."""
    accepted = response.status_code == 302 and accepted_path in response["Location"]
    if not accepted:
        assert model.objects.count() == count_before
    assert response.status_code < 500


@FUZZ
@given(
    changes=st.dictionaries(st.sampled_from(INQUIRY_FIELDS), VALUE, min_size=1),
    policy=st.one_of(st.none(), SHORT_VALUE),
)
def test_inquiry_form_fields(fuzz_client, changes, policy):
    runs["inquiry form"] += 1
    before = Inquiry.objects.count()
    url = "/en/inquiries/new/" + ("" if policy is None else f"?policy={quote(policy)}")
    response = fuzz_client.post(url, {**VALID_INQUIRY, **changes})
    refused_writes_nothing(response, Inquiry, before, "/inquiries/sent/")


@FUZZ
@given(
    body=st.binary(max_size=3000),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "text/plain; charset=cp949",
            "application/json",
        ]
    ),
)
def test_inquiry_form_raw_bodies(fuzz_client, body, content_type):
    runs["inquiry raw body"] += 1
    before = Inquiry.objects.count()
    response = fuzz_client.generic("POST", "/ko/inquiries/new/", body, content_type=content_type)
    refused_writes_nothing(response, Inquiry, before, "/inquiries/sent/")


def quote(value):
    return quote_from_bytes(value.encode("utf-8", errors="surrogatepass"))


SEARCH_PARAMETERS = st.dictionaries(
    st.sampled_from(["q", "page", "sector", "year", "language", "type", "lang"]),
    st.one_of(SHORT_VALUE, st.lists(SHORT_VALUE, min_size=2, max_size=3)),
)


def query_string(parameters):
    pairs = []
    for name, value in parameters.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append(f"{name}={quote(one)}")
    return "&".join(pairs)


@FUZZ
@given(parameters=SEARCH_PARAMETERS, language=st.sampled_from(["ko", "en"]))
def test_search_page_parameters(fuzz_client, parameters, language):
    runs["search page"] += 1
    response = fuzz_client.get(f"/{language}/search/?{query_string(parameters)}")
    assert response.status_code < 500


@FUZZ
@given(parameters=SEARCH_PARAMETERS, raw=st.binary(max_size=200))
def test_search_api_parameters(fuzz_client, parameters, raw):
    runs["search API"] += 1
    response = fuzz_client.get(f"/api/search/?{query_string(parameters)}")
    assert response.status_code < 500
    # Bytes that are not UTF-8 at all, percent-encoded as a client may send them.
    response = fuzz_client.get(f"/api/search/?lang=ko&q={quote_from_bytes(raw)}")
    assert response.status_code < 500


SUBSCRIPTION_FIELDS = ("email", "sections", "sectors", "language", "frequency", "consent")
VALID_SUBSCRIPTION = {
    "email": "fuzz@example.org",
    "sections": ["news"],
    "language": "en",
    "frequency": "weekly",
    "consent": "on",
}


@FUZZ
@given(
    changes=st.dictionaries(
        st.sampled_from(SUBSCRIPTION_FIELDS + ("website", "form_token")),
        st.one_of(VALUE, st.lists(SHORT_VALUE, max_size=3)),
        min_size=1,
    )
)
def test_subscription_form_fields(fuzz_client, changes):
    runs["subscription form"] += 1
    before = Subscription.objects.count()
    response = fuzz_client.post("/en/subscriptions/", {**VALID_SUBSCRIPTION, **changes})
    refused_writes_nothing(response, Subscription, before, "/subscriptions/check-your-inbox/")
