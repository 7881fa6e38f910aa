"""Routing from values kept per page-cache generation (``core/routing.py``) and the kept
breadcrumbs: a change a visitor would see takes effect on the next visit after its purge, as
when Wagtail looks everything up on every request."""

import pytest
from wagtail.models import Site

from tests.factories import home, make_news, make_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def purges(django_capture_on_commit_callbacks):
    """Runs the purge a change schedules for its commit, as it runs outside a test."""

    def purge():
        return django_capture_on_commit_callbacks(execute=True)

    return purge


def test_english_visitors_see_the_site_root_while_the_english_home_is_unpublished(client, purges):
    english_home = home("en")
    assert english_home.intro_title in client.get("/en/").content.decode()

    with purges():
        english_home.unpublish()
    assert home("ko").intro_title in client.get("/en/").content.decode()

    with purges():
        english_home.save_revision().publish()
    assert english_home.intro_title in client.get("/en/").content.decode()


def test_a_site_added_for_a_host_serves_that_host_from_its_own_root(client, purges):
    campaign = make_standard_page(title="Summit campaign", slug="campaign")
    assert client.get("/ko/", HTTP_HOST="summit.example").status_code == 200  # the default site

    with purges():
        Site.objects.create(hostname="summit.example", port=80, root_page=campaign)

    assert "Summit campaign" in client.get("/ko/", HTTP_HOST="summit.example").content.decode()
    assert home("ko").intro_title in client.get("/ko/").content.decode()


def test_a_moved_article_is_served_at_its_new_address_and_the_old_one_leads_there(client, purges):
    article = make_news(title="Moving article", slug="moving-article")
    assert client.get("/ko/news/moving-article/").status_code == 200
    archive = make_standard_page(title="Archive", slug="archive")

    with purges():
        article.move(archive, pos="last-child")

    assert client.get("/ko/news/moving-article/")["Location"] == "/ko/archive/moving-article/"
    assert "Moving article" in client.get("/ko/archive/moving-article/").content.decode()


def test_breadcrumbs_show_a_section_by_its_new_title_once_it_is_published(client, purges):
    article = make_news(title="An article")
    section = article.get_parent().specific
    assert f">{section.title}</a>" in client.get(article.url).content.decode()

    section.title = "Press room"
    with purges():
        section.save_revision().publish()

    crumbs = client.get(article.url).content.decode().split('class="breadcrumbs"')[1]
    assert ">Press room</a>" in crumbs.split("</nav>")[0]


def test_breadcrumbs_lead_to_the_home_page_in_the_visitors_language(client):
    make_news(title="기사", slug="untranslated-article")
    korean = client.get("/ko/news/untranslated-article/").content.decode()
    assert 'href="/ko/"' in korean.split('class="breadcrumbs"')[1].split("</nav>")[0]

    english = client.get("/en/news/untranslated-article/").content.decode()

    assert 'href="/en/"' in english.split('class="breadcrumbs"')[1].split("</nav>")[0]
