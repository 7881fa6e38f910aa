"""Uncached rendering cost of the main public pages: SQL queries and CPU time per request, with
the caches cold and with the fragment caches warm, optionally against a baseline tree measured
in the same run.

    .venv/bin/python bench/render_cost.py [--repeats 15] [--baseline /tmp/render-base]
    .venv/bin/python bench/render_cost.py --profile "home en" [--repeats 10]

Each tree runs in a worker process of its own with a throwaway SQLite database holding the demo
content and the page cache off (``POLICYSHARE_PAGE_CACHE=0``), so every request renders the page
through Django's test client. Per page type it prints:

- queries: SQL statements of one request (counted by an execute wrapper), "cold" right after the
  shared cache was cleared (no cached menu, fragments or rendition lookups), "warm" on a repeat
  visit;
- CPU ms (``time.process_time`` of the worker around one request) median and p95, cold (the
  cache cleared before every request) and warm (fragment caches filled, page cache still off);
- wall ms median, warm: on a shared machine the other load inflates it far more than CPU time.

With ``--baseline DIR`` (e.g. a ``git worktree add /tmp/render-base HEAD`` of the old commit) the
two workers take turns, a few requests each, so both see the same machine load; the table gives
the ratio of the current tree's CPU medians to the baseline's.

``--profile NAME`` prints, for the current tree and one page type, the queries of a cold request
and the cProfile (CPU time) of ``--repeats`` cold requests, top functions by cumulative time.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tree_workers import WorkerProcess, answer_commands

ROOT = Path(__file__).resolve().parent.parent
# Requests a worker makes in one turn before the other tree's worker takes its turn.
TURN = 5


def setup(tree):
    scratch = Path(tempfile.mkdtemp(prefix="policyshare-render-bench-"))
    os.environ["POLICYSHARE_VAR_DIR"] = str(scratch)
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
    os.environ["POLICYSHARE_PAGE_CACHE"] = "0"
    os.environ["POLICYSHARE_RATELIMIT"] = "0"
    os.environ["POLICYSHARE_SEARCH_RANKING"] = "keyword"
    os.environ.pop("POLICYSHARE_DEMO", None)
    # Ahead of the editable install, so that a baseline tree runs its own code.
    sys.path.insert(0, str(tree))
    import django

    django.setup()
    import policyshare

    assert Path(policyshare.__file__).resolve().is_relative_to(Path(tree).resolve())
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def page_paths():
    from policyshare.library.models import PublicationPage
    from policyshare.news.models import NewsIndexPage, NewsPage
    from policyshare.policies.models import PolicyPage

    def first(model, language):
        page = model.objects.live().public().filter(locale__language_code=language).first()
        return page.url if page else None

    paths = {}
    for language in ("ko", "en"):
        paths[f"home {language}"] = f"/{language}/"
        paths[f"policy {language}"] = first(PolicyPage, language)
        paths[f"news list {language}"] = first(NewsIndexPage, language)
        paths[f"article {language}"] = first(NewsPage, language)
        paths[f"publication {language}"] = first(PublicationPage, language)
        paths[f"search {language}"] = f"/{language}/search/?q=policy"
    return {name: path for name, path in paths.items() if path}


class Worker:
    """Renders pages of one tree on request (in the worker process)."""

    def __init__(self):
        from django.test import Client

        self.client = Client(HTTP_ACCEPT_LANGUAGE="en")
        self.paths = page_paths()
        for path in self.paths.values():
            # Templates compiled, lazy imports done and image renditions made once.
            response = self.client.get(path)
            assert response.status_code == 200, (path, response.status_code)

    def get(self, path, cold):
        from django.core.cache import caches

        if cold:
            for cache in caches.all():
                cache.clear()
        return self.client.get(path)

    def queries(self, name, cold):
        from django.db import connection

        path = self.paths[name]
        self.get(path, cold=False)
        statements = []
        # An execute wrapper counts every statement, whatever the connection's debug log holds.
        with connection.execute_wrapper(
            lambda execute, sql, *rest: statements.append(sql) or execute(sql, *rest)
        ):
            self.get(path, cold)
        return statements

    def timings(self, name, cold, count):
        path = self.paths[name]
        cpu, wall = [], []
        if not cold:
            self.get(path, cold=False)  # the previous turn may have left the cache empty
        for _ in range(count):
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            self.get(path, cold)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started_wall) * 1000)
        return {"cpu": cpu, "wall": wall}

    def handle(self, command):
        if command["do"] == "paths":
            return self.paths
        if command["do"] == "queries":
            return len(self.queries(command["name"], command["cold"]))
        return self.timings(command["name"], command["cold"], command["count"])


def serve_commands(tree):
    """Worker process: a tree's answers to the driver's commands (``bench/tree_workers.py``)."""

    def start():
        setup(tree)
        return Worker().handle

    answer_commands(start)


def p95(values):
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def measure(workers, repeats):
    """Per tree and page type: cold/warm query counts and CPU/wall times, the workers taking
    turns of TURN requests."""
    names = list(workers[0].ask(do="paths"))
    results = {}
    for name in names:
        for worker in workers:
            results[worker.tree, name] = {
                "queries cold": worker.ask(do="queries", name=name, cold=True),
                "queries warm": worker.ask(do="queries", name=name, cold=False),
                "cold": {"cpu": [], "wall": []},
                "warm": {"cpu": [], "wall": []},
            }
        for mode in ("cold", "warm"):
            done = 0
            while done < repeats:
                count = min(TURN, repeats - done)
                for worker in workers:
                    times = worker.ask(do="time", name=name, cold=mode == "cold", count=count)
                    for kind in ("cpu", "wall"):
                        results[worker.tree, name][mode][kind] += times[kind]
                done += count
    return names, results


def print_table(names, results, trees):
    current = trees[0]
    baseline = trees[1] if len(trees) > 1 else None
    header = (
        f"{'page':<16} {'tree':<9} {'queries':>11} {'CPU ms cold':>15} {'CPU ms warm':>15}"
        f" {'wall ms':>8}"
    )
    if baseline:
        header += f" {'CPU ÷ base':>14}"
    print(header)
    print(
        f"{'':<16} {'':<9} {'cold/warm':>11} {'p50 / p95':>15} {'p50 / p95':>15} {'p50':>8}", end=""
    )
    print(f" {'cold / warm':>14}" if baseline else "")
    for name in names:
        for tree in trees:
            row = results[tree, name]
            label = "baseline" if tree == baseline else "current"
            cold, warm = row["cold"]["cpu"], row["warm"]["cpu"]
            line = (
                f"{name:<16} {label:<9} {row['queries cold']:>5}/{row['queries warm']:<5}"
                f" {statistics.median(cold):7.1f} /{p95(cold):6.1f}"
                f" {statistics.median(warm):7.1f} /{p95(warm):6.1f}"
                f" {statistics.median(row['warm']['wall']):8.1f}"
            )
            if baseline and tree == current:
                base = results[baseline, name]
                line += (
                    f" {statistics.median(cold) / statistics.median(base['cold']['cpu']):6.2f} /"
                    f"{statistics.median(warm) / statistics.median(base['warm']['cpu']):6.2f}"
                )
            print(line)
    everything = {
        tree: [t for name in names for t in results[tree, name]["cold"]["cpu"]] for tree in trees
    }
    for tree in trees:
        label = "baseline" if tree == baseline else "current"
        print(
            f"all pages, {label}, cold: CPU ms p50 {statistics.median(everything[tree]):.1f},"
            f" p95 {p95(everything[tree]):.1f}"
        )


def profile(name, repeats):
    import cProfile
    import pstats

    setup(ROOT)
    worker = Worker()
    print(f"Queries of one cold request to {name} ({worker.paths[name]}):")
    for number, sql in enumerate(worker.queries(name, cold=True), 1):
        print(f"{number:3d}. {sql[:300]}")
    # CPU time, not wall time: on a shared machine waiting for a core is not this code's cost.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(repeats):
        worker.get(worker.paths[name], cold=True)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--profile", metavar="NAME", help="page type to profile, e.g. 'home en'")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        serve_commands(arguments.worker)
        return
    if arguments.profile:
        profile(arguments.profile, arguments.repeats)
        return
    trees = [ROOT] + ([arguments.baseline.resolve()] if arguments.baseline else [])
    workers = [WorkerProcess(__file__, tree) for tree in trees]
    for worker in workers:
        worker.wait_ready()
    try:
        names, results = measure(workers, arguments.repeats)
    finally:
        for worker in workers:
            worker.close()
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print_table(names, results, trees)


if __name__ == "__main__":
    main()
