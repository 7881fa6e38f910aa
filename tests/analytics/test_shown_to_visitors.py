"""What visitors see: the views of an article or a video, and the most read of a section."""

import datetime

import pytest
from django.utils import timezone

from policyshare.analytics.models import DailyCount, Kind
from tests.factories import make_news, make_video, translate

pytestmark = pytest.mark.django_db


def views(page, count, days_ago=0):
    DailyCount.objects.create(
        page=page,
        kind=Kind.VIEW,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        language=page.locale.language_code,
        views=count,
        uniques=count,
    )


def test_an_article_shows_its_views_in_both_languages(client):
    article = make_news()
    english = translate(article, "en")
    views(article, 5)
    views(english, 2)
    assert 'data-view-count="7"' in client.get(english.url).content.decode()


def test_a_page_never_read_shows_no_count(client):
    article = make_news()
    assert "data-view-count" not in client.get(article.url).content.decode()


def test_a_video_shows_its_views(client):
    video = make_video()
    views(video, 12)
    assert 'data-view-count="12"' in client.get(video.url).content.decode()


def test_the_most_read_list_ranks_the_sections_articles_by_recent_views(client):
    quiet = make_news(title="Quiet")
    popular = make_news(title="Popular")
    middle = make_news(title="Middle")
    unread = make_news(title="Unread")
    views(quiet, 1)
    views(popular, 30)
    views(middle, 10)
    views(quiet, 500, days_ago=60)  # long ago: not in the last 30 days
    english = translate(popular, "en", title="Popular in English")
    views(english, 100)  # English readers: not on the Korean list

    html = client.get(popular.get_parent().url).content.decode()
    section = html[html.index('class="most-read"') :]
    section = section[: section.index("</section>")]
    assert section.index("Popular") < section.index("Middle") < section.index("Quiet")
    assert "Unread" not in section
    assert "Popular in English" not in section
    assert unread.title not in section


def test_every_public_page_carries_the_beacon_script(client):
    article = make_news()
    html = client.get(article.url).content.decode()
    assert "analytics/beacon.js" in html
    assert f'data-page="{article.pk}"' in html
    assert 'data-endpoint="/analytics/hit"' in html
