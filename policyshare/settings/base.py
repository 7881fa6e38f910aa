"""Settings shared by every mode; everything that differs between machines comes from the
environment, with defaults that make the embedded mode (SQLite, local files) safe."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("POLICYSHARE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "policyshare.core",
    "policyshare.policies",
    "policyshare.news",
    "policyshare.library",
    "policyshare.oai",
    "policyshare.network",
    "policyshare.ingest",
    "policyshare.feeds",
    "policyshare.operations",
    "policyshare.outbox",
    "policyshare.inquiries",
    "policyshare.subscriptions",
    "policyshare.security",
    "policyshare.semantic",
    "policyshare.search",
    "policyshare.caching",
    "policyshare.analytics",
    "rest_framework",
    "corsheaders",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that answers on its own, so that those answers carry CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "policyshare.security.request_limits.RequestLimitsMiddleware",
    "policyshare.core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache: before the session, locale and CSRF middleware, so
    # that a cached page skips them and a fresh one is seen with its cookies (caching/middleware).
    "policyshare.caching.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Without LocaleMiddleware the /ko/ and /en/ prefixes would not activate a language and
    # "/" would not be redirected by Accept-Language (Wagtail issue 11960).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "policyshare.security.sessions.SessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "policyshare.security.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "policyshare.urls"
WSGI_APPLICATION = "policyshare.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "policyshare.core.context_processors.site_name",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'policyshare.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, keeping the query planner's statistics (policyshare/core/sqlite).
    DATABASES["default"]["ENGINE"] = "policyshare.core.sqlite"
    # WAL lets readers proceed while a writer commits; IMMEDIATE avoids "database is locked"
    # upgrades from read to write transactions under concurrent requests.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA analysis_limit=1000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Connections are kept for a minute (conn_max_age above), as on PostgreSQL. One per request
    # cost each request 3.5-5.5 ms CPU and up to 10 ms in all (bench/sqlite_connections.py): a new
    # connection reads the whole schema, and the last one to close checkpoints and deletes the
    # WAL file, which the next one creates again.
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # libpq waits for an unreachable server for ever; fail within seconds instead, so a request
    # and /readyz report the outage. `?connect_timeout=N` in DATABASE_URL overrides this.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # A connection kept between requests is checked before reuse, so that after a restart of
    # PostgreSQL the next request reconnects instead of failing once per worker thread.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editor accounts (policyshare.security): lockouts after failed logins, two-factor authentication.
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account or address is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failures lock the account, and five from one address lock that address (whatever the
# accounts tried), for a quarter of an hour. The database handler keeps the records where every
# app server sees them and where they outlive a restart or a cache flush, and a failure happens
# rarely enough that its write costs nothing.
AXES_FAILURE_LIMIT = int(os.environ.get("POLICYSHARE_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("POLICYSHARE_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not prolong it: otherwise anyone could keep an editor out for ever.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Successful logins are not recorded with their addresses: personal data without a use here.
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "policyshare.security.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "policyshare.security.lockout.lockout_response"
# How long failed sign-ins (with their addresses) are kept: `policyshare purge_login_records`.
POLICYSHARE_LOGIN_RECORD_DAYS = int(os.environ.get("POLICYSHARE_LOGIN_RECORD_DAYS", "30"))
# Trusted reverse proxies in front of the app servers (nginx: 1); see security/client_ip.py.
POLICYSHARE_TRUSTED_PROXIES = int(os.environ.get("POLICYSHARE_TRUSTED_PROXIES", "0"))
# Administrators must enrol an authenticator before they use the admin (on in production).
POLICYSHARE_REQUIRE_2FA_FOR_ADMINS = env_bool("POLICYSHARE_REQUIRE_2FA_FOR_ADMINS", False)
# The issuer name authenticator apps show next to the code.
OTP_TOTP_ISSUER = os.environ.get("POLICYSHARE_SITE_NAME", "policyshare")

# Rate limits on public endpoints (policyshare.security.ratelimit), counted in the default cache.
RATELIMIT_ENABLE = env_bool("POLICYSHARE_RATELIMIT", True)
RATELIMIT_IP_META_KEY = "policyshare.security.client_ip.client_ip"
# If the cache cannot count, serve the request rather than refuse every visitor.
RATELIMIT_FAIL_OPEN = True

# The public API (policyshare.api): read-only JSON for anyone, from any web page. Cross-origin
# reads of /api/ only, never with cookies or credentials.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "policyshare.api.errors.api_exception_handler",
}

# Longer query strings get 414; search refuses queries longer than POLICYSHARE_MAX_QUERY_LENGTH.
POLICYSHARE_MAX_QUERY_STRING_LENGTH = 2048
POLICYSHARE_MAX_QUERY_LENGTH = 200
# A signed-in session ends after this long without a request (and 8 hours after signing in).
POLICYSHARE_SESSION_IDLE_MINUTES = int(os.environ.get("POLICYSHARE_SESSION_IDLE_MINUTES", "60"))

# Languages: Korean is the city's own language and the default; English is for the world.
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Seoul")

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in S3-compatible object storage (django-storages) once a bucket is named, so that
# several app servers share them. Without a custom domain, image addresses are signed and expire
# after an hour; with one (a CDN or a public bucket), they are plain and never expire.
S3_BUCKET = os.environ.get("POLICYSHARE_S3_BUCKET", "")
if S3_BUCKET:
    S3_ENDPOINT_URL = os.environ.get("POLICYSHARE_S3_ENDPOINT_URL", "").rstrip("/")
    S3_CUSTOM_DOMAIN = os.environ.get("POLICYSHARE_S3_CUSTOM_DOMAIN", "")
    s3_options = {
        "bucket_name": S3_BUCKET,
        # Uploads with the same file name get names of their own instead of replacing each other.
        "file_overwrite": False,
        "default_acl": None,
    }
    if S3_ENDPOINT_URL:
        # Other providers and self-hosted servers address buckets by path, not by host name.
        s3_options.update(endpoint_url=S3_ENDPOINT_URL, addressing_style="path")
    if S3_CUSTOM_DOMAIN:
        s3_options["custom_domain"] = S3_CUSTOM_DOMAIN
    for option, variable in [
        ("region_name", "POLICYSHARE_S3_REGION"),
        ("access_key", "POLICYSHARE_S3_ACCESS_KEY_ID"),
        ("secret_key", "POLICYSHARE_S3_SECRET_ACCESS_KEY"),
    ]:
        # Unset: boto3's own sources (AWS_* variables, an instance role) are used.
        if os.environ.get(variable):
            s3_options[option] = os.environ[variable]
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_options}
    # Where images are fetched from, for the Content Security Policy (core/security_headers.py).
    if S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{S3_CUSTOM_DOMAIN}/"
    elif S3_ENDPOINT_URL:
        MEDIA_URL = f"{S3_ENDPOINT_URL}/{S3_BUCKET}/"
    else:
        MEDIA_URL = f"https://{S3_BUCKET}.s3.amazonaws.com/"


def embedded_cache(location):
    """The cache that every server process on one machine shares, so that purges and rate limits
    hold across workers in the embedded mode: diskcache, SQLite files in ``location``. Django's
    file cache listed every cached file on each write to keep under its entry limit (1.5 ms a
    write at 1,500 entries, 3.6 at 3,300; a page's first visit after a publish writes two or three
    kept parts); diskcache keeps its size in its index (0.06 ms a write) and evicts the entries
    stored longest ago."""
    return {
        "BACKEND": "policyshare.caching.disk.DiskCache",
        "LOCATION": location,
        # Room for thousands of cached pages (each with its compressed copy) and kept parts.
        "OPTIONS": {"size_limit": 512 * 2**20},
    }


CACHES = {"default": embedded_cache(VAR_DIR / "cache")}
# Anonymous visitors' pages served from that cache and purged on publishing (policyshare.caching).
POLICYSHARE_PAGE_CACHE = env_bool("POLICYSHARE_PAGE_CACHE", True)


def redis_cache(url):
    """The cache that several app servers share, as the processes of one machine share the file
    cache. The cache only saves work: when Redis cannot be reached, django-redis skips every
    cache operation (IGNORE_EXCEPTIONS), so pages are rendered uncached instead of failing, and
    /readyz reports the cache as failed."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "policyshare",
        "OPTIONS": {
            # Without timeouts a Redis that stops answering would hang every request.
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
            "IGNORE_EXCEPTIONS": True,
        },
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
# Wagtail writes every image's rendition to this cache each time a page shows it, even when it
# found it there: into the shared cache that was a write per image and render (30 on the home
# page, 10 on a news list; about 1 ms each in Django's file cache, a round trip each to Redis).
# A rendition of an image never changes; one deleted with its image's new file is forgotten here
# after TIMEOUT at the latest.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# Background work (mail, indexing) is queued in the database and run by `policyshare db_worker`,
# which `policyshare serve` starts beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# View counting (policyshare.analytics): hits wait in Redis when there is one (several app
# servers), otherwise in a spool file under VAR_DIR, until `policyshare flush-views` writes them.
POLICYSHARE_ANALYTICS_REDIS_URL = os.environ.get("POLICYSHARE_ANALYTICS_REDIS_URL", REDIS_URL)
POLICYSHARE_ANALYTICS_SPOOL_DIR = VAR_DIR / "analytics"
# Beacons counted per client address per minute (policyshare.analytics.limits explains the
# default); 0 turns this limit off.
POLICYSHARE_BEACON_ADDRESS_LIMIT = int(os.environ.get("POLICYSHARE_BEACON_ADDRESS_LIMIT", "3000"))
# Where nginx sends the beacons it answers (deploy/nginx/policyshare.conf) and
# `policyshare collect-beacons` reads them: unix:/path or 127.0.0.1:PORT, as in nginx's syslog
# server=. "" means no collector: the app answers the beacons itself.
POLICYSHARE_BEACON_SOCKET = os.environ.get("POLICYSHARE_BEACON_SOCKET", "")
# The group a unix socket above is given (mode 0660): nginx's workers' (www-data on Debian).
# "" keeps the collector's own group, which its systemd unit sets to www-data.
POLICYSHARE_BEACON_SOCKET_GROUP = os.environ.get("POLICYSHARE_BEACON_SOCKET_GROUP", "")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "policyshare@localhost")

