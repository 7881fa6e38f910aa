"""A server process gets the Korean analyser ready as it starts (policyshare/wsgi.py), so the
first Korean search in a new process does not wait seconds for Kiwi to load."""

import pytest

from policyshare.search import wsgi
from policyshare.search.analysis import korean, language
from policyshare.search.ranking import Filters
from policyshare.search.results import search
from tests.factories import make_policy

pytestmark = pytest.mark.django_db


def test_the_first_korean_search_finds_the_analyser_loaded(monkeypatch):
    make_policy(title="녹색교통지역 5등급 차량 운행제한", summary="5등급 차량의 운행 제한")
    # A new process: no Kiwi, no analyser holding one.
    monkeypatch.setattr(korean, "_kiwi", None)
    monkeypatch.setattr(language, "_analysers", {})
    wsgi.preload().join()  # as policyshare/wsgi.py does when a server process imports it
    builds = []
    monkeypatch.setattr(korean, "LoadedKiwi", builds.append)
    outcome = search("녹색교통지역에서", "ko", Filters())
    assert [result.plain_title for result in outcome.results] == [
        "녹색교통지역 5등급 차량 운행제한"
    ]
    assert builds == []
