"""The sectors a visitor can browse instead, when a search finds nothing: those whose name or
description holds the query's words come first.

Sectors belong to the policies app; they are looked up by name (``apps.get_model``), so search
still imports no content app and works without it.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count

from policyshare.core.fragments import cached_fragment

from .analysis import analyser_for_language
from .query import ParsedQuery
from .user_dictionary import user_words

# A word in a sector's name says more about it than one in its description.
NAME_WEIGHT, DESCRIPTION_WEIGHT = 2, 1
MAX_MATCHED = 5


@dataclass(frozen=True)
class SectorLink:
    name: str
    url: str


def sector_names(language: str) -> dict[str, str]:
    """Each sector's name in ``language`` by its slug (the sector facet's labels), kept per
    page-cache generation: saving a sector purges."""
    try:
        sector = apps.get_model("policies", "Sector")
    except LookupError:
        return {}
    return dict(
        cached_fragment(
            "sector-names",
            language,
            build=lambda: tuple(
                sector.objects.filter(locale__language_code=language).values_list("slug", "name")
            ),
        )
    )


def related_sectors(queries: list[ParsedQuery], language: str) -> list[SectorLink]:
    """Sectors with policies, linked to the policy list narrowed to each, in the visitor's
    ``language``: those matching the words of ``queries`` (the query and its spelling
    suggestion), best first; every sector when none matches."""
    try:
        sector = apps.get_model("policies", "Sector")
        index_page = apps.get_model("policies", "PolicyIndexPage")
    except LookupError:
        return []
    policies = index_page.objects.live().filter(locale__language_code=language).first()
    if policies is None:
        return []
    base = policies.get_url()
    shown = list(
        sector.objects.filter(locale__language_code=language)
        .annotate(policy_count=Count("policies"))
        .filter(policy_count__gt=0)
    )
    scores = _match_scores(sector, queries, {s.slug for s in shown})
    if scores:
        matched = sorted((s for s in shown if s.slug in scores), key=lambda s: -scores[s.slug])
        shown = matched[:MAX_MATCHED]
    return [SectorLink(s.name, f"{base}?{urlencode({'sector': s.slug})}") for s in shown]


def _match_scores(sector_model, queries: list[ParsedQuery], slugs: set[str]) -> dict[str, int]:
    """Weighted count of query terms in each sector's name and description, read in each
    query's own language (a sector has the same slug in every language, so an English query
    finds its sector for a Korean visitor too)."""
    scores: dict[str, int] = {}
    for parsed in queries:
        if not parsed.terms:
            continue
        # The query's own analyser, with the editors' dictionary: one without it would load a
        # second Korean model (seconds, 500 MB) into the process.
        analyser = analyser_for_language(parsed.language, user_words=user_words())
        rows = sector_model.objects.filter(
            locale__language_code=parsed.language, slug__in=slugs
        ).values_list("slug", "name", "description")
        for slug, name, description in rows:
            score = NAME_WEIGHT * len(parsed.terms.intersection(analyser.terms(name)))
            score += DESCRIPTION_WEIGHT * len(
                parsed.terms.intersection(analyser.terms(description))
            )
            if score:
                scores[slug] = max(scores.get(slug, 0), score)
    return scores
