"""The real board listing of the original site, imported as news pages."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from policyshare.ingest.importing.listing import read_listing
from policyshare.ingest.models import ImportedItem
from policyshare.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

SEED = Path(__file__).parents[1] / "fixtures" / "seeds" / "000_a026a06f8403eed0.txt"
SHARED_SEEDS = Path("/work/shared/seeds")

# Every entry of the listing (a bullet with a 등록일 line), in the order of the file.
ENTRIES = [
    (1, "Seoul’s CAC Global Summit Hits Over 10 Million Views on YouTube", "2020-06-11", 7),
    (4, "Sunlight Brightens up the Parks and Bicycle Lanes of Seoul", "2020-06-17", 1),
    (7, "Seoul Supports Start-ups Leading Post-COVID-19 Era", "2020-06-15", 1),
    (10, "Seoul Begins Regulating High-Emission Vehicles on July 1", "2020-06-11", 1),
    (15, "Interview with Seoul Metropolitan Government on COVID-19 Responses", "2020-06-01", 1),
    (18, "Seoul Tap Water Arisu (Brochure, 2019)", "2020-05-21", 0),
    (20, "Seoul Public Transportation (Brochure, 2019)", "2020-05-21", 0),
    (22, "Seoul's Policy Sharing Initiative (Brochure, 2019)", "2020-05-21", 0),
]


@pytest.mark.skipif(not SHARED_SEEDS.exists(), reason="the shared seeds are not on this machine")
def test_the_fixture_is_a_byte_for_byte_copy_of_the_shared_seed():
    assert SEED.read_bytes() == (SHARED_SEEDS / SEED.name).read_bytes()


def test_every_entry_is_read_with_its_date_author_and_paragraphs():
    items, bad, skipped = read_listing(SEED.read_text(encoding="utf-8"))
    assert bad == []
    assert [
        (int(i.location.removeprefix("line ")), i.title, str(i.date), len(i.body)) for i in items
    ] == ENTRIES
    assert {i.author for i in items} == {"seoulsolution"}
    summit = items[0]
    # The old board separated paragraphs with no-break spaces.
    assert summit.body[1].startswith("The videos available in Korean and English")
    assert summit.body[-1].endswith("in a comprehensive discussion.")
    # Logo captions, links and side boxes are bullets without a 등록일 line: not entries.
    assert (24, "CITYNET 로고이미지") in skipped
    assert (33, "MITI – Metropolis International Training Institute") in skipped
    assert len(skipped) == 29


def test_the_seed_listing_becomes_published_english_news_with_dates_and_authors():
    output = io.StringIO()
    call_command("import", str(SEED), stdout=output)
    text = output.getvalue()
    assert "[1/8] created: Seoul’s CAC Global Summit" in text
    assert "Imported 8 items: 8 created, 0 updated, 0 unchanged." in text
    news = {page.title: page for page in NewsPage.objects.live()}
    assert len(news) == len(ENTRIES)
    index = NewsIndexPage.objects.get(locale__language_code="en")
    for _line, title, date, paragraphs in ENTRIES:
        page = news[title]
        assert page.locale.language_code == "en"
        assert page.get_parent().specific == index
        assert page.date == datetime.date.fromisoformat(date)
        assert page.author == "seoulsolution"
        assert len(page.body) == 1
        assert str(page.body[0].value).count("<p>") == max(paragraphs, 1)
        record = ImportedItem.objects.get(page=page)
        assert (record.source_author, str(record.source_date)) == ("seoulsolution", date)


def test_the_imported_news_is_shown_to_visitors(client):
    call_command("import", str(SEED), stdout=io.StringIO())
    page = NewsPage.objects.get(title__startswith="Seoul Begins Regulating")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "782 kg per day" in response.content.decode()
    listing = client.get(page.get_parent().url).content.decode()
    assert "Seoul Begins Regulating High-Emission Vehicles on July 1" in listing


def test_a_bad_registration_line_is_reported_with_its_line_and_nothing_is_imported(tmp_path):
    broken = SEED.read_text(encoding="utf-8").replace(
        "등록일 2020-06-15 글쓴이", "등록일 2020-06-31 글쓴이"
    )
    broken = broken.replace("등록일 2020-05-21 글쓴이 seoulsolution", "등록일 2020-05-21", 1)
    path = tmp_path / "listing.txt"
    path.write_text(broken, encoding="utf-8")
    errors = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported: 2 bad rows"):
        call_command("import", str(path), stdout=io.StringIO(), stderr=errors)
    assert errors.getvalue().splitlines() == [
        "error: line 8: '2020-06-31' is not a date (expected YYYY-MM-DD)",
        "error: line 19: the registration line must read '등록일 YYYY-MM-DD 글쓴이 AUTHOR'",
    ]
    assert not NewsPage.objects.exists()
