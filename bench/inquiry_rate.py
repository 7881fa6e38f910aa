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
import re
import sys
import threading
import time

import requests
from servers import portal, serving

# The form refuses (as spam) what is sent faster than a person could; tokens are fetched first.
MIN_FILL_SECONDS = 3


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

    with portal() as (env, _var_dir), serving(env) as server:
        FORM_URL = f"{server.base}/en/inquiries/new/"
        run_clients(args.clients, 20, get_form)  # warm up both server processes
        shown, shown_seconds = run_clients(args.clients, args.posts, get_form)
        accepted, accepted_seconds = run_clients(args.clients, args.posts, post_inquiry)

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
