from wagtail import hooks

from policyshare.core.home_sections import HOOK_NAME, HomeSection, section_index
from policyshare.core.listing import with_renditions

from .models import Partner, PartnerIndexPage


@hooks.register(HOOK_NAME)
def partners(request, home_page):
    index = section_index(request, home_page, PartnerIndexPage)
    partners = with_renditions(
        Partner.objects.filter(locale=home_page.locale, show_on_home=True).select_related("logo"),
        "logo",
    )
    if not partners:
        return None
    return HomeSection(60, "network/home_partners.html", {"partners": partners, "index": index})
