"""Publications as OAI-PMH records: identifiers, datestamps, sets and Dublin Core.

Each language version of a publication is one record (its own page id), and names the other
versions in ``dc:relation``. Sets: ``language:<code>`` and ``sector:<slug>`` (the sectors of the
policies the publication documents), below the top-level sets ``language`` and ``sector``."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils.html import strip_tags
from wagtail.models import Page

from policyshare.api.relations import sectors_by_page, translations_by_key
from policyshare.core.numbers import object_id
from policyshare.library.models import PublicationPage
from policyshare.policies.models import Sector

from .models import DeletedRecord, RestoredRecord

IDENTIFIER_PREFIX = "publication/"


def namespace():
    """The repository's part of every identifier: the portal's host name."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "policyshare"


def identifier(page_id):
    return f"oai:{namespace()}:{IDENTIFIER_PREFIX}{page_id}"


def page_id_of(oai_identifier):
    """The page id an identifier names, or None."""
    prefix = f"oai:{namespace()}:{IDENTIFIER_PREFIX}"
    number = oai_identifier.removeprefix(prefix) if oai_identifier.startswith(prefix) else ""
    return object_id(number)


def utc_datestamp(moment):
    """A moment in UTC to the second, as the protocol asks."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def datestamp(page):
    """When the record last changed (``changed_at``, annotated by publications())."""
    return utc_datestamp(page.changed_at)


def publications():
    """Every public publication, in the order lists are paged in, each with ``changed_at``: its
    last publication, or when it became public again (models.RestoredRecord) if later."""
    published = Coalesce("last_published_at", "first_published_at")
    restored = RestoredRecord.objects.filter(page_id=OuterRef("pk")).values("restored_at")[:1]
    return (
        PublicationPage.objects.live()
        .public()
        .annotate(changed_at=Greatest(published, Coalesce(Subquery(restored), published)))
        .select_related("locale", "document__collection")
        .order_by("changed_at", "pk")
    )


def deleted_records():
    """Every publication that was public and is no more, in the order of the lists."""
    return DeletedRecord.objects.order_by("deleted_at", "page_id")


def position(entry):
    """Where a publication or a deleted record stands in a list: (datestamp, page id)."""
    if isinstance(entry, PublicationPage):
        return entry.changed_at, entry.pk
    return entry.deleted_at, entry.page_id


def deleted_in_set(queryset, set_spec):
    """Deleted records narrowed to a set by the sets they had (None: no such set)."""
    group, _, value = set_spec.partition(":")
    if group == "language" and (not value or value in dict(settings.LANGUAGES)):
        return queryset.filter(set_specs__contains=f" {set_spec}" + (" " if value else ":"))
    if group == "sector":
        if value and not Sector.objects.filter(slug=value).exists():
            return None
        return queryset.filter(set_specs__contains=f" {set_spec}" + (" " if value else ":"))
    return None


def in_set(queryset, set_spec):
    """``queryset`` narrowed to a set, or None when there is no such set."""
    group, _, value = set_spec.partition(":")
    if group == "language" and not value:
        return queryset
    if group == "language" and value in dict(settings.LANGUAGES):
        return queryset.filter(locale__language_code=value)
    if group == "sector":
        sectors = Sector.objects.all() if not value else Sector.objects.filter(slug=value)
        keys = sectors.values("translation_key")
        if value and not sectors.exists():
            return None
        return queryset.filter(
            pk__in=PublicationPage.objects.filter(
                related_policies__sector__translation_key__in=keys
            ).values("pk")
        )
    return None


def all_sets():
    """(setSpec, setName) of every set."""
    sets = [("language", "Language"), ("sector", "Sector")]
    sets += [(f"language:{code}", name) for code, name in settings.LANGUAGES]
    english = {
        s.slug: s.name for s in Sector.objects.filter(locale__language_code="en").order_by("slug")
    }
    for slug in sorted(set(Sector.objects.values_list("slug", flat=True))):
        sets.append((f"sector:{slug}", english.get(slug, slug)))
    return sets


def _set_specs(page, sectors):
    return [f"language:{page.locale.language_code}", *(f"sector:{s.slug}" for s in sectors)]


def set_specs_of(page):
    """The sets of one publication (for its deleted record)."""
    return _set_specs(page, sectors_by_page([page]).get(page.pk, []))


class RecordContext:
    """What the records of one response link to, found once for all of them."""

    def __init__(self, pages, request):
        self.request = request
        self.sectors = sectors_by_page(pages)
        self.translations = translations_by_key(pages, Page.objects.live().public())

    def set_specs(self, page):
        return _set_specs(page, self.sectors.get(page.pk, []))

    def dublin_core(self, page):
        """[(element, text, language or None)] of the record's unqualified Dublin Core."""
        language = page.locale.language_code
        elements = [("title", page.title, language)]
        site = settings.WAGTAIL_SITE_NAME
        elements += [("creator", site, None), ("publisher", site, None)]
        elements += [("subject", s.name, language) for s in self.sectors.get(page.pk, [])]
        description = page.summary or strip_tags(page.description).strip()
        if description:
            elements.append(("description", description, language))
        elements += [
            ("date", str(page.year), None),
            ("type", "Text", None),
            ("type", page.get_kind_display(), language),
            ("format", "application/pdf", None),
            ("identifier", page.get_full_url(self.request), None),
        ]
        if not page.document.collection.get_view_restrictions().exists():
            document_url = self.request.build_absolute_uri(page.document.url)
            elements.append(("identifier", document_url, None))
        elements.append(("language", language, None))
        elements += [
            ("relation", identifier(pk), None)
            for pk, _code in self.translations.get(page.translation_key, [])
            if pk != page.pk
        ]
        return elements
