"""No N+1 queries on the main public pages: a page listing more items makes no more queries than
the same page listing fewer, so rendering cost does not grow with the content (the uncached page
cost that ``bench/render_cost.py`` measures)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policyshare.caching.generation import new_generation
from policyshare.policies.models import PolicyExchange
from tests.factories import (
    locale,
    make_city,
    make_image,
    make_news,
    make_partner,
    make_partner_index,
    make_policy,
    make_publication,
    make_standard_page,
    make_training_institute,
    make_video,
)

pytestmark = pytest.mark.django_db

ARTICLE_BUDGET = 17
PUBLICATION_BUDGET = 17
# On a repeat visit in the same generation: the site, the home page, the locales, the
# breadcrumbs, the language links and the related policies are kept (core/routing.py,
# core/fragments.py); left are the page (two queries, the second with its image, sector,
# document and cover) and its view or download count.
ARTICLE_WARM_BUDGET = 3
PUBLICATION_WARM_BUDGET = 3
# The policy page also keeps its cities, related content and answers; left are the page (two
# queries, with its sector), its goals and its key results.
POLICY_WARM_BUDGET = 4
# Another page of a news list in the same generation: the order of the articles, their count,
# the years and the most read are kept (core/listing.py, analytics_tags.py); left are the page
# (two queries), the sectors of the filter, the page's articles by id and their renditions.
NEWS_LIST_WARM_BUDGET = 5


def queries_for(client, path, cold=True):
    """The queries of a visit after a first one, which makes the image renditions once. Cold:
    as after a publish, in a new page-cache generation (no kept menu or home sections); warm:
    a repeat visit with those parts kept."""
    new_generation()  # the first visit renders everything the page now shows
    client.get(path)
    if cold:
        new_generation()
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


def test_another_page_of_the_news_list_reads_only_its_own_articles(client):
    for _ in range(12):
        make_news("en", listing_image=make_image())
    client.get("/en/news/", {"page": "2"})  # its images' renditions are made once
    new_generation()
    client.get("/en/news/")  # keeps what the list's pages share

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/news/", {"page": "2"})
    assert response.status_code == 200
    assert len(queries) <= NEWS_LIST_WARM_BUDGET


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


def test_policy_page_makes_as_many_queries_for_many_cities_as_for_one(client):
    policy = make_policy("en")
    policy.exchanges.add(PolicyExchange(city=make_city("en"), year=2019, locale=locale("en")))
    policy.save_revision().publish()
    one = queries_for(client, policy.url)
    for year in range(2020, 2024):
        policy.exchanges.add(PolicyExchange(city=make_city("en"), year=year, locale=locale("en")))
    policy.save_revision().publish()

    assert queries_for(client, policy.url) == one


def test_article_and_publication_pages_stay_within_their_query_budget(client):
    # Bounds from a run in a new page-cache generation (article and publication: 17 queries)
    # and on a repeat visit (3); a regression past them is a new query per request that every
    # uncached visit pays.
    article = make_news("en", listing_image=make_image())
    publication = make_publication("en")
    assert queries_for(client, article.url) <= ARTICLE_BUDGET
    assert queries_for(client, publication.url) <= PUBLICATION_BUDGET

    # Their related policies are kept: on a repeat visit they cost nothing.
    policy = make_policy("en")
    article = make_news("en", listing_image=make_image(), related_policies=[policy])
    publication = make_publication("en", related_policies=[policy], cover=make_image())
    assert queries_for(client, article.url, cold=False) <= ARTICLE_WARM_BUDGET
    assert queries_for(client, publication.url, cold=False) <= PUBLICATION_WARM_BUDGET


def test_policy_page_on_a_repeat_visit_stays_within_its_query_budget(client):
    policy = make_policy("en", key_results=[{"indicator": "NOx", "actual": 782, "year": 2020}])
    policy.exchanges.add(PolicyExchange(city=make_city("en"), year=2019, locale=locale("en")))
    policy.save_revision().publish()
    make_news("en", related_policies=[policy])
    make_publication("en", related_policies=[policy])
    make_video("en", related_policies=[policy])

    assert queries_for(client, policy.url, cold=False) <= POLICY_WARM_BUDGET


def test_home_page_keeps_its_sections_and_shows_a_new_article_once_it_is_published(
    client, django_capture_on_commit_callbacks
):
    make_news("en", title="Older article")
    make_policy("en", featured=True, listing_image=make_image())
    cold = queries_for(client, "/en/")
    assert queries_for(client, "/en/", cold=False) < cold - 3

    with django_capture_on_commit_callbacks(execute=True):
        make_news("en", title="Fresh article")

    body = client.get("/en/").content.decode()
    assert "Fresh article" in body
    assert "Older article" in body


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


def test_network_index_pages_make_as_many_queries_for_many_images_as_for_one(client):
    institute = make_training_institute("en", listing_image=make_image())
    city = make_city("en", listing_image=make_image())
    make_partner("en", logo=make_image())
    partners = make_partner_index("en")
    paths = [city.get_parent().url, institute.get_parent().url, partners.url]
    one = [queries_for(client, path) for path in paths]
    for _ in range(4):
        make_training_institute("en", listing_image=make_image())
        make_city("en", listing_image=make_image())
        make_partner("en", logo=make_image())

    assert [queries_for(client, path) for path in paths] == one
