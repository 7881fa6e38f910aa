"""The database's full-text engine over the analysed terms: SQLite FTS5 or PostgreSQL tsvector.

Both rank with BM25's ingredients and the same field weights (title 10, summary 4, body 1):
FTS5's own ``bm25()``; on PostgreSQL each query unit's inverse document frequency (counted
through the GIN index) times its weighted, length-normalised ``ts_rank``. Scores differ in
scale between the two; what they find, and the order where one entry is clearly better, agree.
"""

import functools
import json
import logging
import math
import uuid

from django.db import DatabaseError, connection, transaction

from . import query as query_syntax
from .documents import LANGUAGES
from .ranking import Filters, Hit, SearchUnavailable

logger = logging.getLogger(__name__)

TABLE = "search_indexentry"
FTS_TABLE = "search_indexentry_fts"
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
# Terms are written without punctuation by the analysers, except decimal numbers ("16.7").
_FTS5_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '.'"

_SQLITE_STRUCTURE = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title_terms, summary_terms, body_terms,
        content='{TABLE}', content_rowid='page_id',
        tokenize="{_FTS5_TOKENIZER}", prefix='1 2 3')""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title_terms, summary_terms, body_terms)
        VALUES (new.page_id, new.title_terms, new.summary_terms, new.body_terms);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_terms, summary_terms, body_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.summary_terms, old.body_terms);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_terms, summary_terms, body_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.summary_terms, old.body_terms);
        INSERT INTO {FTS_TABLE}(rowid, title_terms, summary_terms, body_terms)
        VALUES (new.page_id, new.title_terms, new.summary_terms, new.body_terms);
    END""",
]
_SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_fts_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_fts_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
# The vector is kept in the row (STORAGE MAIN: the texts and terms go to TOAST first): the
# ranking statement reads it once per query unit, and an out-of-line vector was fetched from
# TOAST at each reading, 3-4 times the ranking's time at 100k entries (``bench/search_scale.py
# --postgresql``). In the one ALTER TABLE, the storage is set before the table is rewritten.
# Statistics 1000 (ten times the default): the planner then knows the frequencies of ten times
# as many words (down to ~0.1% of the entries), whose counts are estimated instead of counted
# (``_postgres_document_counts``): at 100k entries this cut the counting statements' time
# 5-fold; ANALYZE reads the whole table up to 300k entries (4 s at 100k).
_POSTGRES_STRUCTURE = [
    f"""ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_terms), 'A')
            || setweight(to_tsvector('simple', summary_terms), 'B')
            || setweight(to_tsvector('simple', body_terms), 'C')
        ) STORED,
        ALTER COLUMN search_vector SET STORAGE MAIN,
        ALTER COLUMN search_vector SET STATISTICS 1000""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_search_vector ON {TABLE} USING GIN (search_vector)",
    # A new column has no statistics, and the estimates below need them.
    f"ANALYZE {TABLE}",
]
_POSTGRES_DROP = [
    f"DROP INDEX IF EXISTS {TABLE}_search_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]
# ts_rank weights are given as {D, C, B, A}; normalisation 1 divides by 1 + log(length).
_POSTGRES_WEIGHTS = (
    f"'{{0, {BODY_WEIGHT / TITLE_WEIGHT}, {SUMMARY_WEIGHT / TITLE_WEIGHT}, 1}}'::float4[]"
)
# The most entries a query returns: nobody reads further, and it bounds each request's work
# (the facet counts are those of these entries, with a filtered search's own).
MAX_MATCHES = 1000
# From this many entries on, PostgreSQL's IDF takes the entry count from the table statistics.
ESTIMATED_COUNT_FROM = 5000
# The most entries the any-word tier ranks (see ``_selective``).
PARTIAL_CANDIDATES = MAX_MATCHES
_POSTGRES_MATCH = "search_vector @@ to_tsquery('simple', %s)"
_ENTRY_COLUMNS = "e.page_id, e.translation_key, e.language, e.kind, e.sector_slugs, e.year"


def install(conn=connection) -> None:
    """Create the full-text structure over the index table (the migration and ``reindex``)."""
    _execute(conn, _structure(conn))


def uninstall(conn=connection) -> None:
    _execute(conn, _POSTGRES_DROP if conn.vendor == "postgresql" else _SQLITE_DROP)


def _execute(conn, statements):
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            # PostgreSQL alters no table with deferred constraint checks still pending in the
            # transaction (e.g. rows written just before): run those checks now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in statements:
            cursor.execute(statement)


def repair() -> None:
    """Drop and recreate the full-text structure from the index table (no re-analysis)."""
    uninstall()
    install()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def settle() -> None:
    """After a rebuild, on PostgreSQL: vacuum and analyse the index table, so that a filter's
    admitted pages are read from its indexes alone (a table whose rows were all rewritten has no
    page marked all-visible until vacuumed) and the planner's word frequencies are current. A
    vacuum cannot run in a transaction: inside one (a test), nothing is done."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {TABLE}")


def check() -> None:
    """Raise :class:`SearchUnavailable` unless the full-text structure answers and is sound."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SELECT count(search_vector) FROM {TABLE}")
            else:
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
                )
    except DatabaseError as error:
        raise SearchUnavailable(str(error)) from error


