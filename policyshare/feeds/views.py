"""RSS 2.0 and Atom feeds of each section, in the language of the address (/ko/ or /en/).

Entries are the 20 newest live, public pages of that language: news by their registration date,
everything else by when it was first published. News and policies can be narrowed to one sector
with ``?sector=<slug>``; an unknown sector is a 404.
"""

import datetime
import heapq
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from policyshare.library.models import (
    PublicationIndexPage,
    PublicationPage,
    VideoIndexPage,
    VideoPage,
)
from policyshare.news.models import NewsIndexPage, NewsPage
from policyshare.policies.models import PolicyIndexPage, PolicyPage, Sector
from policyshare.security.ratelimit import ratelimit

MAX_ITEMS = 20


@dataclass(frozen=True)
class Section:
    title: str
    description: str
    index_model: type[Page] | None
    item_models: tuple[type[Page], ...]
    has_sectors: bool = False


SECTIONS = {
    "news": Section(
        _("News"),
        _("The newest news from %(site)s."),
        NewsIndexPage,
        (NewsPage,),
        has_sectors=True,
    ),
    "policies": Section(
        _("Policies"),
        _("The newest policies that %(site)s shares."),
        PolicyIndexPage,
        (PolicyPage,),
        has_sectors=True,
    ),
    "publications": Section(
        _("Publications"),
        _("The newest brochures and reports from %(site)s."),
        PublicationIndexPage,
        (PublicationPage,),
    ),
    "videos": Section(
        _("Videos"),
        _("The newest videos from %(site)s."),
        VideoIndexPage,
        (VideoPage,),
    ),
    "all": Section(
        _("Everything new"),
        _("Everything new on %(site)s: news, policies, publications and videos."),
        None,
        (NewsPage, PolicyPage, PublicationPage, VideoPage),
    ),
}


@dataclass(frozen=True)
class FeedSource:
    """What one request for a feed is about."""

    section: Section
    locale: Locale
    sector: Sector | None
    site_name: str
    link: str
    self_url: str


def published_at(page):
    """When an entry counts as published: a news article's registration date (at midnight in
    the portal's time zone), otherwise the first publication of the page."""
    if isinstance(page, NewsPage):
        return timezone.make_aware(datetime.datetime.combine(page.date, datetime.time()))
    return page.first_published_at


def newest_items(model, locale, sector):
    pages = model.objects.live().public().filter(locale=locale)
    if sector is not None:
        pages = sector.narrow(pages)
    if model is NewsPage:
        pages = pages.order_by("-date", "-first_published_at", "-pk")
    else:
        pages = pages.order_by("-first_published_at", "-pk")
    if hasattr(model, "sector"):
        pages = pages.select_related("sector")
    return list(pages[:MAX_ITEMS])


class ContentFeed(Feed):
    """One view per format; the section comes from the address."""

    item_guid_is_permalink = False

    def __init__(self, feed_type):
        self.feed_type = feed_type

    @method_decorator(ratelimit("feeds", rate="60/m"))
    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Feed readers poll; a short public lifetime spares the database without hiding news long.
        patch_cache_control(response, public=True, max_age=600)
        return response

    def get_object(self, request, section):
        section = SECTIONS[section]
        locale = Locale.get_active()
        sector = None
        slug = request.GET.get("sector", "")
        if slug:
            if not section.has_sectors:
                raise Http404("This feed has no sectors.")
            sector = Sector.chosen(locale, slug)
            if sector is None:
                raise Http404("No such sector.")
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        home = Page.objects.filter(depth=2, locale=locale).live().first()
        index = None
        if section.index_model is not None:
            index = section.index_model.objects.filter(locale=locale).live().public().first()
        landing = index or home
        link = landing.get_full_url(request) if landing else site.root_url + "/"
        if sector is not None:
            link += f"?sector={sector.slug}"
        return FeedSource(
            section=section,
            locale=locale,
            sector=sector,
            site_name=site.site_name or settings.WAGTAIL_SITE_NAME,
            link=link,
            self_url=site.root_url + request.get_full_path(),
        )

    # The feed

    def title(self, source):
        name = str(source.section.title)
        if source.sector is not None:
            name = f"{name}: {source.sector.name}"
        return f"{name} · {source.site_name}"

    def description(self, source):
        text = str(source.section.description) % {"site": source.site_name}
        if source.sector is not None:
            text += " " + str(_("Sector: %(sector)s.") % {"sector": source.sector.name})
        return text

    def subtitle(self, source):
        return self.description(source)

    def link(self, source):
        return source.link

    def feed_url(self, source):
        return source.self_url

    def feed_guid(self, source):
        return source.self_url

    def author_name(self, source):
        return source.site_name

    def items(self, source):
        lists = [
            newest_items(model, source.locale, source.sector)
            for model in source.section.item_models
        ]
        # Each list is newest first; merging them keeps that order across sections.
        merged = heapq.merge(*lists, key=published_at, reverse=True)
        return list(merged)[:MAX_ITEMS]

    # The entries

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Both formats declare the description as HTML; the summary is plain text.
        text = item.summary or item.search_description
        return escape(text) if text else None

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        # A tag: URI (RFC 4151) stays the same when the title or the slug changes.
        minted = item.first_published_at or published_at(item)
        return f"tag:{item.get_site().hostname},{minted:%Y-%m-%d}:page/{item.pk}"

    def item_pubdate(self, item):
        return published_at(item)

    def item_updateddate(self, item):
        dates = [d for d in (published_at(item), item.last_published_at) if d is not None]
        return max(dates)

    def item_author_name(self, item):
        if isinstance(item, NewsPage):
            return item.author or None
        if isinstance(item, PolicyPage):
            return item.department or None
        return None

    def item_categories(self, item):
        sector = getattr(item, "sector", None)
        return [sector.name] if sector is not None else []

    def item_enclosures(self, item):
        if not isinstance(item, PublicationPage):
            return []
        document = item.document
        return [
            Enclosure(
                url=item.get_site().root_url + document.url,
                length=str(document.get_file_size() or 0),
                mime_type="application/pdf",
            )
        ]
