"""What a request pays on SQLite for opening its own connection, against one kept open.

    .venv/bin/python bench/sqlite_connections.py [--requests 200]

Each "request" reads one page by its key through Django, from the demo site's database
(``bench/render_cost.py``'s throwaway copy: the whole schema, which each new connection reads
first) with the shipped settings (WAL, ``init_command``); no other connection is open, as on an
unsaturated server between requests. "a connection per request" closes the connection after
each query (``CONN_MAX_AGE=0``, the setting before); "kept" leaves it open (the shipped
``CONN_MAX_AGE``). The two alternate in rounds in one process; figures are medians of wall and CPU
time per request, in ms.
"""

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    arguments = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.embedded"
    from render_cost import setup

    setup(ROOT)
    from django.db import connection
    from wagtail.models import Page

    key = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
    connection.close()

    def request(close):
        wall, cpu = time.perf_counter(), time.process_time()
        Page.objects.filter(pk=key).values_list("title", flat=True).get()
        if close:
            connection.close()
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    figures = {"a connection per request": [], "kept": []}
    for _ in range(arguments.requests // 20):
        for label, close in (("a connection per request", True), ("kept", False)):
            figures[label] += [request(close) for _ in range(20)]
            connection.close()
    print(f"{arguments.requests} requests each, SQLite {connection.Database.sqlite_version}")
    print(f"{'':26} {'wall ms':>8} {'CPU ms':>8}")
    for label, rows in figures.items():
        wall = statistics.median(row[0] for row in rows)
        cpu = statistics.median(row[1] for row in rows)
        print(f"{label:26} {wall:8.2f} {cpu:8.2f}")


if __name__ == "__main__":
    main()
