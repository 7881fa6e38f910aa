import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from policyshare.caching.generation import GENERATION_KEY, cache, generation_from
from policyshare.core import language
from policyshare.core.structured_data import structured_data_for

register = template.Library()

# A day: a new generation makes older menus unreachable; the timeout only frees their space.
MENU_TIMEOUT = 24 * 60 * 60


@register.simple_tag
def language_links(page):
    return language.language_links(page)


@register.simple_tag
def alternate_pages(page):
    return language.alternate_pages(page)


@register.filter
def is_language_fallback(page):
    return language.is_language_fallback(page)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The sections below the visitor's home page that editors chose to show in menus.

    Every page shows the menu, so it is kept in the shared cache under the site's page-cache
    generation, which every publish, move and deletion renews: an uncached page then spends two
    cache reads on it instead of four queries."""
    page = context.get("page")
    if page is None:
        return []
    generation = generation_from(cache().get(GENERATION_KEY))
    # The home page is the ancestor at depth 2, whose tree path starts this page's path.
    home_path = page.path[: Page.steplen * 2]
    key = f"main-menu:{generation}:{home_path}:{translation.get_language()}"
    items = cache().get(key)
    if items is None:
        items = menu_below_home(page)
        cache().set(key, items, timeout=MENU_TIMEOUT)
    return items


def menu_below_home(page):
    home = page.get_ancestors(inclusive=True).filter(depth=2).first()
    home = home.localized if home else None
    if home is None:
        return []
    return list(Page.objects.child_of(home).live().public().in_menu())


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """schema.org JSON-LD describing the page, as a ``<script type="application/ld+json">``."""
    payload = json.dumps(structured_data_for(page, context["request"]), cls=DjangoJSONEncoder)
    # The same escaping as Django's json_script: the JSON cannot close the script element.
    payload = payload.translate(_json_script_escapes)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
