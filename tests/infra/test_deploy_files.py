"""The systemd units in deploy/ run commands that exist, with options the commands accept; each
timer starts a service that is shipped; every variable of the example environment file is
documented."""

import configparser
import re
import shlex

import pytest

from .sites import REPOSITORY, Site

SYSTEMD = REPOSITORY / "deploy" / "systemd"
INSTALLED_POLICYSHARE = "/srv/policyshare/.venv/bin/policyshare"


def _unit(path):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path)
    return parser


SERVICES = sorted(SYSTEMD.glob("*.service"))


@pytest.mark.parametrize("service", SERVICES, ids=lambda path: path.name)
def test_each_service_runs_a_policyshare_command_that_accepts_its_options(service, tmp_path):
    unit = _unit(service)
    command = shlex.split(unit["Service"]["ExecStart"].replace("%i", "8000"))
    assert command[0] == INSTALLED_POLICYSHARE
    assert unit["Service"]["EnvironmentFile"] == "/etc/policyshare/env"

    # The command's own parser checks every option; --help stops before anything runs.
    result = Site(tmp_path).run(*command[1:], "--help")

    assert result.returncode == 0


def test_each_timer_starts_a_shipped_service():
    timers = sorted(SYSTEMD.glob("*.timer"))
    assert timers
    for timer in timers:
        assert timer.with_suffix(".service").exists(), timer.name
        assert "OnCalendar" in _unit(timer)["Timer"]


def test_every_variable_of_the_example_environment_is_documented():
    documented = (REPOSITORY / "docs" / "deploy.md").read_text()
    example = (SYSTEMD / "policyshare.env.example").read_text()
    names = re.findall(r"^([A-Z_0-9]+)=", example, flags=re.MULTILINE)
    assert names
    for name in names:
        assert f"`{name}`" in documented, name
