"""Production: behind TLS, secrets and hosts from the environment, nothing insecure by default."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Behind TLS every http:// address on a page is fetched over https:// (see core/security_headers).
POLICYSHARE_CSP_UPGRADE_INSECURE_REQUESTS = True
# Administrators enrol an authenticator app before they use the admin.
POLICYSHARE_REQUIRE_2FA_FOR_ADMINS = env_bool("POLICYSHARE_REQUIRE_2FA_FOR_ADMINS", True)  # noqa: F405
# Production runs behind one reverse proxy (docs/deploy.md): the client's address is the one it
# appends to X-Forwarded-For, not REMOTE_ADDR (the proxy's), for rate limits and lockouts.
POLICYSHARE_TRUSTED_PROXIES = int(os.environ.get("POLICYSHARE_TRUSTED_PROXIES", "1"))
