"""What counting views costs a page view, and whether sustained counting loses a count.

Usage: .venv/bin/python bench/view_counting.py [--seconds 20] [--connections 16] [--rounds 5]
           [--overhead-seconds 5] [--redis-url redis://127.0.0.1:6379/0]

Real HTTP with wrk: the bench migrates a fresh embedded portal in a temporary folder, adds a news
article, and serves it with `policyshare serve --no-worker` (gunicorn, 2 processes x 4 threads),
with rate limits off and one trusted proxy, so that wrk can play many visitors (each request has
an X-Forwarded-For address of its own and a browser's user agent).

1. Overhead, measured twice: with the article rendered for every request (the page cache off)
   and served from the page cache (as anonymous visitors get it). "Counting off" is wrk fetching
   the article; "counting on" is wrk doing what a browser does, the article and then its beacon
   (POST /analytics/hit), and page views/s is half its request rate. Printed: page views/s off
   and on, and the overhead, 1 - on/off: the server time the beacon adds to a page view; also
   the beacon alone and its cost relative to the page's (page rate / beacon rate). Medians of
   --rounds interleaved rounds of --overhead-seconds each.
2. Sustained counting. wrk posts beacons for --seconds, as fast as the server answers, while
   `policyshare flush-views --every 1` flushes concurrently; then a last flush. count in =
   beacons the server answered 204 (its access log), count stored = the sum of the counts in
   the database. Both are printed, with the beacon rate; the bench fails if they differ.
3. The buffer alone: 4 threads record hits straight into it (no HTTP) while a flush runs every
   second, for --seconds: hits/s and hits lost.

By default hits are buffered in the spool file (the embedded mode); --redis-url buffers them in
that Redis instead (its analytics keys are used, the rest is left alone).
"""

import argparse
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
POLICYSHARE = [sys.executable, "-m", "policyshare.cli"]
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
CREATE_ARTICLE = """
import datetime
from policyshare.core.models import HomePage
from policyshare.news.models import NewsIndexPage, NewsPage
home = HomePage.objects.get(locale__language_code="en")
index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
index.save_revision().publish()
text = "Seoul restricted grade-5 vehicles in the city centre. " * 40
body = [("paragraph", "<p>" + text + "</p>")]
article = index.add_child(instance=NewsPage(title="Green Transport Zone", slug="green",
    date=datetime.date(2020, 6, 11), author="bench", body=body))
article.save_revision().publish()
print("ARTICLE", article.pk, article.url)
"""
# Each request comes from a visitor of its own (through the one trusted proxy) with a browser.
LUA_COMMON = f"""
wrk.headers["User-Agent"] = "{BROWSER}"
local function visitor()
  return "198." .. math.random(18, 19) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
end
local beacon_body = "page=PAGE_ID&kind=view&ref=https%3A%2F%2Fsearch.example.net%2F"
local beacon_headers = {{["Content-Type"] = "application/x-www-form-urlencoded"}}
"""
LUA_PAGE = (
    LUA_COMMON
    + """
request = function()
  wrk.headers["X-Forwarded-For"] = visitor()
  return wrk.format("GET", "PAGE_PATH")
end
"""
)
LUA_BEACON = (
    LUA_COMMON
    + """
request = function()
  beacon_headers["X-Forwarded-For"] = visitor()
  beacon_headers["User-Agent"] = wrk.headers["User-Agent"]
  return wrk.format("POST", "/analytics/hit", beacon_headers, beacon_body)
end
"""
)
# A browser's page view: the page, then its beacon, from the same visitor.
LUA_PAGE_AND_BEACON = (
    LUA_COMMON
    + """
local turn = 0
local current = visitor()
request = function()
  turn = turn + 1
  if turn % 2 == 1 then
    current = visitor()
    wrk.headers["X-Forwarded-For"] = current
    return wrk.format("GET", "PAGE_PATH")
  end
  beacon_headers["X-Forwarded-For"] = current
  beacon_headers["User-Agent"] = wrk.headers["User-Agent"]
  return wrk.format("POST", "/analytics/hit", beacon_headers, beacon_body)
end
"""
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.3)
    sys.exit(f"the server at {url} did not answer")


