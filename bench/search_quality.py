"""Search quality on the bilingual evaluation set: nDCG@10 and Recall@10 of the site's rankings.

    .venv/bin/python bench/search_quality.py [--tune]

Corpus and judged queries: bench/search_eval/ (300 documents, 66 queries; see its README).
P@1 (is the first result relevant) is where equal-weight fusion was measured to lose to
analysed BM25 on Korean. The documents are published into a throwaway SQLite database as the
site indexes pages: keyword index entries (``indexing.entry_fields``, FTS5) and embedded
passages (``semantic.store.index_document``). Rankings:

1. whitespace BM25: lower-cased whitespace tokens, what a generic CMS search gives (baseline;
   computed in the bench);
2. analysed BM25: the site's keyword ranking, ``ranking.rank`` with ``keyword`` ranking (Kiwi for
   Korean, Snowball for English; title, summary and body weighted; every-word matches first);
   a textbook BM25 over the same analysed terms computed in the bench scores the same;
3. semantic: the site's ``semantic_search`` (multilingual-e5-small over the passages, scores
   calibrated per language);
4. equal-weight RRF: (2) and (3) fused with k=60 and every list weighted alike (reference);
5. hybrid: what the search page runs, ``ranking.rank`` with ``hybrid`` ranking and the weights
   in settings (``SEMANTIC_FUSION``);
6. hybrid, held out: ``ranking.rank`` with weights tuned on the other half of the queries only
   (two folds: odd and even query numbers; each half holds every group). This is the honest
   figure: the settings were tuned on all the queries.

Judgements are per item (a document and its translation are one item, as the search page shows
one result per item), so rankings are collapsed to items before scoring. Tuning fuses the
stored keyword and semantic rankings with ``fusion.fuse`` as ``ranking.rank`` does (the bench
checks that both give the same order with the settings' weights). ``--tune`` prints the best
weights of the grid on all the queries. Vectors are cached in var/bench/ by content hash, so
only the first run embeds the corpus.
"""

import argparse
import dataclasses
import itertools
import json
import math
import os
import sys
import tempfile
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
# The throwaway database the documents are published into.
_SCRATCH = Path(tempfile.mkdtemp(prefix="policyshare-search-quality-"))
os.environ["POLICYSHARE_VAR_DIR"] = str(_SCRATCH)
os.environ["DATABASE_URL"] = f"sqlite:///{_SCRATCH / 'quality.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.test import override_settings  # noqa: E402

from policyshare.search.query import parse  # noqa: E402
from policyshare.search.ranking import (  # noqa: E402
    KEYWORD_CANDIDATES,
    SEMANTIC_CANDIDATES,
    SEMANTIC_MIN_SCORE,
    rank,
)
from policyshare.semantic import search as semantic  # noqa: E402
from policyshare.semantic.embedder import content_key, embed_query, store_vectors  # noqa: E402
from policyshare.semantic.fusion import FusionWeights, fuse  # noqa: E402
from policyshare.semantic.store import passages_of  # noqa: E402
from policyshare.semantic.workers import encode_batch, start_worker  # noqa: E402

EVAL = ROOT / "bench" / "search_eval"
CACHE = ROOT / "var" / "bench" / "search_eval_vectors.npz"
CUTOFF = 10
DEPTH = SEMANTIC_CANDIDATES  # how far down each ranking is kept (fusion looks this far)
FIRST_PAGE_ID = 1_000_000
# Plain reciprocal rank fusion (k=60, every list alike): the untuned reference.
EQUAL_WEIGHTS = FusionWeights(
    k=60,
    keyword=1.0,
    keyword_partial=1.0,
    semantic_same_language=1.0,
    semantic_other_language=1.0,
    semantic_other_language_leading=1.0,
    leading_margin=0.0,
)
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
    """Put the passages' vectors into the site's embedding cache (``CachedEmbedding``), from the
    bench's vector file or, for text not in it, the model on ``workers`` processes."""
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
    keys = {content_key(text) for text in passages}
    store_vectors({key: cached[key].astype("<f4").tobytes() for key in keys})


