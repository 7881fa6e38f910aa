"""Keyword search speed: indexing throughput and query latency, over the demo content and over a
generated bilingual corpus, against a baseline measured in the same run.

    .venv/bin/python bench/search_speed.py [--docs 10000] [--database-url URL]

The baseline is what a generic CMS search does without a full-text index: a case-insensitive
substring scan (``icontains``) over title, summary and body. Latencies are per query, in
milliseconds; "rank" is the ranked entry list (``policyshare.search.ranking.rank``), "page" is
everything the search page computes (dedupe, facets, editors' picks, ten highlighted snippets).

Runs in a throwaway database (a temporary SQLite file unless ``--database-url`` names an empty
PostgreSQL database): migrate, load the demo content, then add the generated entries directly
to the index table, the way ``reindex`` writes them.
"""

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

QUERIES = [
    "녹색교통지역",
    "녹색교통지역에서",
    "차량의 운행제한",
    "미세먼지 줄어들었다",
    "대중교통",
    "서울시 정책",
    '"5등급 차량"',
    "태양광",
    "low emission zone",
    "vehicles",
    "air pollution diesel",
    '"green transportation"',
    "bicycle lanes",
    "solar power",
    "training institute",
    "seoul",
    "emiss",
    "city",
]
REPEATS = 5


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(function, *args):
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def latencies(function, queries):
    for query in queries:  # warm caches and the analysers once
        function(query)
    return [timed(function, query) for _ in range(REPEATS) for query in queries]


def report(label, values, baseline=None):
    p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
    ratio = f"  ({baseline / p50:6.1f}x faster than baseline at p50)" if baseline else ""
    print(f"  {label:<28} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms{ratio}")
    return p50


def measure_queries(title):
    from django.db.models import Q

    from policyshare.search.models import IndexEntry
    from policyshare.search.ranking import Filters, rank
    from policyshare.search.results import search

    def substring_scan(query):
        words = query.replace('"', " ").split()
        condition = Q()
        for word in words:
            condition &= (
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
            )
        list(IndexEntry.objects.filter(condition).values_list("page_id", flat=True)[:1000])

    entries = IndexEntry.objects.count()
    print(f"\n{title}: {entries} index entries, {len(QUERIES)} queries x {REPEATS}")
    baseline = report("baseline substring scan", latencies(substring_scan, QUERIES))
    report("keyword rank", latencies(lambda q: rank(q, "ko"), QUERIES), baseline)
    report("search page (rank+page)", latencies(lambda q: search(q, "en", Filters()), QUERIES))
    report(
        "as-you-type suggestions",
        latencies(lambda q: suggest(q[: max(3, len(q) - 2)]), QUERIES),
    )


def suggest(text):
    from policyshare.search import fulltext
    from policyshare.search.query import parse

    fulltext.suggest_titles(parse(text, "ko", as_you_type=True), "ko", 8)


def generated_documents(count, seed=7):
    """Bilingual documents recombined from the demo content's sentences and words."""
    import re

    from policyshare.search.documents import KINDS, Document
    from policyshare.search.models import IndexEntry

    rng = random.Random(seed)
    pools = {}
    for language in ("ko", "en"):
        sentences, words = [], []
        for entry in IndexEntry.objects.filter(language=language):
            text = f"{entry.summary}\n{entry.body}"
            sentences += [s.strip() for s in re.split(r"(?<=[.!?다])\s+|\n", text) if s.strip()]
            words += entry.title.split()
        pools[language] = (sentences, words)
    sectors = ["transport", "environment-energy", "water", "welfare", "governance", "safety"]
    for n in range(count):
        language = "ko" if n % 2 else "en"
        sentences, words = pools[language]
        yield Document(
            page_id=50_000_000 + n,
            translation_key=uuid.UUID(int=n // 2 + 1),
            language=language,
            kind=rng.choice(KINDS),
            title=" ".join(rng.sample(words, min(len(words), rng.randint(3, 7)))),
            summary=rng.choice(sentences),
            body="\n".join(rng.choice(sentences) for _ in range(rng.randint(4, 12))),
            sector_slugs=(rng.choice(sectors),),
            year=rng.randint(2010, 2025),
            url=f"/{language}/generated/{n}/",
        )


def add_generated(count):
    from django.db import connection, transaction

    from policyshare.search.indexing import analysed_entries
    from policyshare.search.models import IndexEntry

    if connection.vendor == "sqlite":
        # The generated entries have no pages: let the index table hold them anyway.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys = OFF")
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "ALTER TABLE search_indexentry DROP CONSTRAINT IF EXISTS "
                "search_indexentry_page_id_fkey"
            )
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = 'search_indexentry'::regclass"
                " AND contype = 'f'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'ALTER TABLE search_indexentry DROP CONSTRAINT "{name}"')
    documents = list(generated_documents(count))
    started = time.perf_counter()
    for start in range(0, count, 500):
        batch = [
            IndexEntry(page_id=document.page_id, **fields)
            for document, fields in analysed_entries(documents[start : start + 500])
        ]
        with transaction.atomic():
            IndexEntry.objects.bulk_create(batch)
        done = start + len(batch)
        rate = done / (time.perf_counter() - started)
        print(f"\r  analysed and indexed {done}/{count} ({rate:.0f} docs/s)", end="", flush=True)
    elapsed = time.perf_counter() - started
    print(
        f"\r  analysed and indexed {count} generated documents in {elapsed:.1f} s "
        f"({count / elapsed:.0f} docs/s)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="generated documents")
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite)")
    arguments = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="policyshare-search-bench-"))
    os.environ["POLICYSHARE_VAR_DIR"] = str(scratch)
    os.environ["DATABASE_URL"] = arguments.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
    os.environ.pop("POLICYSHARE_DEMO", None)
    # The keyword side alone: bench/search_semantic_speed.py measures the semantic one.
    os.environ["POLICYSHARE_SEARCH_RANKING"] = "keyword"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from policyshare.search.indexing import rebuild

    print(f"database: {connection.vendor}; preparing (migrate, demo content)…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    from policyshare.search.analysis import analyser_for_language
    from policyshare.search.user_dictionary import user_words

    # Kiwi loads once, outside the figures.
    analyser_for_language("ko", user_words=user_words()).terms("준비")
    started = time.perf_counter()
    entries = rebuild()
    elapsed = time.perf_counter() - started
    print(
        f"reindex of the demo content: {entries} entries in {elapsed:.2f} s "
        f"({entries / elapsed:.0f} docs/s)"
    )
    measure_queries("Demo content")

    print(f"\nGenerating {arguments.docs} bilingual documents…", flush=True)
    add_generated(arguments.docs)
    measure_queries(f"Demo + {arguments.docs} generated documents")


if __name__ == "__main__":
    main()
