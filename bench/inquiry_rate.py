"""How many inquiries per second the form accepts, with the embedded SQLite database.

Usage: .venv/bin/python bench/inquiry_rate.py [--posts N] [--clients C]

Real HTTP: the bench migrates a fresh embedded portal in a temporary folder, serves it with
`policyshare serve --no-worker` (gunicorn, 2 processes × 4 threads; no task worker, so only the
form is measured: each accepted inquiry commits the inquiry, its two mail rows and their two
queued tasks) with rate limits off, and sends valid inquiries from C concurrent clients. The
baseline, measured in the same run against the same server, is the rate of GETs of the empty form
page (rendering without writing). Prints both rates and their ratio.
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
POLICYSHARE = [sys.executable, "-m", "policyshare.cli"]
# The form refuses (as spam) what is sent faster than a person could; tokens are fetched first.
MIN_FILL_SECONDS = 3


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(var_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.embedded",
        "POLICYSHARE_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'policyshare.sqlite3'}",
        "POLICYSHARE_DEMO": "0",
        "POLICYSHARE_RATELIMIT": "0",
    }
    for command in (["migrate"], ["collectstatic"]):
        subprocess.run([*POLICYSHARE, *command, "--noinput", "-v", "0"], env=env, check=True)
    return env


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.3)
    sys.exit(f"the server at {url} did not answer")


def form_session(form_url):
    session = requests.Session()
    page = session.get(form_url, timeout=10).text
    tokens = dict(re.findall(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', page))
    return session, tokens


def inquiry(tokens, n):
    return {
        **tokens,
        "organisation": "Bench City Hall",
        "city": "Benchville",
        "country": "KE",
        "name": f"Bench Visitor {n}",
        "email": f"visitor{n}@bench.example",
        "language": "en",
        "kind": "information",
        "message": "How did you restrict high-emission vehicles in the city centre?",
        "consent": "on",
    }


def run_clients(clients, total, work):
    """Runs ``work(session, tokens, n)`` ``total`` times over ``clients`` threads; gives the
    number of successes and the seconds taken."""
    sessions = [form_session(FORM_URL) for _ in range(clients)]
    time.sleep(MIN_FILL_SECONDS)
    counter = iter(range(total))
    lock = threading.Lock()
    ok = [0]

    def client(session, tokens):
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            if work(session, tokens, n):
                with lock:
                    ok[0] += 1

    threads = [threading.Thread(target=client, args=s) for s in sessions]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ok[0], time.perf_counter() - start


def get_form(session, tokens, n):
    return session.get(FORM_URL, timeout=30).status_code == 200


def post_inquiry(session, tokens, n):
    response = session.post(FORM_URL, data=inquiry(tokens, n), timeout=30, allow_redirects=False)
    return response.status_code == 302 and "/inquiries/sent/" in response.headers["Location"]


def main():
    global FORM_URL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="policyshare-bench-") as tmp:
        env = prepare(Path(tmp))
        port = free_port()
        server = subprocess.Popen(
            [*POLICYSHARE, "serve", "--no-worker", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/healthz")
            FORM_URL = f"{base}/en/inquiries/new/"
            run_clients(args.clients, 20, get_form)  # warm up both server processes
            shown, shown_seconds = run_clients(args.clients, args.posts, get_form)
            accepted, accepted_seconds = run_clients(args.clients, args.posts, post_inquiry)
        finally:
            server.terminate()
            server.wait(30)

    get_rate = shown / shown_seconds
    post_rate = accepted / accepted_seconds
    print(f"server: gunicorn 2 processes x 4 threads, SQLite (WAL), {args.clients} clients, HTTP")
    print(f"baseline  form page GET : {shown:4d} ok in {shown_seconds:6.2f} s = {get_rate:7.1f}/s")
    print(
        f"inquiries accepted POST : {accepted:4d} ok in {accepted_seconds:6.2f} s"
        f" = {post_rate:7.1f}/s"
    )
    print(f"ratio accepted / baseline: {post_rate / get_rate:.2f}")
    if accepted != args.posts:
        sys.exit(f"{args.posts - accepted} inquiries were not accepted")


if __name__ == "__main__":
    main()
