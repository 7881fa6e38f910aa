from wagtail import hooks

from policyshare.core.home_sections import HOOK_NAME, HomeSection, section_index
from policyshare.policies import related_content

from .models import NewsIndexPage, NewsPage, latest_articles


@hooks.register(HOOK_NAME)
def latest_news(request, home_page):
    index = section_index(request, home_page, NewsIndexPage)
    # Articles live below the news index only (NewsPage.parent_page_types).
    articles = latest_articles(index, 5) if index is not None else []
    if not articles:
        return None
    return HomeSection(10, "news/home_section.html", {"articles": articles, "index": index})


@hooks.register(related_content.HOOK_NAME)
def news_about_policy(policy):
    return "related_news", list(policy.related_pages(NewsPage).order_by("-date", "-pk")[:6])