def _structure(conn):
    if conn.vendor == "postgresql":
        return _POSTGRES_STRUCTURE
    if conn.vendor == "sqlite":
        with conn.cursor() as cursor:
            cursor.execute("PRAGMA compile_options")
            options = {row[0] for row in cursor.fetchall()}
        if "ENABLE_FTS5" not in options:
            raise RuntimeError(
                "This SQLite library was built without FTS5, which search needs; use a Python "
                "whose sqlite3 has it (the official and Debian builds do)."
            )
        return _SQLITE_STRUCTURE
    raise RuntimeError(f"Search supports SQLite and PostgreSQL, not {conn.vendor}.")


def match(
    parsed: query_syntax.ParsedQuery, limit: int, filters: Filters | None = None
) -> list[Hit]:
    """Up to ``limit`` entries admitted by ``filters``: those matching every unit of the query,
    best first, then those matching only some of them, best first. The filters narrow the
    matches before they are cut to ``limit``, so a filtered search finds an entry that the
    unfiltered one ranks below the cut. The pages with every word lead, as a visitor adding
    a word expects; the partial matches below keep a relevant page that lacks one of the words
    (it says the same thing differently) findable: returning only the pages with every word
    cost the keyword ranking its recall (``bench/search_quality.py``: Recall@10 0.955 on Korean
    queries, 1.000 with the partial matches below)."""
    (hits,) = match_each(parsed, limit, [filters or Filters()])
    return hits


def match_each(
    parsed: query_syntax.ParsedQuery, limit: int, filter_sets: list[Filters]
) -> list[list[Hit]]:
    """``match`` under each of ``filter_sets`` (the search page's filtered search: unfiltered
    for the facets, and filtered), sharing the work: the units are counted once, and a tier
    whose unfiltered matches all fit under ``limit`` gives the filtered ones by filtering them
    in Python (same scores, same order). A tier cut by ``limit`` is ranked again under the
    filters: ranking PostgreSQL's matches once for every filter set (a materialised CTE cut
    per set) measured no better than reading them again, and worse for a common word (15,000
    matches at 100k entries), whose rows cost more to keep than to read again."""
    if not parsed.units:
        return [[] for _ in filter_sets]
    try:
        # A savepoint: on PostgreSQL a failed statement would otherwise break the transaction
        # the rest of the request runs in.
        with transaction.atomic(), connection.cursor() as cursor:
            # PostgreSQL's ranking needs every unit's count (its IDF) first; FTS5 ranks by
            # itself and needs them only to choose the any-word tier's units, when the
            # all-word tier leaves room: a common query fills it, and counting its common
            # words cost 1-3 ms CPU at 100k pages (``bench/search_scale.py``).
            postgres = connection.vendor == "postgresql"
            counts = _document_counts(cursor, parsed.units) if postgres else {}
            results = _tier(cursor, parsed.units, query_syntax.AllOf, counts, limit, filter_sets)
            wanting = [n for n, hits in enumerate(results) if len(hits) < limit]
            selective = ()
            if len(parsed.units) > 1 and wanting:
                selective = _selective(
                    parsed.units, counts or _document_counts(cursor, parsed.units)
                )
            if selective:
                # Entries of the first tier come again here: ask for enough to fill up anyway.
                partial = _tier(
                    cursor,
                    selective,
                    query_syntax.AnyOf,
                    counts,
                    limit,
                    [filter_sets[n] for n in wanting],
                )
                for n, more in zip(wanting, partial, strict=True):
                    results[n] = results[n] + _ranked_below(results[n], more)
    except DatabaseError as error:
        logger.error(
            "The search index cannot be read (%s). Rebuild it with `policyshare reindex`.", error
        )
        raise SearchUnavailable(str(error)) from error
    return [hits[:limit] for hits in results]