def prepare(var_dir, redis_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.embedded",
        "POLICYSHARE_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'policyshare.sqlite3'}",
        "POLICYSHARE_DEMO": "0",
        "POLICYSHARE_RATELIMIT": "0",
        "POLICYSHARE_TRUSTED_PROXIES": "1",
        "POLICYSHARE_ANALYTICS_REDIS_URL": redis_url or "",
    }
    for command in (["migrate"], ["collectstatic"]):
        subprocess.run([*POLICYSHARE, *command, "--noinput", "-v", "0"], env=env, check=True)
    created = subprocess.run(
        [*POLICYSHARE, "shell", "-c", CREATE_ARTICLE],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    created = re.search(r"^ARTICLE (\d+) (\S+)$", created, re.M).groups()
    if redis_url:
        import redis

        connection = redis.Redis.from_url(redis_url)
        for key in connection.scan_iter("policyshare:analytics:*"):
            connection.delete(key)
    return env, int(created[0]), created[1]


def wrk(base, script, seconds, connections, var_dir):
    path = var_dir / "bench.lua"
    path.write_text(script)
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(path),
            base + "/",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"wrk failed: {result.stdout}{result.stderr}")
    result = result.stdout
    requests_done = int(re.search(r"(\d+) requests in", result).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result)
    socket_errors = re.search(r"Socket errors: (.*)", result)
    return {
        "requests": requests_done,
        "rate": rate,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "none",
    }


def stored_count(env):
    script = (
        "from django.db.models import Sum;"
        "from policyshare.analytics.models import DailyCount;"
        "print(DailyCount.objects.aggregate(t=Sum('views'))['t'] or 0)"
    )
    out = subprocess.run(
        [*POLICYSHARE, "shell", "-c", script], env=env, check=True, capture_output=True, text=True
    )
    return int(out.stdout.split()[-1])


class Server:
    def __init__(self, port, access_log):
        self.base = f"http://127.0.0.1:{port}"
        self.access_log = access_log


