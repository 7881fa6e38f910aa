"""`policyshare backup` and `policyshare restore`, run as an operator runs them, on an
installation with the demo content: on SQLite, from SQLite into PostgreSQL, on PostgreSQL; and a
damaged or foreign archive is refused without changing anything."""

import gzip
import io
import json
import tarfile

import pytest

from .sites import Site

pytestmark = [pytest.mark.servers, pytest.mark.xdist_group("backup")]


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("sqlite-site"))
    site.run("migrate", "--noinput")
    site.run("load-demo")
    return site


@pytest.fixture(scope="module")
def sqlite_backup(sqlite_site, tmp_path_factory):
    """The demo content as it was, and its backup."""
    archive = tmp_path_factory.mktemp("backups") / "sqlite.tar.gz"
    before = sqlite_site.content()
    result = sqlite_site.run("backup", "--output", str(archive))
    assert "uploaded files" in result.stdout
    return before, archive


@pytest.fixture(scope="module")
def postgresql_site(postgresql_cluster, tmp_path_factory):
    postgresql_cluster.create_database("restored")
    return Site(
        tmp_path_factory.mktemp("postgresql-site"),
        database_url=postgresql_cluster.url("restored"),
    )


def test_the_demo_content_is_backed_up_with_every_upload(sqlite_backup):
    before, archive = sqlite_backup
    assert before["pages"] and before["images"] and before["documents"]
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["database"] == "sqlite"
    for item in before["images"] + before["documents"]:
        assert f"media/{item['file']}" in names


def test_restore_brings_back_the_sqlite_content_changed_after_the_backup(
    sqlite_site, sqlite_backup
):
    before, archive = sqlite_backup
    sqlite_site.change_content()
    assert sqlite_site.content() != before

    sqlite_site.run("restore", str(archive), "--noinput")

    assert sqlite_site.content() == before


def test_a_sqlite_backup_moves_into_postgresql_and_round_trips_there(
    postgresql_site, sqlite_backup, tmp_path
):
    before, archive = sqlite_backup
    postgresql_site.run("restore", str(archive), "--noinput")
    assert postgresql_site.content() == before
    # The moved site is a working one: its own backup and restore work on PostgreSQL.
    postgresql_archive = tmp_path / "postgresql.tar.gz"
    postgresql_site.run("backup", "--output", str(postgresql_archive))
    postgresql_site.change_content()
    assert postgresql_site.content() != before

    postgresql_site.run("restore", str(postgresql_archive), "--noinput")

    assert postgresql_site.content() == before


def _rewrite(archive, target, change):
    """A copy of the archive with `change(name, data)` applied to each member's bytes."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


def _bad_archives(archive, folder):
    data = archive.read_bytes()
    truncated = folder / "truncated.tar.gz"
    truncated.write_bytes(data[: len(data) // 2])

    def damage_first_image(name, content):
        return content[:-10] + b"x" * 10 if name.startswith("media/original_images/") else content

    def newer_version(name, content):
        if name != "manifest.json":
            return content
        manifest = json.loads(content)
        manifest["migrations"].append("wagtailcore.9999_from_the_future")
        return json.dumps(manifest).encode()

    not_a_backup = folder / "not-a-backup.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("notes.txt"), io.BytesIO(b""))
    plain_text = folder / "plain.tar.gz"
    plain_text.write_bytes(gzip.compress(b"hello"))
    return {
        truncated: "damaged",
        _rewrite(archive, folder / "damaged.tar.gz", damage_first_image): "damaged",
        _rewrite(archive, folder / "newer.tar.gz", newer_version): "newer version",
        not_a_backup: "not a policyshare backup",
        plain_text: "damaged or not a backup",
        folder / "missing.tar.gz": "no such file",
    }


def test_a_damaged_or_foreign_archive_is_refused_and_nothing_changes(
    sqlite_site, sqlite_backup, tmp_path
):
    _, archive = sqlite_backup
    sqlite_site.change_content()
    changed = sqlite_site.content()

    for bad, message in _bad_archives(archive, tmp_path).items():
        result = sqlite_site.run("restore", str(bad), "--noinput", check=False)
        assert result.returncode != 0, bad.name
        assert message in result.stderr, (bad.name, result.stderr)
        assert "Traceback" not in result.stderr

    assert sqlite_site.content() == changed
