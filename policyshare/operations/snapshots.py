"""Consistent snapshots of the database while the site serves, and putting one back.

A snapshot is taken at one moment and written twice: physically (SQLite's online backup, or
`pg_dump -Fc`), which restores exactly and fast into the same kind of database, and logically
(Django's `dumpdata`), which loads into the other kind, for a move from SQLite to PostgreSQL.
Both are read through a second connection, "snapshot", that sees the database as it was when the
snapshot began, while the site goes on writing through the default one.
"""

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from psycopg import IsolationLevel

SNAPSHOT_ALIAS = "snapshot"

# Left out of the logical dump: sessions (everyone logs in again after a move) and Wagtail's
# search index, whose columns differ between the two kinds of database and which is rebuilt from
# the pages. Everything else keeps its primary keys, content types and permissions included, so
# the rows fit together in the new database exactly as in the old one.
LOGICAL_EXCLUDES = ["sessions", "wagtailsearch.indexentry"]


class SnapshotError(Exception):
    pass


def vendor():
    return connections[DEFAULT_DB_ALIAS].vendor


@contextlib.contextmanager
def _snapshot_connection(settings_dict):
    """A second connection under the alias "snapshot", removed again afterwards; its settings
    are the default connection's (complete with Django's defaults), changed where given."""
    connections.settings[SNAPSHOT_ALIAS] = settings_dict
    try:
        yield connections[SNAPSHOT_ALIAS]
    finally:
        connections[SNAPSHOT_ALIAS].close()
        del connections[SNAPSHOT_ALIAS]
        del connections.settings[SNAPSHOT_ALIAS]


@contextlib.contextmanager
def snapshot(workdir):
    """Take a snapshot of the default database into `workdir`; yields the physical file's path
    with the snapshot connection open, so that the logical dump and the list of applied
    migrations are read from the same moment."""
    workdir = Path(workdir)
    source = connections[DEFAULT_DB_ALIAS]
    if source.vendor == "sqlite":
        physical = workdir / "database.sqlite3"
        source.ensure_connection()
        # The online backup API copies a consistent state while other connections keep writing.
        with contextlib.closing(sqlite3.connect(physical)) as target:
            source.connection.backup(target)
        with _snapshot_connection({**source.settings_dict, "NAME": str(physical), "OPTIONS": {}}):
            yield physical
    elif source.vendor == "postgresql":
        physical = workdir / "database.pgdump"
        options = {
            **source.settings_dict["OPTIONS"],
            "isolation_level": IsolationLevel.REPEATABLE_READ,
        }
        with (
            _snapshot_connection({**source.settings_dict, "OPTIONS": options}) as connection,
            transaction.atomic(using=SNAPSHOT_ALIAS),
        ):
            # pg_dump joins this transaction's snapshot, so both dumps show the same moment.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                (exported,) = cursor.fetchone()
            _run(
                "pg_dump",
                "--format=custom",
                f"--snapshot={exported}",
                f"--file={physical}",
                env=_libpq_environment(source.settings_dict),
            )
            yield physical
    else:
        raise SnapshotError(f"backups support SQLite and PostgreSQL, not {source.vendor}")


def applied_migrations():
    """The migrations applied in the snapshot, as "app.name"."""
    recorder = MigrationRecorder(connections[SNAPSHOT_ALIAS])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def write_logical_dump(path):
    """The snapshot's content as Django fixtures (JSON). Content types and permissions come
    first: while later rows load, code that looks up a content type must find the one from the
    dump rather than create another."""
    first = ["contenttypes", "auth"]
    labels = first + [
        config.label for config in apps.get_app_configs() if config.label not in first
    ]
    call_command(
        "dumpdata",
        *labels,
        database=SNAPSHOT_ALIAS,
        exclude=LOGICAL_EXCLUDES,
        output=str(path),
        verbosity=0,
    )


def restore_physical(physical):
    """Replace the default database with a physical snapshot of the same kind."""
    target = connections[DEFAULT_DB_ALIAS]
    target.close()
    if target.vendor == "sqlite":
        # The backup API again, the other way: it takes the database's lock for the copy, so
        # other processes see either the old database or the restored one.
        with (
            contextlib.closing(sqlite3.connect(physical)) as source,
            contextlib.closing(sqlite3.connect(target.settings_dict["NAME"], timeout=30)) as live,
        ):
            source.backup(live)
    else:
        # One transaction: an error leaves the database as it was.
        _run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={target.settings_dict['NAME']}",
            str(physical),
            env=_libpq_environment(target.settings_dict),
        )


def restore_logical(dump):
    """Replace the default database's content with a logical dump, in one transaction: the
    schema is made by the migrations first, then emptied and filled from the dump."""
    call_command("migrate", interactive=False, verbosity=0)
    with transaction.atomic(using=DEFAULT_DB_ALIAS):
        # Without the post-migrate signal, so that nothing (content types, the default home
        # pages) is created that the dump brings too.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        call_command("loaddata", str(dump), verbosity=0)
    ContentType.objects.clear_cache()
    call_command("wagtail_update_index", verbosity=0)


def _libpq_environment(settings_dict):
    """Connection parameters for pg_dump and pg_restore in libpq's variables, so that the
    password never appears on a command line."""
    variables = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": settings_dict.get("OPTIONS", {}).get("sslmode"),
        "PGCONNECT_TIMEOUT": settings_dict.get("OPTIONS", {}).get("connect_timeout"),
    }
    return {**os.environ, **{name: str(value) for name, value in variables.items() if value}}


def _run(program, *args, env):
    if shutil.which(program) is None:
        raise SnapshotError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)"
        )
    result = subprocess.run([program, *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SnapshotError(f"{program} failed: {result.stderr.strip()}")
