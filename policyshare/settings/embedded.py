"""The default mode of `make run`: one machine, SQLite, local files, DEBUG off."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR

if not SECRET_KEY:  # noqa: F405
    # A key generated once per installation and kept beside the database, so sessions survive
    # restarts without anyone having to invent a secret.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()
