"""Write the demo content into Wagtail: each item in Korean first, then its English translation
(but for the few items that exist in Korean only).

Every item is recognised by a stable key (the translation key derived from its demo key; for
index pages, their type below the home page; for pictures and PDFs, their title in the demo
collection), and only what is missing is created: a second run creates and changes nothing.
"""

from collections import Counter

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale

from policyshare.core.models import HomePage, IndexPage
from policyshare.policies.models import SustainableDevelopmentGoal

from . import content, pictures
from .spec import Goals, L, Ref, demo_key

COLLECTION_NAME = "Demo content"
SOURCE, TARGET = "ko", "en"


@transaction.atomic
def load_demo():
    """Create whatever demo content is missing; return how many of each kind were created."""
    return _Loader().run()


class _Loader:
    def __init__(self):
        self.created = Counter()
        self.locales = {code: Locale.objects.get(language_code=code) for code in (SOURCE, TARGET)}
        self.media = {}

    def run(self):
        collection = self._collection()
        for picture in content.PICTURES:
            self.media[picture.key] = self._image(picture, collection)
        for pdf in content.PDFS:
            self.media[pdf.key] = self._document(pdf, collection)
        for snippet in content.SNIPPETS:
            self._snippet(snippet)
        for item in content.PAGES:
            self._page(item)
        for code in self.locales:
            self._introduce(code)
        return self.created

    # Values in one language

    def resolve(self, value, code):
        if isinstance(value, L):
            return self.resolve(getattr(value, code), code)
        if isinstance(value, Ref):
            if value.model in (Image, Document):
                return self.media[value.key]
            return value.model.objects.get(
                translation_key=demo_key(value.model, value.key), locale=self.locales[code]
            )
        if isinstance(value, Goals):
            return list(SustainableDevelopmentGoal.objects.filter(number__in=value.numbers))
        if isinstance(value, list | tuple):
            return type(value)(self.resolve(v, code) for v in value)
        if isinstance(value, dict):
            return {name: self.resolve(v, code) for name, v in value.items()}
        return value

    def _set_fields(self, obj, fields, code):
        for name, value in fields.items():
            setattr(obj, name, self.resolve(value, code))

    # Media

    def _collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=COLLECTION_NAME).first()
        return existing or root.add_child(name=COLLECTION_NAME)

    def _image(self, picture, collection):
        existing = Image.objects.filter(collection=collection, title=picture.title).first()
        if existing:
            return existing
        image = Image(
            title=picture.title,
            description=picture.description,
            collection=collection,
            file=ContentFile(pictures.card_png(picture), name=f"{picture.key}.png"),
        )
        image._set_image_file_metadata()
        image.save()
        self.created["images"] += 1
        return image

    def _document(self, pdf, collection):
        existing = Document.objects.filter(collection=collection, title=pdf.title).first()
        if existing:
            return existing
        cover = next(p for p in content.PICTURES if p.key == pdf.cover)
        document = Document(
            title=pdf.title,
            collection=collection,
            file=ContentFile(pictures.brochure_pdf(pdf, cover), name=pdf.filename),
        )
        document._set_document_file_metadata()
        document.save()
        self.created["documents"] += 1
        return document

    # Snippets

    def _snippet(self, snippet):
        model, key = snippet.model, demo_key(snippet.model, snippet.key)
        source = model.objects.filter(translation_key=key, locale=self.locales[SOURCE]).first()
        if source is None:
            source = model(translation_key=key, locale=self.locales[SOURCE])
            self._set_fields(source, snippet.fields, SOURCE)
            source.save()
            self.created["snippets"] += 1
        if not model.objects.filter(translation_key=key, locale=self.locales[TARGET]).exists():
            translation = source.copy_for_translation(self.locales[TARGET])
            self._set_fields(translation, snippet.fields, TARGET)
            translation.save()
            self.created["snippets"] += 1

    # Pages

    def _page(self, item):
        source = self._find_source(item)
        if source is None:
            source = item.model(
                translation_key=demo_key(item.model, item.key), locale=self.locales[SOURCE]
            )
            self._write_page(source, item, SOURCE)
            self._parent(item, SOURCE).add_child(instance=source)
            source.save_revision().publish()
        if item.translated and source.get_translation_or_none(self.locales[TARGET]) is None:
            translation = source.copy_for_translation(self.locales[TARGET], copy_parents=True)
            self._write_page(translation, item, TARGET)
            translation.save_revision().publish()

    def _home(self, code):
        # Read afresh each time: a page instance kept while children are added below it holds
        # a stale count of children, which saving it (e.g. publishing) would write back.
        return HomePage.objects.get(locale=self.locales[code])

    def _find_source(self, item):
        if issubclass(item.model, IndexPage):
            # A section has one index page, whoever made it.
            return item.model.objects.child_of(self._home(SOURCE)).first()
        return item.model.objects.filter(
            translation_key=demo_key(item.model, item.key), locale=self.locales[SOURCE]
        ).first()

    def _parent(self, item, code):
        if item.parent is HomePage:
            return self._home(code)
        return item.parent.objects.child_of(self._home(code)).get()

    def _write_page(self, page, item, code):
        self._set_fields(page, item.fields, code)
        for relation, rows in item.children.items():
            child_model = item.model._meta.get_field(relation).related_model
            children = [
                child_model(
                    locale=self.locales[code],
                    translation_key=demo_key(child_model, f"{item.key}/{position}"),
                    sort_order=position,
                    **self.resolve(row, code),
                )
                for position, row in enumerate(rows)
            ]
            setattr(page, relation, children)
        self.created["pages"] += 1

    def _introduce(self, code):
        """Give a home page that has no introduction yet the demo's introduction and promos."""
        home = self._home(code)
        if home.intro:
            return
        self._set_fields(home, content.HOME, code)
        home.save_revision().publish()
        self.created["home pages introduced"] += 1
