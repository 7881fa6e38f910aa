"""Search quality on the bilingual evaluation set: nDCG@10 and Recall@10 of four rankings.

    .venv/bin/python bench/search_quality.py [--tune]

Corpus and judged queries: bench/search_eval/ (300 documents, 66 queries; see its README).
P@1 (is the first result relevant) is where equal-weight fusion was measured to lose to
analysed BM25 on Korean. Rankings:

1. whitespace BM25: lower-cased whitespace tokens, what a generic CMS search gives (baseline);
2. analysed BM25: the project's analysers (Kiwi for Korean, Snowball for English; documents by
   their language, queries by their script), title terms counted twice; an in-bench BM25 over
   the analysers' terms (a reference for the next row);
3. database BM25: the real keyword index: the documents are written as index entries into a
   throwaway SQLite database (FTS5, ``indexing.entry_fields``) and every query goes through
   ``policyshare.search.ranking.rank`` with keyword ranking, as the search page does;
4. semantic: multilingual-e5-small via the project's passage splitting and exact vector search
   (``policyshare.semantic``), best passage per document;
5. equal-weight RRF: (3) and (4) fused with k=60 and every list weighted alike (reference);
6. hybrid: ``policyshare.semantic.fusion.fuse`` of (3) and (4) with the weights in settings;
7. hybrid, held out: the same fusion with weights tuned on the other half of the queries only
   (two folds: queries with an odd number in their id, and even; each half holds every group).
   This is the honest figure: rows 6 and the settings were tuned on all the queries.

Judgements are per item (a document and its translation are one item, as the search page shows
one result per item), so rankings are collapsed to items before scoring. ``--tune`` searches the
fusion weights and prints the best rule that wins every group. Vectors are cached in
var/bench/ by content hash, so only the first run embeds the corpus.
"""

import argparse
import itertools
import json
import math
import os
import sys
import tempfile
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
# The throwaway database of the "database BM25" row.
_SCRATCH = Path(tempfile.mkdtemp(prefix="policyshare-search-quality-"))
os.environ["POLICYSHARE_VAR_DIR"] = str(_SCRATCH)
os.environ["DATABASE_URL"] = f"sqlite:///{_SCRATCH / 'quality.sqlite3'}"

import django  # noqa: E402

django.setup()

from policyshare.search.analysis import analyser_for_language, detect_query_language  # noqa: E402
from policyshare.search.ranking import SEMANTIC_MIN_SCORE  # noqa: E402
from policyshare.semantic.embedder import content_key, count_tokens, embed_query  # noqa: E402
from policyshare.semantic.fusion import FusionWeights, fuse  # noqa: E402
from policyshare.semantic.passages import split_passages  # noqa: E402
from policyshare.semantic.search import VectorIndex  # noqa: E402
from policyshare.semantic.workers import encode_batch, start_worker  # noqa: E402

EVAL = ROOT / "bench" / "search_eval"
CACHE = ROOT / "var" / "bench" / "search_eval_vectors.npz"
CUTOFF = 10
DEPTH = 100  # how far down each ranking fusion looks
FIRST_PAGE_ID = 1_000_000
# Plain reciprocal rank fusion (k=60, every list alike): the untuned reference.
EQUAL_WEIGHTS = FusionWeights(60, 1.0, 1.0, 1.0, 1.0, 0.0)
GROUPS = ("same-language Korean", "same-language English", "cross-lingual")


def load(name):
    with open(EVAL / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def group_of(query):
    if query["kind"] == "cross-lingual":
        return "cross-lingual"
    return "same-language Korean" if query["language"] == "ko" else "same-language English"


class BM25:
    def __init__(self, documents_terms, k1=1.2, b=0.75):
        self.k1, self.b = k1, b
        self.frequencies = [Counter(terms) for terms in documents_terms]
        self.lengths = np.array([len(terms) for terms in documents_terms], dtype=float)
        self.average = self.lengths.mean()
        df = Counter(term for counts in self.frequencies for term in counts)
        n = len(documents_terms)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.postings = defaultdict(list)
        for index, counts in enumerate(self.frequencies):
            for term, tf in counts.items():
                self.postings[term].append((index, tf))

    def rank(self, query_terms):
        scores = defaultdict(float)
        for term in set(query_terms):
            for index, tf in self.postings.get(term, ()):
                norm = self.k1 * (1 - self.b + self.b * self.lengths[index] / self.average)
                scores[index] += self.idf[term] * tf * (self.k1 + 1) / (tf + norm)
        return [i for i, _ in sorted(scores.items(), key=lambda item: -item[1])][:DEPTH]


def embed_corpus(passages, workers=2):
    cached = dict(np.load(CACHE)) if CACHE.exists() else {}
    missing = [text for text in dict.fromkeys(passages) if content_key(text) not in cached]
    if missing:
        print(f"embedding {len(missing)} passages with {workers} worker processes…", flush=True)
        batches = [missing[i : i + 16] for i in range(0, len(missing), 16)]
        with ProcessPoolExecutor(workers, get_context("spawn"), initializer=start_worker) as pool:
            for batch, vectors in zip(batches, pool.map(encode_batch, batches), strict=True):
                for text, vector in zip(batch, vectors, strict=True):
                    cached[content_key(text)] = np.frombuffer(vector, dtype="<f4")
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        np.savez(CACHE, **cached)
    return np.stack([cached[content_key(text)] for text in passages])


def ndcg(ranked_items, relevant):
    gains = [1.0 if item in relevant else 0.0 for item in ranked_items[:CUTOFF]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), CUTOFF)))
    return dcg / ideal


