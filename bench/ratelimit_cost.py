"""What counting a request for a rate limit costs, per cache backend, against the same view
without a limit (the baseline, measured in the same run).

    .venv/bin/python bench/ratelimit_cost.py [--calls 3000] [--redis redis://127.0.0.1:6379/0]

The view does nothing but answer, so the figure is the whole cost of the limit: one ``add`` or
``incr`` on the cache. diskcache is what the embedded mode shares between its processes;
Redis is what several app servers share. Figures are medians of five runs.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")

import django  # noqa: E402

django.setup()

from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402

from policyshare.security.ratelimit import ratelimit  # noqa: E402
from policyshare.settings.base import embedded_cache  # noqa: E402


def answer(request):
    return HttpResponse("ok")


def per_call_microseconds(view, calls):
    factory = RequestFactory()
    requests = [factory.get("/", REMOTE_ADDR=f"10.0.{i // 250}.{i % 250}") for i in range(calls)]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for request in requests:
            view(request)
        runs.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(runs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", ""))
    args = parser.parse_args()

    caches = {
        "locmem (tests)": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "diskcache (embedded)": embedded_cache(tempfile.mkdtemp(prefix="ratelimit-bench-")),
    }
    if args.redis:
        caches["redis (production)"] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": args.redis,
        }

    baseline = per_call_microseconds(answer, args.calls)
    print(f"{args.calls} calls, each from its own address; median of 5 runs")
    print(f"{'no limit (baseline)':24} {baseline:9.1f} µs/call  1.00×")
    limited = ratelimit("bench", rate="1000000/m")(answer)
    for name, cache in caches.items():
        with override_settings(CACHES={"default": cache}, RATELIMIT_ENABLE=True):
            cost = per_call_microseconds(limited, args.calls)
        print(
            f"{name:24} {cost:9.1f} µs/call  {cost / baseline:5.2f}×  (+{cost - baseline:.1f} µs)"
        )


if __name__ == "__main__":
    main()
