"""CSV and JSON files: good rows become pages, any bad row stops the whole file."""

import datetime
import json

import pytest
from wagtail.models import Page

from policyshare.core.models import StandardPage
from policyshare.ingest.models import ImportedItem
from policyshare.news.models import NewsPage
from tests.factories import make_sector

from .importing import run_import

pytestmark = pytest.mark.django_db

GOOD_CSV = """\
source_id,type,language,title,date,author,summary,body,sector,source_url,translation_of
n1,news,,서울시 녹색교통지역 운행제한,2020-06-11,서울시,,"첫 문단입니다.

둘째 문단입니다.",transport,https://example.org/n1,
n1-en,news,,Seoul restricts old cars,2020-06-11,Seoul,A summary.,First paragraph.,transport,,n1
about,page,en,About the portal,,,,"<p>Free <b>text</b> with <script>alert(1)</script>markup.</p>",,,
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def sectors():
    return make_sector(code="ko"), make_sector(name="Transport", slug="transport", code="en")


def test_csv_rows_become_pages_in_the_language_of_their_script(tmp_path, sectors):
    output, _errors, failure = run_import(write(tmp_path, "items.csv", GOOD_CSV))
    assert failure is None
    assert "Imported 3 items: 3 created, 0 updated, 0 unchanged." in output
    assert "[1/3] created: 서울시 녹색교통지역 운행제한" in output
    korean = NewsPage.objects.get(locale__language_code="ko")
    english = NewsPage.objects.get(locale__language_code="en")
    assert korean.date == english.date == datetime.date(2020, 6, 11)
    assert (korean.author, english.author) == ("서울시", "Seoul")
    assert str(korean.body[0].value) == "<p>첫 문단입니다.</p><p>둘째 문단입니다.</p>"
    assert korean.summary == "첫 문단입니다."  # taken from the body when not given
    assert english.summary == "A summary."
    assert korean.sector == sectors[0] and english.sector == sectors[1]
    # translation_of links the two as translations of each other.
    assert english.translation_key == korean.translation_key
    page = StandardPage.objects.get(locale__language_code="en")
    assert "<script>" not in str(page.body[0].value)
    assert "<b>text</b>" in str(page.body[0].value)
    assert ImportedItem.objects.get(source_key="n1").source_url == "https://example.org/n1"


def test_bad_csv_rows_are_all_reported_with_their_lines_and_nothing_is_imported(tmp_path):
    text = (
        "title,date,author,type\n"
        "Good row,2020-06-11,Seoul,news\n"
        '"A title over\ntwo lines",2020-06-31,Seoul,news\n'
        "No author,2020-06-11,,news\n"
        "Odd type,2020-06-11,Seoul,policy\n"
    )
    _output, errors, failure = run_import(write(tmp_path, "items.csv", text))
    assert failure == "Nothing was imported: 3 bad rows (listed above)."
    assert errors.splitlines() == [
        "error: line 3: '2020-06-31' is not a date (expected YYYY-MM-DD)",
        "error: line 5: a news item needs an author",
        "error: line 6: type 'policy' is not one of: news, page",
    ]
    assert not NewsPage.objects.exists()


def test_unknown_columns_are_named(tmp_path):
    _output, errors, failure = run_import(write(tmp_path, "items.csv", "title,dat\nx,2020\n"))
    assert failure
    assert "line 1: unknown columns 'dat'" in errors


def test_json_items_and_bad_items_by_number_and_line(tmp_path):
    items = [
        {"title": "Seoul news", "date": "2020-06-11", "author": "Seoul", "source_id": "a"},
        {"title": "No date", "author": "Seoul", "source_id": "b"},
        {"title": "Unknown field", "date": "2020-06-11", "author": "S", "colour": "red"},
    ]
    path = write(tmp_path, "items.json", json.dumps(items, indent=2))
    _output, errors, failure = run_import(path)
    assert failure
    assert errors.splitlines() == [
        "error: item 2 (line 8): a news item needs a date",
        "error: item 3 (line 13): unknown fields 'colour'",
    ]
    assert not NewsPage.objects.exists()
    path.write_text(json.dumps(items[:1]), encoding="utf-8")
    output, _errors, failure = run_import(path)
    assert failure is None
    assert NewsPage.objects.get().title == "Seoul news"


def test_json_lines_are_read_too(tmp_path):
    lines = [
        {"title": "First", "date": "2020-06-11", "author": "Seoul"},
        {"title": "Second", "date": "2020-06-12", "author": "Seoul"},
    ]
    path = write(tmp_path, "items.jsonl", "\n".join(json.dumps(line) for line in lines))
    _output, _errors, failure = run_import(path, "--format", "json")
    assert failure is None
    assert set(NewsPage.objects.values_list("title", flat=True)) == {"First", "Second"}


def test_a_second_import_updates_what_changed_and_duplicates_nothing(tmp_path, sectors):
    path = write(tmp_path, "items.csv", GOOD_CSV)
    run_import(path)
    pages = Page.objects.count()
    output, _errors, failure = run_import(path)
    assert failure is None
    assert "Imported 3 items: 0 created, 0 updated, 3 unchanged." in output
    assert Page.objects.count() == pages
    article = NewsPage.objects.get(locale__language_code="en")
    assert article.revisions.count() == 1
    path.write_text(GOOD_CSV.replace("First paragraph.", "First paragraph edited."))
    output, _errors, failure = run_import(path)
    assert "Imported 3 items: 0 created, 1 updated, 2 unchanged." in output
    assert "updated: Seoul restricts old cars" in output
    assert Page.objects.count() == pages
    article.refresh_from_db()
    assert article.revisions.count() == 2
    assert article.live and not article.has_unpublished_changes
    assert str(article.body[0].value) == "<p>First paragraph edited.</p>"


def test_an_item_that_fails_when_written_rolls_back_the_items_before_it(tmp_path, sectors):
    text = GOOD_CSV + "late,news,en,Late item,2020-06-12,Seoul,,Body.,no-such-sector,,\n"
    _output, errors, failure = run_import(write(tmp_path, "items.csv", text))
    assert failure == "Nothing was imported: 1 bad row (listed above)."
    assert errors.strip() == "error: line 7: there is no sector 'no-such-sector' in en"
    assert not NewsPage.objects.exists()
    assert not StandardPage.objects.exists()
    assert not ImportedItem.objects.exists()


def test_a_dry_run_reports_and_saves_nothing(tmp_path, sectors):
    output, _errors, failure = run_import(write(tmp_path, "items.csv", GOOD_CSV), "--dry-run")
    assert failure is None
    assert "Dry run of 3 items: 3 created, 0 updated, 0 unchanged. Nothing was saved." in output
    assert not NewsPage.objects.exists()


def test_a_translation_of_an_unknown_item_is_a_bad_row(tmp_path):
    text = "title,date,author,translation_of\nOrphan,2020-06-11,Seoul,missing\n"
    _output, errors, failure = run_import(write(tmp_path, "items.csv", text))
    assert failure
    assert "line 2: translation_of 'missing' names no item" in errors


def test_a_file_of_no_known_format_is_named(tmp_path):
    _output, errors, failure = run_import(write(tmp_path, "notes.txt", "just some words\n"))
    assert failure
    assert "cannot tell its format: name it with --format" in errors