def _tier(cursor, units, combine, counts, limit, filter_sets) -> list[list[Hit]]:
    """The ``limit`` best entries matching ``units`` (combined by ``combine``) under each of
    ``filter_sets``. The unfiltered matches are read first when asked for; if they are fewer
    than ``limit`` they are every match, and a filtered list is them filtered."""
    combined = units[0] if len(units) == 1 else combine(tuple(units))
    results: list[list[Hit] | None] = [None] * len(filter_sets)
    unfiltered = [n for n, filters in enumerate(filter_sets) if not filters.narrows]
    if unfiltered:
        every = _match(cursor, combined, counts, limit, Filters())
        for n in unfiltered:
            results[n] = every
        if len(every) < limit:
            for n, filters in enumerate(filter_sets):
                if results[n] is None:
                    results[n] = [hit for hit in every if filters.admits(hit)]
    for n, filters in enumerate(filter_sets):
        if results[n] is None:
            results[n] = _match(cursor, combined, counts, limit, filters)
    return results


def _selective(units, counts) -> tuple:
    """The units whose entries the any-word tier ranks: the rarest, while their entry counts
    add up to ``PARTIAL_CANDIDATES`` at most. A word found in more entries than that (a common
    word of a large site, "low" in "low emission zone") is left out of that tier, as a stop
    word: an entry holding only it could not rise into the first results, and ranking its
    matches cost PostgreSQL most of a query's time (tens of thousands of entries at 100k)."""
    chosen, total = [], 0
    for unit in sorted(units, key=counts.__getitem__):
        total += counts[unit]
        if total > PARTIAL_CANDIDATES:
            break
        chosen.append(unit)
    return tuple(unit for unit in units if unit in chosen)


def _ranked_below(full: list[Hit], partial: list[Hit]) -> list[Hit]:
    """The ``partial`` matches not in ``full``, marked incomplete, their scores scaled (order
    kept) to stay below the lowest of ``full``: scores fall down the list, so the search page
    keeps this order."""
    seen = {hit.page_id for hit in full}
    partial = [hit.replaced(complete=False) for hit in partial if hit.page_id not in seen]
    if not full or not partial or partial[0].score < full[-1].score:
        return partial
    factor = full[-1].score / (2 * partial[0].score) if partial[0].score > 0 else 0.0
    return [hit.replaced(score=hit.score * factor) for hit in partial]


def _document_counts(cursor, units) -> dict:
    """How many entries each unit matches (PostgreSQL's IDF; the any-word tier's choice)."""
    if connection.vendor == "postgresql":
        return _postgres_document_counts(cursor, units)
    sql = f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    counts = {}
    for unit in units:
        cursor.execute(sql, [query_syntax.to_fts5(unit)])
        counts[unit] = cursor.fetchone()[0]
    return counts


class _Counts(dict):
    """Entries per query unit, and ``total``: the entry count the ranking's IDF is taken
    against, read once per query."""

    total: int


