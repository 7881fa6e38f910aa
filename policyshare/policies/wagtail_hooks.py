from wagtail import hooks

from policyshare.core.home_sections import HOOK_NAME, HomeSection, section_index
from policyshare.core.listing import with_renditions
from policyshare.core.restrictions import public

from .models import PolicyIndexPage, PolicyPage


@hooks.register(HOOK_NAME)
def featured_policies(request, home_page):
    index = section_index(request, home_page, PolicyIndexPage)
    policies = with_renditions(
        public(PolicyPage.objects.descendant_of(home_page).live())
        .filter(featured=True)
        .select_related("sector", "listing_image")
        .order_by("title"),
        "listing_image",
    )[:6]
    if not policies:
        return None
    return HomeSection(20, "policies/home_section.html", {"policies": policies, "index": index})


@hooks.register("construct_homepage_panels")
def add_policies_due_for_review_panel(request, panels):
    from .review import PoliciesDueForReviewPanel

    panels.append(PoliciesDueForReviewPanel())
