"""The Korean analyser made ready when a server process starts, not in its first Korean search:
Kiwi's model takes seconds to load (``analysis.korean.get_kiwi``), which the first visitor of
each new process to search in Korean would otherwise wait for. It loads in a background thread;
a search arriving meanwhile waits for that load (``get_kiwi`` builds under a lock) instead of
starting its own."""

import logging
import threading

logger = logging.getLogger(__name__)


def preload() -> threading.Thread:
    """Start loading Kiwi with the editors' dictionary; returns the thread."""
    thread = threading.Thread(target=_load, name="kiwi-preload", daemon=True)
    thread.start()
    return thread


def _load() -> None:
    from django.db import connection

    from .analysis import get_kiwi
    from .user_dictionary import user_words

    try:
        get_kiwi(user_words())
    except Exception:
        # The first Korean search tries again, and says what is wrong in a visitor's request.
        logger.exception("The Korean analyser could not be loaded at start.")
    finally:
        connection.close()  # this thread's own connection
