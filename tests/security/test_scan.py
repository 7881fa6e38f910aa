"""wapiti and sqlmap against a portal started with the demo content (``python -m security.scan``):
no finding of medium severity or higher, no server error. Takes minutes: see docs/security.md."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(
        not (shutil.which("wapiti") and shutil.which("sqlmap")),
        reason="Debian's wapiti and sqlmap are not installed",
    ),
]


def test_the_scanners_find_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "security.scan", "--keep", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