def _postgres_document_counts(cursor, units) -> dict:
    """Counted through the GIN index, which still visits every matching row: 0.5 s for a word
    in 20,000 entries on a loaded machine (``bench/search_scale.py --postgresql``). On a large
    table a common word's count is the planner's estimate instead (the tsvector statistics
    keep the frequent words' frequencies, within a few per cent); a rare word, which the
    statistics do not know, is counted (a few hundred rows at most). Two statements at most:
    the estimates of every unit, then the counts of the rare ones in one pass over the entries
    holding any of them. A statement per unit cost a round trip each, and a count per word a
    visit to the entries they share (3-9 ms a word in 1-3% of 100k entries)."""
    counts = _Counts()
    counts.total = _entry_count(cursor)
    rare = list(units)
    if counts.total >= ESTIMATED_COUNT_FROM:
        # One statement is planned for every unit: a subquery each, planned in order as an
        # init plan whose estimate is that of the unit's own ``SELECT``.
        arms = ", ".join([f"ARRAY(SELECT 1 FROM {TABLE} WHERE {_POSTGRES_MATCH})"] * len(units))
        cursor.execute(
            f"EXPLAIN (FORMAT JSON) SELECT {arms}", list(map(query_syntax.to_tsquery, units))
        )
        plans = cursor.fetchone()[0][0]["Plan"]["Plans"]
        counts.update(zip(units, (int(plan["Plan Rows"]) for plan in plans), strict=True))
        rare = [unit for unit in units if counts[unit] < MAX_MATCHES]
    if rare:
        filtered = ", ".join([f"count(*) FILTER (WHERE {_POSTGRES_MATCH})"] * len(rare))
        any_rare = rare[0] if len(rare) == 1 else query_syntax.AnyOf(tuple(rare))
        cursor.execute(
            f"SELECT {filtered} FROM {TABLE} WHERE {_POSTGRES_MATCH}",
            [*map(query_syntax.to_tsquery, rare), query_syntax.to_tsquery(any_rare)],
        )
        counts.update(zip(rare, cursor.fetchone(), strict=True))
    return counts


def _condition(filters: Filters) -> tuple[str, list]:
    """The SQL condition on the entries aliased ``e`` that ``filters`` admit, as ``AND ...``
    (empty without filters), and its parameters. Sorted, so one filter gives one statement."""
    clauses, params = [], []
    for column, values in (
        ("kind", filters.kinds),
        ("language", filters.languages),
        ("year", filters.years),
    ):
        if values:
            clauses.append(f"e.{column} IN ({', '.join(['%s'] * len(values))})")
            params += sorted(values)
    if filters.sectors:
        if connection.vendor == "postgresql":
            clauses.append("e.sector_slugs ?| %s")
            params.append(sorted(filters.sectors))
        else:
            placeholders = ", ".join(["%s"] * len(filters.sectors))
            clauses.append(
                f"EXISTS (SELECT 1 FROM json_each(e.sector_slugs) WHERE value IN ({placeholders}))"
            )
            params += sorted(filters.sectors)
    return "".join(f" AND {clause}" for clause in clauses), params


def admitted_pages(filters: Filters) -> dict[str, list[int]]:
    """The page ids of the entries ``filters`` admit, by language: the pages the semantic side
    of a filtered search may return. One statement per language, each read from an index on
    (language, kind, page), (language, year, page) or (language, sectors, page) alone
    (``IndexEntry.Meta.indexes``). SQLite tests a sector on the few distinct sector lists of
    the language, not on every entry: ``json_each`` per entry cost 90 ms a language at 100k
    entries, reading the distinct lists from the index under a millisecond; PostgreSQL tests
    ``?|`` on the index's entries (no distinct read without a scan of them all)."""
    kept = Filters(kinds=filters.kinds, years=filters.years, languages=filters.languages)
    sqlite_sectors = filters.sectors and connection.vendor == "sqlite"
    where, params = _condition(kept if sqlite_sectors else filters)
    sql = f"SELECT e.page_id FROM {TABLE} e WHERE e.language = %s{where}"
    admitted = {}
    try:
        with connection.cursor() as cursor:
            for language in sorted(filters.languages or LANGUAGES):
                if not sqlite_sectors:
                    cursor.execute(sql, [language, *params])
                elif lists := _sector_lists(cursor, language, filters.sectors):
                    placeholders = ", ".join(["%s"] * len(lists))
                    cursor.execute(
                        f"{sql} AND e.sector_slugs IN ({placeholders})",
                        [language, *params, *lists],
                    )
                else:
                    admitted[language] = []
                    continue
                admitted[language] = [page_id for (page_id,) in cursor.fetchall()]
    except DatabaseError as error:
        raise SearchUnavailable(str(error)) from error
    return admitted


