"""The editors' Statistics page: charts over a date range and section, and its CSV export."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from policyshare.analytics.models import DailyCount, Kind, ReferrerDailyCount
from tests.factories import make_news, make_publication, make_video

pytestmark = pytest.mark.django_db
URL = "/admin/statistics/"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("editor", password="not-secret-at-all")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the texts below are the English ones
    return client


@pytest.fixture
def counted():
    today = timezone.localdate()
    article = make_news(title="=cmd|' /C calc'!A0")
    video = make_video(title="Summit opening")
    publication = make_publication(title="Brochure")
    rows = [
        DailyCount(page=article, kind=Kind.VIEW, date=today, language="ko", views=7, uniques=5),
        DailyCount(
            page=article,
            kind=Kind.VIEW,
            date=today - datetime.timedelta(days=1),
            language="ko",
            views=3,
            uniques=3,
        ),
        DailyCount(page=video, kind=Kind.VIEW, date=today, language="en", views=4, uniques=4),
        DailyCount(page=video, kind=Kind.PLAY, date=today, language="en", views=2, uniques=2),
        DailyCount(
            document=publication.document,
            kind=Kind.DOWNLOAD,
            date=today,
            language="ko",
            views=6,
            uniques=6,
        ),
        DailyCount(
            page=article,
            kind=Kind.VIEW,
            date=today - datetime.timedelta(days=90),
            language="ko",
            views=100,
            uniques=90,
        ),
    ]
    DailyCount.objects.bulk_create(rows)
    ReferrerDailyCount.objects.create(domain="news.example.com", date=today, count=5)
    return {"article": article, "video": video, "publication": publication, "today": today}


def chart(html, name):
    start = html.index(f'data-chart="{name}"')
    return html[start : html.index("</table>", start)]


def test_an_editor_sees_charts_of_the_last_30_days(editor, counted):
    response = editor.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-chart="daily"' in html and "<rect" in html
    assert 'data-total="view">14 ' in html  # 7 + 3 + 4: the view of 90 days ago is outside
    assert 'data-total="play">2 ' in html
    assert 'data-total="download">6 ' in html
    pages = chart(html, "pages")
    assert pages.index("calc") < pages.index("Summit opening")
    assert "news.example.com" in chart(html, "referrers")
    assert "Test brochure" in chart(html, "downloads")
    assert "Summit opening" in chart(html, "plays")
    languages = chart(html, "languages")
    assert "<td data-count>10</td>" in languages and "<td data-count>4</td>" in languages


def test_the_statistics_can_be_narrowed_to_a_date_range_and_a_section(editor, counted):
    today = counted["today"]
    html = editor.get(URL, {"start": today.isoformat(), "end": today.isoformat()}).content.decode()
    assert 'data-total="view">11 ' in html

    videos = counted["video"].get_parent()
    html = editor.get(URL, {"section": str(videos.translation_key)}).content.decode()
    assert 'data-total="view">4 ' in html
    assert "calc" not in chart(html, "pages")


def test_a_start_after_the_end_is_explained_and_changes_nothing(editor, counted):
    response = editor.get(URL, {"start": "2026-05-02", "end": "2026-05-01"})
    assert response.status_code == 200
    assert "The start date must not be after the end date." in response.content.decode()
    response = editor.get(URL, {"start": "not a date"})
    assert response.status_code == 200
    assert 'data-total="view">14 ' in response.content.decode()


def test_the_statistics_are_exported_as_csv(editor, counted):
    today = counted["today"].isoformat()
    response = editor.get(URL, {"start": today, "end": today, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "date",
        "kind",
        "item_type",
        "item_id",
        "title",
        "path",
        "language",
        "count",
        "unique_visitors",
    ]
    by_kind = {(row[1], row[4]): (row[7], row[8]) for row in rows[1:]}
    assert by_kind[("download", "Test brochure")] == ("6", "6")
    assert by_kind[("play", "Summit opening")] == ("2", "2")
    # A title that looks like a formula stays text in a spreadsheet.
    assert by_kind[("view", "'=cmd|' /C calc'!A0")] == ("7", "5")


def test_anonymous_visitors_and_users_without_the_permission_are_kept_out(client, counted):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]

    user = get_user_model().objects.create_user("reader", password="not-secret-at-all")
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)


def test_the_admin_menu_shows_statistics_to_editors(editor):
    html = editor.get("/admin/").content.decode()
    assert URL in html