def ndcg(ranked_items, relevant):
    gains = [1.0 if item in relevant else 0.0 for item in ranked_items[:CUTOFF]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), CUTOFF)))
    return dcg / ideal


def recall(ranked_items, relevant):
    return len(set(ranked_items[:CUTOFF]) & relevant) / len(relevant)


def first_relevant(ranked_items, relevant):
    return 1.0 if ranked_items[:1] and ranked_items[0] in relevant else 0.0


def publish(documents):
    """The evaluation documents as the site indexes published pages, in a new database: keyword
    index entries and embedded passages (document ``i`` is page ``FIRST_PAGE_ID + i``)."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from policyshare.search.documents import Document
    from policyshare.search.indexing import entry_fields
    from policyshare.search.models import IndexEntry
    from policyshare.semantic.store import index_document

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys = OFF")  # entries and passages without pages
    published = [
        Document(
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
        for index, d in enumerate(documents)
    ]
    passages = [text for document in published for text in passages_of(document)]
    embed_corpus(passages)
    with transaction.atomic():
        IndexEntry.objects.bulk_create(
            IndexEntry(page_id=document.page_id, **entry_fields(document, ()))
            for document in published
        )
        for document in published:
            index_document(document)  # every vector comes from the embedding cache
    return len(passages)


def site_rank(text, ranking, weights=None):
    """``ranking.rank``'s hits with ``ranking`` (``keyword`` or ``hybrid``) and the fusion
    ``weights`` (default: the settings')."""
    weights = weights or FusionWeights.from_settings()
    fusion = dataclasses.asdict(weights)
    with override_settings(POLICYSHARE_SEARCH_RANKING=ranking, SEMANTIC_FUSION=fusion):
        return rank(text, query_language(text))[:DEPTH]


def documents_of(hits):
    return [hit.page_id - FIRST_PAGE_ID for hit in hits]


def query_language(text):
    return parse(text, "ko").language


class Evaluation:
    def __init__(self):
        self.documents = load("documents.jsonl")
        self.queries = load("queries.jsonl")
        docs = self.documents
        self.passage_count = publish(docs)
        self.languages = {i: d["language"] for i, d in enumerate(docs)}
        self.whitespace = BM25([f"{d['title']} {d['text']}".lower().split() for d in docs])
        self.rankings = [self.rank_query(q) for q in self.queries]

    def rank_query(self, query):
        text = query["query"]
        found = semantic.semantic_search(text, SEMANTIC_CANDIDATES)
        keyword = site_rank(text, "keyword")
        return {
            "language": query_language(text),
            "whitespace BM25": self.whitespace.rank(text.lower().split()),
            "analysed BM25": documents_of(keyword),
            "complete": sum(hit.complete for hit in keyword),
            "semantic": [(page_id - FIRST_PAGE_ID, score) for page_id, score in found],
            "hybrid": documents_of(site_rank(text, "hybrid")),
        }

    def items(self, ranked_documents):
        return list(dict.fromkeys(self.documents[i]["item"] for i in ranked_documents))

    def fused(self, ranking, weights):
        """``ranking.rank``'s hybrid from the stored rankings: pages found by meaning alone
        only from a calibrated score up, then ``fuse``."""
        keyword = ranking["analysed BM25"][:KEYWORD_CANDIDATES]
        semantic = [
            (i, s) for i, s in ranking["semantic"] if i in keyword or s >= SEMANTIC_MIN_SCORE
        ]
        fused = fuse(
            keyword,
            semantic,
            self.languages,
            ranking["language"],
            weights,
            min(ranking["complete"], KEYWORD_CANDIDATES),
        )
        return [i for i, _ in fused][:DEPTH]

    def scores(self, weights, subset=None, held_out=None):
        """{row: {group: (nDCG@10, Recall@10, P@1)}} over the queries at the positions in
        ``subset`` (all by default). ``weights``: the fusion's for the hybrid row (None: the
        site's own ranking with the settings' weights); ``held_out``: the site's hybrid ranking
        with each query's held-out weights, by query position."""
        per = defaultdict(lambda: defaultdict(list))
        for position, (query, ranking) in enumerate(zip(self.queries, self.rankings, strict=True)):
            if subset is not None and position not in subset:
                continue
            relevant = set(query["relevant"])
            rows = {row: ranking[row] for row in ("whitespace BM25", "analysed BM25")}
            rows["semantic"] = [page_id for page_id, _ in ranking["semantic"]]
            rows["equal-weight RRF"] = self.fused(ranking, EQUAL_WEIGHTS)
            rows["hybrid"] = ranking["hybrid"] if weights is None else self.fused(ranking, weights)
            if held_out is not None:
                rows["hybrid, held out"] = held_out[position]
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

    def disagreements(self):
        """Queries where the stored rankings fused with the settings' weights differ from the
        site's hybrid ranking (tuning on them would then tune something else)."""
        weights = FusionWeights.from_settings()
        return [
            query["id"]
            for query, ranking in zip(self.queries, self.rankings, strict=True)
            if self.fused(ranking, weights) != ranking["hybrid"]
        ]


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
    sum of group nDCG@10; failing that, the highest sum. Only three weights are searched (the
    others keep the settings' values): with 11 queries per group and fold, a larger grid found
    weights that won on their fold and lost on the other."""
    best = None
    grid = itertools.product(
        (2, 5, 10, 30, 60),  # k
        (0.0, 0.25, 0.5, 0.75, 1.0),  # keyword hits lacking some of the words
        (0.25, 0.5, 0.75, 1.0),  # semantic, same language
    )
    settings_weights = FusionWeights.from_settings()
    for k, partial, same in grid:
        weights = dataclasses.replace(
            settings_weights, k=k, keyword_partial=partial, semantic_same_language=same
        )
        scores = evaluation.scores(weights, subset)
        total = (wins_everywhere(scores), sum(scores["hybrid"][g][0] for g in GROUPS))
        if best is None or total > best[0]:
            best = (total, weights)
    (wins, total), weights = best
    verdict = "winning every group" if wins else "NOT winning every group (none does)"
    print(f"best weights {verdict}: {weights} (sum of group nDCG@10 {total:.3f})")
    return weights


def held_out_rankings(evaluation):
    """The site's hybrid ranking of each query (by position) with weights tuned on the other
    fold (odd or even query number)."""
    folds = defaultdict(set)
    for position, query in enumerate(evaluation.queries):
        folds[int(query["id"].lstrip("q")) % 2].add(position)
    rankings = {}
    for fold, positions in folds.items():
        print(f"tuning on the {'odd' if fold else 'even'}-numbered queries, for the others:")
        tuned = tune(evaluation, positions)
        for position in folds[1 - fold]:
            text = evaluation.queries[position]["query"]
            rankings[position] = documents_of(site_rank(text, "hybrid", tuned))
    return rankings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="search the fusion weights")
    args = parser.parse_args()
    # The query's vector once per query: the semantic and the hybrid rankings each ask for it.
    semantic.embed_query = lru_cache(maxsize=None)(embed_query)
    evaluation = Evaluation()
    counts = Counter(group_of(q) for q in evaluation.queries)
    print(
        f"{len(evaluation.documents)} documents ({evaluation.passage_count} passages), "
        f"{len(evaluation.queries)} queries: " + ", ".join(f"{counts[g]} {g}" for g in GROUPS)
    )
    differ = evaluation.disagreements()
    print(
        "tuning path and ranking.rank agree on every query"
        if not differ
        else f"WARNING: tuning path and ranking.rank differ on {', '.join(differ)}"
    )
    if args.tune:
        tune(evaluation)
    held_out = held_out_rankings(evaluation)
    print(f"fusion (settings): {FusionWeights.from_settings()}\n")
    scores = evaluation.scores(None, held_out=held_out)
    print_table(scores)
    for row in ("hybrid", "hybrid, held out"):
        verdict = "wins" if wins_everywhere(scores, row) else "does NOT win"
        print(f"{row} {verdict}: beats every row cross-lingually and matches the best elsewhere")


if __name__ == "__main__":
    main()