def _sector_lists(cursor, language, sectors) -> list[str]:
    """The sector lists stored for ``language`` (SQLite's JSON text, as stored) holding any of
    ``sectors``: a site has a few dozen, read by a skip over the index."""
    cursor.execute(
        f"SELECT DISTINCT e.sector_slugs FROM {TABLE} e WHERE e.language = %s", [language]
    )
    return [
        stored
        for (stored,) in cursor.fetchall()
        if not sectors.isdisjoint(_decoded_sectors(stored))
    ]


def _match(cursor, combined, counts, limit, filters) -> list[Hit]:
    condition = _condition(filters)
    if connection.vendor == "postgresql":
        rows = _match_postgres(cursor, combined, counts, limit, condition)
    else:
        rows = _match_sqlite(cursor, combined, limit, condition)
    return [_hit(row) for row in rows]


def _match_sqlite(cursor, unit, limit, condition):
    """Ranked and cut inside FTS5 first, so only the best entries are joined and read. With
    filters, the entries are joined inside, before the cut; without, the join would read an
    entry for every match (tens of thousands for a common word at 100k pages) and is left
    out."""
    where, params = condition
    admitted = f"JOIN {TABLE} e ON e.page_id = {FTS_TABLE}.rowid" if where else ""
    sql = f"""
        SELECT {_ENTRY_COLUMNS}, best.score
        FROM (
            SELECT {FTS_TABLE}.rowid AS page_id,
                   -bm25({FTS_TABLE}, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}) AS score
            FROM {FTS_TABLE} {admitted} WHERE {FTS_TABLE} MATCH %s{where}
            ORDER BY score DESC, {FTS_TABLE}.rowid LIMIT %s
        ) best JOIN {TABLE} e ON e.page_id = best.page_id
        ORDER BY best.score DESC, e.page_id
    """
    cursor.execute(sql, [query_syntax.to_fts5(unit), *params, limit])
    return cursor.fetchall()


def _match_postgres(cursor, combined, counts, limit, condition):
    """BM25 in spirit: sum over the query's units of IDF times a saturating, weighted term
    frequency (``ts_rank`` normalised by document length). Each unit's document frequency
    (``counts``, from ``_postgres_document_counts``) is counted or estimated through the GIN
    index. Every unit of the query scores, also those the any-word tier does not match on."""
    total = max([counts.total, *counts.values()])  # a stale estimate stays above
    rank_terms, params = [], []
    for unit, found in counts.items():
        idf = math.log((total - found + 0.5) / (found + 0.5) + 1)
        rank_terms.append(
            f"%s * ts_rank({_POSTGRES_WEIGHTS}, e.search_vector, to_tsquery('simple', %s), 1)"
        )
        params += [idf, query_syntax.to_tsquery(unit)]
    sql = f"""
        SELECT {_ENTRY_COLUMNS}, ({" + ".join(rank_terms)}) AS score
        FROM {TABLE} e
        WHERE e.search_vector @@ to_tsquery('simple', %s){condition[0]}
        ORDER BY score DESC, e.page_id
        LIMIT %s
    """
    cursor.execute(sql, [*params, query_syntax.to_tsquery(combined), *condition[1], limit])
    return cursor.fetchall()


