"""What editors still have to translate: the dashboard's translation status panel.

Two lists, both computed in a handful of queries however many pages there are (one row per page
or snippet is read, never one query per item):

* **missing**: a live page (or a translatable snippet) that exists in one site language but has
  no live, real translation in another. An alias in the other language counts as missing: it
  shows the source language's text.
* **stale**: a translation whose source was published after the translation was last published.
  The source is the locale wagtail-localize's ``TranslationSource`` was made from, or the site's
  default language (``settings.LANGUAGE_CODE``) when the translation was made by hand.

Snippets have no publication dates, so only their missing translations are listed.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models

LIST_LIMIT = 10
_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class StatusItem:
    title: str
    kind: str
    locale: Locale  # the language the item exists in (missing) or the translation's (stale)
    other_locale: Locale  # the language it lacks (missing) or its source's (stale)
    edit_url: str
    translate_url: str | None = None  # "Translate this page" (missing), "Sync" (stale)
    source_published_at: datetime.datetime | None = None
    translation_published_at: datetime.datetime | None = None


@dataclass(frozen=True)
class TranslationStatus:
    missing: list[StatusItem]
    stale: list[StatusItem]


def translation_status():
    """Everything untranslated (most recently published first) and every stale translation
    (longest out of date first)."""
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    if len(locales) < 2:
        return TranslationStatus([], [])
    default_locale_id = next(
        (pk for pk, loc in locales.items() if loc.language_code == settings.LANGUAGE_CODE),
        next(iter(locales)),
    )
    missing, stale = _page_status(locales, default_locale_id)
    missing.sort(key=lambda item: item.source_published_at or _EARLIEST, reverse=True)
    missing += _snippet_status(locales, default_locale_id)
    stale.sort(key=lambda item: item.translation_published_at)
    return TranslationStatus(missing, stale)


def _page_status(locales, default_locale_id):
    from wagtail_localize.models import TranslationSource

    rows = Page.objects.filter(depth__gt=1).values(
        "pk",
        "title",
        "translation_key",
        "locale_id",
        "live",
        "alias_of_id",
        "content_type_id",
        "last_published_at",
    )
    by_key = defaultdict(dict)  # translation_key -> locale_id -> row
    for row in rows:
        by_key[row["translation_key"]][row["locale_id"]] = row

    # Where wagtail-localize was used, its source says which language is the original; with
    # sources in both languages (translated back and forth) the latest submitted one wins.
    # All sources are read (no "IN" list of keys, which would grow with the site).
    sources = {}
    for source in TranslationSource.objects.order_by("last_updated_at").values(
        "pk", "object_id", "locale_id"
    ):
        sources[source["object_id"]] = source

    kinds = _page_kinds()
    missing, stale = [], []
    for key, versions in by_key.items():
        real_live = {
            locale_id: row
            for locale_id, row in versions.items()
            if row["live"] and row["alias_of_id"] is None
        }
        if not real_live:
            continue
        localize_source = sources.get(key)
        if localize_source and localize_source["locale_id"] in real_live:
            source_locale_id = localize_source["locale_id"]
        elif default_locale_id in real_live:
            source_locale_id, localize_source = default_locale_id, None
        else:
            source_locale_id, localize_source = next(iter(real_live)), None
        source = real_live[source_locale_id]
        for locale_id, locale in locales.items():
            if locale_id == source_locale_id:
                continue
            if locale_id not in real_live:
                missing.append(
                    _missing_page(source, versions.get(locale_id), locale, locales, kinds)
                )
            elif _published_after(source, real_live[locale_id]):
                translation = real_live[locale_id]
                stale.append(
                    StatusItem(
                        title=translation["title"],
                        kind=kinds.get(translation["content_type_id"], ""),
                        locale=locale,
                        other_locale=locales[source_locale_id],
                        edit_url=reverse("wagtailadmin_pages:edit", args=[translation["pk"]]),
                        translate_url=(
                            reverse(
                                "wagtail_localize:update_translations",
                                args=[localize_source["pk"]],
                            )
                            if localize_source
                            else None
                        ),
                        source_published_at=source["last_published_at"],
                        translation_published_at=translation["last_published_at"],
                    )
                )
    return missing, stale


def _published_after(source, translation):
    return (
        source["last_published_at"] is not None
        and translation["last_published_at"] is not None
        and source["last_published_at"] > translation["last_published_at"]
    )


def _missing_page(source, other, locale, locales, kinds):
    # Where a draft or an alias already exists in that language, its editor is the place to go
    # (for an alias wagtail-localize's editor offers "Translate this page" too).
    edit_url = reverse("wagtailadmin_pages:edit", args=[(other or source)["pk"]])
    translate_url = (
        reverse("wagtail_localize:submit_page_translation", args=[source["pk"]])
        if other is None or other["alias_of_id"] is not None
        else None
    )
    return StatusItem(
        title=source["title"],
        kind=kinds.get(source["content_type_id"], ""),
        locale=locales[source["locale_id"]],
        other_locale=locale,
        edit_url=edit_url,
        translate_url=translate_url,
        source_published_at=source["last_published_at"],
    )


def _page_kinds():
    """Content type id -> verbose name of every page model, in at most one query (none once
    Django's content type cache is warm)."""
    content_types = ContentType.objects.get_for_models(*get_page_models())
    return {ct.pk: model._meta.verbose_name for model, ct in content_types.items()}


def _snippet_status(locales, default_locale_id):
    items = []
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        by_key = defaultdict(dict)
        for obj in model.objects.all():
            by_key[obj.translation_key][obj.locale_id] = obj
        edit_url_name = model.snippet_viewset.get_url_name("edit")
        for versions in by_key.values():
            source = versions.get(default_locale_id) or next(iter(versions.values()))
            for locale_id, locale in locales.items():
                if locale_id in versions:
                    continue
                items.append(
                    StatusItem(
                        title=str(source),
                        kind=model._meta.verbose_name,
                        locale=locales[source.locale_id],
                        other_locale=locale,
                        edit_url=reverse(edit_url_name, args=[quote(source.pk)]),
                        translate_url=reverse(
                            "wagtail_localize:submit_snippet_translation",
                            args=[model._meta.app_label, model._meta.model_name, quote(source.pk)],
                        ),
                    )
                )
    return items


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "core/admin/translation_status_panel.html"
    order = 160
    limit = LIST_LIMIT

    def get_context_data(self, parent_context=None):
        status = translation_status()
        return {
            "missing": status.missing[: self.limit],
            "missing_more": max(len(status.missing) - self.limit, 0),
            "stale": status.stale[: self.limit],
            "stale_more": max(len(status.stale) - self.limit, 0),
        }
