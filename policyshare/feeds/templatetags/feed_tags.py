"""Links to the feeds, for the pages of the content apps (which do not import this app)."""

from dataclasses import dataclass

from django import template
from django.urls import reverse

from ..views import SECTIONS

register = template.Library()

FORMATS = (("atom", "application/atom+xml", "Atom"), ("rss", "application/rss+xml", "RSS"))


@dataclass(frozen=True)
class FeedLink:
    url: str
    type: str
    format_name: str
    title: str


def feed_links(context, section, sector=None):
    site_name = context.get("site_name", "")
    name = str(SECTIONS[section].title)
    suffix = f" · {site_name}" if site_name else ""
    query = ""
    if sector is not None:
        name = f"{name}: {sector.name}"
        query = f"?sector={sector.slug}"
    return [
        FeedLink(
            url=reverse(f"feeds:{view}", kwargs={"section": section}) + query,
            type=content_type,
            format_name=format_name,
            title=f"{name}{suffix} ({format_name})",
        )
        for view, content_type, format_name in FORMATS
    ]


@register.inclusion_tag("feeds/link_tags.html", takes_context=True)
def feed_link_tags(context, section, sector=None):
    """``<link rel="alternate">`` for the section's feeds and, given one, the sector's."""
    links = feed_links(context, section)
    if sector is not None and SECTIONS[section].has_sectors:
        links = feed_links(context, section, sector) + links
    return {"links": links}


@register.inclusion_tag("feeds/subscribe.html", takes_context=True)
def feed_subscribe_links(context, section, sector=None):
    """A small visible line with the RSS and Atom links of what the page lists."""
    if sector is not None and not SECTIONS[section].has_sectors:
        sector = None
    return {"links": feed_links(context, section, sector)}
