"""The OpenAPI description at /api/openapi.json is valid, and the API keeps to it: every GET
operation is fuzzed by schemathesis through the WSGI application (no 5xx, every status, header
and body as described)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

pytestmark = pytest.mark.django_db


PATHS = {
    "/api/search/",
    "/api/v1/items/",
    "/api/v1/news/",
    "/api/v1/news/{id}/",
    "/api/v1/partners/",
    "/api/v1/partners/{id}/",
    "/api/v1/policies/",
    "/api/v1/policies/{id}/",
    "/api/v1/publications/",
    "/api/v1/publications/{id}/",
    "/api/v1/videos/",
    "/api/v1/videos/{id}/",
}


@pytest.fixture(scope="module")
def wsgi_application():
    """Django's WSGI application as the test client runs it: without closing the database
    connection after each request, which on PostgreSQL would end the tests' transaction."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def api_schema(content, django_db_blocker, wsgi_application):
    # After the content: the description lists the sectors that exist.
    with django_db_blocker.unblock():
        return schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_application)


@pytest.fixture(autouse=True)
def _unlimited_keyword_search(settings):
    # The fuzzer sends hundreds of requests a minute; BM25 alone answers the search API
    # without the embedding model.
    settings.RATELIMIT_ENABLE = False
    settings.POLICYSHARE_SEARCH_RANKING = "keyword"


def test_the_description_is_valid_openapi_3_and_covers_every_endpoint(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    description = response.json()
    validate(description)
    assert description["openapi"].startswith("3.")
    assert set(description["paths"]) == PATHS
    policy = description["components"]["schemas"]["Policy"]["properties"]
    assert {"translation_key", "key_results", "sectors", "url", "date"} <= set(policy)


@pytest.mark.parametrize("path", sorted(PATHS))
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_every_get_operation_keeps_to_the_description(api_schema, content, path, mode):
    """Valid requests (positive) and requests that break the description (negative): never a
    5xx, and every answer as described; invalid ones are refused with a 4xx."""

    @given(case=api_schema[path]["GET"].as_strategy(mode))
    @hypothesis_settings(
        # Enough to find what the description gets wrong while the suite stays quick.
        max_examples=30 if mode == GenerationMode.POSITIVE else 15,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def keeps_to_the_description(case):
        response = case.call()
        # A query string over 2,048 characters is refused with 414 before the API sees it, as
        # the description says, whether schemathesis made it from valid values (many long
        # repeated parameters) or invalid ones; not a code its rejection checks know.
        too_long = (
            [negative_data_rejection, positive_data_acceptance]
            if response.status_code == 414
            else []
        )
        # The description says date_to may not be before date_from, which OpenAPI cannot
        # express: such a request is valid to schemathesis, and refused with 400.
        query = case.query or {}
        reversed_range = str(query.get("date_from", "")) > str(query.get("date_to", "~"))
        refused_range = [positive_data_acceptance] if reversed_range else []
        case.validate_response(response, excluded_checks=too_long + refused_range)

    keeps_to_the_description()
