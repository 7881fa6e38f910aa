from wagtail import hooks

from policyshare.core.home_sections import HOOK_NAME, HomeSection, section_index
from policyshare.core.listing import with_renditions
from policyshare.core.restrictions import public
from policyshare.policies import related_content

from .models import PublicationIndexPage, PublicationPage, VideoIndexPage, VideoPage


@hooks.register(HOOK_NAME)
def latest_publications(request, home_page):
    index = section_index(request, home_page, PublicationIndexPage)
    publications = with_renditions(
        public(PublicationPage.objects.descendant_of(home_page).live())
        .select_related("cover", "document")
        .order_by("-year", "-pk"),
        "cover",
    )[:4]
    if not publications:
        return None
    return HomeSection(
        30, "library/home_publications.html", {"publications": publications, "index": index}
    )


@hooks.register(HOOK_NAME)
def latest_videos(request, home_page):
    index = section_index(request, home_page, VideoIndexPage)
    videos = with_renditions(
        public(VideoPage.objects.descendant_of(home_page).live())
        .select_related("listing_image")
        .order_by("-recorded_on", "-pk"),
        "listing_image",
    )[:3]
    if not videos:
        return None
    return HomeSection(40, "library/home_videos.html", {"videos": videos, "index": index})


@hooks.register(related_content.HOOK_NAME)
def publications_about_policy(policy):
    publications = policy.related_pages(PublicationPage).order_by("-year", "-pk")[:6]
    return "related_publications", list(publications)


@hooks.register(related_content.HOOK_NAME)
def videos_about_policy(policy):
    videos = policy.related_pages(VideoPage).order_by("-recorded_on", "-pk")[:6]
    return "related_videos", list(videos)