@contextlib.contextmanager
def serving(env, var_dir):
    """`policyshare serve` on a free port, its access log in a file of its own."""
    port = free_port()
    server = Server(port, var_dir / f"access-{port}.log")
    with server.access_log.open("w") as log:
        process = subprocess.Popen(
            [*POLICYSHARE, "serve", "--no-worker", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=log,
            stderr=subprocess.DEVNULL,
        )
    try:
        wait_for(f"{server.base}/healthz")
        yield server
    finally:
        process.terminate()
        process.wait(30)


# Hits recorded straight into the buffer by 4 threads while another thread flushes every second:
# what the counting itself sustains, without HTTP in front of it.
BUFFER_THROUGHPUT = """
import threading, time
from django.db.models import Sum
from django.test import RequestFactory
from policyshare.analytics.flush import flush_views
from policyshare.analytics.hits import PAGE, record_hit
from policyshare.analytics.models import DailyCount
before = DailyCount.objects.aggregate(t=Sum("views"))["t"] or 0
stop = threading.Event()
recorded = [0] * 4
def write(n):
    factory = RequestFactory()
    while not stop.is_set():
        request = factory.post("/", REMOTE_ADDR=f"10.{n}.{recorded[n] % 250}.1",
                               HTTP_USER_AGENT="Mozilla/5.0", HTTP_HOST="127.0.0.1")
        record_hit(request, kind="view", item_type=PAGE, item_id=PAGE_ID)
        recorded[n] += 1
def flush_loop():
    while not stop.wait(1):
        flush_views()
threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
flusher = threading.Thread(target=flush_loop)
start = time.perf_counter()
for thread in [*threads, flusher]:
    thread.start()
time.sleep(SECONDS)
stop.set()
for thread in [*threads, flusher]:
    thread.join()
elapsed = time.perf_counter() - start
flush_views()
stored = (DailyCount.objects.aggregate(t=Sum("views"))["t"] or 0) - before
print("BUFFER", sum(recorded), stored, elapsed)
"""


def buffer_throughput(env, page_id, seconds):
    code = BUFFER_THROUGHPUT.replace("PAGE_ID", str(page_id)).replace("SECONDS", str(seconds))
    out = subprocess.run(
        [*POLICYSHARE, "shell", "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout
    recorded, stored, elapsed = re.search(r"^BUFFER (\d+) (\d+) ([\d.]+)$", out, re.M).groups()
    return {
        "recorded": int(recorded),
        "stored": int(stored),
        "rate": int(recorded) / float(elapsed),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--overhead-seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--redis-url", default="")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    with tempfile.TemporaryDirectory(prefix="policyshare-bench-") as tmp:
        var_dir = Path(tmp)
        env, page_id, page_path = prepare(var_dir, args.redis_url)

        def script(template):
            return template.replace("PAGE_ID", str(page_id)).replace("PAGE_PATH", page_path)

        overhead = {}
        for page_cache in ("0", "1"):
            with serving({**env, "POLICYSHARE_PAGE_CACHE": page_cache}, var_dir) as server:

                def run(template, seconds, base=server.base):
                    return wrk(base, script(template), seconds, args.connections, var_dir)

                if not requests.get(server.base + page_path, timeout=30).ok:
                    sys.exit(f"the article {page_path} is not served")
                run(LUA_PAGE, 2)  # warm up both server processes (and the page cache)
                # Interleaved rounds, medians: the machine's other load drifts over a minute.
                rounds = {"off": [], "on": [], "beacon": []}
                for _round in range(args.rounds):
                    rounds["off"].append(run(LUA_PAGE, args.overhead_seconds)["rate"])
                    rounds["on"].append(run(LUA_PAGE_AND_BEACON, args.overhead_seconds)["rate"] / 2)
                    rounds["beacon"].append(run(LUA_BEACON, args.overhead_seconds)["rate"])
                overhead[page_cache] = {
                    name: statistics.median(rates) for name, rates in rounds.items()
                }

        subprocess.run([*POLICYSHARE, "flush-views", "-v", "0"], env=env, check=True)
        before_sustained = stored_count(env)
        with serving(env, var_dir) as server:
            flusher = subprocess.Popen(
                [*POLICYSHARE, "flush-views", "--every", "1", "-v", "0"], env=env
            )
            sustained = wrk(
                server.base, script(LUA_BEACON), args.seconds, args.connections, var_dir
            )
        flusher.terminate()  # it flushes once more on the way out
        flusher.wait(60)
        subprocess.run([*POLICYSHARE, "flush-views", "-v", "0"], env=env, check=True)
        count_in = server.access_log.read_text().count('"POST /analytics/hit HTTP/1.1" 204')
        count_stored = stored_count(env) - before_sustained
        pipeline = buffer_throughput(env, page_id, args.seconds)

    mode = "Redis" if args.redis_url else "spool file (embedded mode)"
    print(f"server: gunicorn 2 processes x 4 threads, SQLite (WAL), buffer: {mode}")
    print(f"wrk: 2 threads, {args.connections} connections; a visitor per request")
    print(f"overhead: medians of {args.rounds} interleaved rounds of {args.overhead_seconds} s")
    print("1. overhead of counting: page views/s without and with the beacon each view sends")
    for page_cache, label in (("0", "page rendered (no page cache)"), ("1", "page cache hit")):
        figures = overhead[page_cache]
        print(f"   {label}:")
        print(f"     counting off: page GET           {figures['off']:8.1f} page views/s")
        print(f"     counting on:  page GET + beacon  {figures['on']:8.1f} page views/s")
        print(
            "     overhead (1 - on/off):           "
            f"{100 * (1 - figures['on'] / figures['off']):8.1f} %"
        )
        print(
            f"     beacon alone {figures['beacon']:.1f}/s; beacon cost / page cost = "
            f"{100 * figures['off'] / figures['beacon']:.1f} %"
        )
    print(f"2. sustained counting over HTTP for {args.seconds} s, flush-views --every 1 running")
    print(
        f"   beacons sent {sustained['requests']} at {sustained['rate']:.1f}/s"
        f" (non-2xx {sustained['non_2xx']}, socket errors: {sustained['socket_errors']})"
    )
    print(f"   count in (204 answers): {count_in}   count stored: {count_stored}")
    print(f"   lost: {count_in - count_stored}")
    print(f"3. the buffer alone (4 threads recording hits, flush every second, {args.seconds} s):")
    print(
        f"   {pipeline['recorded']} hits at {pipeline['rate']:.0f}/s;"
        f" stored {pipeline['stored']}; lost {pipeline['recorded'] - pipeline['stored']}"
    )
    if count_in != count_stored or pipeline["recorded"] != pipeline["stored"]:
        sys.exit("counts were lost or doubled")


if __name__ == "__main__":
    main()
