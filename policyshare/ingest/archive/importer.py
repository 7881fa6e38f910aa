"""Reading an archive back: images and documents (matched by their file's hash), snippets
(by translation key and language), then pages (by translation key and language; a home page by
its language; a section's index page by its type below the home page). What exists is updated
when it differs, what is missing is created, and everything is published.

Pages are written in two passes, because they refer to each other in any order (a news article
to its policies, a policy to the cities that adopted it, a link in any text to any page):
the first makes every missing page exist, the second writes every page's full content.
"""

import copy
import hashlib
import io
import json
import zipfile
from collections import Counter
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from modelcluster.models import model_from_serializable_data
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, TranslatableMixin

from policyshare.core.models import HomePage, IndexPage

from .content import (
    FORMAT,
    SNIPPET_MODELS,
    VERSION,
    content_child_relations,
    normalised,
    page_item,
    snippet_item,
)
from .keys import SITE_ONLY_MODELS, STABLE_ID_MODELS, ArchiveError, ToPortable
from .references import translate_fields

# Fields that identify an object in one site, so they are not compared or copied.
IDENTITY_FIELDS = ("translation_key", "locale")


class _RollBack(Exception):
    pass


def read_manifest(archive):
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except KeyError:
        raise ArchiveError("not a policyshare archive: it has no manifest.json") from None
    except ValueError as error:
        raise ArchiveError(f"manifest.json is not JSON ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError("not a policyshare archive: manifest.json names another format")
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise ArchiveError(
            f"archive format version {manifest.get('version')!r} is newer than this "
            f"policyshare reads ({VERSION}): upgrade policyshare first"
        )
    # A damaged or forged manifest must stop here with a message, not deep in the writer.
    for field in ("items", "languages"):
        value = manifest.get(field, [])
        if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
            raise ArchiveError(f"manifest.json: {field!r} must be a list of names")
    return manifest


def import_archive(data, dry_run=False, progress=None):
    """Import an archive's bytes; return (Counter of outcomes, list of (location, message))."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        manifest = read_manifest(archive)
        items = [(name, json.loads(archive.read(name))) for name in manifest["items"]]
    except (ArchiveError, zipfile.BadZipFile, KeyError, ValueError) as error:
        return Counter(), [("manifest.json", _message(error))]
    not_objects = [
        (name, "not a JSON object") for name, item in items if not isinstance(item, dict)
    ]
    if not_objects:
        return Counter(), not_objects
    writer = _ArchiveWriter(archive, manifest)
    try:
        with transaction.atomic():
            writer.write(items, progress)
            if writer.bad or dry_run:
                raise _RollBack
    except _RollBack:
        pass
    return writer.outcomes, writer.bad


class _ArchiveWriter:
    def __init__(self, archive, manifest):
        self.archive = archive
        self.manifest = manifest
        self.outcomes = Counter()
        self.bad = []
        self.local = {}  # portable key -> local id, for what the archive brought
        self.created_pages = set()

    def write(self, items, progress):
        try:
            self._languages()
        except ArchiveError as error:
            self.bad.append(("manifest.json", str(error)))
            return
        pages = [(name, item) for name, item in items if item.get("kind") == "page"]
        others = [(name, item) for name, item in items if item.get("kind") != "page"]
        steps = [(name, item, self._write_other) for name, item in others]
        steps += [(name, item, self._place_page) for name, item in pages]
        steps += [(name, item, self._write_page) for name, item in pages]
        total = len(others) + len(pages)
        done = 0
        for name, item, step in steps:
            try:
                with transaction.atomic():
                    outcome = step(item)
            except (ArchiveError, ValidationError, LookupError, ValueError) as error:
                self.bad.append((name, _message(error)))
                outcome = None
            if step == self._place_page:
                continue
            done += 1
            if outcome:
                self.outcomes[outcome] += 1
            if progress:
                progress(done, total, outcome, _label(item))

    def _languages(self):
        known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        for code in self.manifest.get("languages", []):
            if code not in known:
                raise ArchiveError(f"the archive has content in {code!r}, not a site language")
            Locale.objects.get_or_create(language_code=code)

    # References

    def to_local(self, model, value, *, pages_known_only=False):
        if value is None:
            return None
        if issubclass(model, SITE_ONLY_MODELS):
            return None
        if issubclass(model, STABLE_ID_MODELS):
            return value
        if model is Locale:
            return Locale.objects.get(language_code=value).pk
        if model is ContentType:
            app_label, model_name = value.split(".")
            return ContentType.objects.get_by_natural_key(app_label, model_name).pk
        if value in self.local:
            return self.local[value]
        if pages_known_only and issubclass(model, Page):
            return None
        # Something the archive refers to without holding it (say, a link to a draft page):
        # kept when this site has it, dropped otherwise.
        kind, *rest = str(value).split(":")
        if issubclass(model, Page) and kind == "page":
            found = Page.objects.filter(translation_key=rest[0], locale__language_code=rest[1])
        elif issubclass(model, Image | Document) and kind in {"image", "document"}:
            found = model.objects.filter(file_hash=rest[0])
        elif issubclass(model, TranslatableMixin) and len(rest) == 2:
            found = model.objects.filter(translation_key=rest[0], locale__language_code=rest[1])
        else:
            raise ArchiveError(f"{value!r} is not a reference to a {model._meta.verbose_name}")
        return found.values_list("pk", flat=True).first()

    # Images, documents, snippets

    def _write_other(self, item):
        kind = item.get("kind")
        if kind in {"image", "document"}:
            return self._write_file(item, Image if kind == "image" else Document)
        if kind == "snippet":
            return self._write_snippet(item)
        raise ArchiveError(f"unknown kind of item {kind!r}")

    def _write_file(self, item, model):
        fields = item["fields"]
        digest = item["key"].split(":", 1)[1]
        content = self.archive.read(item["file"])
        if hashlib.sha1(content).hexdigest() != digest:  # noqa: S324
            raise ArchiveError(f"{item['file']} is damaged: its content does not match its hash")
        obj = model.objects.filter(file_hash=digest).first()
        outcome = "unchanged"
        if obj is None:
            obj = model(file=ContentFile(content, name=PurePosixPath(item["file"]).name))
            outcome = "created"
        details = {
            name: value for name, value in fields.items() if name not in ("collection", "tags")
        }
        collection = _collection(fields["collection"])
        if outcome == "unchanged" and (
            any(getattr(obj, name) != value for name, value in details.items())
            or obj.collection_id != collection.pk
            or sorted(obj.tags.names()) != fields["tags"]
        ):
            outcome = "updated"
        if outcome != "unchanged":
            for name, value in details.items():
                setattr(obj, name, value)
            obj.collection = collection
            if outcome == "created":
                if model is Image:
                    obj._set_image_file_metadata()
                else:
                    obj._set_document_file_metadata()
            obj.full_clean(exclude=["file"])
            obj.save()
            obj.tags.set(fields["tags"])
        self.local[item["key"]] = obj.pk
        return outcome

    def _write_snippet(self, item):
        model = _model(item, SNIPPET_MODELS)
        fields = copy.deepcopy(item["fields"])
        translate_fields(model, fields, self.to_local)
        existing = model.objects.filter(
            translation_key=fields["translation_key"], locale_id=fields["locale"]
        ).first()
        if existing is None and hasattr(model, "slug"):
            # A site may have made the same sector itself: the address names it too.
            existing = model.objects.filter(locale_id=fields["locale"], slug=fields["slug"]).first()
        if existing is not None and _same(snippet_item(existing, ToPortable()), item):
            self.local[item["key"]] = existing.pk
            return "unchanged"
        if existing is not None:
            fields.update(translation_key=str(existing.translation_key), locale=existing.locale_id)
        obj = model_from_serializable_data(model, {**fields, "pk": existing and existing.pk})
        obj.full_clean()
        obj.save()
        self.local[item["key"]] = obj.pk
        return "created" if existing is None else "updated"

    # Pages

    def _place_page(self, item):
        """Find the page this item is in this site, or make it (without its references to
        pages not yet placed), so that every page has an id before any content is written."""
        model = _model(item, (Page,))
        fields = item["fields"]
        locale = Locale.objects.get(language_code=fields["locale"])
        parent = None
        if item["parent"] is not None:
            if item["parent"] not in self.local:
                raise ArchiveError("its parent page is not in the archive (or could not be placed)")
            parent = Page.objects.get(pk=self.local[item["parent"]])
        page = self._existing_page(model, fields, locale, parent)
        if page is None:
            data = copy.deepcopy(fields)
            for name in content_child_relations(model):
                data.pop(name, None)
            translate_fields(model, data, lambda m, v: self.to_local(m, v, pages_known_only=True))
            page = model_from_serializable_data(model, {**data, "pk": None}, check_fks=False)
            page.live = False
            (parent or Page.get_first_root_node()).add_child(instance=page)
            self.created_pages.add(page.pk)
        self.local[item["key"]] = page.pk
        return None

    def _existing_page(self, model, fields, locale, parent):
        if model is HomePage:
            return HomePage.objects.filter(locale=locale).first()
        existing = Page.objects.filter(
            translation_key=fields["translation_key"], locale=locale
        ).first()
        if existing is not None:
            if existing.specific_class is not model:
                raise ArchiveError(
                    f"this site has a {existing.specific_class._meta.verbose_name} with this "
                    f"page's translation key, not a {model._meta.verbose_name}"
                )
            return existing.specific
        if issubclass(model, IndexPage) and parent is not None:
            # A section has one index page, whoever made it.
            return model.objects.child_of(parent).first()
        return None

    def _write_page(self, item):
        if item["key"] not in self.local:
            return None  # not placed: its error is already reported
        page = Page.objects.get(pk=self.local[item["key"]]).specific
        model = type(page)
        created = page.pk in self.created_pages
        if not created and _same(page_item(page, ToPortable()), item):
            return "unchanged"
        data = copy.deepcopy(item["fields"])
        translate_fields(model, data, self.to_local)
        data.update(pk=page.pk, translation_key=str(page.translation_key), locale=page.locale_id)
        for name in content_child_relations(model):
            existing = {str(c.translation_key): c.pk for c in getattr(page, name).all()}
            for child in data.get(name, []):
                child["pk"] = existing.get(child.get("translation_key"))
        revision = page.with_content_json(data).save_revision()
        revision.publish()
        return "created" if created else "updated"


def _model(item, allowed):
    try:
        model = apps.get_model(item["model"])
    except (LookupError, ValueError):
        raise ArchiveError(f"unknown type {item.get('model')!r}") from None
    if not issubclass(model, allowed):
        raise ArchiveError(f"{item['model']} is not content this archive format carries")
    return model


def _collection(names):
    collection = Collection.get_first_root_node()
    for name in names:
        child = collection.get_children().filter(name=name).first()
        collection = child or collection.add_child(name=name)
    return collection


def _same(local_item, archived_item):
    """Whether a site's object already holds an archived item's content."""
    mine, theirs = normalised(local_item)["fields"], normalised(archived_item)["fields"]
    for name in IDENTITY_FIELDS:
        mine.pop(name, None)
        theirs.pop(name, None)
    return mine == theirs


def _label(item):
    fields = item.get("fields", {})
    title = fields.get("title") or fields.get("name") or item.get("key", "")
    language = fields.get("locale")
    return f"{item.get('kind', 'item')} {title}" + (f" ({language})" if language else "")


def _message(error):
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(f"{f}: {' '.join(m)}" for f, m in error.message_dict.items())
        return " ".join(error.messages)
    if isinstance(error, KeyError):
        return f"missing {error}"
    return str(error)
