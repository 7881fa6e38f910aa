"""The search page, its search-as-you-type suggestions, and the JSON API."""

import contextlib

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from policyshare.core.numbers import whole_number
from policyshare.security.ratelimit import ratelimit

from . import fulltext, ranking
from .query import MAX_QUERY_LENGTH, clean, parse
from .results import FACETS, PAGE_SIZE, parse_filters, search

SUGGESTION_COUNT = 8
_FILTER_PARAMETERS = {"kind": "type", "sector": "sector", "year": "year", "language": "language"}


def _page_number(params) -> int:
    return whole_number(params.get("page"), minimum=1, maximum=99_999) or 1


def _visitor_language(request) -> str:
    return (translation.get_language() or "ko").split("-")[0]


@require_GET
@ratelimit("search", rate="30/m")
def search_page(request):
    language = _visitor_language(request)
    filters = parse_filters(request.GET)
    outcome = search(request.GET.get("q", ""), language, filters, _page_number(request.GET))
    base = request.GET.copy()
    base.pop("page", None)
    facets = [
        {
            "name": name,
            "parameter": _FILTER_PARAMETERS[name],
            "values": [
                {"value": value, "url": _toggled(base, _FILTER_PARAMETERS[name], value.value)}
                for value in outcome.facets.get(name, [])
            ],
        }
        for name in FACETS
    ]
    response = render(
        request,
        "search/search_page.html",
        {
            "search": outcome,
            "facets": facets,
            "query_string": base.urlencode(),
            "max_query_length": MAX_QUERY_LENGTH,
            "page_size": PAGE_SIZE,
        },
        status=503 if outcome.unavailable else 200,
    )
    return response


def _toggled(params, name: str, value: str) -> str:
    """The query string with ``name=value`` added, or removed if it is there."""
    params = params.copy()
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    return params.urlencode()


@require_GET
# Generous: a browser asks once per keystroke pause.
@ratelimit("search-suggest", rate="120/m")
def suggest(request):
    """Titles matching what the visitor has typed so far (the last word as a prefix)."""
    language = _visitor_language(request)
    parsed = parse(request.GET.get("q", ""), language, as_you_type=True)
    titles = []
    # Suggestions are a convenience: none while the index is being repaired.
    with contextlib.suppress(ranking.SearchUnavailable):
        titles = fulltext.suggest_titles(parsed, language, SUGGESTION_COUNT)
    return JsonResponse(
        {"query": parsed.text, "suggestions": titles}, json_dumps_params={"ensure_ascii": False}
    )


@require_GET
@ratelimit("api-search", rate="60/m")
def api_search(request):
    language = request.GET.get("lang", "")
    if language not in ("ko", "en"):
        return JsonResponse(
            {"error": "Give the visitor's language as lang=ko or lang=en."}, status=400
        )
    with translation.override(language):
        return _api_response(request, language)


def _api_response(request, language):
    outcome = search(
        request.GET.get("q", ""), language, parse_filters(request.GET), _page_number(request.GET)
    )
    if outcome.unavailable:
        return JsonResponse(
            {"error": "Search is temporarily unavailable. Please try again later."}, status=503
        )
    # Editors' picks lead the first page, as on the search page.
    results = [*outcome.promoted, *outcome.results] if outcome.page_number == 1 else outcome.results
    return JsonResponse(
        {
            "query": outcome.query or clean(request.GET.get("q", "")),
            "language": language,
            "count": outcome.count,
            "count_is_lower_bound": outcome.count_is_lower_bound,
            "page": outcome.page_number,
            "page_count": outcome.page_count,
            "results": [
                {
                    "title": result.plain_title,
                    "url": request.build_absolute_uri(result.url),
                    "type": result.kind,
                    "language": result.language,
                    "snippet": str(result.snippet),
                    "score": result.score,
                    "promoted": result.promoted,
                    "matched_language": result.matched_language,
                }
                for result in results
            ],
            "facets": {
                _FILTER_PARAMETERS[name]: [
                    {"value": value.value, "label": value.label, "count": value.count}
                    for value in values
                ]
                for name, values in outcome.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )
