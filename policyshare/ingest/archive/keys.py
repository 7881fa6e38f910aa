"""Portable keys: how an archive names what a site names by database id."""

import hashlib

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, TranslatableMixin

from policyshare.policies.models import SustainableDevelopmentGoal

# Ids that mean the same in every site (the goals are numbered by the UN).
STABLE_ID_MODELS = (SustainableDevelopmentGoal,)
# References that belong to one site's editors and history, not to the content.
SITE_ONLY_MODELS = (get_user_model(), Revision)


class ArchiveError(Exception):
    pass


def page_key(page):
    return f"page:{page.translation_key}:{page.locale.language_code}"


def snippet_key(obj):
    return f"{obj._meta.label_lower}:{obj.translation_key}:{obj.locale.language_code}"


def file_key(kind, obj):
    return f"{kind}:{file_hash(obj)}"


def file_hash(obj):
    """The SHA-1 of a stored image's or document's file, as Wagtail records it."""
    if not obj.file_hash:
        with obj.open_file() as handle:
            obj.file_hash = hashlib.sha1(handle.read()).hexdigest()  # noqa: S324
        obj.save(update_fields=["file_hash"])
    return obj.file_hash


def content_type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


class ToPortable:
    """Database ids into portable keys; remembers the images and documents it met."""

    def __init__(self):
        self.images = set()
        self.documents = set()
        self._cache = {}

    def __call__(self, model, value):
        if value in (None, ""):
            return None
        cache_key = (_family(model), str(value))
        if cache_key not in self._cache:
            self._cache[cache_key] = self._key(model, value)
        return self._cache[cache_key]

    def _key(self, model, value):
        if issubclass(model, SITE_ONLY_MODELS):
            return None
        if issubclass(model, STABLE_ID_MODELS):
            return value
        if model is Locale:
            return Locale.objects.get(pk=value).language_code
        if model is ContentType:
            return content_type_key(ContentType.objects.get_for_id(value))
        if issubclass(model, Page):
            page = Page.objects.filter(pk=value).select_related("locale").first()
            return page_key(page) if page else None
        if issubclass(model, Image):
            image = Image.objects.filter(pk=value).first()
            if image is None:
                return None
            self.images.add(image.pk)
            return file_key("image", image)
        if issubclass(model, Document):
            document = Document.objects.filter(pk=value).first()
            if document is None:
                return None
            self.documents.add(document.pk)
            return file_key("document", document)
        if issubclass(model, TranslatableMixin):
            obj = model.objects.filter(pk=value).select_related("locale").first()
            return snippet_key(obj) if obj else None
        raise ArchiveError(f"no portable key for a reference to {model._meta.label}")


def _family(model):
    if issubclass(model, Page):
        return Page
    return model
