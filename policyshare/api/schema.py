"""The OpenAPI 3 description served at /api/openapi.json (drf-spectacular), completed with the
search API, which is a plain Django view of the search app (``policyshare.search.views``)."""

from policyshare.policies.models import Sector
from policyshare.search.results import KIND_LABELS, LANGUAGE_LABELS

from .content_types import CONTENT_TYPES

SEARCH_RESULT = {
    "type": "object",
    "required": ["title", "url", "type", "language", "snippet", "score", "promoted"],
    "properties": {
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "type": {"type": "string"},
        "language": {"type": "string"},
        "snippet": {"type": "string", "description": "HTML, the matched words in <mark>."},
        "score": {"type": "number"},
        "promoted": {"type": "boolean"},
        "matched_language": {
            "type": "string",
            "nullable": True,
            "description": "Set when the match was in the other language's version.",
        },
    },
}
FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count"],
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer"},
    },
}
SIMPLE_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}},
}


def _repeatable(name, description, items):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "array", "items": items},
        "style": "form",
        "explode": True,
    }


SEARCH_OPERATION = {
    "operationId": "search",
    "tags": ["search"],
    "summary": "Search every public page in both languages (keyword and semantic ranking)",
    "parameters": [
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": 'The query; cut at 200 characters; "double quotes" ask for a phrase.',
            "schema": {"type": "string"},
        },
        {
            "name": "lang",
            "in": "query",
            "required": True,
            "description": "The reader's language: results are shown in it where translated.",
            "schema": {"type": "string", "enum": list(LANGUAGE_LABELS)},
        },
        {
            "name": "page",
            "in": "query",
            "required": False,
            "description": "The page of results, from 1; anything else is taken as 1.",
            "schema": {"type": "string"},
        },
        # Filter values that name nothing are ignored rather than refused.
        _repeatable("type", f"Only these types: {', '.join(KIND_LABELS)}.", {"type": "string"}),
        _repeatable("sector", "Only these sectors (slugs).", {"type": "string"}),
        _repeatable("year", "Only these years (YYYY).", {"type": "string"}),
        _repeatable(
            "language",
            f"Only pages in these languages: {', '.join(LANGUAGE_LABELS)}.",
            {"type": "string"},
        ),
    ],
    "responses": {
        "200": {
            "description": "The results, with facet counts.",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": [
                            "query",
                            "language",
                            "count",
                            "count_is_lower_bound",
                            "page",
                            "page_count",
                        ],
                        "properties": {
                            "query": {"type": "string"},
                            "language": {"type": "string"},
                            "count": {"type": "integer"},
                            "count_is_lower_bound": {
                                "type": "boolean",
                                "description": (
                                    "true when the ranking stopped at its limit: more items may "
                                    "match than count (only the best are listed)"
                                ),
                            },
                            "page": {"type": "integer"},
                            "page_count": {"type": "integer"},
                            "results": {"type": "array", "items": SEARCH_RESULT},
                            "facets": {
                                "type": "object",
                                "additionalProperties": {"type": "array", "items": FACET_VALUE},
                            },
                        },
                    }
                }
            },
        },
        "400": {
            "description": "lang is missing or not ko/en.",
            "content": {"application/json": {"schema": SIMPLE_ERROR}},
        },
        "429": {
            "description": "Too many requests (see Retry-After).",
            "content": {"application/json": {"schema": SIMPLE_ERROR}, "text/html": {}},
        },
        "414": {
            "description": "The query string is too long.",
            "content": {"text/plain": {"schema": {"type": "string"}}},
        },
        "503": {
            "description": "The search index cannot be read (rebuild it: policyshare reindex).",
            "content": {"application/json": {"schema": SIMPLE_ERROR}},
        },
    },
}


def only_the_public_api(endpoints):
    """drf-spectacular pre-processing hook: the admin's own REST endpoints are not public."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def list_the_sectors(result, generator, request, public):
    """drf-spectacular post-processing hook: the sector filter accepts the sectors that exist
    (any other is refused with a 400), so the description names them."""
    slugs = sorted(set(Sector.objects.values_list("slug", flat=True)))
    if not slugs:
        return result
    for path_item in result["paths"].values():
        for parameter in path_item.get("get", {}).get("parameters", []):
            if parameter["name"] == "sector" and parameter["in"] == "query":
                parameter["schema"] = {"type": "string", "enum": slugs}
    return result


def add_search_api(result, generator, request, public):
    """drf-spectacular post-processing hook: describe /api/search/ next to /api/v1/."""
    result["paths"]["/api/search/"] = {"get": SEARCH_OPERATION}
    result["paths"] = dict(sorted(result["paths"].items()))
    return result


SPECTACULAR_SETTINGS = {
    "TITLE": "policyshare API",
    "DESCRIPTION": (
        "Read-only access to the portal's public content in Korean and English: policies with "
        "their key results, news, publications, videos and partners. Every item has a page id "
        "and a translation_key shared by its Korean and English versions. Lists are paged "
        'with limit/offset (at most 100 items). Errors answer with {"error": …} in the '
        "language of Accept-Language or ?lang=ko|en. 60 requests a minute per address. "
        "Publications are also harvestable over OAI-PMH at /oai."
    ),
    "VERSION": "1.0.0",
    # One name per set of choices, shared by every field that uses it.
    "ENUM_NAME_OVERRIDES": {
        "ContentLanguageEnum": "policyshare.library.models.ContentLanguage",
        "PublicationKindEnum": "policyshare.library.models.PublicationPage.Kind",
        "PartnerKindEnum": "policyshare.network.models.Partner.Kind",
        "ItemTypeEnum": list(CONTENT_TYPES),
        "PartnerTypeEnum": ["partner"],
    },
    "PREPROCESSING_HOOKS": ["policyshare.api.schema.only_the_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "policyshare.api.schema.list_the_sectors",
        "policyshare.api.schema.add_search_api",
    ],
}
