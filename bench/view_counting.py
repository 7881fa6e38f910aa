"""What counting views costs a page view, and whether sustained counting loses a count.

Usage: .venv/bin/python bench/view_counting.py [--seconds 20] [--connections 16] [--rounds 3]
           [--overhead-seconds 5] [--workers 2] [--redis-url redis://127.0.0.1:6379/0]
           [--nginx-rate 2000] [--beacon-transport auto|unix|udp] [--only-nginx]

Real HTTP with wrk against a throwaway embedded portal (bench/servers.py) with one news article,
served by `policyshare serve --no-worker` (gunicorn, --workers processes x 4 threads), with rate
limits off and one trusted proxy, so that wrk can play many visitors (each request has an
X-Forwarded-For address of its own and a browser's user agent). Beacons from visitors without a
session are answered in front of Django's handler (policyshare/analytics/wsgi.py).

Every run is measured twice: requests/s (wall clock, inflated by whatever else loads the machine)
and the server's CPU time per request (user + system of its process group, from /proc), which
the machine's other load does not change much.

1. Cost, with the article rendered for every request (the page cache off) and served from the
   page cache (as anonymous visitors get it): the page alone, the beacon alone, and a browser's
   page view (the page, then its beacon; page views/s is half the request rate). Printed: rates
   and CPU ms per request, the beacon's CPU cost as a share of the page's, and the throughput
   overhead 1 - (views/s with the beacon) / (views/s without). Medians of --rounds interleaved
   rounds of --overhead-seconds each.
2. Sustained counting. wrk posts beacons for --seconds, as fast as the server answers, while
   `policyshare flush-views --every 1` flushes concurrently; then a last flush. count in =
   beacons the server answered 204 (its access log), count stored = the sum of the counts in
   the database. Both are printed, with the beacon rate; the bench fails if they differ.
3. The buffer alone: 4 threads record hits straight into it (no HTTP) while a flush runs every
   second, for --seconds: hits/s and hits lost.

4. Behind nginx (deploy/nginx/policyshare.conf as shipped, two workers, `set_real_ip_from` so
   that each wrk visitor has its address): pages from the one-second micro-cache, and beacons
   answered by nginx and counted by `policyshare collect-beacons`. The same three rounds as in 1,
   plus a fourth: the page requested as a browser navigates (Sec-Fetch-Mode: navigate,
   Sec-Fetch-Dest: document), which this bench's nginx (not the shipped one) logs to the
   collector, to measure what counting page requests at nginx would cost it. CPU per request is
   printed for nginx, the collector and the app server apart. As fast as wrk sends, beacons
   outrun one collector and the kernel drops lines: printed are the beacons nginx answered vs
   those the collector received and counted. Then sustained beacons for --seconds, paced at about
   --nginx-rate per second (a rate the collector keeps up with), with flush-views --every 1:
   count in = beacons nginx answered 204 (wrk), count stored after the collector's graceful stop
   and a last flush, and the CPU per counted beacon of nginx and the collector. The collector
   listens on a unix socket, or on UDP on loopback when the kernel queues fewer than 512
   datagrams on a unix socket (net.unix.max_dgram_qlen; --beacon-transport overrides).

By default hits are buffered in the spool file (the embedded mode); --redis-url buffers them in
that Redis instead (its analytics keys are used, the rest is left alone).
"""

import argparse
import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
from pathlib import Path

import requests
from servers import POLICYSHARE, cpu_seconds, policyshare, portal, serving, start_nginx

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


# Beacons as the page's script sends them to nginx: the fields in the query string, no body.
TO_NGINX = (
    '"/analytics/hit", beacon_headers, beacon_body',
    '"/analytics/hit?" .. beacon_body, beacon_headers',
)
LUA_NGINX_BEACON = LUA_BEACON.replace(*TO_NGINX)
LUA_NGINX_PAGE_AND_BEACON = LUA_PAGE_AND_BEACON.replace(*TO_NGINX)
# A browser's navigation, by its Fetch Metadata headers (plain HTTP clients and link previews
# send none): for the question whether nginx could count page requests instead of beacons.
LUA_NAVIGATION = LUA_PAGE.replace(
    "request = function()",
    'wrk.headers["Sec-Fetch-Mode"] = "navigate"\n'
    'wrk.headers["Sec-Fetch-Dest"] = "document"\n'
    "request = function()",
)
# The beacon's address comes from wrk's X-Forwarded-For, so that visitors differ.
REAL_IP = "set_real_ip_from 127.0.0.1; real_ip_header X-Forwarded-For;"
# Not shipped: a line to the collector for every navigation nginx serves, in the beacon's format
# (no page id in it, so the collector reads and drops it), to measure what logging a line per
# page costs nginx. Pages without the headers (LUA_PAGE) are not logged.
NAVIGATION_MAP = """map "$http_sec_fetch_mode:$http_sec_fetch_dest" $policyshare_navigation {
        "navigate:document" 1;
        default 0;
    }"""
