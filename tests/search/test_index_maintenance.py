"""Every editor action that changes what visitors may find changes the index at once."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from wagtail.models import PageViewRestriction

from policyshare.search import fulltext
from policyshare.search.models import DictionaryWord, IndexEntry
from policyshare.search.ranking import SearchUnavailable, rank
from policyshare.search.user_dictionary import user_words
from tests.factories import make_city, make_policy, make_standard_page, translate

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def titles(query, language="en"):
    entries = {e.page_id: e.title for e in IndexEntry.objects.all()}
    return [entries[hit.page_id] for hit in rank(query, language)]


def test_publishing_indexes_and_unpublishing_removes():
    page = make_city(code="en", title="Nairobi", summary="Capital of Kenya.")
    assert titles("kenya") == ["Nairobi"]
    page.unpublish()
    assert titles("kenya") == []


def test_an_edit_is_found_once_published_not_before():
    page = make_city(code="en", title="Nairobi", summary="Capital of Kenya.")
    page.summary = "Home of a regional training centre."
    page.save_revision()
    assert titles("training") == []
    page.save_revision().publish()
    assert titles("training") == ["Nairobi"]
    assert titles("kenya") == []


def test_a_published_translation_is_its_own_entry():
    page = make_city(code="ko", title="나이로비", summary="케냐의 수도")
    translation = translate(page, "en", title="Nairobi", summary="Capital of Kenya.")
    entries = IndexEntry.objects.filter(translation_key=page.translation_key)
    assert {(e.language, e.title) for e in entries} == {("ko", "나이로비"), ("en", "Nairobi")}
    assert titles("kenya") == ["Nairobi"]
    assert IndexEntry.objects.get(page_id=translation.pk).url == f"/en/cities/{translation.slug}/"


def test_deleting_a_page_removes_it():
    page = make_city(code="en", title="Nairobi", summary="Capital of Kenya.")
    page.delete()
    assert titles("kenya") == []
    assert not IndexEntry.objects.exists()


def test_moving_or_renaming_updates_the_url_below(django_capture_on_commit_callbacks):
    parent = make_standard_page(code="en", title="About", slug="about")
    child = make_standard_page(code="en", title="Seoul data", slug="data")
    child.move(parent, pos="last-child")
    assert IndexEntry.objects.get(page_id=child.pk).url == "/en/about/data/"
    parent.slug = "about-us"
    # Wagtail announces a new slug once the change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        parent.save_revision().publish()
    assert IndexEntry.objects.get(page_id=child.pk).url == "/en/about-us/data/"


def test_a_private_section_is_not_searchable():
    parent = make_standard_page(code="en", title="Staff", slug="staff")
    make_standard_page(code="en", title="Staff handbook", slug="handbook").move(
        parent, pos="last-child"
    )
    assert titles("handbook") == ["Staff handbook"]
    restriction = PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.LOGIN
    )
    assert titles("handbook") == []
    restriction.delete()
    assert titles("handbook") == ["Staff handbook"]


def test_reindex_rebuilds_everything_and_reports_progress(capsys):
    make_policy(code="en", title="Bicycle Lanes", summary="Cycling.")
    make_city(code="ko", title="카이로", summary="이집트의 수도")
    IndexEntry.objects.all().delete()
    assert titles("bicycle") == []
    call_command("reindex")
    output = capsys.readouterr().out
    assert "Indexed 2 public pages" in output
    assert "docs/s" in output
    assert titles("bicycle") == ["Bicycle Lanes"]
    assert titles("이집트", "ko") == ["카이로"]


def test_a_missing_full_text_index_is_reported_and_rebuilt(caplog):
    make_policy(code="en", title="Bicycle Lanes", summary="Cycling.")
    fulltext.uninstall(connection)
    with pytest.raises(SearchUnavailable):
        rank("bicycle", "en")
    assert "policyshare reindex" in caplog.text
    call_command("reindex")
    assert titles("bicycle") == ["Bicycle Lanes"]


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="corrupts SQLite's FTS5 shadow tables")
def test_a_corrupt_full_text_index_is_reported_and_rebuilt(caplog):
    make_policy(code="en", title="Bicycle Lanes", summary="Cycling.")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {fulltext.FTS_TABLE}_data")
    with pytest.raises(SearchUnavailable):
        rank("bicycle", "en")
    with pytest.raises(SearchUnavailable):
        fulltext.check()
    call_command("reindex")
    fulltext.check()
    assert titles("bicycle") == ["Bicycle Lanes"]


def test_editors_dictionary_words_reach_the_analyser():
    DictionaryWord.objects.create(form="세운상가", parts="세운 상가")
    assert "세운상가" in [word.form for word in user_words()]
    make_city(code="ko", title="세운상가", summary="세운상가에서 열린 행사")
    entry = IndexEntry.objects.get(title="세운상가")
    assert entry.title_terms.split() == ["세운상가", "세운", "상가"]
    assert titles("세운상가의", "ko") == ["세운상가"]
    DictionaryWord.objects.filter(form="세운상가").delete()
    assert "세운상가" not in [word.form for word in user_words()]


def test_a_dictionary_word_must_be_one_word():
    with pytest.raises(ValidationError):
        DictionaryWord(form="세운 상가").full_clean()
