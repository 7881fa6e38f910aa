"""Items into pages: news below the language's news index, pages below its home page.

Every item is matched to the page it made before by its source key (``ImportedItem``): an
unchanged item is left alone, a changed one gets a new revision that is published, a new one
becomes a new published page. The caller runs this inside one transaction.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator, slugify
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale
from wagtail.rich_text import RichText

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.models import HomePage, StandardPage
from policyshare.news.models import NewsIndexPage, NewsPage
from policyshare.policies.models import Sector
from policyshare.search.analysis import detect_query_language

from ..models import ImportedItem
from .items import BadRow

SUMMARY_CHARS = 300
NEWS_INDEX_TITLES = {"ko": "뉴스", "en": "News"}


class ItemWriter:
    """Writes items one by one; ``outcomes`` counts created/updated/unchanged, ``bad`` lists
    the items that could not be written (the caller then rolls everything back)."""

    def __init__(self):
        self.outcomes = Counter()
        self.bad = []
        self._html = EditorHTMLConverter(RICH_TEXT_FEATURES)

    def write(self, item):
        """Write one item; return "created", "updated", "unchanged" or None when it is bad."""
        try:
            with transaction.atomic():
                outcome = self._write(item)
        except ValidationError as error:
            self.bad.append(BadRow(item.location, _validation_message(error)))
            return None
        except ItemError as error:
            self.bad.append(BadRow(item.location, str(error)))
            return None
        self.outcomes[outcome] += 1
        return outcome

    def _write(self, item):
        text = " ".join([item.title, item.summary, *item.body, strip_tags(item.body_html)])
        language = item.language.split("-")[0].lower() or detect_query_language(
            text, default=settings.LANGUAGE_CODE
        )
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise ItemError(f"language {language!r} is not one of the site's languages")
        model = NewsPage if item.page_type == "news" else StandardPage
        fingerprint = item.fingerprint()
        record = ImportedItem.objects.filter(source_key=item.source_key).first()
        if record is not None:
            if record.fingerprint == fingerprint:
                return "unchanged"
            page = record.page.specific
            if not isinstance(page, model) or page.locale_id != locale.pk:
                raise ItemError(
                    f"it was imported before as a {page._meta.verbose_name} in "
                    f"{page.locale.language_code}; its type and language cannot change"
                )
            self._fill(page, item, locale)
            page.save_revision().publish()
            outcome = "updated"
        else:
            page = model(locale=locale)
            if item.translation_of:
                page.translation_key = self._translated(item, model, locale).translation_key
            self._fill(page, item, locale)
            parent = self._parent(model, locale)
            page.slug = find_available_slug(parent, _slug(item.title))
            if item.date:
                # As the demo does: a dated item counts as published that morning.
                page.first_published_at = timezone.make_aware(
                    datetime.datetime.combine(item.date, datetime.time(9))
                )
            parent.add_child(instance=page)
            page.save_revision().publish()
            record = ImportedItem(source_key=item.source_key, page=page)
            outcome = "created"
        record.source_url = item.source_url
        record.source_author = item.author
        record.source_date = item.date
        record.fingerprint = fingerprint
        record.full_clean(exclude=["page"])
        record.save()
        return outcome

    def _fill(self, page, item, locale):
        paragraphs = item.body or [item.title]
        html = (
            self._html.to_database_format(item.body_html)
            if item.body_html
            else "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        )
        page.title = item.title
        page.summary = item.summary or Truncator(item.body[0] if item.body else "").chars(
            SUMMARY_CHARS
        )
        page.body = [("paragraph", RichText(html))]
        if isinstance(page, NewsPage):
            page.date = item.date
            page.author = item.author
            page.sector = self._sector(item.sector, locale)

    def _sector(self, name, locale):
        if not name:
            return None
        sectors = Sector.objects.filter(locale=locale)
        sector = sectors.filter(slug=name).first() or sectors.filter(name__iexact=name).first()
        if sector is None:
            raise ItemError(f"there is no sector {name!r} in {locale.language_code}")
        return sector

    def _translated(self, item, model, locale):
        record = ImportedItem.objects.filter(source_key=item.translation_of).first()
        if record is None:
            raise ItemError(
                f"translation_of {item.translation_of!r} names no item of this import "
                "or of an earlier one"
            )
        source = record.page.specific
        if not isinstance(source, model):
            raise ItemError(f"translation_of {item.translation_of!r} is not of the same type")
        if source.locale_id == locale.pk or source.has_translation(locale):
            raise ItemError(
                f"{item.translation_of!r} already exists in {locale.language_code}: "
                "a translation needs the other language"
            )
        return source

    def _parent(self, model, locale):
        home = HomePage.objects.get(locale=locale)
        if model is StandardPage:
            return home
        return NewsIndexPage.objects.child_of(home).first() or self._new_news_section(locale)

    def _new_news_section(self, locale):
        """A site without news gets its news section, made in the site's main language and
        translated, as editors (and the demo) make sections."""
        source = NewsIndexPage.objects.first()
        if source is None:
            main = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            source = NewsIndexPage(title=NEWS_INDEX_TITLES.get(main.language_code, "News"))
            source.slug, source.locale = "news", main
            HomePage.objects.get(locale=main).add_child(instance=source)
            source.save_revision().publish()
            if main == locale:
                return source
        translation = source.copy_for_translation(locale)
        translation.title = NEWS_INDEX_TITLES.get(locale.language_code, source.title)
        translation.save_revision().publish()
        return translation


def _slug(title):
    return slugify(title, allow_unicode=True)[:80].strip("-") or "item"


class ItemError(Exception):
    pass


def _validation_message(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
