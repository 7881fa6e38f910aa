"""The embedded database keeps the statistics SQLite's query planner chooses indexes by."""

import sqlite3

import pytest
from django.db.utils import ConnectionHandler

ENGINE = "policyshare.core.sqlite"


@pytest.fixture(autouse=True)
def _own_databases(django_db_blocker):
    # Files of these tests' own, not the test database.
    with django_db_blocker.unblock():
        yield


def _connection(path):
    return ConnectionHandler({"default": {"ENGINE": ENGINE, "NAME": str(path)}})["default"]


def _statistics(path):
    with sqlite3.connect(path) as database:
        exists = "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        if not database.execute(exists).fetchone():
            return set()
        return set(database.execute("SELECT tbl, idx FROM sqlite_stat1"))


def _fill(path):
    connection = _connection(path)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, kind INTEGER)")
        cursor.execute("CREATE INDEX item_kind ON item (kind)")
        cursor.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
            "INSERT INTO item (kind) SELECT i % 3 FROM n"
        )
    connection.close()


def _query(path):
    connection = _connection(path)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM item WHERE kind = %s", [1])
    connection.close()


def test_a_connection_analyses_the_tables_it_queried_as_it_closes(tmp_path):
    path = tmp_path / "site.sqlite3"
    _fill(path)

    _query(path)

    assert ("item", "item_kind") in _statistics(path)


def test_a_closing_connection_leaves_the_analysis_to_a_later_one_while_a_writer_works(tmp_path):
    path = tmp_path / "site.sqlite3"
    _fill(path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")

    _query(path)

    assert _statistics(path) == set()
    writer.execute("ROLLBACK")
    writer.close()
    _query(path)
    assert ("item", "item_kind") in _statistics(path)
