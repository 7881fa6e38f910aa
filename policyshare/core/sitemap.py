from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    """Every live public page of every language, each listing its translations as
    ``hreflang`` alternates."""

    def items(self):
        site = self.get_wagtail_site()
        pages = Page.objects.none()
        for root in site.root_page.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for translation in (
            Page.objects.filter(translation_key__in={item.translation_key for item in items})
            .live()
            .public()
            .select_related("locale")
        ):
            translations[translation.translation_key].append(translation)

        urls = []
        for item in items:
            alternates = [
                {"location": t.get_full_url(self.request), "lang_code": t.locale.language_code}
                for t in translations[item.translation_key]
            ]
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates if len(alternates) > 1 else []})
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