WAGTAIL_SITE_NAME = os.environ.get("POLICYSHARE_SITE_NAME", "policyshare")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No Gravatar: it would send a hash of every editor's e-mail address to a third party (and the
# admin's Content Security Policy allows no images from elsewhere).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Documents go through Django so that the file is always sent as an attachment with its type.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Wagtail shows PDFs inline by default; a brochure is a download, and an attachment also keeps
# a crafted file from running in the portal's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The visitors' search (policyshare.search.ranking): "hybrid" (BM25 over the analysed terms fused
# with the semantic ranking of policyshare.semantic, which finds pages in the other language) or
# "keyword" (BM25 alone: no embedding model in the web processes).
POLICYSHARE_SEARCH_RANKING = os.environ.get("POLICYSHARE_SEARCH_RANKING", "hybrid")
# Hybrid search: reciprocal rank fusion of keyword and semantic rankings, tuned on
# bench/search_eval with `bench/search_quality.py --tune` (see policyshare/semantic/fusion.py).
SEMANTIC_FUSION = {
    "k": 10,
    "keyword": 1.0,
    "keyword_partial": 0.5,
    "semantic_same_language": 0.75,
    "semantic_other_language": 1.0,
    "semantic_other_language_leading": 2.0,
    "leading_margin": 0.25,
}
# Semantic search over this many passages or more uses an approximate vector index file (faiss,
# built by the worker, read by every server process on the machine): see
# policyshare/semantic/approximate.py and docs/deploy.md.
SEMANTIC_ANN_MIN_PASSAGES = int(os.environ.get("POLICYSHARE_SEMANTIC_ANN_MIN_PASSAGES", "20000"))
SEMANTIC_INDEX_PATH = Path(
    os.environ.get("POLICYSHARE_SEMANTIC_INDEX_PATH", VAR_DIR / "semantic-index.npz")
)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Uploads are checked by content and handed to a virus scanner (policyshare.security.uploads).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "policyshare.security.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "policyshare.security.uploads.ImageForm"
POLICYSHARE_MAX_DOCUMENT_SIZE = int(os.environ.get("POLICYSHARE_MAX_DOCUMENT_SIZE_MB", "50")) << 20
# A dotted path to a callable that refuses a file by raising ValidationError; see
# policyshare/security/scanners.py and docs/security.md (ClamAV: ...scanners.clamd).
POLICYSHARE_UPLOAD_SCANNER = os.environ.get(
    "POLICYSHARE_UPLOAD_SCANNER", "policyshare.security.scanners.no_scan"
)
POLICYSHARE_CLAMD_SOCKET = os.environ.get("POLICYSHARE_CLAMD_SOCKET", "/run/clamav/clamd.ctl")
POLICYSHARE_CLAMD_TIMEOUT = int(os.environ.get("POLICYSHARE_CLAMD_TIMEOUT", "30"))
# Renditions in WebP weigh a fraction of PNG or JPEG; link previews ask for JPEG explicitly.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "webp", "jpeg": "webp", "bmp": "webp"}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# How many days after its last review a policy counts as due for another one.
POLICYSHARE_REVIEW_INTERVAL_DAYS = int(os.environ.get("POLICYSHARE_REVIEW_INTERVAL_DAYS", "365"))

