"""Load benchmark: requests/s and latency of the portal's pages over HTTP, uncached and from the
page cache (through Django's handler, and answered by the WSGI fast path in front of it), and
through the shipped nginx configuration with its one-second micro-cache, against nginx serving
the same HTML bytes from disk, on SQLite and PostgreSQL, with one and two app-server processes;
granian and gunicorn (gthread) compared on the same pages.

    .venv/bin/python bench/load.py [--items 10000] [--seconds 5] [--skip-postgresql]

- Content: the demo content plus ``--items`` generated news articles (half Korean, half English,
  title, summary and body recombined from the demo's sentences) written straight into the page
  tree (treebeard paths computed here, rows bulk-inserted: Wagtail's ``add_child`` takes a
  fraction of a second per page), with their keyword index entries, so search covers them; then
  the database is analysed, as a running site's is within a minute of a large import.
- The mix (bench/load/mix.lua picks at random from a weighted list): home pages 10%, policies
  20%, news listings (pages 1-5) 15%, articles 35% (200 of them), publications 10%, search 10%
  (keyword ranking: the semantic model is not loaded in web processes here). Rate limits off.
- wrk (Debian's package), one thread, 16 connections, ``--seconds`` per run, 10 s timeout, no
  compression. At 16 connections the uncached rows are saturated: their latency is mostly
  queueing. The "one visitor per process" rows give wrk as many connections as the server has
  processes, so each request is rendered while no other waits: their p50/p95/p99 are the latency
  one visitor sees for an uncached page on an unsaturated server. Each process serves first a
  few requests per page type on addresses outside the measured set (held out of the mix; the
  home pages, of which there are only two, are their own), as a process that has served before
  would have: the measured requests are then first visits of their addresses in a warmed
  process, with the kept fragments (``core/fragments.py``) of an earlier visit, the steady state
  after a deploy. "after a purge": the same, with a new page-cache generation started after the
  warm-up, so every measured first visit also builds the fragments it shows, as after a publish.
- "nginx static": every address of the mix saved to a file as the app served it, and served by
  nginx (two worker processes): the most this machine can send these bytes at. Each figure is
  given as a ratio to it.
- "CPU ms": CPU time (user and system, from /proc) the server's processes spent per request
  during the run: what a request costs the server, which the other load on a shared machine
  inflates far less than latency or requests/s. Cores needed = requests/s x CPU ms / 1000.
- "uncached": ``POLICYSHARE_PAGE_CACHE=0``; "cached": the page cache on, warmed by one request
  per address first. "via Django": the application is Django's own (``get_wsgi_application``),
  so a hit goes through Django's handler and the page-cache middleware; "fast path": the
  portal's ``policyshare.wsgi:application``, which answers hits in front of Django's handler
  (policyshare/caching/wsgi.py). App servers: granian (4 blocking threads a process) or
  gunicorn (gthread, 4 threads a process), without access logs.
- "nginx micro-cache": deploy/nginx/policyshare.conf as shipped (two nginx workers) in front of
  granian with the fast path; its CPU ms adds nginx's and the app server's.

Everything runs on this machine, load generator included: compare ratios within one run.
"""

import argparse
import concurrent.futures
import contextlib
import datetime
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from servers import cpu_seconds, start_nginx  # noqa: E402 - bench/servers.py, beside this file

BIN = Path(sys.executable).parent
MIX_SCRIPT = ROOT / "bench" / "load" / "mix.lua"
CONNECTIONS = 16
PORTAL_APPLICATION = "policyshare.wsgi:application"
DJANGO_FACTORY = "django.core.wsgi:get_wsgi_application"
ARTICLES_IN_MIX = 200
WEIGHTS = {
    "home": 10,
    "policy": 20,
    "news list": 15,
    "article": 35,
    "publication": 10,
    "search": 10,
}
# Searches of the warm-up, not in the mix (each process loads the Korean analyser on its first).
WARM_UP_SEARCHES = [("ko", "도시"), ("ko", "자전거"), ("en", "city"), ("en", "water")]
SEARCHES = {
    "ko": ["녹색교통지역", "대중교통", "미세먼지", "정상회의", "태양광"],
    "en": ["transport", "air quality", "summit", "solar power", "bicycle"],
}


# --- content, inside the site's settings (``bench/load.py --generate N``) --------------------


def purge():
    """Start a new page-cache generation (``bench/load.py --purge``, inside the site's
    settings), as publishing does."""
    import django

    django.setup()
    from policyshare.caching.generation import new_generation

    new_generation()


