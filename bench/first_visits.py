"""First visits at 10k items: what a page costs the first time it is rendered in a warmed process,
the second time, and after a purge, optionally against a baseline tree measured in the same run.

    .venv/bin/python bench/first_visits.py [--items 10000] [--baseline /tmp/listing-base]
    .venv/bin/python bench/first_visits.py --site DIR   # reuse a site --keep left behind
    .venv/bin/python bench/first_visits.py --profile publication [--site DIR]

The site is ``bench/load.py``'s (the demo content plus ``--items`` generated news articles, on
SQLite) and its mix: per page type, addresses that the warm-up leaves out. Each tree runs in a
worker process of its own, on its own copy of the site's database and cache, with the page cache
off, calling the portal's WSGI application (``policyshare.wsgi``, as granian does) directly. A
worker first visits the mix's warm-up addresses (templates compiled, the home page's and the
held-out pages' kept parts made); then, per page type and address, the two workers taking turns:

- "first": the address's first visit: nothing of that page is kept yet (its breadcrumbs,
  language links, related items; a news list page's articles), its images may have no renditions;
- "second": the same address again, with what the first visit kept;
- "purged": after a new page-cache generation (what publishing starts): kept parts are gone,
  renditions stay.

Per page type it prints CPU ms (``time.process_time`` around one request) median and max, the
queries of one request (median) and the ratio of the current tree's CPU medians to the
baseline's. Wall times on a shared machine are inflated by other load: CPU time is the figure.

``--profile TYPE`` prints the cProfile (CPU time) of the current tree's first visits of one page
type, top functions by cumulative time, and the queries of one first visit.
"""

import argparse
import io
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(ROOT))
import load  # noqa: E402 - bench/load.py, beside this file
from tree_workers import WorkerProcess, answer_commands  # noqa: E402

# Addresses per page type (the mix has 4 publications, 10 news list pages, 200 articles).
SAMPLE = 10
VISITS = ("first", "second", "purged")


def prepare(directory, items):
    """A site with ``items`` articles in ``directory``: its database as generated (no visit yet),
    the mix, and the collected static files."""
    site = load.Site(directory, f"sqlite:///{directory / 'db.sqlite3'}", None)
    mix = site.prepare(items)
    (directory / "mix.json").write_text(json.dumps(mix))
    shutil.copy(directory / "db.sqlite3", directory / "pristine.sqlite3")


# --- the worker process -----------------------------------------------------------------------


class Worker:
    def __init__(self, tree, site, scratch):
        shutil.copy(site / "pristine.sqlite3", scratch / "db.sqlite3")
        (scratch / "static").symlink_to(site / "static")
        for name in ("secret_key", "media"):
            source = site / name
            if source.is_dir():
                shutil.copytree(source, scratch / name)
            elif source.exists():
                shutil.copy(source, scratch / name)
        os.environ.update(load.rendering_environment(scratch))
        os.environ.pop("REDIS_URL", None)
        # Ahead of the editable install, so that a baseline tree runs its own code.
        sys.path.insert(0, str(tree))
        import django

        django.setup()
        import policyshare

        assert Path(policyshare.__file__).resolve().is_relative_to(Path(tree).resolve())
        from django.core.management import call_command

        call_command("migrate", verbosity=0)  # the tree's own migrations, e.g. a new index
        from policyshare.wsgi import application

        self.application = application
        self.mix = json.loads((site / "mix.json").read_text())
        for path in self.mix["warm_up"]:
            self.visit(path)

    def visit(self, path):
        """CPU ms, wall ms and queries of one request to ``path``, rendered whole."""
        from django.db import connection

        target, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": target,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "HTTP_HOST": "127.0.0.1:8000",
            "HTTP_ACCEPT_LANGUAGE": "en",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        statuses, statements = [], []
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        with connection.execute_wrapper(
            lambda execute, sql, *rest: statements.append(sql) or execute(sql, *rest)
        ):
            response = self.application(environ, lambda status, headers: statuses.append(status))
            try:
                b"".join(response)
            finally:
                getattr(response, "close", lambda: None)()
        cpu = (time.process_time() - started_cpu) * 1000
        wall = (time.perf_counter() - started_wall) * 1000
        assert statuses[0].startswith("200"), (path, statuses)
        return {"cpu": cpu, "wall": wall, "queries": len(statements), "sql": statements}

    def handle(self, command):
        if command["do"] == "groups":
            return self.mix["groups"]
        if command["do"] == "purge":
            from policyshare.caching.generation import new_generation

            new_generation()
            return {}
        answer = self.visit(command["path"])
        del answer["sql"]
        return answer


