"""Django's SQLite backend, keeping the query planner's statistics up to date.

Without statistics (``sqlite_stat1``) SQLite guesses how selective each index is, and on a site
of thousands of pages it guesses wrong: the news naming a policy was looked for by walking every
page of the visitor's language (20-30 ms at 10,000 articles) instead of following the policy's
links (0.2 ms). SQLite's advice is ``PRAGMA optimize`` as each connection closes, which Django
does when a connection is a minute old (``CONN_MAX_AGE``): it analyses the tables the connection
queried that were never analysed or have grown much since, so it does nothing almost every time
(36 µs); ``analysis_limit`` (the settings' ``init_command``) keeps an analysis to milliseconds.
"""

import contextlib

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def _close(self):
        # An analysis writes its figures: it never waits for a writer (an import) to finish; a
        # later connection's close analyses instead. Nothing here may keep the connection open.
        with contextlib.suppress(base.Database.Error):
            self.connection.execute("PRAGMA busy_timeout=0")
            self.connection.execute("PRAGMA optimize")
        super()._close()