NAVIGATION_LOG = (
    "access_log syslog:server={beacons},nohostname,tag=policyshare policyshare_beacon"
    " if=$policyshare_navigation;"
)


def add_article(env, redis_url):
    created = policyshare(env, "shell", "-c", CREATE_ARTICLE)
    page_id, page_path = re.search(r"^ARTICLE (\d+) (\S+)$", created, re.M).groups()
    if redis_url:
        import redis

        connection = redis.Redis.from_url(redis_url)
        for key in connection.scan_iter("policyshare:analytics:*"):
            connection.delete(key)
    return int(page_id), page_path


def wrk(server, script, seconds, connections, var_dir):
    path = var_dir / "bench.lua"
    path.write_text(script)
    cpu_before = cpu_seconds(server.pid)
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
            server.base + "/",
        ],
        capture_output=True,
        text=True,
    )
    cpu = cpu_seconds(server.pid) - cpu_before
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
        "cpu_ms": 1000 * cpu / max(requests_done, 1),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "none",
    }


def stored_count(env):
    script = (
        "from django.db.models import Sum;"
        "from policyshare.analytics.models import DailyCount;"
        "print(DailyCount.objects.aggregate(t=Sum('views'))['t'] or 0)"
    )
    return int(policyshare(env, "shell", "-c", script).split()[-1])


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
    out = policyshare(env, "shell", "-c", code)
    recorded, stored, elapsed = re.search(r"^BUFFER (\d+) (\d+) ([\d.]+)$", out, re.M).groups()
    return {
        "recorded": int(recorded),
        "stored": int(stored),
        "rate": int(recorded) / float(elapsed),
    }


def beacon_address(var_dir, transport):
    if transport == "auto":
        queue = int(Path("/proc/sys/net/unix/max_dgram_qlen").read_text())
        transport = "unix" if queue >= 512 else "udp"
    if transport == "unix":
        return f"unix:{var_dir / 'beacons.sock'}"
    return f"127.0.0.1:{free_port_udp()}"


def free_port_udp():
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def behind_nginx(env, var_dir, app, beacons):
    """nginx (its own process group) with the shipped site in front of ``app``, and the
    collector; yields a Server whose base is nginx and the collector's process."""
    from servers import Server

    from tests.infra.test_several_app_servers import render_nginx_site
    from tests.services import free_port

    directory = var_dir / "nginx"
    directory.mkdir(exist_ok=True)
    (directory / "tls.conf").write_text("# plain HTTP\n")
    port = free_port()
    app_port = int(app.base.rsplit(":", 1)[1])
    site = directory / "site.conf"
    rendered = render_nginx_site(
        [app_port], port, directory / "tls.conf", directory / "micro-cache", beacons=beacons
    )
    location = "    location / {\n"
    assert location in rendered
    navigation_log = NAVIGATION_LOG.format(beacons=beacons)
    site.write_text(rendered.replace(location, f"{location}        {navigation_log}\n"))
    collector = start_collector(env, beacons)
    nginx = start_nginx(directory, f"{REAL_IP}\n    {NAVIGATION_MAP}\n    include {site};", port)
    try:
        yield Server(f"http://127.0.0.1:{port}", nginx.pid, None), collector
    finally:
        os.killpg(nginx.pid, signal.SIGTERM)
        nginx.wait(30)
        if collector.poll() is None:
            collector.terminate()
            collector.wait(60)


