import os
import re
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_createadmin_prints_a_working_password_once(capsys):
    call_command("createadmin")
    first = capsys.readouterr().out
    call_command("createadmin")
    second = capsys.readouterr().out

    password = re.search(r"with password (\S+)", first).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)
    assert "already exists" in second
    assert password not in second


def run_policyshare(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "policyshare.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_hyphenated_command_names_reach_the_project_commands():
    result = run_policyshare("load-demo", "--help")

    assert result.returncode == 0, result.stderr
    assert "usage: policyshare load_demo" in result.stdout


def test_production_settings_pass_the_deployment_checklist():
    result = run_policyshare(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="policyshare.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="policies.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "-m", "policyshare.cli", "check"],
        capture_output=True,
        text=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "policyshare.settings.production"},
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