def _entry_count(cursor) -> int:
    """The number of entries: from the planner's statistics once the table is large
    (autovacuum keeps them close; counting a large table for every query cost more than ranking
    the matches, ``bench/search_scale.py --postgresql``, and BM25's IDF barely moves with the
    estimate); counted while it is small or has never been analysed, so that small sites and
    the tests rank exactly."""
    cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [TABLE])
    estimate = cursor.fetchone()[0]
    if estimate >= ESTIMATED_COUNT_FROM:
        return estimate
    cursor.execute(f"SELECT count(*) FROM {TABLE}")
    return cursor.fetchone()[0]


def entries(page_ids) -> list[Hit]:
    """The index entries of ``page_ids`` as hits scored 0, in no order: the pages that semantic
    search found beside the keyword ranking's. Read by hand as ``match`` reads its rows: through
    the ORM, converting the hundred rows' columns cost a hybrid query ~2 ms at 100k pages."""
    page_ids = list(page_ids)
    if not page_ids:
        return []
    placeholders = ", ".join(["%s"] * len(page_ids))
    sql = f"SELECT {_ENTRY_COLUMNS}, 0.0 FROM {TABLE} e WHERE e.page_id IN ({placeholders})"
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, page_ids)
            return [_hit(row) for row in cursor.fetchall()]
    except DatabaseError as error:
        raise SearchUnavailable(str(error)) from error


@functools.lru_cache(maxsize=1024)
def _decoded_sectors(stored: str) -> tuple[str, ...]:
    """SQLite returns the JSON text: a site has few distinct sector combinations, and a query
    reads up to ``MAX_MATCHES`` of them."""
    return tuple(json.loads(stored) or ())


def _hit(row) -> Hit:
    page_id, translation_key, language, kind, sector_slugs, year, score = row
    if not isinstance(translation_key, uuid.UUID):
        translation_key = uuid.UUID(str(translation_key))
    return Hit(
        page_id=page_id,
        translation_key=translation_key,
        language=language,
        kind=kind,
        sector_slugs=(
            _decoded_sectors(sector_slugs)
            if isinstance(sector_slugs, str)
            else tuple(sector_slugs or ())
        ),
        year=year,
        score=float(score),
    )


def suggest_titles(parsed: query_syntax.ParsedQuery, language: str, limit: int) -> list[dict]:
    """Titles that hold every word typed so far, the last one as a prefix: one per item, in
    ``language`` when it has been translated, best first."""
    if not parsed.units:
        return []
    unit = parsed.units[0] if len(parsed.units) == 1 else query_syntax.AllOf(parsed.units)
    if connection.vendor == "postgresql":
        sql = f"""
            SELECT e.translation_key, e.language, e.title, e.url
            FROM {TABLE} e
            WHERE e.search_vector @@ to_tsquery('simple', %s)
            ORDER BY ts_rank({_POSTGRES_WEIGHTS}, e.search_vector,
                             to_tsquery('simple', %s), 1) DESC, e.page_id
            LIMIT %s
        """
        tsquery = query_syntax.to_tsquery(unit, weight="A")
        params = [tsquery, tsquery, limit * 4]
    else:
        sql = f"""
            SELECT e.translation_key, e.language, e.title, e.url
            FROM {FTS_TABLE} JOIN {TABLE} e ON e.page_id = {FTS_TABLE}.rowid
            WHERE {FTS_TABLE} MATCH %s
            ORDER BY bm25({FTS_TABLE}, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}),
                     e.page_id
            LIMIT %s
        """
        params = [f"title_terms : ({query_syntax.to_fts5(unit)})", limit * 4]
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    except DatabaseError as error:
        logger.error(
            "The search index cannot be read (%s). Rebuild it with `policyshare reindex`.", error
        )
        raise SearchUnavailable(str(error)) from error
    chosen: dict[str, tuple] = {}  # in rank order; a translation replaces in place
    for translation_key, row_language, title, url in rows:
        key = str(translation_key).replace("-", "")
        if key not in chosen or (row_language == language and chosen[key][2] != language):
            chosen[key] = (title, url, row_language)
    return [{"title": title, "url": url} for title, url, _ in list(chosen.values())[:limit]]
