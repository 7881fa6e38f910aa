"""No N+1 queries on the main public pages: a page listing more items makes no more queries than
the same page listing fewer, so rendering cost does not grow with the content (the uncached page
cost that ``bench/render_cost.py`` measures)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_image,
    make_news,
    make_policy,
    make_publication,
    make_standard_page,
    make_video,
)

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    """The queries of a repeat visit: the first one also makes the image renditions, once."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_news_list_makes_as_many_queries_for_twenty_articles_as_for_five(client):
    image = make_image()
    for _ in range(5):
        make_news("en", listing_image=image)
    five = queries_for(client, "/en/news/")
    for _ in range(15):
        make_news("en", listing_image=make_image())

    assert queries_for(client, "/en/news/") == five


def test_home_page_makes_as_many_queries_for_full_sections_as_for_small_ones(client):
    make_news("en", listing_image=make_image())
    make_policy("en", featured=True, listing_image=make_image())
    make_publication("en")
    make_video("en")
    small = queries_for(client, "/en/")
    for _ in range(4):
        make_news("en", listing_image=make_image())
        make_policy("en", featured=True, listing_image=make_image())
        make_publication("en")
        make_video("en")

    assert queries_for(client, "/en/") == small


def test_policy_page_makes_as_many_queries_for_many_related_items_as_for_one(client):
    policy = make_policy("en")
    make_news("en", related_policies=[policy])
    make_publication("en", related_policies=[policy])
    make_video("en", related_policies=[policy])
    one = queries_for(client, policy.url)
    for _ in range(4):
        make_news("en", related_policies=[policy])
        make_publication("en", related_policies=[policy])
        make_video("en", related_policies=[policy])

    assert queries_for(client, policy.url) == one


def test_article_and_publication_pages_stay_within_their_query_budget(client):
    # Measured with the demo content: 30 and 31 queries; a regression past these bounds is a
    # new query per request that every uncached visit pays.
    article = make_news("en", listing_image=make_image())
    publication = make_publication("en")

    assert queries_for(client, article.url) <= 30
    assert queries_for(client, publication.url) <= 32


def test_main_menu_kept_in_the_cache_shows_a_section_once_it_is_published(
    client, django_capture_on_commit_callbacks
):
    # The menu is cached under the page-cache generation, which a publish renews on commit.
    make_standard_page("en", title="About the portal", show_in_menus=True)
    assert "Sharing City" not in client.get("/en/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        make_standard_page("en", title="Sharing City", show_in_menus=True)

    menu = client.get("/en/").content.decode().split('class="main-nav"')[1].split("</nav>")[0]
    assert "About the portal" in menu
    assert "Sharing City" in menu