def interleaved_rounds(run, args, **templates):
    """Each wrk script in ``templates`` run in turns, ``args.rounds`` times: the medians of its
    rate and CPU per request (the machine's other load drifts over a minute), and the sums of
    all rounds (``runs``) for a tally."""
    rounds = {name: [] for name in templates}
    for _round in range(args.rounds):
        for name, template in templates.items():
            rounds[name].append(run(template, args.overhead_seconds))
    return {
        name: {
            key: statistics.median(figures[key] for figures in runs)
            for key in runs[0]
            if key == "rate" or key.endswith("cpu_ms")
        }
        | {"runs": runs}
        for name, runs in rounds.items()
    }


def start_collector(env, beacons):
    """``policyshare collect-beacons`` on ``beacons``, once it says the socket is bound."""
    collector = subprocess.Popen(
        [*POLICYSHARE, "collect-beacons", "--socket", beacons],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    collector.stdout.readline()
    return collector


def stop_collector(collector):
    """SIGTERM: it buffers what is still queued; returns (received, counted)."""
    collector.terminate()
    output, _ = collector.communicate(timeout=60)
    received, counted = re.search(r"(\d+) beacons received, (\d+) counted", output).groups()
    return int(received), int(counted)


# Beacons per wrk request of each script (answered 204 by nginx): a page view is two requests.
BEACONS_PER_REQUEST = {
    LUA_PAGE: 0,
    LUA_NAVIGATION: 0,
    LUA_NGINX_PAGE_AND_BEACON: 0.5,
    LUA_NGINX_BEACON: 1,
}


def nginx_rounds(env, var_dir, args, script, page_path):
    """Part 4: the micro-cache's page alone, the page and its beacon, the beacon alone; then
    sustained beacons with count in = count stored."""
    beacons = beacon_address(var_dir, args.beacon_transport)
    cached_env = {**env, "POLICYSHARE_PAGE_CACHE": "1"}
    with (
        serving(cached_env, workers=args.workers) as app,
        behind_nginx(env, var_dir, app, beacons) as (nginx, collector),
    ):
        groups = {"nginx": nginx.pid, "app": app.pid, "collector": collector.pid}

        def run(template, seconds):
            before = {name: cpu_seconds(group) for name, group in groups.items()}
            figures = wrk(nginx, script(template), seconds, args.connections, var_dir)
            answered = max(figures["requests"], 1)
            for name, group in groups.items():
                used = cpu_seconds(group) - before[name]
                figures[f"{name}_cpu_ms"] = 1000 * used / answered
            figures["cpu_ms"] = sum(figures[f"{name}_cpu_ms"] for name in groups)
            figures["beacons"] = (figures["requests"] - figures["non_2xx"]) * BEACONS_PER_REQUEST[
                template
            ]
            return figures

        if not requests.get(nginx.base + page_path, timeout=30).ok:
            sys.exit(f"the article {page_path} is not served through nginx")
        warm_up = [run(LUA_PAGE, 2), run(LUA_NGINX_BEACON, 2)]
        cost = interleaved_rounds(
            run,
            args,
            page=LUA_PAGE,
            navigation=LUA_NAVIGATION,
            view=LUA_NGINX_PAGE_AND_BEACON,
            beacon=LUA_NGINX_BEACON,
        )
        received, counted = stop_collector(collector)
        runs = [*warm_up, *(run for name in cost for run in cost[name]["runs"])]
        # Every beacon sent counts (a browser, an address of its own, limits off) unless its
        # line is dropped; the navigation rounds' lines carry no page id and never count.
        cost["tally"] = {
            "sent": sum(run["beacons"] for run in runs),
            "received": received,
            "counted": counted,
        }
        policyshare(env, "flush-views", "-v", "0")
        before_sustained = stored_count(env)
        collector = start_collector(env, beacons)
        flusher = subprocess.Popen(
            [*POLICYSHARE, "flush-views", "--every", "1", "-v", "0"], env=env
        )
        # Paced: each connection waits between beacons (wrk's delay()), so that the rate
        # offered is about --nginx-rate, not all nginx can answer.
        delay_ms = 1000 * args.connections / args.nginx_rate
        paced = f"{LUA_NGINX_BEACON}\ndelay = function() return {delay_ms:.2f} end\n"
        BEACONS_PER_REQUEST[paced] = 1
        groups["collector"] = collector.pid
        sustained = run(paced, args.seconds)
        received, counted = stop_collector(collector)
        flusher.terminate()
        flusher.wait(60)
        policyshare(env, "flush-views", "-v", "0")
        sustained.update(
            count_in=sustained["requests"] - sustained["non_2xx"],
            received=received,
            counted=counted,
            stored=stored_count(env) - before_sustained,
            transport=beacons.split(":")[0] if beacons.startswith("unix:") else "udp",
        )
    return cost, sustained


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--overhead-seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--beacon-transport", choices=("auto", "unix", "udp"), default="auto")
    parser.add_argument(
        "--nginx-rate",
        type=float,
        default=2000,
        help="beacons/s offered to nginx in part 4's sustained run (the target is 1,000)",
    )
    parser.add_argument("--only-nginx", action="store_true", help="run part 4 alone")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    settings = {
        "POLICYSHARE_TRUSTED_PROXIES": "1",
        "POLICYSHARE_ANALYTICS_REDIS_URL": args.redis_url,
    }
    with portal(**settings) as (env, var_dir):
        page_id, page_path = add_article(env, args.redis_url)

        def script(template):
            return template.replace("PAGE_ID", str(page_id)).replace("PAGE_PATH", page_path)

        if args.only_nginx:
            print_nginx(args, *nginx_rounds(env, var_dir, args, script, page_path))
            return

        cost = {}
        for page_cache in ("0", "1"):
            cached_env = {**env, "POLICYSHARE_PAGE_CACHE": page_cache}
            with serving(cached_env, workers=args.workers) as server:

                def run(template, seconds, server=server):
                    return wrk(server, script(template), seconds, args.connections, var_dir)

                if not requests.get(server.base + page_path, timeout=30).ok:
                    sys.exit(f"the article {page_path} is not served")
                run(LUA_PAGE, 2)  # warm up the server processes (and the page cache)
                run(LUA_BEACON, 2)
                cost[page_cache] = interleaved_rounds(
                    run, args, page=LUA_PAGE, view=LUA_PAGE_AND_BEACON, beacon=LUA_BEACON
                )

        policyshare(env, "flush-views", "-v", "0")
        before_sustained = stored_count(env)
        access_log = var_dir / "access.log"
        with serving(env, workers=args.workers, access_log=access_log) as server:
            # Warm the new processes up (imports, first connections); these count too.
            wrk(server, script(LUA_BEACON), 2, args.connections, var_dir)
            flusher = subprocess.Popen(
                [*POLICYSHARE, "flush-views", "--every", "1", "-v", "0"], env=env
            )
            sustained = wrk(server, script(LUA_BEACON), args.seconds, args.connections, var_dir)
        flusher.terminate()  # it flushes once more on the way out
        flusher.wait(60)
        policyshare(env, "flush-views", "-v", "0")
        count_in = access_log.read_text().count('"POST /analytics/hit HTTP/1.1" 204')
        count_stored = stored_count(env) - before_sustained
        pipeline = buffer_throughput(env, page_id, args.seconds)
        behind = nginx_rounds(env, var_dir, args, script, page_path)

    mode = "Redis" if args.redis_url else "spool file (embedded mode)"
    print(f"server: gunicorn {args.workers} processes x 4 threads, SQLite (WAL), buffer: {mode}")
    print(f"wrk: 2 threads, {args.connections} connections; a visitor per request")
    print(f"load average while measuring: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print(f"1. cost: medians of {args.rounds} interleaved rounds of {args.overhead_seconds} s")
    print(
        "   | page | page requests/s | page CPU ms | beacon requests/s | beacon CPU ms |"
        " beacon CPU / page CPU | views/s without / with beacon | throughput overhead |"
    )
    for page_cache, label in (("0", "rendered (no page cache)"), ("1", "page cache hit")):
        page, view, beacon = (cost[page_cache][name] for name in ("page", "view", "beacon"))
        views_with = view["rate"] / 2
        print(
            f"   | {label} | {page['rate']:.0f} | {page['cpu_ms']:.2f} | {beacon['rate']:.0f} |"
            f" {beacon['cpu_ms']:.2f} | {100 * beacon['cpu_ms'] / page['cpu_ms']:.1f} % |"
            f" {page['rate']:.0f} / {views_with:.0f} |"
            f" {100 * (1 - views_with / page['rate']):.1f} % |"
        )
    print(f"2. sustained counting over HTTP for {args.seconds} s, flush-views --every 1 running")
    print(
        f"   beacons sent {sustained['requests']} at {sustained['rate']:.1f}/s,"
        f" {sustained['cpu_ms']:.2f} CPU ms each"
        f" (non-2xx {sustained['non_2xx']}, socket errors: {sustained['socket_errors']})"
    )
    print(f"   count in (204 answers): {count_in}   count stored: {count_stored}")
    print(f"   lost: {count_in - count_stored}")
    print(f"3. the buffer alone (4 threads recording hits, flush every second, {args.seconds} s):")
    print(
        f"   {pipeline['recorded']} hits at {pipeline['rate']:.0f}/s;"
        f" stored {pipeline['stored']}; lost {pipeline['recorded'] - pipeline['stored']}"
    )
    print_nginx(args, *behind)
    if count_in != count_stored or pipeline["recorded"] != pipeline["stored"]:
        sys.exit("counts were lost or doubled")


def print_nginx(args, cost, sustained):
    page, navigation, view, beacon = (cost[n] for n in ("page", "navigation", "view", "beacon"))
    tally = cost["tally"]
    views_with = view["rate"] / 2
    print(
        f"4. behind nginx (micro-cache; beacons answered by nginx, counted by collect-beacons"
        f" over {sustained['transport']}); CPU ms per request: nginx + collector + app server"
    )
    print(f"   load average: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print("   | requests | requests/s | CPU ms | nginx | collector | app |")
    for label, figures in (
        ("micro-cache hit (page alone)", page),
        ("micro-cache hit, navigation logged to the collector (not shipped)", navigation),
        ("page + its beacon (2 requests)", view),
        ("beacon at nginx, as fast as wrk sends", beacon),
        (f"beacon at nginx, paced ({sustained['rate']:.0f}/s, all counted)", sustained),
    ):
        print(
            f"   | {label} | {figures['rate']:.0f} | {figures['cpu_ms']:.3f} |"
            f" {figures['nginx_cpu_ms']:.3f} | {figures['collector_cpu_ms']:.3f} |"
            f" {figures['app_cpu_ms']:.3f} |"
        )
    dropped = tally["sent"] - tally["counted"]
    print(
        f"   throughput rounds: beacons answered 204 by nginx {tally['sent']:.0f}, counted by the"
        f" collector {tally['counted']}: dropped {dropped:.0f}"
        f" ({100 * dropped / max(tally['sent'], 1):.1f} %), so the CPU per beacon above misses the"
        f" collector's work on those (lines received, with the navigation rounds':"
        f" {tally['received']})"
    )
    counted_cpu = sustained["nginx_cpu_ms"] + sustained["collector_cpu_ms"]
    print(
        f"   per counted beacon (paced run): nginx {1000 * sustained['nginx_cpu_ms']:.0f} µs +"
        f" collector {1000 * sustained['collector_cpu_ms']:.0f} µs = {1000 * counted_cpu:.0f} µs;"
        f" a micro-cache hit {1000 * page['cpu_ms']:.0f} µs: counting overhead (CPU)"
        f" {100 * counted_cpu / page['cpu_ms']:.0f} %"
    )
    print(
        f"   throughput overhead (views/s without / with beacon, drops uncounted):"
        f" {page['rate']:.0f} / {views_with:.0f} = {100 * (1 - views_with / page['rate']):.1f} %"
    )
    logged = navigation["nginx_cpu_ms"] - page["nginx_cpu_ms"]
    alternative = logged + sustained["collector_cpu_ms"]
    print(
        f"   counting navigations at nginx instead (Sec-Fetch-Mode/Dest): nginx's line"
        f" {1000 * logged:.0f} µs + collector {1000 * sustained['collector_cpu_ms']:.0f} µs ="
        f" {1000 * alternative:.0f} µs per page: overhead"
        f" {100 * alternative / page['cpu_ms']:.0f} % of a micro-cache hit"
    )
    print(
        f"   sustained {args.seconds} s: {sustained['requests']} beacons at"
        f" {sustained['rate']:.0f}/s (non-2xx {sustained['non_2xx']}, socket errors:"
        f" {sustained['socket_errors']})"
    )
    print(
        f"   count in (204 from nginx): {sustained['count_in']}   received by the collector:"
        f" {sustained['received']}   counted: {sustained['counted']}"
        f"   stored: {sustained['stored']}   lost: {sustained['count_in'] - sustained['stored']}"
    )


if __name__ == "__main__":
    main()
