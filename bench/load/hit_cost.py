"""CPU time of one page-cache hit inside one process, without HTTP or a load generator: Django's
handler with the page-cache middleware reading the shared (disk) cache, the same with the
process's own copy of recent pages (caching/recent.py), and the WSGI fast path in front of
Django (caching/wsgi.py). Ratios are to the first, measured in the same run.

    .venv/bin/python bench/load/hit_cost.py [--requests 3000]

The demo content in a throwaway directory; the Korean and English home pages, alternately,
plain and gzip-accepting.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def environ(path, encoding):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT_ENCODING": encoding,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }


def served(application, request_environ):
    status = []
    result = application(request_environ, lambda s, headers, exc_info=None: status.append(s))
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return status[0], body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    arguments = parser.parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="policyshare.settings.embedded",
        POLICYSHARE_VAR_DIR=tempfile.mkdtemp(prefix="policyshare-hit-cost-"),
        POLICYSHARE_PAGE_CACHE="1",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    from policyshare.caching.recent import recent_pages
    from policyshare.caching.wsgi import cached_pages
    from policyshare.early_answers import answer_before_django

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    django_application = get_wsgi_application()
    fast_path = answer_before_django(django_application, cached_pages())
    requests = [
        environ(path, encoding)
        for path in ("/ko/", "/en/")
        for encoding in ("", "gzip, deflate, br")
    ]
    for request in requests:
        assert served(django_application, dict(request))[0] == "200 OK"

    def without_recent_pages(request_environ, start_response):
        recent_pages.clear()
        return django_application(request_environ, start_response)

    ways = {
        "Django, shared cache only": without_recent_pages,
        "Django, recent pages in memory": django_application,
        "fast path, recent pages in memory": fast_path,
    }
    results = {name: [] for name in ways}
    for _ in range(3):  # interleaved rounds: the machine's other load hits every way alike
        for name, application in ways.items():
            started = time.process_time()
            for n in range(arguments.requests):
                served(application, dict(requests[n % len(requests)]))
            results[name].append((time.process_time() - started) / arguments.requests * 1000)
    baseline = min(results["Django, shared cache only"])
    print(f"{'':<36} {'CPU ms/hit':>10} {'ratio':>6}")
    for name, times in results.items():
        print(f"{name:<36} {min(times):>10.3f} {min(times) / baseline:>6.2f}")


if __name__ == "__main__":
    main()
