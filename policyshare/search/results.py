"""A search as the visitor sees it: editors' picks first, one result per item in the visitor's
language, facets with counts, pages of results with highlighted snippets."""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from policyshare.core.fragments import cached_fragment
from policyshare.core.numbers import whole_number

from . import ranking
from .highlight import highlight, snippet
from .models import IndexEntry
from .query import parse
from .sectors import related_sectors, sector_names
from .spelling import spelling_suggestion

PAGE_SIZE = 10

KIND_LABELS = {
    "policy": _("Policies"),
    "news": _("News"),
    "publication": _("Publications"),
    "video": _("Videos"),
    "city": _("Cities"),
    "event": _("Events"),
    "training": _("Training"),
    "page": _("Pages"),
}
LANGUAGE_LABELS = {"ko": _("Korean"), "en": _("English")}
FACETS = ("kind", "sector", "year", "language")


@dataclass(frozen=True)
class Result:
    title: SafeString
    plain_title: str
    url: str
    kind: str
    language: str
    snippet: SafeString
    score: float
    matched_language: str | None = None  # set when the match was in the other language
    promoted: bool = False

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def matched_language_label(self):
        return LANGUAGE_LABELS.get(self.matched_language, "")

    @property
    def language_label(self):
        return LANGUAGE_LABELS.get(self.language, "")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: str
    visitor_language: str
    filters: ranking.Filters
    results: list[Result] = field(default_factory=list)
    promoted: list[Result] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    count: int = 0
    # The ranking stopped at its limit: more items may match than ``count``.
    count_is_lower_bound: bool = False
    page: object = None  # the Paginator page of result groups
    page_number: int = 1
    page_count: int = 0
    unavailable: bool = False
    suggestion: str | None = None
    sectors: list = field(default_factory=list)


def parse_filters(params) -> ranking.Filters:
    """Facet filters from GET parameters; values that cannot be right are ignored."""
    years = {whole_number(value, minimum=1000, maximum=9999) for value in params.getlist("year")}
    years.discard(None)
    return ranking.Filters(
        kinds=frozenset(v for v in params.getlist("type") if v in KIND_LABELS),
        sectors=frozenset(v[:100] for v in params.getlist("sector") if v),
        years=frozenset(years),
        languages=frozenset(v for v in params.getlist("language") if v in LANGUAGE_LABELS),
    )


def search(query: str, visitor_language: str, filters: ranking.Filters, page_number=1):
    parsed = parse(query, visitor_language)
    outcome = SearchResults(query=parsed.text, visitor_language=visitor_language, filters=filters)
    if not parsed.text:
        return outcome
    try:
        # Filters narrow the whole index, not the unfiltered query's first candidates; those
        # still count the facets' other values.
        if filters.narrows:
            hits, admitted = ranking.rank_each(
                parsed.text, visitor_language, [ranking.Filters(), filters]
            )
        else:
            hits = admitted = ranking.rank(parsed.text, visitor_language)
    except ranking.SearchUnavailable:
        outcome.unavailable = True
        return outcome

    outcome.count_is_lower_bound = admitted.cut
    picks = _promoted(parsed.text, visitor_language)
    outcome.promoted = [pick.result for pick in picks]
    promoted_keys = {pick.translation_key for pick in picks}
    hits = [hit for hit in hits if hit.translation_key not in promoted_keys]
    admitted = [hit for hit in admitted if hit.translation_key not in promoted_keys]

    outcome.facets = _facets(_together(hits, admitted), filters, visitor_language)
    groups = _grouped(admitted)
    outcome.count = len(groups)
    paginator = Paginator(groups, PAGE_SIZE)
    page = paginator.get_page(page_number)
    outcome.page = page
    outcome.page_number, outcome.page_count = page.number, paginator.num_pages
    outcome.results = _results(list(page), parsed, visitor_language, filters)
    if not outcome.count and not outcome.promoted:
        outcome.suggestion = spelling_suggestion(parsed)
        queries = [parsed]
        if outcome.suggestion:
            queries.append(parse(outcome.suggestion, visitor_language))
        outcome.sectors = related_sectors(queries, visitor_language)
    return outcome


def _together(hits, admitted):
    """The unfiltered candidates and the filtered ones, each page once: facets count both, so
    a selected value counts the results listed under it (they may rank below the unfiltered
    candidates), and the other values still count what choosing them would add."""
    seen = {hit.page_id for hit in admitted}
    return [*admitted, *(hit for hit in hits if hit.page_id not in seen)]


def _grouped(hits):
    """Translations of one item together, best group first: (key, best hit, hits)."""
    groups: dict[uuid.UUID, list[ranking.Hit]] = defaultdict(list)
    for hit in hits:
        groups[hit.translation_key].append(hit)
    return sorted(
        ((key, members[0], members) for key, members in groups.items()),
        key=lambda group: (-group[1].score, group[1].page_id),
    )


