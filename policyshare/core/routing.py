"""Finding a request's site, its home page in the visitor's language and the locales, once per
page-cache generation instead of in four queries per page.

Wagtail's ``Page.route_for_request`` looks up the site for the host (one query), the active
locale (one), the site root's translation in it (one) and its specific object (one) on every
request; templates then ask ``Locale.get_for_language`` again for each ``.localized``. None of
these change without a new generation: saving a site or a locale, and publishing, moving or
deleting a page start one (``policyshare/caching/purge.py``). So each process keeps them per
generation, as model instances (the shared cache keeps plain values only, see
``fragments.py``), and hands out copies: a request may set attributes on the page it renders.

:func:`policyshare.core.views.serve` uses them to route a request.
"""

import copy
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import get_site_for_hostname

from policyshare.caching.generation import current_generation

# Hosts remembered per process and generation: ALLOWED_HOSTS bounds them in production; the
# limit keeps a wildcard setting from growing the memory without end.
MAX_HOSTS = 32


@dataclass
class SiteRouting:
    """What routing needs for one host: its site and the site root in each language."""

    site: Site | None
    homes: dict = field(default_factory=dict)  # language code -> specific root page

    def home_in(self, language_code):
        """A copy of the site root in ``language_code``, or in the site's own language when it
        has no translation there (as ``Page.localized`` falls back)."""
        home = self.homes.get(language_code) or self.homes.get(None)
        return copy.copy(home) if home is not None else None


class KeptRouting:
    """The locales and each host's :class:`SiteRouting` of one generation, in one process.
    A new generation gets a new object, so a request still working with an older one never
    writes its values into the newer one."""

    def __init__(self, generation):
        self.generation = generation
        self.locales = {locale.language_code: locale for locale in Locale.all_objects.all()}
        self.locales_by_id = {locale.pk: locale for locale in self.locales.values()}
        self.sites = {}
        self.lock = threading.Lock()

    def locale_for(self, language_code):
        """The ``Locale`` of a content language, as ``Locale.objects.get_for_language`` finds
        it; ``None`` for a language that has no locale."""
        try:
            return self.locales.get(get_supported_content_language_variant(language_code))
        except LookupError:
            return None

    def active_locale(self):
        """``Locale.get_active()``: the visitor's language, else the default one."""
        return self.locale_for(get_language()) or self.locale_for(settings.LANGUAGE_CODE)

    def routing_for(self, request):
        host = (split_domain_port(request._get_raw_host())[0], request.get_port())
        routing = self.sites.get(host)
        if routing is None:
            routing = build_routing(*host, self.locales_by_id)
            with self.lock:
                if len(self.sites) >= MAX_HOSTS:
                    self.sites.clear()
                self.sites[host] = routing
        return routing

    def attach_locale(self, page):
        """Give a page its ``Locale`` from the kept ones, so ``page.locale`` costs no query."""
        if not Page.locale.is_cached(page) and page.locale_id in self.locales_by_id:
            page.locale = self.locales_by_id[page.locale_id]
        return page


_current = None


def kept():
    """The :class:`KeptRouting` of the current generation (one cache read)."""
    global _current
    generation = current_generation()
    current = _current
    if current is None or current.generation != generation:
        current = _current = KeptRouting(generation)
    return current


def locale_for(language_code):
    """``Locale.objects.get_for_language`` without a query (``None`` for no such locale)."""
    return kept().locale_for(language_code)


def active_locale():
    """``Locale.get_active()`` without a query."""
    return kept().active_locale()


def build_routing(hostname, port, locales_by_id):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return SiteRouting(site=None)
    homes = {}
    for home in site.root_page.get_translations(inclusive=True).live().specific():
        homes[locales_by_id[home.locale_id].language_code] = home
    # The site's own root answers for languages it has no live translation in.
    own_language = locales_by_id[site.root_page.locale_id].language_code
    homes[None] = homes.get(own_language) or site.root_page.specific
    return SiteRouting(site=site, homes=homes)