def generate(count):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    started = time.perf_counter()
    add_news(count)
    # The query planner's statistics, which a site has within a minute of a large import
    # (SQLite: as each connection closes, policyshare/core/sqlite; PostgreSQL: autovacuum).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"generated {count} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(json.dumps(mix_paths()))


def demo_text(language):
    import re

    from policyshare.search.models import IndexEntry

    sentences, words = [], []
    for entry in IndexEntry.objects.filter(language=language):
        text = f"{entry.summary}\n{entry.body}"
        sentences += [s.strip() for s in re.split(r"(?<=[.!?다])\s+|\n", text) if s.strip()]
        words += entry.title.split()
    return sentences, words


def add_news(count):
    """``count`` articles below the news index pages, written the way treebeard would lay them
    out, with their index entries."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.rich_text import RichText

    from policyshare.news.models import NewsIndexPage, NewsPage
    from policyshare.search import indexing
    from policyshare.search.documents import Document
    from policyshare.search.models import IndexEntry

    rng = random.Random(7)
    content_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    keys = [uuid.uuid4() for _ in range(count // 2 + 1)]
    for language in ("ko", "en"):
        index = NewsIndexPage.objects.get(locale__language_code=language)
        last = index.get_last_child()
        first_step = last._get_lastpos_in_path() + 1 if last else 1
        sentences, words = demo_text(language)
        pages, articles, documents = [], [], []
        for n in range(count // 2):
            title = " ".join(rng.sample(words, min(len(words), rng.randint(3, 7))))
            summary = rng.choice(sentences)
            body = [rng.choice(sentences) for _ in range(rng.randint(4, 12))]
            slug = f"generated-{n}"
            date = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 5800))
            page = Page(
                title=title,
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, first_step + n),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                locale_id=index.locale_id,
                translation_key=keys[n],
                live=True,
                first_published_at=now,
                last_published_at=now,
                draft_title=title,
            )
            pages.append(page)
            articles.append({"date": date, "summary": summary, "body": body, "title": title})
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=500)
            rows = [
                NewsPage(
                    page_ptr_id=page.pk,
                    date=article["date"],
                    author="seoulsolution",
                    summary=article["summary"],
                    body=[("paragraph", RichText(f"<p>{s}</p>")) for s in article["body"]],
                )
                for page, article in zip(pages, articles, strict=True)
            ]
            fields = NewsPage._meta.local_concrete_fields
            for start in range(0, len(rows), 500):
                NewsPage._base_manager._insert(rows[start : start + 500], fields=fields)
            Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
        for page, article in zip(pages, articles, strict=True):
            documents.append(
                Document(
                    page_id=page.pk,
                    translation_key=page.translation_key,
                    language=language,
                    kind="news",
                    title=page.title,
                    summary=article["summary"],
                    body="\n".join(article["body"]),
                    sector_slugs=(),
                    year=article["date"].year,
                    url=f"{index.url}{page.slug}/",
                )
            )
        words = indexing.user_words()
        with analysis_by_parts():
            entries = [
                IndexEntry(page_id=d.page_id, **indexing.entry_fields(d, words)) for d in documents
            ]
        IndexEntry.objects.bulk_create(entries, batch_size=500)


@contextlib.contextmanager
def analysis_by_parts():
    """The index's analysis, each line and each title word analysed once and reused: the
    generated texts are recombined from a few hundred sentences and words, and Kiwi's ~70
    documents/s would take minutes for 10k documents. Terms come out per part rather than
    phrase-ordered across parts, which changes nothing for the load the searches make."""
    from policyshare.search import indexing

    analyse = indexing.analysed
    known = {}

    def by_parts(text, language, words=None):
        parts = text.split("\n") if "\n" in text else text.split(" ")
        for part in parts:
            if (part, language) not in known:
                known[part, language] = analyse(part, language, words)
        return " ".join(known[part, language] for part in parts)

    indexing.analysed = by_parts
    try:
        yield
    finally:
        indexing.analysed = analyse


def mix_paths():
    """The mix's addresses by page type, and per type those held out of it to warm processes."""
    from policyshare.library.models import PublicationPage
    from policyshare.news.models import NewsIndexPage, NewsPage
    from policyshare.policies.models import PolicyPage

    rng = random.Random(11)

    def urls(model):
        return [page.url for page in model.objects.live().public()]

    def held_out(model):
        """The model's addresses, and the first of each language held out."""
        first_of_language = {}
        for page in model.objects.live().public().select_related("locale"):
            first_of_language.setdefault(page.locale.language_code, page.url)
        held = list(first_of_language.values())
        return [url for url in urls(model) if url not in held], held

    policies, policies_held = held_out(PolicyPage)
    publications, publications_held = held_out(PublicationPage)
    articles = urls(NewsPage)
    sampled = rng.sample(articles, min(ARTICLES_IN_MIX + 4, len(articles)))
    news_indexes = [index.url for index in NewsIndexPage.objects.live()]
    groups = {
        "home": ["/ko/", "/en/"],
        "policy": policies,
        "news list": [
            f"{url}?page={n}" if n > 1 else url for url in news_indexes for n in range(1, 6)
        ],
        "article": sampled[4:],
        "publication": publications,
        "search": [
            f"/{language}/search/?q={urllib.parse.quote(query)}"
            for language, queries in SEARCHES.items()
            for query in queries
        ],
    }
    warm_up = [
        "/ko/",
        "/en/",
        *policies_held,
        *[f"{url}?page=6" for url in news_indexes],
        *sampled[:4],
        *publications_held,
        *[
            f"/{language}/search/?q={urllib.parse.quote(query)}"
            for language, query in WARM_UP_SEARCHES
        ],
    ]
    return {"groups": {name: paths for name, paths in groups.items() if paths}, "warm_up": warm_up}


