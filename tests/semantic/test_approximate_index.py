"""Large sites search an approximate vector index file built in the worker (the size that
needs one is forced down to a handful of passages here): the same pages as exact search,
publishing and unpublishing seen at once, and a missing or broken file only means exact search."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command

from policyshare.semantic import approximate, search, store, wsgi
from policyshare.semantic.models import Passage, RemovedPassage
from policyshare.semantic.search import semantic_search
from tests.factories import make_city
from tests.semantic.test_indexing import lez_policy, other_pages

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

QUERY = "low emission zone diesel"


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def index_file(settings, tmp_path, monkeypatch):
    # Each test a new server process: nothing read yet, so the first search reads the file.
    monkeypatch.setattr(search, "_snapshot", None)
    monkeypatch.setattr(search, "_file", (None, None))
    settings.SEMANTIC_ANN_MIN_PASSAGES = 5
    settings.SEMANTIC_INDEX_PATH = tmp_path / "vectors.npz"
    return settings.SEMANTIC_INDEX_PATH


def exact(query):
    """What exact search over every stored passage ranks."""
    return search.load_passages(Passage.objects.all()).search(search.embed_query(query), 100)


def test_a_large_site_gets_an_index_file_that_ranks_as_exact_search(publish, index_file):
    other_pages(publish)
    page = lez_policy(publish)
    assert index_file.exists()
    publish(approximate.refresh, force=True)  # every page in the file and in its sample
    assert search.current_snapshot().recent.page_ids.size == 0
    results = semantic_search(QUERY)
    assert results[0][0] == page.pk
    assert [p for p, _ in results] == [p for p, _ in exact(QUERY)]
    assert [s for _, s in results] == pytest.approx([s for _, s in exact(QUERY)], abs=1e-4)


def test_a_small_site_searches_exactly_without_a_file(publish, settings, tmp_path):
    settings.SEMANTIC_INDEX_PATH = tmp_path / "vectors.npz"
    other_pages(publish)
    lez_policy(publish)
    assert not settings.SEMANTIC_INDEX_PATH.exists()
    assert search.current_snapshot().approximate is None
    assert semantic_search(QUERY) == exact(QUERY)


def test_pages_published_after_the_build_are_found_before_the_next_one(publish, index_file):
    other_pages(publish)
    publish(approximate.refresh, force=True)
    built = approximate.header(index_file)
    page = lez_policy(publish)  # too few changes to rebuild: searched beside the file
    assert approximate.header(index_file) == built
    assert search.current_snapshot().recent.page_ids.tolist() == [page.pk]
    assert semantic_search(QUERY)[0][0] == page.pk


def test_unpublished_and_deleted_pages_leave_the_results_before_the_next_build(publish, index_file):
    other_pages(publish)
    page = lez_policy(publish)
    publish(approximate.refresh, force=True)
    city = Passage.objects.filter(language="en").values_list("page", flat=True).first()
    assert {page.pk, city} <= {p for p, _ in semantic_search(QUERY)}
    built = approximate.header(index_file)
    publish(page.unpublish)
    publish(Passage.objects.get(page_id=city, ordinal=0).page.delete)
    assert approximate.header(index_file) == built
    found = {p for p, _ in semantic_search(QUERY)}
    assert page.pk not in found and city not in found
    assert found, "the other pages are still found"


def test_the_worker_rebuilds_once_enough_passages_changed(publish, index_file, monkeypatch):
    other_pages(publish)
    built = approximate.header(index_file)
    monkeypatch.setattr(approximate, "REBUILD_AFTER", 1)
    lez_policy(publish)
    assert approximate.header(index_file) != built
    assert approximate.header(index_file) == (
        max(Passage.objects.values_list("id", flat=True)),
        Passage.objects.count(),
    )


def test_a_search_never_waits_for_a_new_file_to_be_read(publish, index_file, monkeypatch):
    other_pages(publish)
    publish(approximate.refresh, force=True)
    assert search.current_snapshot().approximate is not None  # this process has read it
    page = lez_policy(publish)
    read = threading.Event()
    real_load = approximate.load

    def slow_load(path):
        read.wait()
        return real_load(path)

    monkeypatch.setattr(approximate, "load", slow_load)
    publish(approximate.refresh, force=True)  # a new file, which this process cannot read yet
    try:
        # Answered from the file read before and exact search of the page written since.
        assert semantic_search(QUERY)[0][0] == page.pk
        assert search.current_snapshot().recent.page_ids.tolist() == [page.pk]
        assert search.loading.is_alive()
    finally:
        read.set()
    search.loading.join()
    assert semantic_search(QUERY)[0][0] == page.pk
    assert search.current_snapshot().recent.page_ids.size == 0  # the new file holds it


def test_a_server_process_reads_the_file_as_it_starts_not_in_its_first_search(
    publish, index_file, monkeypatch
):
    other_pages(publish)
    page = lez_policy(publish)
    publish(approximate.refresh, force=True)
    wsgi.preload().join()  # as policyshare/wsgi.py does when a server process imports it
    reads = []
    monkeypatch.setattr(approximate, "load", reads.append)
    assert semantic_search(QUERY)[0][0] == page.pk
    assert reads == []


def test_a_keyword_only_site_reads_nothing_at_start(index_file, settings):
    settings.POLICYSHARE_SEARCH_RANKING = "keyword"
    assert wsgi.preload() is None


def test_removed_passages_leave_tombstones_that_a_later_build_clears(
    publish, index_file, monkeypatch
):
    other_pages(publish)
    page = lez_policy(publish)
    publish(approximate.refresh, force=True)
    removed = set(Passage.objects.filter(page=page).values_list("id", flat=True))
    publish(page.unpublish)
    assert set(RemovedPassage.objects.values_list("passage_id", flat=True)) == removed
    assert removed <= search.current_snapshot().gone
    monkeypatch.setattr(approximate, "KEEP_REMOVED", approximate.KEEP_REMOVED * 0)
    publish(approximate.refresh, force=True)
    assert not RemovedPassage.objects.exists()


def test_a_deleted_page_leaves_tombstones_and_leaves_the_results(publish, index_file):
    other_pages(publish)
    page = lez_policy(publish)
    publish(approximate.refresh, force=True)
    removed = set(Passage.objects.filter(page=page).values_list("id", flat=True))
    assert removed
    publish(page.delete)
    assert set(RemovedPassage.objects.values_list("passage_id", flat=True)) == removed
    assert page.pk not in [page_id for page_id, _ in semantic_search(QUERY)]


@pytest.mark.parametrize("damage", ["missing", "truncated", "foreign"])
def test_a_missing_or_broken_file_means_exact_search(publish, index_file, damage, client):
    other_pages(publish)
    lez_policy(publish)
    if damage == "missing":
        index_file.unlink()
    elif damage == "truncated":
        index_file.write_bytes(index_file.read_bytes()[:1000])
    else:
        index_file.write_text("not an index")
    publish(store.bump_version)  # as any change does: every process looks at the file again
    search.current_snapshot()
    if search.loading is not None:
        search.loading.join()  # a replaced file is read in the background
    assert search.current_snapshot().approximate is None
    assert semantic_search(QUERY) == exact(QUERY)
    response = client.get("/en/search/", {"q": QUERY})
    assert response.status_code == 200


def test_the_embed_command_builds_the_file(publish, index_file):
    publish(make_city, code="en", title="Nairobi", summary="Capital of Kenya, water.")
    other_pages(publish)
    index_file.unlink()
    out = StringIO()
    call_command("embed", workers=1, stdout=out)
    assert "Approximate vector index written" in out.getvalue()
    assert approximate.header(index_file)[1] == Passage.objects.count()


def test_the_file_goes_when_the_site_shrinks_below_the_size(publish, index_file, settings):
    other_pages(publish)
    assert index_file.exists()
    settings.SEMANTIC_ANN_MIN_PASSAGES = 1000
    assert approximate.refresh() == "removed"
    assert not index_file.exists()


def test_the_vector_index_command_rebuilds_a_missing_file(publish, index_file):
    other_pages(publish)
    index_file.unlink()
    out = StringIO()
    call_command("vector_index", stdout=out)
    assert out.getvalue().strip() == f"{index_file}: built."
    call_command("vector_index", stdout=out)
    assert out.getvalue().strip().endswith(f"{index_file}: fresh.")
