"""A filtered search's semantic side returns the best of the admitted pages, however far below
the unfiltered query's best they rank: with exact search and with the approximate index file."""

import pytest

from policyshare.search import fulltext, ranking
from policyshare.search.ranking import Filters
from policyshare.semantic import approximate, search
from policyshare.semantic.models import Passage
from policyshare.semantic.search import semantic_search
from tests.factories import make_sector
from tests.semantic.test_approximate_index import QUERY
from tests.semantic.test_indexing import lez_policy, other_pages, publish  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

CITIES = Filters(kinds=frozenset({"city"}))


@pytest.fixture(params=["exact", "approximate"])
def site(request, publish, settings, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(search, "_snapshot", None)
    monkeypatch.setattr(search, "_file", (None, None))
    settings.SEMANTIC_INDEX_PATH = tmp_path / "vectors.npz"
    if request.param == "approximate":
        settings.SEMANTIC_ANN_MIN_PASSAGES = 5
    other_pages(publish)
    page = lez_policy(publish)
    if request.param == "approximate":
        publish(approximate.refresh, force=True)  # every passage in the file
        assert search.current_snapshot().approximate is not None
    return page


def best_city():
    """The city exact search ranks first among every stored passage."""
    exact = search.load_passages(Passage.objects.all()).search(search.embed_query(QUERY), 100)
    cities = {page_id for ids in fulltext.admitted_pages(CITIES).values() for page_id in ids}
    return next(page_id for page_id, _ in exact if page_id in cities)


def test_a_filtered_semantic_search_returns_the_best_admitted_page(site):
    (unfiltered,) = semantic_search(QUERY, 1)
    assert unfiltered[0] == site.pk  # the one candidate kept is not a city

    (filtered,) = semantic_search(QUERY, 1, fulltext.admitted_pages(CITIES))
    assert filtered[0] == best_city()
    # Scores stay calibrated against every page of the language, not only the admitted ones.
    everything = dict(semantic_search(QUERY, 100))
    assert filtered[1] == pytest.approx(everything[filtered[0]], abs=1e-4)


def test_filters_admitting_nothing_give_nothing(site):
    assert semantic_search(QUERY, 5, {}) == []
    videos = Filters(kinds=frozenset({"video"}))
    assert semantic_search(QUERY, 5, fulltext.admitted_pages(videos)) == []


def test_a_language_filter_keeps_the_semantic_side_in_that_language(site):
    english = fulltext.admitted_pages(Filters(languages=frozenset({"en"})))
    assert set(english) == {"en"}
    found = semantic_search(QUERY, 10, english)
    assert found and {page_id for page_id, _ in found} <= set(english["en"])


def test_a_filtered_search_follows_pages_published_into_and_out_of_its_filters(
    site,
    publish,  # noqa: F811
    settings,
):
    """The admitted pages of a filter set are kept between searches: a page republished into
    the filter (its text unchanged, so its passages stay) or withdrawn shows in the very next
    search with the same filters."""
    settings.POLICYSHARE_SEARCH_RANKING = "hybrid"
    climate = Filters(sectors=frozenset({"climate"}))

    def found():
        return {hit.page_id for hit in ranking.rank(QUERY, "en", climate)}

    site.sector = make_sector(name="기후", slug="climate")
    site.save_revision()  # a draft: visitors see the page where it was
    assert site.pk not in found()

    publish(site.get_latest_revision().publish)
    assert site.pk in found()
    publish(site.unpublish)
    assert site.pk not in found()
