"""``policyshare export`` and the archive read back by ``policyshare import``."""

import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, PageViewRestriction, Site

from policyshare.core.models import HomePage
from policyshare.core.site_setup import ensure_site
from policyshare.ingest.archive.content import exported_pages, page_item, snippet_item
from policyshare.ingest.archive.keys import ToPortable
from policyshare.network.models import Partner
from policyshare.policies.models import PolicyPage, Sector

from .importing import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_media, settings):
    settings.MEDIA_ROOT = demo_media


def export(path):
    output = io.StringIO()
    call_command("export", str(path), stdout=output)
    return output.getvalue()


def snapshot():
    """Every public page, sector and partner as the archive describes them, every image and
    document by title with its file's hash, and which pages are translations of which."""
    to_portable = ToPortable()
    pages = {page.url_path: page_item(page, to_portable) for page in exported_pages()}
    snippets = {
        f"{model.__name__} {obj.translation_key} {obj.locale.language_code}": snippet_item(
            obj, to_portable
        )
        for model in (Sector, Partner)
        for obj in model.objects.all()
    }
    files = {
        f"{type(obj).__name__} {obj.title}": (
            hashlib.sha1(obj.file.read()).hexdigest(),  # noqa: S324
            [c.name for c in obj.collection.get_ancestors(inclusive=True)[1:]],
        )
        for obj in [*Image.objects.all(), *Document.objects.all()]
    }
    translations = sorted(
        (str(p.translation_key), p.locale.language_code, p.specific_class.__name__)
        for p in Page.objects.filter(depth__gt=2)
    )
    return pages, snippets, files, translations


@pytest.fixture
def wipe():
    """Back to a freshly installed site: no content, new home pages (and a new Site, whose
    cached root paths must not outlive the test)."""

    def wipe_site():
        Page.objects.filter(depth__gt=1).delete()
        for model in (Partner, Sector, Image, Document):
            model.objects.all().delete()
        Collection.objects.filter(depth__gt=1).delete()
        ensure_site()

    yield wipe_site
    Site.clear_site_root_paths_cache()


def test_export_wipe_import_loses_nothing(demo, wipe, tmp_path, client):
    # A moment less than a millisecond past the second: JSON encoders that keep milliseconds
    # only would bring it back a little earlier.
    PolicyPage.objects.filter(slug="public-transportation").update(
        first_published_at=datetime.datetime(2024, 3, 5, 9, 30, 12, 412, tzinfo=datetime.UTC)
    )
    before = snapshot()
    old_home_key = str(HomePage.objects.first().translation_key)
    archive = tmp_path / "site.zip"
    assert "Exported to" in export(archive)
    wipe()
    assert not PolicyPage.objects.exists()
    new_home_key = str(HomePage.objects.first().translation_key)

    output, errors, failure = run_import(archive)
    assert failure is None, errors
    after = snapshot()
    # The new site's home pages are the old ones' counterparts, under their own key.
    after = json.loads(json.dumps(after, default=str).replace(new_home_key, old_home_key))
    before = json.loads(json.dumps(before, default=str))
    for part_after, part_before in zip(after, before, strict=True):
        assert part_after == part_before
    pages, snippets, files, translations = after
    assert len(pages) > 60 and len(snippets) > 30 and len(files) > 30
    assert all(item["fields"]["locale"] in {"ko", "en"} for item in pages.values())

    policy = PolicyPage.objects.get(slug="green-transportation-zone", locale__language_code="en")
    assert policy.live
    assert [str(r.actual) for r in policy.key_results.all()][:2] == ["-782.00", "-39.00"]
    assert policy.exchanges.first().city.locale == policy.locale
    response = client.get(policy.url)
    assert response.status_code == 200
    assert "782" in response.content.decode()


def test_importing_an_archive_into_the_site_it_came_from_changes_nothing(demo, tmp_path):
    archive = tmp_path / "site.zip"
    export(archive)
    pages = Page.objects.count()
    output, _errors, failure = run_import(archive)
    assert failure is None
    assert " 0 created, 0 updated, " in output
    assert Page.objects.count() == pages


def test_an_edited_page_in_an_archive_is_updated_with_a_new_revision(demo, tmp_path):
    archive = tmp_path / "site.zip"
    export(archive)
    policy = PolicyPage.objects.get(slug="green-transportation-zone", locale__language_code="en")
    revisions = policy.revisions.count()
    edited = tmp_path / "edited.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(edited, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("pages/") and name.endswith("-en-green-transportation-zone.json"):
                item = json.loads(data)
                item["fields"]["title"] = "Green Transport Zone, revised"
                data = json.dumps(item).encode()
            target.writestr(name, data)
    output, _errors, failure = run_import(edited)
    assert failure is None
    assert " 0 created, 1 updated, " in output
    policy.refresh_from_db()
    assert policy.title == "Green Transport Zone, revised"
    assert policy.revisions.count() == revisions + 1


def test_private_pages_stay_out_of_the_archive(demo, tmp_path):
    policy = PolicyPage.objects.get(slug="green-transportation-zone", locale__language_code="en")
    PageViewRestriction.objects.create(page=policy, restriction_type="login")
    archive = tmp_path / "site.zip"
    export(archive)
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    assert any(name.endswith("-ko-green-transportation-zone.json") for name in names)
    assert not any(name.endswith("-en-green-transportation-zone.json") for name in names)


def test_a_damaged_or_foreign_archive_is_refused_whole(tmp_path):
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as opened:
        opened.writestr(
            "manifest.json", json.dumps({"format": "policyshare-archive", "version": 99})
        )
    _output, errors, failure = run_import(archive)
    assert failure
    assert "archive format version 99 is newer than this policyshare reads" in errors
