from wagtail import hooks

from policyshare.core.home_sections import HOOK_NAME, HomeSection, section_index
from policyshare.core.restrictions import public
from policyshare.policies import related_content

from .models import NewsIndexPage, NewsPage


@hooks.register(HOOK_NAME)
def latest_news(request, home_page):
    index = section_index(request, home_page, NewsIndexPage)
    articles = public(NewsPage.objects.descendant_of(home_page).live()).order_by("-date", "-pk")[:5]
    if not articles:
        return None
    return HomeSection(10, "news/home_section.html", {"articles": articles, "index": index})


@hooks.register(related_content.HOOK_NAME)
def news_about_policy(policy):
    return "related_news", list(policy.related_pages(NewsPage).order_by("-date", "-pk")[:6])
