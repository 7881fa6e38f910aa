"""Health endpoints for a load balancer or process supervisor.

`/healthz` says only that the process answers: it touches nothing, so a slow database never gets
a healthy worker restarted. `/readyz` says whether this instance can serve pages: the database,
the cache and the media storage must all answer, otherwise the load balancer should send traffic
elsewhere; only a Redis cache that degrades (pages served uncached) is reported without making
the instance unready. Both live outside the language prefixes and keep Django's host check:
the probe must send a Host that ALLOWED_HOSTS accepts.
"""

import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# A name no upload ever gets: asking whether it exists is a read-only round trip to the storage.
STORAGE_PROBE_NAME = "health/readyz-probe"


# GET and HEAD only; csrf_exempt so that any other method gets 405 rather than a CSRF 403.
@csrf_exempt
@require_safe
@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def check_database():
    connection = connections[DEFAULT_DB_ALIAS]
    # Connecting is what can hang; PostgreSQL's connect_timeout is set in the settings. SELECT 1
    # takes no lock, so it does not wait behind writers on SQLite either.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise RuntimeError("SELECT 1 returned something else")


def check_cache():
    cache = caches["default"]
    # A key of its own per probe, so concurrent probes from several balancers cannot collide.
    key = f"policyshare:readyz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=30)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def check_storage():
    """Read, never write: a replica whose media is mounted read-only still serves pages, and a
    probe every few seconds should not create and delete objects in a bucket forever."""
    storage = storages["default"]
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        # Object storage (django-storages): exists() would answer "no" for a bucket that is
        # gone; HEAD on the bucket fails when it is missing, unreachable or refuses the keys.
        storage.connection.meta.client.head_bucket(Bucket=bucket)
        return
    storage.exists(STORAGE_PROBE_NAME)
    if isinstance(storage, FileSystemStorage):
        # On disk exists() swallows every error, so look at the folder itself. A fresh install
        # has no media folder until the first upload creates it: that is ready as long as it
        # can be created.
        location = Path(storage.location)
        if location.exists():
            with os.scandir(location) as entries:
                next(entries, None)
        else:
            parent = next(p for p in location.parents if p.exists())
            if not (parent.is_dir() and os.access(parent, os.W_OK | os.X_OK)):
                raise RuntimeError("the media folder is missing and cannot be created")


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def cache_degrades():
    """Whether pages are still served when the cache fails: a Redis cache set to skip its
    errors only saves work, so its failure is reported but does not take the instance out of the
    pool (every app server shares the one Redis: all of them would go at once)."""
    return settings.CACHES["default"].get("OPTIONS", {}).get("IGNORE_EXCEPTIONS", False)


@csrf_exempt
@require_safe
@never_cache
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # every failure means "not ready", whatever raised it
            # The reason goes to the log, not to the response: messages can name hosts and users.
            logger.warning("readyz: %s check failed: %s: %s", name, type(error).__name__, error)
            results[name] = "error"
        else:
            results[name] = "ok"
    optional = {"cache"} if cache_degrades() else set()
    ready = all(result == "ok" for name, result in results.items() if name not in optional)
    return JsonResponse(results, status=200 if ready else 503)
