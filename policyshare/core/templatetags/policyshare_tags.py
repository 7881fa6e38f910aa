import json
from typing import NamedTuple

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from policyshare.core import language
from policyshare.core.fragments import cached_fragment, cached_page_fragment
from policyshare.core.home_sections import collect_home_sections
from policyshare.core.restrictions import public
from policyshare.core.structured_data import structured_data_for

register = template.Library()


class Alternate(NamedTuple):
    language_code: str
    url: str


class PageLanguages(NamedTuple):
    alternates: tuple  # of Alternate: the hreflang links, none for a page in one language
    links: tuple  # of language.LanguageLink: the language switcher


@register.simple_tag(takes_context=True)
def page_languages(context, page):
    """The page's ``hreflang`` alternates and language-switcher links, as plain values kept per
    page, language and site (``core/fragments.py``) rather than a query for the page's
    translations on every page; remembered on the page, as the head and the switcher both ask."""
    kept = getattr(page, "_kept_languages", None)
    if kept is None:
        request = context.get("request")
        page._kept_languages = kept = cached_page_fragment(
            request, page, "page-languages", build=lambda: languages_of(page, request)
        )
    return kept


def languages_of(page, request):
    translations = language.live_translations(page)
    return PageLanguages(
        alternates=tuple(
            Alternate(translation.locale.language_code, translation.get_full_url(request))
            for translation in translations
        )
        if len(translations) > 1
        else (),
        links=tuple(language.language_links(page, request)),
    )


@register.simple_tag(takes_context=True)
def kept_include(context, template_name):
    """``{% include template_name %}`` for a part of the page that is the same for every
    visitor (e.g. the related policies), rendered once per generation, page, language and
    site (``core/fragments.py``)."""

    def render():
        return context.template.engine.get_template(template_name).render(context)

    html = cached_page_fragment(
        context.get("request"), context["page"], f"include:{template_name}", build=render
    )
    return mark_safe(html)  # noqa: S308 -- rendered by our own templates, which escape


@register.simple_tag
def page_numbers(items):
    """The page numbers a pagination bar shows for the Paginator page ``items``: the first and
    last, two either side of the current one, and ``Paginator.ELLIPSIS`` for each gap. Django's
    elided range: a loop over every page (hundreds on a large news list) cost 20 ms a render."""
    return items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1)


@register.filter
def is_language_fallback(page):
    return language.is_language_fallback(page)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The sections below the visitor's home page that editors chose to show in menus.

    Every page shows the menu, so it is kept as a fragment (``core/fragments.py``): an uncached
    page then spends two cache reads on it instead of four queries. Only plain
    :class:`MenuItem` values are kept, so an entry is small and still reads after a deploy that
    changed the page models."""
    page = context.get("page")
    if page is None:
        return []
    # The home page is the ancestor at depth 2, whose tree path starts this page's path.
    home_path = page.path[: Page.steplen * 2]
    return cached_fragment(
        "main-menu",
        home_path,
        translation.get_language(),
        build=lambda: menu_below_home(page, context.get("request")),
    )


@register.simple_tag(takes_context=True)
def home_sections(context, home_page):
    """The home page's sections (``core/home_sections.py``), rendered once per generation and
    language: the same for every visitor, and about half of the home page's queries."""

    def render():
        html = []
        for section in collect_home_sections(context["request"], home_page):
            # As an {% include %} would: the page's context, with the section's on top.
            with context.push(section=section.context):
                html.append(context.template.engine.get_template(section.template).render(context))
        return "".join(html)

    html = cached_fragment("home-sections", home_page.pk, translation.get_language(), build=render)
    return mark_safe(html)  # noqa: S308 -- rendered by our own templates, which escape


class Crumb(NamedTuple):
    title: str
    url: str
    is_home: bool


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors below the root, each in the visitor's language where translated.
    Kept as a fragment per parent and language (``core/fragments.py``): all pages of a section
    share it, and building it costs a query for the ancestors and one per ``.localized``."""
    parent_path = page.path[: -Page.steplen]
    return cached_fragment(
        "breadcrumbs",
        parent_path,
        translation.get_language(),
        build=lambda: [
            Crumb(crumb.title, crumb.get_url(context.get("request")), ancestor.depth == 2)
            for ancestor in Page.objects.ancestor_of(page).filter(depth__gt=1)
            for crumb in [ancestor.localized]
        ],
    )


class MenuItem(NamedTuple):
    title: str
    url: str
    path: str  # the section's tree path, to mark the section the visitor is in
    id: int


def menu_below_home(page, request):
    home = page.get_ancestors(inclusive=True).filter(depth=2).first()
    home = home.localized if home else None
    if home is None:
        return []
    return [
        MenuItem(section.title, section.get_url(request), section.path, section.id)
        for section in public(Page.objects.child_of(home).live()).in_menu()
    ]


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """schema.org JSON-LD describing the page, as a ``<script type="application/ld+json">``."""
    payload = json.dumps(structured_data_for(page, context["request"]), cls=DjangoJSONEncoder)
    # The same escaping as Django's json_script: the JSON cannot close the script element.
    payload = payload.translate(_json_script_escapes)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
