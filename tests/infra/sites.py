"""An installation of the portal as an operator has it: its own settings from environment
variables, driven through the `policyshare` command in separate processes."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
POLICYSHARE = Path(sys.executable).with_name("policyshare")
# Settings the test process has that must not leak into the installation's processes.
NOT_INHERITED = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT"}


@dataclass
class Site:
    var_dir: Path
    database_url: str = ""
    settings: dict = field(default_factory=dict)

    @property
    def env(self):
        env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
        env.update(
            DJANGO_SETTINGS_MODULE="policyshare.settings.embedded",
            POLICYSHARE_VAR_DIR=str(self.var_dir),
            POLICYSHARE_DEMO="1",
            PYTHONPATH=str(REPOSITORY),
            LOG_LEVEL="ERROR",
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env.update(self.settings)
        return env

    def run(self, *args, check=True):
        result = subprocess.run(
            [str(POLICYSHARE), *args],
            env=self.env,
            cwd=REPOSITORY,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if check and result.returncode:
            raise AssertionError(
                f"policyshare {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result

    def start_app_server(self, port, log):
        """`policyshare serve` as the app-server unit runs it (one gunicorn worker here); in a
        session of its own, so that it can be killed with its workers."""
        return subprocess.Popen(
            [str(POLICYSHARE), "serve", "--host", "127.0.0.1", "--port", str(port)]
            + ["--workers", "1", "--threads", "4", "--no-worker"],
            env=self.env,
            cwd=REPOSITORY,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def python(self, module, *args):
        """Run one of the tests' helper modules inside the installation's configuration."""
        result = subprocess.run(
            [sys.executable, "-m", module, *args],
            env=self.env,
            cwd=REPOSITORY,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode:
            raise AssertionError(f"{module} {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def content(self):
        return json.loads(self.python("tests.infra.content", "summary"))

    def change_content(self):
        self.python("tests.infra.content", "change")
