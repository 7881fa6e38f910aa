"""Moving between the Korean and the English version of the same item.

Every page exists in one language or both. A visitor who asks for the other language of an item
that has not been translated yet is shown the item in the language it exists in (with a note, see
``base.html``), never a 404: the other locale's tree is searched for the same path.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page


def route_with_language_fallback(home_page, request, path_components):
    try:
        return Page.route(home_page, request, path_components)
    except Http404:
        for other_home in home_page.get_translations().live():
            try:
                # Page.route, not other_home.route: the other home must not fall back in turn.
                return Page.route(other_home.specific, request, path_components)
            except Http404:
                continue
        raise


def path_within_locale(page):
    """The page's path below its language's home page, e.g. ``policies/green-zone/``."""
    home_depth = 2  # the tree root is depth 1; each language's home page is one of its children
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=home_depth)
    return "".join(f"{ancestor.slug}/" for ancestor in ancestors)


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    name: str
    url: str
    is_current: bool
    is_translated: bool


def language_links(page):
    """One link per site language, to the page's translation or, where there is none yet, to
    the same path in that language (which then shows the untranslated page with a note)."""
    current = get_language()
    live_translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    homes = {
        h.locale.language_code: h
        for h in Page.objects.filter(depth=2).live().select_related("locale")
    }
    relative_path = path_within_locale(page) if page.depth > 2 else ""
    links = []
    for code, name in settings.LANGUAGES:
        translation = live_translations.get(code)
        if translation is not None:
            url = translation.url
        elif code in homes:
            url = homes[code].url + relative_path
        else:
            url = f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current, translation is not None))
    return links


def alternate_pages(page):
    """The live translations of a page, for ``hreflang`` alternates and the sitemap."""
    return list(page.get_translations(inclusive=True).live().select_related("locale"))


def is_language_fallback(page):
    """True when the page is shown to a visitor who asked for another language."""
    return page.locale.language_code != get_language()