def _facets(hits, filters, visitor_language) -> dict[str, list[FacetValue]]:
    """For each facet, how many items each value would give with the other filters kept."""
    values_of = {
        "kind": lambda hit: [hit.kind],
        "sector": lambda hit: list(hit.sector_slugs),
        "year": lambda hit: [hit.year] if hit.year else [],
        "language": lambda hit: [hit.language],
    }
    selected = {
        "kind": filters.kinds,
        "sector": filters.sectors,
        "year": filters.years,
        "language": filters.languages,
    }
    names = sector_names(visitor_language)
    labels = {
        "kind": lambda value: str(KIND_LABELS[value]),
        "sector": lambda value: names.get(value, value),
        "year": str,
        "language": lambda value: str(LANGUAGE_LABELS[value]),
    }
    facets = {}
    for name in FACETS:
        items: dict[object, set] = defaultdict(set)
        for hit in hits:
            if filters.admits(hit, ignore=name):
                for value in values_of[name](hit):
                    items[value].add(hit.translation_key)
        ordered = sorted(items.items(), key=lambda item: (-len(item[1]), str(item[0])))
        if name == "year":
            ordered = sorted(items.items(), key=lambda item: -item[0])
        facets[name] = [
            FacetValue(str(value), labels[name](value), len(keys), value in selected[name])
            for value, keys in ordered
        ]
    return facets


def _results(groups, parsed, visitor_language, filters) -> list[Result]:
    keys = [key for key, _, _ in groups]
    entries = defaultdict(dict)
    for entry in IndexEntry.objects.filter(translation_key__in=keys):
        entries[entry.translation_key][entry.language] = entry
    results = []
    for key, best, members in groups:
        by_language = entries.get(key, {})
        shown = by_language.get(visitor_language)
        if shown is None or (filters.languages and visitor_language not in filters.languages):
            shown = by_language.get(best.language)
        if shown is None:
            continue  # removed from the index since it was ranked
        matched = {hit.language for hit in members}
        terms, prefixes = parsed.terms, parsed.prefixes
        results.append(
            Result(
                title=highlight(shown.title, shown.language, terms, prefixes),
                plain_title=shown.title,
                url=shown.url,
                kind=shown.kind,
                language=shown.language,
                snippet=snippet(shown.summary, shown.body, shown.language, terms, prefixes),
                score=round(best.score, 4),
                matched_language=None if shown.language in matched else best.language,
            )
        )
    return results


@dataclass(frozen=True)
class _Promotion:
    translation_key: uuid.UUID | None
    result: Result


def _promoted(query: str, visitor_language: str) -> list[_Promotion]:
    """Editors' picks for this query (Wagtail's promoted search results), each page shown in
    the visitor's language when it has been translated."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    query = normalise_query_string(query)
    if query not in _promoted_queries():
        return []
    promotions = SearchPromotion.objects.filter(query__query_string=query).select_related("page")
    locale = Locale.objects.filter(language_code=visitor_language).first()
    picks = []
    for promotion in promotions:
        if promotion.page_id is None:
            if promotion.external_link_url:
                picks.append(_Promotion(None, _external_result(promotion)))
            continue
        page = promotion.page
        if locale is not None:
            page = page.get_translation_or_none(locale) or page
        page = page.specific
        entry = IndexEntry.objects.filter(page_id=page.pk).first()
        if entry is None:
            continue  # not public (any more): an editor's pick never shows a hidden page
        picks.append(
            _Promotion(
                page.translation_key,
                Result(
                    title=highlight(entry.title, entry.language, frozenset()),
                    plain_title=entry.title,
                    url=entry.url,
                    kind=entry.kind,
                    language=entry.language,
                    snippet=highlight(promotion.description or entry.summary, entry.language, ()),
                    score=0.0,
                    promoted=True,
                ),
            )
        )
    return picks


def _promoted_queries() -> tuple[str, ...]:
    """The queries that editors promoted results for, kept per page-cache generation (saving or
    deleting a promotion purges): most searches have none, and asking for their promotions cost
    every search a statement joining promotions, queries and pages (2.5 ms on PostgreSQL)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    return cached_fragment(
        "promoted-queries",
        build=lambda: tuple(
            SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
        ),
    )


def _external_result(promotion) -> Result:
    title = promotion.external_link_text or promotion.external_link_url
    return Result(
        title=highlight(title, "en", frozenset()),
        plain_title=title,
        url=promotion.external_link_url,
        kind="link",
        language="",
        snippet=highlight(promotion.description, "en", frozenset()),
        score=0.0,
        promoted=True,
    )
