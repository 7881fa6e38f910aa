"""Tests: fast hashing and an isolated cache and media folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "tests-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests see every request rendered (rate limits, changes made without publishing); tests/caching
# turns the page cache on.
POLICYSHARE_PAGE_CACHE = False
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="policyshare-test-media-"))
# Static files are found by the finders in tests; an empty root keeps whitenoise quiet.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="policyshare-test-static-"))
# Counted views wait in a spool of the tests' own (tests/analytics start Redis where they need it).
POLICYSHARE_ANALYTICS_SPOOL_DIR = Path(tempfile.mkdtemp(prefix="policyshare-test-analytics-"))
# The approximate vector index file (policyshare.semantic.approximate) of each test process.
SEMANTIC_INDEX_PATH = Path(tempfile.mkdtemp(prefix="policyshare-test-vectors-")) / "index.npz"
POLICYSHARE_ANALYTICS_REDIS_URL = ""
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Unit tests run tasks at once, inside the request; tests/inquiries runs the database worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "policyshare.core.sqlite":  # noqa: F405
    # In memory, one database per test process, as with Django's own SQLite backend (which
    # pytest-django recognises by name; it would take this one for a file).
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}  # noqa: F405
