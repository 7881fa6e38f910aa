"""Semantic search made ready when a server process starts, not in its first search: the vector
index file (378 MB at 100k pages, seconds to read) and the model's pages are read in a
background thread. A search arriving meanwhile waits for the read already under way instead of
starting its own (``search.current_snapshot`` holds a lock while it reads)."""

import logging
import threading

logger = logging.getLogger(__name__)


def preload() -> threading.Thread | None:
    """Start reading, when the site ranks with semantic search; returns the thread."""
    from django.conf import settings

    if settings.POLICYSHARE_SEARCH_RANKING != "hybrid":
        return None
    thread = threading.Thread(target=_read, name="semantic-preload", daemon=True)
    thread.start()
    return thread


def _read() -> None:
    from django.db import connection

    from .embedder import embed_query
    from .search import current_snapshot

    try:
        current_snapshot()
        embed_query("preload")  # the model's weights come into memory
    except Exception:
        # The first search tries again, and says what is wrong in a visitor's request.
        logger.exception("Semantic search could not be made ready at start.")
    finally:
        connection.close()  # this thread's own connection
