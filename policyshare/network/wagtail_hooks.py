from wagtail import hooks

from policyshare.core.home_sections import HOOK_NAME, HomeSection

from .models import Partner, PartnerIndexPage


@hooks.register(HOOK_NAME)
def partners(request, home_page):
    index = PartnerIndexPage.objects.child_of(home_page).live().first()
    partners = Partner.objects.filter(locale=home_page.locale, show_on_home=True).select_related(
        "logo"
    )
    if not partners:
        return None
    return HomeSection(60, "network/home_partners.html", {"partners": partners, "index": index})