def rendering_environment(var_dir):
    """The settings of a process that renders this bench's site in ``var_dir``, page cache off:
    the servers here (with their own database URL), and ``bench/first_visits.py`` and
    ``bench/highlight_cost.py``, which render in process."""
    return {
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.embedded",
        "POLICYSHARE_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{Path(var_dir) / 'db.sqlite3'}",
        "POLICYSHARE_PAGE_CACHE": "0",
        "POLICYSHARE_RATELIMIT": "0",
        "POLICYSHARE_SEARCH_RANKING": "keyword",
        "LOG_LEVEL": "ERROR",
    }


# --- running servers --------------------------------------------------------------------------


class Site:
    def __init__(self, directory, database_url, static_root):
        self.directory = directory
        # The page cache is set per server start (``start``).
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
            **rendering_environment(directory),
            "DATABASE_URL": database_url,
            "PYTHONPATH": str(ROOT),
        }
        self.static_root = static_root
        # One port for every server of this site: the page cache's keys hold the host with its
        # port, so a new port per start would make each warm-up render every page again.
        self.port = free_port()

    def prepare(self, items):
        result = subprocess.run(
            [sys.executable, __file__, "--generate", str(items)],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            sys.exit(f"preparing the site failed:\n{result.stderr}")
        print("  " + result.stderr.strip().splitlines()[-1], flush=True)
        static = self.directory / "static"
        if self.static_root is None:
            subprocess.run(
                [str(BIN / "policyshare"), "collectstatic", "--noinput", "-v0"],
                env=self.env,
                cwd=ROOT,
                check=True,
            )
        elif not static.exists():
            static.symlink_to(self.static_root)
        # The last line: migrate and load-demo may have printed before it.
        return json.loads(result.stdout.strip().splitlines()[-1])

    def purge(self):
        subprocess.run([sys.executable, __file__, "--purge"], env=self.env, cwd=ROOT, check=True)

    def command(self, server, workers, port):
        """``server`` is "granian" or "gunicorn", with " via Django" for Django's own application
        (no fast path)."""
        bind = ["--host", "127.0.0.1", "--port", str(port)]
        name, _, via = server.partition(" via ")
        if name == "granian":
            app = ["--factory", DJANGO_FACTORY] if via else [PORTAL_APPLICATION]
            granian = [str(BIN / "granian"), "--interface", "wsgi", *bind, f"--workers={workers}"]
            return [*granian, "--blocking-threads=4", "--no-log", *app]
        app = f"{DJANGO_FACTORY}()" if via else PORTAL_APPLICATION
        gunicorn = [str(BIN / "gunicorn"), f"--bind=127.0.0.1:{port}", f"--workers={workers}"]
        return [*gunicorn, "--worker-class=gthread", "--threads=4", app]

    def start(self, server, workers, cached):
        port = self.port
        env = {**self.env, "POLICYSHARE_PAGE_CACHE": "1" if cached else "0"}
        process = subprocess.Popen(
            self.command(server, workers, port),
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until(lambda: fetch(f"{base}/healthz")[0] == 200, what=f"{server} on {port}")
        except BaseException:
            stop(process)
            raise
        return process, base


def free_port():
    from tests.services import free_port as tests_free_port

    return tests_free_port()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except OSError:
        return None, b""


def wait_until(condition, what, timeout=120):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            sys.exit(f"{what} did not start")
        time.sleep(0.2)


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def weighted(groups, rng):
    """About 1,000 paths, each group's share as its weight."""
    lines = []
    for name, paths in groups.items():
        share = WEIGHTS[name] * 10
        lines += [paths[i % len(paths)] for i in range(share)]
    rng.shuffle(lines)
    return lines


def wrk(base, paths_file, seconds, *servers, connections=CONNECTIONS):
    used = sum(cpu_seconds(server.pid) for server in servers)
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout=10s", "-s", str(MIX_SCRIPT)]
        + [base, "--", str(paths_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT"))
    requests, duration, p50, p95, p99, bad_status, socket_errors = line.split()[1:]
    used = sum(cpu_seconds(server.pid) for server in servers) - used
    return {
        "cpu_ms": 1000 * used / max(1, int(requests)),
        "rps": int(requests) / float(duration),
        "p50": int(p50) / 1000,
        "p95": int(p95) / 1000,
        "p99": int(p99) / 1000,
        "errors": int(bad_status) + int(socket_errors),
    }


def warm(base, paths, everything):
    """Check the addresses answer 200; with ``everything``, fill the page cache with all of
    them, else request a few (templates and database connections ready, as in production)."""
    addresses = sorted(set(paths))
    if not everything:
        # Each process loads the Korean analyser on its first search: some searches for each.
        searches = [path for path in addresses if "/search/" in path]
        addresses = addresses[:: max(1, len(addresses) // 20)] + searches * 3
    for path in addresses:
        status, _ = fetch(base + path)
        if status != 200:
            sys.exit(f"{base}{path} answered {status}")


def warm_processes(base, addresses, workers):
    """Every process of the server answers the warm-up addresses: each is requested 4 times per
    process over as many connections as processes, and the kernel hands each connection to
    whichever process accepts it first."""
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for status, _ in pool.map(fetch, [base + path for path in addresses * 4 * workers]):
            if status != 200:
                sys.exit(f"a warm-up address of {base} answered {status}")


STATIC_SERVER = """sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {d}/pages;
        default_type "text/html; charset=utf-8";
    }}"""


def nginx_static(base, paths, directory, seconds):
    """The mix's pages as files, served by nginx: the same bytes, read from disk."""
    pages = directory / "pages"
    pages.mkdir(parents=True)
    numbered = {path: f"/{n}.html" for n, path in enumerate(sorted(set(paths)))}
    for path, name in numbered.items():
        (pages / name.lstrip("/")).write_bytes(fetch(base + path)[1])
    (pages / "healthz").write_text("ok")
    port = free_port()
    process = start_nginx(directory, STATIC_SERVER.format(d=directory, port=port), port)
    paths_file = directory / "static-paths.txt"
    paths_file.write_text("\n".join(numbered[path] for path in paths) + "\n")
    try:
        return wrk(f"http://127.0.0.1:{port}", paths_file, seconds, process)
    finally:
        stop(process)


def micro_cache(site, paths, paths_file, directory, seconds):
    """The shipped nginx site (deploy/nginx/policyshare.conf, as tests/infra renders it) in
    front of two granian processes with the fast path and a warm page cache."""
    from tests.infra.test_several_app_servers import render_nginx_site

    directory.mkdir(parents=True)
    app, base = site.start("granian", 2, cached=True)
    try:
        tls = directory / "no-tls.conf"
        tls.write_text("# plain HTTP on loopback\n")
        port = free_port()
        app_port = int(base.rsplit(":", 1)[1])
        site_conf = directory / "policyshare.conf"
        site_conf.write_text(render_nginx_site([app_port], port, tls, directory / "micro-cache"))
        nginx = start_nginx(directory, f"include {site_conf};", port)
        try:
            # Through nginx: it passes the host without the port, and that is part of the key.
            warm(f"http://127.0.0.1:{port}", paths, everything=True)
            # And with wrk itself: nginx keeps one copy per Accept-Encoding (the pages vary on
            # it), and urllib's differs from wrk's, whose first requests would otherwise wait on
            # the cache lock.
            wrk(f"http://127.0.0.1:{port}", paths_file, 1, nginx, app)
            return wrk(f"http://127.0.0.1:{port}", paths_file, seconds, nginx, app)
        finally:
            stop(nginx)
    finally:
        stop(app)


def row(label, figures, limit):
    ratio = figures["rps"] / limit["rps"]
    errors = f"  ({figures['errors']} errors)" if figures["errors"] else ""
    print(
        f"  {label:<60} {figures['rps']:>8.0f} {figures['p50']:>7.1f} {figures['p95']:>7.1f} "
        f"{figures['p99']:>7.1f} {ratio:>8.3f} {figures['cpu_ms']:>7.2f}{errors}",
        flush=True,
    )


def header(title):
    print(f"\n{title}")
    print(
        f"  {'':<60} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'÷ nginx':>8} "
        f"{'CPU ms':>7}"
    )


def bench_database(name, site, items, seconds, scratch, compare_servers):
    print(f"\n== {name}: preparing the site with {items} generated articles", flush=True)
    mix = site.prepare(items)
    groups, warm_up = mix["groups"], mix["warm_up"]
    rng = random.Random(3)
    paths = weighted(groups, rng)
    paths_file = scratch / f"{name}-paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")

    process, base = site.start("granian", 1, cached=True)
    try:
        warm(base, paths, everything=True)
        limit = nginx_static(base, paths, scratch / f"{name}-nginx", seconds)
    finally:
        stop(process)

    header(
        f"{name}: {len(set(paths))} addresses, {CONNECTIONS} connections unless said,"
        f" {seconds} s each"
    )
    row("nginx static (same bytes)", limit, limit)
    results = {"nginx static": limit}
    # (server, processes, cached, connections, purged): connections None is CONNECTIONS,
    # saturating the server; purged: a new generation after the warm-up.
    runs = [
        ("granian", 1, False, 1, False),
        ("granian", 2, False, 2, False),
        ("granian", 1, False, None, False),
        ("granian", 2, False, None, False),
        # After the saturated rows, which expect the kept fragments of every address.
        ("granian", 1, False, 1, True),
        ("granian", 2, False, 2, True),
        ("granian via Django", 1, True, None, False),
        ("granian via Django", 2, True, None, False),
        ("granian", 1, True, None, False),
        ("granian", 2, True, None, False),
    ]
    if compare_servers:
        runs += [("gunicorn", 2, False, None, False), ("gunicorn", 2, True, None, False)]
    for server, workers, cached, connections, purged in runs:
        name_only, _, via = server.partition(" via ")
        kind = "uncached" if not cached else "cached via Django" if via else "cached, fast path"
        label = f"{name_only} {workers}p {kind}"
        if connections:
            label += ", one visitor per process" + (", after a purge" if purged else "")
        process, base = site.start(server, workers, cached)
        try:
            if connections:
                warm_processes(base, warm_up, workers)
                if purged:
                    site.purge()
            else:
                warm(base, paths, everything=cached)
            figures = wrk(
                base, paths_file, seconds, process, connections=connections or CONNECTIONS
            )
        finally:
            stop(process)
        results[label] = figures
        row(label, figures, limit)
    figures = micro_cache(site, paths, paths_file, scratch / f"{name}-micro-cache", seconds)
    results["nginx micro-cache"] = figures
    row("nginx micro-cache + granian 2p", figures, limit)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--skip-postgresql", action="store_true")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--purge", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.generate is not None:
        generate(arguments.generate)
        return
    if arguments.purge:
        purge()
        return
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    # Stopped from outside: still stop the servers and remove the scratch folder (finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    scratch = Path(tempfile.mkdtemp(prefix="policyshare-load-"))
    print(f"machine: {os.cpu_count()} cores; scratch: {scratch}")
    try:
        sqlite_dir = scratch / "sqlite"
        sqlite = Site(sqlite_dir, f"sqlite:///{sqlite_dir / 'site.sqlite3'}", None)
        bench_database("SQLite", sqlite, arguments.items, arguments.seconds, scratch, True)
        if not arguments.skip_postgresql:
            from tests.services import running_postgresql

            with running_postgresql() as cluster:
                cluster.create_database("load")
                postgresql = Site(
                    scratch / "postgresql", cluster.url("load"), sqlite_dir / "static"
                )
                postgresql.directory.mkdir()
                bench_database(
                    "PostgreSQL", postgresql, arguments.items, arguments.seconds, scratch, False
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
