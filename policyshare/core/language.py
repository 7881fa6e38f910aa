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
from wagtail.url_routing import RouteResult


def route_with_language_fallback(home_page, request, path_components):
    try:
        return route_below(home_page, request, path_components)
    except Http404:
        for other_home in home_page.get_translations().live():
            try:
                # Not other_home.route: the other home must not fall back in turn.
                return route_below(other_home.specific, request, path_components)
            except Http404:
                continue
        raise


def route_below(home_page, request, path_components):
    """What ``Page.route`` finds below the home page, in two queries instead of two per level:
    the pages along the path by their ``url_path`` (which Wagtail keeps in step with the slugs),
    then the last one's specific object. A page type that routes its own sub-paths gets them
    handed over as ``Page.route`` would."""
    prefixes = [
        home_page.url_path + "".join(f"{slug}/" for slug in path_components[: n + 1])
        for n in range(len(path_components))
    ]
    # The slugs narrow the query through their index: url_path has none, and a section may hold
    # tens of thousands of pages.
    pages = {
        page.url_path: page
        for page in Page.objects.descendant_of(home_page).filter(
            slug__in=path_components, url_path__in=prefixes
        )
    }
    page = home_page
    for n, prefix in enumerate(prefixes):
        child = pages.get(prefix)
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        page = child
        if page.specific_class is None or page.specific_class.route is not Page.route:
            return page.specific.route(request, path_components[n + 1 :])
    page = specific_for_serving(page)
    if not page.live:
        raise Http404
    return RouteResult(page)


def specific_for_serving(page):
    """``page.specific``, with the rows its template shows through foreign keys (the page class's
    ``serve_select_related``, e.g. a publication's document and cover) read in the same query
    instead of one query each."""
    model = page.specific_class
    related = getattr(model, "serve_select_related", ())
    if model is None or not related or isinstance(page, model):
        return page.specific
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    # The one attribute route_below set, as get_specific would copy it (treebeard's get_parent).
    if hasattr(page, "_cached_parent_obj"):
        specific._cached_parent_obj = page._cached_parent_obj
    return specific


def path_within_locale(page):
    """The page's path below its language's home page, e.g. ``policies/green-zone/``, read from
    its stored ``url_path`` (``/<home slug>/policies/green-zone/``), which Wagtail keeps in step
    with the ancestors' slugs."""
    return page.url_path.strip("/").partition("/")[2] + "/" if page.depth > 2 else ""


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    name: str
    url: str
    is_current: bool
    is_translated: bool


def language_links(page, request=None):
    """One link per site language, to the page's translation or, where there is none yet, to
    the same path in that language (which then shows the untranslated page with a note)."""
    current = get_language()
    translations = {p.locale.language_code: p for p in live_translations(page)}
    links = []
    homes = None
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is None and homes is None:
            homes = {
                h.locale.language_code: h
                for h in Page.objects.filter(depth=2).live().select_related("locale")
            }
        if translation is not None:
            url = translation.get_url(request)
        elif code in homes:
            url = homes[code].get_url(request) + path_within_locale(page)
        else:
            url = f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current, translation is not None))
    return links


def live_translations(page):
    """The live translations of a page, itself included, with their locales: for ``hreflang``
    alternates, the sitemap and the language switcher. Kept on the page object, since the head
    and the switcher of one page both ask."""
    translations = getattr(page, "_live_translations", None)
    if translations is None:
        translations = list(page.get_translations(inclusive=True).live().select_related("locale"))
        page._live_translations = translations
    return translations


def is_language_fallback(page):
    """True when the page is shown to a visitor who asked for another language."""
    return page.locale.language_code != get_language()
