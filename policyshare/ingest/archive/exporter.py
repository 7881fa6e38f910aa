"""``policyshare export``: write all public content into a zip archive.

Layout: ``manifest.json`` (format, version, languages, and the item files in the order an
import reads them), then one JSON file per image, document, snippet and page, and the images'
and documents' files under ``files/``.
"""

import json
import os
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath

from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from .content import FORMAT, SNIPPET_MODELS, VERSION, exported_pages, page_item, snippet_item
from .keys import ToPortable, file_hash, file_key


def export_archive(path):
    """Write the archive to ``path``; return how many of each kind it holds."""
    to_portable = ToPortable()
    snippets = [
        snippet_item(obj, to_portable)
        for model in SNIPPET_MODELS
        for obj in model.objects.select_related("locale").order_by("locale__language_code", "pk")
    ]
    pages = [page_item(page, to_portable) for page in exported_pages()]
    temporary = Path(f"{path}.partial")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            counts = _write(archive, to_portable, snippets, pages)
    except BaseException:
        # A half-written archive must not be mistaken for a whole one.
        temporary.unlink(missing_ok=True)
        raise
    os.replace(temporary, path)
    return counts


def _write(archive, to_portable, snippets, pages):
    counts = Counter()
    entries = []

    def add(name, item):
        archive.writestr(name, json.dumps(item, ensure_ascii=False, indent=1, sort_keys=True))
        entries.append(name)
        counts[item["kind"] + "s"] += 1

    for image in Image.objects.filter(pk__in=to_portable.images).order_by("pk"):
        add(f"images/{file_hash(image)}.json", _file_item("image", image, archive))
    for document in Document.objects.filter(pk__in=to_portable.documents).order_by("pk"):
        add(f"documents/{file_hash(document)}.json", _file_item("document", document, archive))
    for item in snippets:
        model, translation_key, language = item["key"].split(":")
        add(f"snippets/{model}/{translation_key}-{language}.json", item)
    for number, item in enumerate(pages, start=1):
        fields = item["fields"]
        add(f"pages/{number:05d}-{fields['locale']}-{fields['slug']}.json", item)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "languages": sorted(Locale.objects.values_list("language_code", flat=True)),
        "counts": dict(counts),
        "items": entries,
    }
    archive.writestr("manifest.json", json.dumps(manifest, indent=1, sort_keys=True))
    return counts


def _file_item(kind, obj, archive):
    name = f"files/{kind}s/{file_hash(obj)}/{PurePosixPath(obj.file.name).name}"
    with obj.open_file() as handle:
        archive.writestr(name, handle.read())
    fields = {
        "title": obj.title,
        # The names from below the root collection down to the file's own.
        "collection": [
            c.name for c in obj.collection.get_ancestors(inclusive=True).order_by("path")[1:]
        ],
        "tags": sorted(obj.tags.names()),
    }
    if kind == "image":
        fields["description"] = obj.description
        for field in ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"):
            fields[field] = getattr(obj, field)
    return {"kind": kind, "key": file_key(kind, obj), "file": name, "fields": fields}
