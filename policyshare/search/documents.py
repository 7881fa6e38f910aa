"""What the search indexes hold about a page: one :class:`Document` per public page per language.

The keyword index and the semantic index both build on this. Content apps are not imported:
the page types are named by ``app_label.model`` and their text comes from the ``search_fields``
they already declare for Wagtail (as Wagtail's own search backends read them).
"""

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.utils.html import strip_tags
from modelsearch.index import SearchField
from wagtail.models import Page, PageViewRestriction

KINDS = ("policy", "news", "publication", "video", "city", "event", "training", "page")
LANGUAGES = ("ko", "en")


def _year_of_date(field: str) -> Callable[[Page], int | None]:
    def year(page):
        value = getattr(page, field, None)
        return value.year if value else None

    return year


def _year_field(field: str) -> Callable[[Page], int | None]:
    return lambda page: getattr(page, field, None) or None


def _no_year(page) -> None:
    return None


@dataclass(frozen=True)
class SearchableType:
    kind: str
    year: Callable[[Page], int | None]


# The page types a visitor can find, and the year each is filed under in the year facet.
SEARCHABLE_TYPES: dict[str, SearchableType] = {
    "policies.policypage": SearchableType("policy", _year_field("start_year")),
    "news.newspage": SearchableType("news", _year_of_date("date")),
    "library.publicationpage": SearchableType("publication", _year_field("year")),
    "library.videopage": SearchableType("video", _year_of_date("recorded_on")),
    "network.citypage": SearchableType("city", _no_year),
    "network.eventpage": SearchableType("event", _year_of_date("start_date")),
    "network.traininginstitutepage": SearchableType("training", _year_field("founded_year")),
    "core.standardpage": SearchableType("page", _no_year),
}
# Fields shown as the title and the summary: every other declared search field is the body.
TITLE_FIELD = "title"
SUMMARY_FIELD = "summary"


@dataclass(frozen=True)
class Document:
    page_id: int
    translation_key: uuid.UUID
    language: str  # "ko" | "en"
    kind: str  # one of KINDS
    title: str
    summary: str
    body: str  # plain text, no markup
    sector_slugs: tuple[str, ...]
    year: int | None
    url: str


def searchable_models() -> list[type[Page]]:
    models = []
    for label in SEARCHABLE_TYPES:
        app_label, model_name = label.split(".")
        try:
            models.append(apps.get_model(app_label, model_name))
        except LookupError:
            continue  # an app that is not installed has nothing to find
    return models


def _searchable_type(page) -> SearchableType | None:
    return SEARCHABLE_TYPES.get(page._meta.label_lower)


def _plain_text(value) -> str:
    """A search field's value as plain text: stream and rich text fields give lists of strings
    or HTML; other values their string form."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(filter(None, (_plain_text(item) for item in value)))
    text = str(value)
    if "<" in text:
        text = strip_tags(text)
    # Paragraphs stay on their own lines (the semantic side splits passages there).
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _is_public(page) -> bool:
    if not page.live or page.locale.language_code not in LANGUAGES:
        return False
    restricted_paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    return not any(page.path.startswith(path) for path in restricted_paths)


def document_for(page) -> Document | None:
    """The index entry for ``page``, or ``None`` when visitors cannot find it (not live, not
    public, not a searchable type, or with no URL)."""
    page = page.specific_deferred if type(page) is Page else page
    searchable = _searchable_type(page)
    if searchable is None or not _is_public(page):
        return None
    url = page.get_url()
    if not url:
        return None
    body_parts = []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name not in (TITLE_FIELD, SUMMARY_FIELD):
            body_parts.append(_plain_text(field.get_value(page)))
    sector = getattr(page, "sector", None)
    return Document(
        page_id=page.pk,
        translation_key=page.translation_key,
        language=page.locale.language_code,
        kind=searchable.kind,
        title=page.title,
        summary=_plain_text(getattr(page, SUMMARY_FIELD, "")),
        body="\n".join(filter(None, body_parts)),
        sector_slugs=(sector.slug,) if sector is not None else (),
        year=searchable.year(page),
        url=url,
    )


def searchable_pages() -> Iterator[Page]:
    """Every live page of a searchable type, as its specific class (private ones included:
    ``document_for`` leaves them out)."""
    for model in searchable_models():
        yield from (
            model.objects.live().select_related("locale").order_by("pk").iterator(chunk_size=200)
        )
