"""What a visitor or an editor would notice of an installation's content, and changes to it;
run inside an installation's configuration: `python -m tests.infra.content ACTION`."""

import hashlib
import json
import sys


def _file_digest(field):
    with field.storage.open(field.name, "rb") as fileobj:
        return hashlib.sha256(fileobj.read()).hexdigest()


def summary():
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    pages = [
        {
            "path": page.url_path,
            "locale": page.locale.language_code,
            "title": page.title,
            "live": page.live,
            "revisions": [
                revision.content.get("title") for revision in page.revisions.order_by("pk")
            ],
        }
        for page in Page.objects.select_related("locale").order_by("path")
    ]
    images = [
        {"title": image.title, "file": image.file.name, "sha256": _file_digest(image.file)}
        for image in get_image_model().objects.order_by("pk")
    ]
    documents = [
        {"title": document.title, "file": document.file.name, "sha256": _file_digest(document.file)}
        for document in get_document_model().objects.order_by("pk")
    ]
    users = sorted(get_user_model().objects.values_list("username", flat=True))
    return {"pages": pages, "images": images, "documents": documents, "users": users}


def change():
    """An editor's afternoon: a page retitled and republished, an image deleted (its file goes
    with it), a document uploaded."""
    from django.core.files.base import ContentFile
    from django.db import transaction
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    with transaction.atomic():
        page = Page.objects.filter(depth__gt=2).order_by("path").first().specific
        page.title = "Changed after the backup"
        page.save_revision().publish()
        get_image_model().objects.order_by("pk").first().delete()
        get_document_model().objects.create(
            title="Uploaded after the backup", file=ContentFile(b"%PDF-1.4\n", name="after.pdf")
        )


def draft():
    """A page written but not yet published, under the Korean home page; prints its id."""
    from policyshare.core.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="ko")
    page = home.add_child(
        instance=StandardPage(title="정상회의 안내", slug="summit-notice", live=False, body=[])
    )
    page.save_revision()
    print(page.pk)


def print_summary():
    json.dump(summary(), sys.stdout, ensure_ascii=False)


ACTIONS = {"summary": print_summary, "change": change, "draft": draft}

if __name__ == "__main__":
    import django

    django.setup()
    ACTIONS[sys.argv[1]]()
