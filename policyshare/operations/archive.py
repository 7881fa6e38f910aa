"""The backup archive: one gzipped tar holding a manifest, the database snapshot in two forms and
every uploaded file, each checked by its SHA-256 before anything is restored.

Layout::

    manifest.json           what the archive holds (see `write_backup`)
    database/physical       SQLite file or pg_dump custom-format dump
    database/content.json   the same moment as Django fixtures (for the other kind of database)
    media/<name>            every file of the default storage (uploads, renditions)
"""

import contextlib
import datetime
import hashlib
import io
import json
import posixpath
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader

from . import snapshots

FORMAT = "policyshare-backup"
VERSION = 1
MANIFEST = "manifest.json"
PHYSICAL = "database/physical"
LOGICAL = "database/content.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """The archive cannot be restored here; nothing has been changed."""


def _sha256(fileobj):
    digest = hashlib.sha256()
    while chunk := fileobj.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _media_names(storage, directory=""):
    """Every file of a storage, through the storage's own API (disk or object storage alike)."""
    folders, files = storage.listdir(directory)
    for name in sorted(files):
        yield posixpath.join(directory, name)
    for folder in sorted(folders):
        yield from _media_names(storage, posixpath.join(directory, folder))


def _add(tar, name, fileobj, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    info.mode = 0o600
    tar.addfile(info, fileobj)


def write_backup(path):
    """Write a backup of the database and the uploads to `path`; returns the manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Renamed only when complete, so an interrupted backup never looks like a good one.
    partial = path.with_name(path.name + ".partial")
    try:
        with (
            tempfile.TemporaryDirectory(prefix="policyshare-backup-") as workdir,
            tarfile.open(partial, "w:gz") as tar,
        ):
            manifest = _write_members(tar, Path(workdir))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _write_members(tar, workdir):
    """The database is copied first, at one moment; uploads are copied after it, so a file
    uploaded meanwhile may be in the archive without a row that points to it (harmless), never
    the other way round unless a file is deleted during the backup."""
    files = {}
    with snapshots.snapshot(workdir) as physical:
        migrations = snapshots.applied_migrations()
        logical = workdir / "content.json"
        snapshots.write_logical_dump(logical)
    for name, source in ((PHYSICAL, physical), (LOGICAL, logical)):
        with source.open("rb") as fileobj:
            files[name] = _sha256(fileobj)
            fileobj.seek(0)
            _add(tar, name, fileobj, source.stat().st_size)
    storage = storages["default"]
    for name in _media_names(storage):
        with storage.open(name, "rb") as fileobj:
            files[MEDIA_PREFIX + name] = _sha256(fileobj)
            fileobj.seek(0)
            _add(tar, MEDIA_PREFIX + name, fileobj, storage.size(name))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": snapshots.vendor(),
        "migrations": migrations,
        "files": files,
    }
    encoded = json.dumps(manifest, indent=2, sort_keys=True).encode()
    _add(tar, MANIFEST, io.BytesIO(encoded), len(encoded))
    return manifest


@dataclass
class VerifiedBackup:
    """An archive whose every file has been read and checked, unpacked into `workdir`."""

    manifest: dict
    workdir: Path

    @property
    def database(self):
        return self.manifest["database"]

    @property
    def media(self):
        return sorted(name for name in self.manifest["files"] if name.startswith(MEDIA_PREFIX))

    def unpacked(self, name):
        # Named by a hash, never by the member's name; the suffix tells loaddata the format.
        return self.workdir / (hashlib.sha256(name.encode()).hexdigest() + Path(name).suffix)


def _read_manifest(tar):
    try:
        member = tar.getmember(MANIFEST)
        manifest = json.load(tar.extractfile(member))
    except (KeyError, ValueError, AttributeError, TypeError) as error:
        raise BackupError("not a policyshare backup: it has no readable manifest") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("not a policyshare backup: the manifest is of another format")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"backup format version {manifest.get('version')} is not supported (this version "
            f"reads {VERSION})"
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or PHYSICAL not in files or LOGICAL not in files:
        raise BackupError("the manifest does not list the database snapshot")
    for name in files:
        # Names only ever select members and storage names; still refuse anything that could
        # point outside the media folder.
        if name.startswith("/") or ".." in name.split("/"):
            raise BackupError(f"the archive holds a file with an unsafe name: {name!r}")
    return manifest


def _check_migrations(manifest):
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    unknown = sorted(set(manifest.get("migrations", [])) - known)
    if unknown:
        raise BackupError(
            "the backup was made by a newer version of policyshare (it has migrations this "
            f"version does not know: {', '.join(unknown[:5])}); upgrade first"
        )


@contextlib.contextmanager
def verified_backup(path):
    """Read and check the whole archive before anything is changed; yields a VerifiedBackup."""
    with tempfile.TemporaryDirectory(prefix="policyshare-restore-") as workdir:
        try:
            with tarfile.open(path, "r:gz") as tar:
                manifest = _read_manifest(tar)
                _check_migrations(manifest)
                backup = VerifiedBackup(manifest, Path(workdir))
                for name, expected in manifest["files"].items():
                    try:
                        member = tar.extractfile(tar.getmember(name))
                    except KeyError as error:
                        raise BackupError(
                            f"the archive lacks {name}, which its manifest lists"
                        ) from error
                    with backup.unpacked(name).open("wb") as target:
                        shutil.copyfileobj(member, target, CHUNK)
                    with backup.unpacked(name).open("rb") as written:
                        if _sha256(written) != expected:
                            raise BackupError(f"{name} is damaged (its checksum does not match)")
        except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
            if isinstance(error, FileNotFoundError):
                raise BackupError(f"no such file: {path}") from error
            raise BackupError(f"the archive is damaged or not a backup: {error}") from error
        yield backup


def restore_backup(backup):
    """Put a verified backup back: the database (the physical snapshot into the same kind of
    database, the logical one into the other kind), then the uploads."""
    if backup.database == snapshots.vendor():
        snapshots.restore_physical(backup.unpacked(PHYSICAL))
        # An archive from an older version gets the newer migrations.
        call_command("migrate", interactive=False, verbosity=0)
    else:
        snapshots.restore_logical(backup.unpacked(LOGICAL))
    storage = storages["default"]
    for name in backup.media:
        storage_name = name.removeprefix(MEDIA_PREFIX)
        if storage.exists(storage_name):
            storage.delete(storage_name)
        with backup.unpacked(name).open("rb") as fileobj:
            storage.save(storage_name, File(fileobj))
    # Pages cached before the restore would show content that no longer exists.
    caches["default"].clear()