def serve_commands(tree, site):
    """Worker process: a tree's answers to the driver's commands (``bench/tree_workers.py``)."""
    scratch = Path(tempfile.mkdtemp(prefix="policyshare-first-visits-"))
    try:
        answer_commands(lambda: Worker(tree, site, scratch).handle)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- measuring --------------------------------------------------------------------------------


def sample(groups):
    rng = random.Random(1)
    return {
        name: rng.sample(paths, min(SAMPLE, len(paths)))
        for name, paths in groups.items()
        if name != "search"  # search has its own benchmarks (bench/search_*.py)
    }


def measure(workers):
    """Per tree, page type and visit: the answers of every sampled address, the workers taking
    turns address by address."""
    paths = sample(workers[0].ask(do="groups"))
    results = {(w.tree, name, visit): [] for w in workers for name in paths for visit in VISITS}
    for visit in VISITS:
        if visit == "purged":
            for worker in workers:
                worker.ask(do="purge")
        for name, addresses in paths.items():
            for path in addresses:
                for worker in workers:
                    results[worker.tree, name, visit].append(worker.ask(do="visit", path=path))
    return list(paths), results


def print_table(names, results, trees):
    current, baseline = trees[0], trees[1] if len(trees) > 1 else None
    columns = "".join(f" {visit + ' CPU p50/max':>19} {'q':>3}" for visit in VISITS)
    print(f"{'page':<12} {'tree':<9}{columns}" + (f" {'CPU ÷ base (p50)':>20}" if baseline else ""))
    for name in names:
        for tree in trees:
            line = f"{name:<12} {'baseline' if tree == baseline else 'current':<9}"
            for visit in VISITS:
                rows = results[tree, name, visit]
                cpu = [r["cpu"] for r in rows]
                queries = statistics.median(r["queries"] for r in rows)
                line += f" {statistics.median(cpu):10.1f} /{max(cpu):6.1f} {queries:>3.0f}"
            if baseline and tree == current:
                line += " " + " ".join(
                    f"{ratio(results, current, baseline, name, visit):5.2f}" for visit in VISITS
                )
            print(line)


def ratio(results, current, baseline, name, visit):
    def median(tree):
        return statistics.median(r["cpu"] for r in results[tree, name, visit])

    return median(current) / median(baseline)


def profile(site, name):
    import cProfile
    import pstats

    scratch = Path(tempfile.mkdtemp(prefix="policyshare-first-visits-"))
    worker = Worker(ROOT, site, scratch)
    addresses = sample(worker.mix["groups"])[name]
    first = worker.visit(addresses[0])
    print(f"Queries of the first visit to {addresses[0]}:")
    for number, sql in enumerate(first["sql"], 1):
        print(f"{number:3d}. {sql[:300]}")
    # CPU time, not wall time: on a shared machine waiting for a core is not this code's cost.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for path in addresses[1:]:
        worker.visit(path)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(70)
    shutil.rmtree(scratch, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--site", type=Path, help="a site prepared before (kept with --keep)")
    parser.add_argument("--keep", action="store_true", help="keep the prepared site")
    parser.add_argument("--baseline", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--profile", metavar="TYPE", help="page type to profile, e.g. publication")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        serve_commands(arguments.worker, arguments.site)
        return
    site = arguments.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="policyshare-first-visits-site-"))
        print(f"preparing a site with {arguments.items} articles in {site}", flush=True)
        prepare(site, arguments.items)
    try:
        if arguments.profile:
            profile(site, arguments.profile)
            return
        trees = [ROOT] + ([arguments.baseline.resolve()] if arguments.baseline else [])
        workers = [WorkerProcess(__file__, tree, "--site", site) for tree in trees]
        try:
            for worker in workers:
                worker.wait_ready()
            names, results = measure(workers)
        finally:
            for worker in workers:
                worker.close()
        print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print_table(names, results, trees)
    finally:
        if arguments.site is None and not arguments.keep:
            shutil.rmtree(site, ignore_errors=True)
        elif arguments.site is None:
            print(f"site kept in {site}: rerun with --site {site}")


if __name__ == "__main__":
    main()