def recall(ranked_items, relevant):
    return len(set(ranked_items[:CUTOFF]) & relevant) / len(relevant)


def first_relevant(ranked_items, relevant):
    return 1.0 if ranked_items[:1] and ranked_items[0] in relevant else 0.0


def write_database_index(documents):
    """The evaluation documents as entries of the real keyword index, in a new database."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from policyshare.search.documents import Document
    from policyshare.search.indexing import entry_fields
    from policyshare.search.models import IndexEntry

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys = OFF")  # entries without pages
    entries = []
    for index, d in enumerate(documents):
        document = Document(
            page_id=FIRST_PAGE_ID + index,
            translation_key=uuid.uuid5(uuid.NAMESPACE_URL, d["item"]),
            language=d["language"],
            kind="policy",
            title=d["title"],
            summary="",
            body=d["text"],
            sector_slugs=(d.get("sector", ""),),
            year=None,
            url=f"/{d['language']}/eval/{d['id']}/",
        )
        entries.append(IndexEntry(page_id=document.page_id, **entry_fields(document, ())))
    with transaction.atomic():
        IndexEntry.objects.bulk_create(entries)


def database_rank(text):
    from django.conf import settings

    from policyshare.search.ranking import rank

    settings.POLICYSHARE_SEARCH_RANKING = "keyword"
    hits = rank(text, detect_query_language(text))
    return [hit.page_id - FIRST_PAGE_ID for hit in hits][:DEPTH]


class Evaluation:
    def __init__(self):
        self.documents = load("documents.jsonl")
        self.queries = load("queries.jsonl")
        docs = self.documents
        write_database_index(docs)
        self.languages = {i: d["language"] for i, d in enumerate(docs)}
        self.whitespace = BM25([f"{d['title']} {d['text']}".lower().split() for d in docs])
        analysed = []
        for d in docs:
            analyser = analyser_for_language(d["language"])
            analysed.append(2 * analyser.terms(d["title"]) + analyser.terms(d["text"]))
        self.analysed = BM25(analysed)
        passages, owners, languages = [], [], []
        for index, d in enumerate(docs):
            for text in split_passages(d["title"], [d["text"]], count_tokens):
                passages.append(text)
                owners.append(index)
                languages.append(d["language"])
        self.passage_count = len(passages)
        self.index = VectorIndex.build("eval", owners, languages, embed_corpus(passages))
        self.rankings = [self.rank_query(q) for q in self.queries]

    def rank_query(self, query):
        text = query["query"]
        language = detect_query_language(text)
        analyser = analyser_for_language(language)
        semantic = self.index.search(embed_query(text), DEPTH)
        return {
            "language": language,
            "whitespace BM25": self.whitespace.rank(text.lower().split()),
            "analysed BM25": self.analysed.rank(analyser.query_terms(text)),
            "database BM25": database_rank(text),
            "semantic": semantic,
        }

    def items(self, ranked_documents):
        return list(dict.fromkeys(self.documents[i]["item"] for i in ranked_documents))

    def hybrid(self, ranking, weights):
        # As the search page does: pages found by meaning alone only from a calibrated score.
        keyword = set(ranking["database BM25"])
        semantic = [
            (i, s) for i, s in ranking["semantic"] if i in keyword or s >= SEMANTIC_MIN_SCORE
        ]
        fused = fuse(
            ranking["database BM25"],
            semantic,
            self.languages,
            ranking["language"],
            weights,
        )
        return [i for i, _ in fused]

    def scores(self, weights, subset=None, held_out=None):
        """{row: {group: (nDCG@10, Recall@10, P@1)}} over the queries at the positions in
        ``subset`` (all by default); ``held_out``: the fusion weights of each query position
        for the held-out row."""
        per = defaultdict(lambda: defaultdict(list))
        for position, (query, ranking) in enumerate(zip(self.queries, self.rankings, strict=True)):
            if subset is not None and position not in subset:
                continue
            relevant = set(query["relevant"])
            rows = {row: ranking[row] for row in ("whitespace BM25", "analysed BM25")}
            rows["database BM25"] = ranking["database BM25"]
            rows["semantic"] = [page_id for page_id, _ in ranking["semantic"]]
            rows["equal-weight RRF"] = self.hybrid(ranking, EQUAL_WEIGHTS)
            rows["hybrid"] = self.hybrid(ranking, weights)
            if held_out is not None:
                rows["hybrid, held out"] = self.hybrid(ranking, held_out[position])
            for row, ranked in rows.items():
                items = self.items(ranked)
                for group in (group_of(query), "all"):
                    per[row][group].append(
                        (
                            ndcg(items, relevant),
                            recall(items, relevant),
                            first_relevant(items, relevant),
                        )
                    )
        return {
            row: {g: tuple(np.mean(values, axis=0)) for g, values in groups.items()}
            for row, groups in per.items()
        }


def wins_everywhere(scores, row="hybrid"):
    """``row`` beats every other row but the hybrids on cross-lingual and matches the best
    elsewhere (nDCG@10, Recall@10 and P@1 alike)."""
    hybrid = scores[row]
    others = [other for other in scores if not other.startswith("hybrid")]
    for group in GROUPS:
        for metric in (0, 1, 2):
            best = max(scores[row][group][metric] for row in others)
            if group == "cross-lingual" and metric == 0 and hybrid[group][metric] <= best:
                return False
            if hybrid[group][metric] < best - 1e-9:
                return False
    return True


def print_table(scores):
    columns = (*GROUPS, "all")
    print(f"{'':<18}" + "".join(f"{g:^27}" for g in columns))
    print(f"{'ranking':<18}" + "".join(f"{'nDCG@10':>9}{'R@10':>9}{'P@1':>9}" for _ in columns))
    for row, groups in scores.items():
        cells = "".join(
            f"{groups[g][0]:>9.3f}{groups[g][1]:>9.3f}{groups[g][2]:>9.3f}" for g in columns
        )
        print(f"{row:<18}{cells}")


def tune(evaluation, subset=None):
    """The grid's weights that win every group on the queries of ``subset`` with the highest
    sum of group nDCG@10; failing that, the highest sum."""
    best = None
    grid = itertools.product(
        (2, 5, 10, 30, 60),  # k
        (0.25, 0.5, 0.75, 1.0),  # semantic, same language
        (0.5, 0.75, 1.0),  # semantic, other language
        (1.0, 2.0, 3.0),  # semantic, other language leading
        (0.0, 0.25, 0.5),  # leading margin
    )
    for k, same, other, leading, margin in grid:
        weights = FusionWeights(k, 1.0, same, other, leading, margin)
        scores = evaluation.scores(weights, subset)
        total = (wins_everywhere(scores), sum(scores["hybrid"][g][0] for g in GROUPS))
        if best is None or total > best[0]:
            best = (total, weights)
    (wins, total), weights = best
    verdict = "winning every group" if wins else "NOT winning every group (none does)"
    print(f"best weights {verdict}: {weights} (sum of group nDCG@10 {total:.3f})")
    return weights


def held_out_weights(evaluation):
    """Weights for each query position, tuned on the other fold (odd or even query number)."""
    folds = defaultdict(set)
    for position, query in enumerate(evaluation.queries):
        folds[int(query["id"].lstrip("q")) % 2].add(position)
    weights = {}
    for fold, positions in folds.items():
        print(f"tuning on the {'odd' if fold else 'even'}-numbered queries, for the others:")
        tuned = tune(evaluation, positions)
        weights.update(dict.fromkeys(folds[1 - fold], tuned))
    return weights


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="search the fusion weights")
    args = parser.parse_args()
    evaluation = Evaluation()
    counts = Counter(group_of(q) for q in evaluation.queries)
    print(
        f"{len(evaluation.documents)} documents ({evaluation.passage_count} passages), "
        f"{len(evaluation.queries)} queries: " + ", ".join(f"{counts[g]} {g}" for g in GROUPS)
    )
    weights = FusionWeights.from_settings()
    if args.tune:
        weights = tune(evaluation) or weights
    held_out = held_out_weights(evaluation)
    print(f"fusion: {weights}\n")
    scores = evaluation.scores(weights, held_out=held_out)
    print_table(scores)
    for row in ("hybrid", "hybrid, held out"):
        verdict = "wins" if wins_everywhere(scores, row) else "does NOT win"
        print(f"{row} {verdict}: beats every row cross-lingually and matches the best elsewhere")


if __name__ == "__main__":
    main()
