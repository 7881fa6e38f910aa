"""The production settings pass Django's deployment checklist with every control of this app
switched on, including with the Redis cache that shares rate limits across app servers."""

import json
import os
import secrets
import subprocess
import sys

import pytest

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "policyshare.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "policies.example.org",
}


def run(args, **env):
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **PRODUCTION, **env},
        timeout=120,
    )


@pytest.mark.parametrize("cache", [{}, {"REDIS_URL": "redis://127.0.0.1:6379/0"}])
def test_check_deploy_is_clean(cache, tmp_path):
    result = run(
        ["-m", "policyshare.cli", "check", "--deploy", "--fail-level", "WARNING"],
        POLICYSHARE_VAR_DIR=str(tmp_path),
        **cache,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_turns_the_account_controls_on(tmp_path):
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'2fa': s.POLICYSHARE_REQUIRE_2FA_FOR_ADMINS, "
        "'proxies': s.POLICYSHARE_TRUSTED_PROXIES, 'backends': s.AUTHENTICATION_BACKENDS, "
        "'middleware': s.MIDDLEWARE, 'secure_cookie': s.SESSION_COOKIE_SECURE}))"
    )
    result = run(["-c", script], POLICYSHARE_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    effective = json.loads(result.stdout)
    assert effective["2fa"] is True
    assert effective["proxies"] == 1
    assert effective["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert effective["middleware"][-1] == "axes.middleware.AxesMiddleware"
    assert "policyshare.security.two_factor.TwoFactorMiddleware" in effective["middleware"]
    assert effective["secure_cookie"] is True
