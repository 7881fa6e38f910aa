"""Parts of pages kept per page-cache generation (``core/fragments.py``): the end of a policy
page (cities, related content, answers), the related policies of news and library pages, and
each page's hreflang links and language switcher. A visitor sees a change once it is published,
unpublished or translated, and an editor's preview shows the draft, not the kept part."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from policyshare.policies.models import PolicyExchange
from tests.factories import locale, make_city, make_news, make_policy, make_publication, translate

pytestmark = pytest.mark.django_db


def test_policy_page_shows_a_related_article_once_published_and_not_once_withdrawn(
    client, django_capture_on_commit_callbacks
):
    policy = make_policy("en")
    make_news("en", title="First report", related_policies=[policy])
    assert "First report" in client.get(policy.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        fresh = make_news("en", title="Fresh report", related_policies=[policy])
    body = client.get(policy.url).content.decode()
    assert "Fresh report" in body
    assert "First report" in body

    with django_capture_on_commit_callbacks(execute=True):
        fresh.unpublish()
    body = client.get(policy.url).content.decode()
    assert "Fresh report" not in body
    assert "First report" in body


def test_policy_page_lists_its_first_related_content_in_the_table_of_contents(
    client, django_capture_on_commit_callbacks
):
    policy = make_policy("en")
    assert 'href="#related"' not in client.get(policy.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        make_publication("en", title="Green zone handbook", related_policies=[policy])
    body = client.get(policy.url).content.decode()
    assert 'href="#related"' in body
    assert "Green zone handbook" in body


def test_article_shows_a_policy_it_names_in_the_visitors_language_once_translated(
    client, django_capture_on_commit_callbacks
):
    policy = make_policy("ko", title="녹색교통지역")
    article = make_news("ko", related_policies=[policy])
    english_article = translate(article, "en")
    assert "녹색교통지역" in client.get(english_article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        translate(policy, "en", title="Green Transport Zone")
    body = client.get(english_article.url).content.decode()
    assert "Green Transport Zone" in body
    assert "녹색교통지역" not in body


def test_page_links_its_translation_once_it_is_published(
    client, django_capture_on_commit_callbacks
):
    policy = make_policy("en", title="Green Transport Zone", slug="green-zone")
    body = client.get(policy.url).content.decode()
    assert 'rel="alternate" hreflang="ko"' not in body

    with django_capture_on_commit_callbacks(execute=True):
        korean = translate(policy, "ko", title="녹색교통지역")
    body = client.get(policy.url).content.decode()
    assert re.search(
        r'<link rel="alternate" hreflang="ko" href="http://[^"]+' + re.escape(korean.url), body
    )
    switcher = body.split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="{korean.url}" hreflang="ko"' in switcher


def test_preview_of_a_policy_draft_shows_its_new_city_while_visitors_see_the_published_page(
    client,
):
    policy = make_policy("en")
    client.get(policy.url)  # the published page's sections are now kept
    policy.exchanges.add(
        PolicyExchange(city=make_city("en", title="Nairobi"), year=2021, locale=locale("en"))
    )
    revision = policy.save_revision()

    assert "Nairobi" not in client.get(policy.url).content.decode()
    client.force_login(
        get_user_model().objects.create_superuser(username="editor", password="not-secret")
    )
    preview = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[policy.pk, revision.pk])
    )
    assert "Nairobi" in preview.content.decode()
