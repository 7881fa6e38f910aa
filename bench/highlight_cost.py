"""Highlighting cost of the search page on a 10k-item site: CPU time of the highlighted titles
and snippets per search, and of the whole search page, first visits, against a baseline tree
measured in the same run.

    .venv/bin/python bench/highlight_cost.py [--baseline /tmp/highlight-base] [--rounds 2]
        [--site DIR]

- The site: bench/load.py's (the demo content plus 10,000 generated news articles with their
  index entries, keyword ranking), built in a temporary directory, or the one in ``--site DIR``
  (built there on the first run, reused after).
- The searches: bench/load.py's five per language and the 60 Korean and English queries of
  bench/search_eval, each visited once per worker through Django's test client with the page
  cache off (``POLICYSHARE_PAGE_CACHE=0``): first visits in a process that has served a few
  other searches (warm-up: the Korean model loaded).
- Per search: "page CPU ms", ``time.process_time`` around the request; "highlight CPU ms", the
  part of it spent in ``highlight`` and ``snippet`` (wrapped where the results call them);
  "analysed chars", the characters given to the documents' analyser (Kiwi's cost is
  proportional to them, about 11 µs per character).
- With ``--baseline DIR`` (``git worktree add --detach DIR <commit>``) a worker per tree and
  round runs in turn (baseline, current, baseline, …), so both see the same machine load; the
  table gives medians, p95 and the ratio current/baseline, and says whether every search showed
  the same titles and snippets (marks included) in both trees.
"""

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402 - bench/load.py, beside this file

ITEMS = 10_000
WARM_UP = [("ko", "도시"), ("ko", "자전거"), ("en", "city"), ("en", "water")]


def searches():
    queries = [(language, q) for language, qs in load.SEARCHES.items() for q in qs]
    with (ROOT / "bench" / "search_eval" / "queries.jsonl").open() as lines:
        for line in lines:
            query = json.loads(line)
            queries.append((query["language"], query["query"]))
    return queries


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# --- the worker: one tree, one round ----------------------------------------------------------


def worker(tree, site):
    os.environ.update(load.rendering_environment(site))
    # Ahead of the editable install, so that a baseline tree runs its own code.
    sys.path.insert(0, str(tree))
    import django

    django.setup()
    import policyshare

    assert Path(policyshare.__file__).resolve().is_relative_to(Path(tree).resolve())
    from django.test import Client

    from policyshare.search import analysis, results

    spent = {"highlight": 0.0, "chars": 0, "shown": []}

    def timed(function):
        def wrapper(*args, **kwargs):
            started = time.process_time()
            shown = function(*args, **kwargs)
            spent["highlight"] += time.process_time() - started
            spent["shown"].append(str(shown))
            return shown

        return wrapper

    results.highlight = timed(results.highlight)
    results.snippet = timed(results.snippet)
    for analyser in (analysis.KoreanAnalyser, analysis.EnglishAnalyser):

        def counted(self, text, analyse=analyser.analyse):
            spent["chars"] += len(text)
            return analyse(self, text)

        analyser.analyse = counted

    client = Client(HTTP_HOST="127.0.0.1")
    for language, query in WARM_UP:
        client.get(f"/{language}/search/", {"q": query})
    rows = []
    for language, query in searches():
        spent.update(highlight=0.0, chars=0, shown=[])
        started = time.process_time()
        response = client.get(f"/{language}/search/", {"q": query})
        page = time.process_time() - started
        assert response.status_code == 200, (query, response.status_code)
        rows.append(
            {
                "language": language,
                "query": query,
                "page": page * 1000,
                "highlight": spent["highlight"] * 1000,
                "chars": spent["chars"],
                "texts": len(spent["shown"]),
                "shown": hashlib.sha256("\x00".join(spent["shown"]).encode()).hexdigest(),
            }
        )
    print(json.dumps(rows))


# --- the driver -------------------------------------------------------------------------------


def run_worker(tree, site):
    result = subprocess.run(
        [sys.executable, __file__, "--worker", str(tree), "--site", str(site)],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"the worker for {tree} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def prepare(site):
    if (site / "db.sqlite3").exists():
        return
    print(f"building a site with {ITEMS} generated articles in {site} …", flush=True)
    load.Site(site, f"sqlite:///{site / 'db.sqlite3'}", None).prepare(ITEMS)


def summary(rows, language, key):
    values = [row[key] for row in rows if row["language"] == language]
    return statistics.median(values), percentile(values, 0.95)


def report(trees, measured):
    print(f"\n{len(measured[trees[0]])} rounds; load average {load_average()}")
    header = (
        f"{'':34}"
        + "".join(f"{name:>22}" for name in trees)
        + (f"{'ratio':>12}" if len(trees) > 1 else "")
    )
    print(header)
    for language in ("ko", "en"):
        for key, label in (
            ("highlight", "highlight CPU ms"),
            ("page", "page CPU ms"),
            ("chars", "analysed chars"),
        ):
            cells, medians = [], []
            for name in trees:
                rows = [row for rnd in measured[name] for row in rnd]
                median, p95 = summary(rows, language, key)
                medians.append(median)
                cells.append(f"{median:>10.1f} (p95 {p95:>6.1f})")
            ratio = f"{medians[1] / medians[0]:>12.2f}" if len(trees) > 1 and medians[0] else ""
            print(f"{language} {label:<31}" + "".join(f"{c:>22}" for c in cells) + ratio)
    if len(trees) > 1:
        first = {name: measured[name][0] for name in trees}
        same = sum(
            a["shown"] == b["shown"] for a, b in zip(first[trees[0]], first[trees[1]], strict=True)
        )
        print(
            f"\nsame titles and snippets in both trees: {same} of {len(first[trees[0]])} searches"
        )
        for a, b in zip(first[trees[0]], first[trees[1]], strict=True):
            if a["shown"] != b["shown"]:
                print(f"  differs: {a['language']} {a['query']!r}")


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--site", type=Path, help="keep (and reuse) the 10k-item site here")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.site)
        return
    site = args.site or Path(tempfile.mkdtemp(prefix="policyshare-highlight-bench-"))
    site.mkdir(parents=True, exist_ok=True)
    prepare(site)
    trees = {"baseline": args.baseline, "current": ROOT} if args.baseline else {"current": ROOT}
    measured = {name: [] for name in trees}
    started = time.perf_counter()
    for _ in range(args.rounds):
        for name, tree in trees.items():
            measured[name].append(run_worker(tree, site))
    print(f"measured in {time.perf_counter() - started:.0f} s")
    report(list(trees), measured)


if __name__ == "__main__":
    main()
