"""Uncached rendering cost of the main public pages, against robots.txt measured in the same run.

    .venv/bin/python bench/render_cost.py [--repeats 30] [--profile "news list"]

Runs in a throwaway SQLite database with the demo content and the page cache off
(``POLICYSHARE_PAGE_CACHE=0``): every request renders the page. Prints per page type the median
time of one request through Django's test client (ms), the number of SQL queries it makes
(counted by an execute wrapper), and the ratio of its median to that of robots.txt (a trivial
view: the floor of one request).
``--profile NAME`` prints the cProfile of that page type instead of the table.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup():
    scratch = Path(tempfile.mkdtemp(prefix="policyshare-render-bench-"))
    os.environ["POLICYSHARE_VAR_DIR"] = str(scratch)
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
    os.environ["POLICYSHARE_PAGE_CACHE"] = "0"
    os.environ["POLICYSHARE_RATELIMIT"] = "0"
    os.environ["POLICYSHARE_SEARCH_RANKING"] = "keyword"
    os.environ.pop("POLICYSHARE_DEMO", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
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

    paths = {"robots.txt (baseline)": "/robots.txt"}
    for language in ("ko", "en"):
        paths[f"home {language}"] = f"/{language}/"
        paths[f"policy {language}"] = first(PolicyPage, language)
        paths[f"news list {language}"] = first(NewsIndexPage, language)
        paths[f"article {language}"] = first(NewsPage, language)
        paths[f"publication {language}"] = first(PublicationPage, language)
        paths[f"search {language}"] = f"/{language}/search/?q=policy"
    return {name: path for name, path in paths.items() if path}


def measure(client, path, repeats):
    from django.db import connection

    response = client.get(path)  # warm templates and lazy imports once
    assert response.status_code == 200, (path, response.status_code)
    queries = []
    # An execute wrapper counts every statement, whatever the connection's debug log holds.
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        client.get(path)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--profile", help="page type to profile, e.g. 'news list en'")
    arguments = parser.parse_args()
    setup()
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    paths = page_paths()
    if arguments.profile:
        import cProfile
        import pstats

        path = paths[arguments.profile]
        client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(arguments.repeats):
            client.get(path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return
    print(f"{'page':<24} {'median ms':>10} {'queries':>8} {'x robots.txt':>13}   path")
    baseline = None
    for name, path in paths.items():
        median, queries = measure(client, path, arguments.repeats)
        baseline = baseline or median
        print(f"{name:<24} {median:10.2f} {queries:8d} {median / baseline:13.1f}   {path}")


if __name__ == "__main__":
    main()