# Inquiries: who is told of a general inquiry (a policy's contact e-mail is told of its own), when
# an unanswered one is overdue, and how long a closed one keeps the inquirer's personal data.
POLICYSHARE_INQUIRY_NOTIFY_EMAIL = os.environ.get(
    "POLICYSHARE_INQUIRY_NOTIFY_EMAIL", DEFAULT_FROM_EMAIL
)
POLICYSHARE_INQUIRY_OVERDUE_DAYS = int(os.environ.get("POLICYSHARE_INQUIRY_OVERDUE_DAYS", "5"))
POLICYSHARE_INQUIRY_RETENTION_DAYS = int(
    os.environ.get("POLICYSHARE_INQUIRY_RETENTION_DAYS", "730")
)
# Abuse limits of the inquiry form: submissions per address and per e-mail (django-ratelimit
# rates). Of every public form (policyshare.security.form_guards): the least time a person takes
# to fill it in, and the most links a real message has.
POLICYSHARE_INQUIRY_RATE_PER_IP = "10/h"
POLICYSHARE_INQUIRY_RATE_PER_EMAIL = "5/h"
POLICYSHARE_FORM_MIN_FILL_SECONDS = 3
POLICYSHARE_FORM_MAX_LINKS = 3

# E-mail subscriptions (policyshare.subscriptions): how long a confirmation link works (an
# unconfirmed subscription is deleted after that), sign-ups per client address and per e-mail
# address, and where the List-Unsubscribe header's mailto: goes (staff unsubscribe by hand).
POLICYSHARE_SUBSCRIPTION_CONFIRMATION_DAYS = 7
POLICYSHARE_SUBSCRIPTION_RATE_PER_IP = "10/h"
POLICYSHARE_SUBSCRIPTION_RATE_PER_EMAIL = "3/h"
POLICYSHARE_SUBSCRIPTION_UNSUBSCRIBE_EMAIL = os.environ.get(
    "POLICYSHARE_SUBSCRIPTION_UNSUBSCRIBE_EMAIL", DEFAULT_FROM_EMAIL
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Load balancers probe the app servers over plain HTTP: the health endpoints answer there instead
# of redirecting to HTTPS when SECURE_SSL_REDIRECT is on (production).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "policyshare": {"level": os.environ.get("POLICYSHARE_LOG_LEVEL", "INFO")},
    },
}

# In the embedded mode the application serves uploaded media itself; behind nginx or with object
# storage, set this to 0 and let them do it.
POLICYSHARE_SERVE_MEDIA = env_bool("POLICYSHARE_SERVE_MEDIA", True)
