"""Walking an object's serialised fields to translate every reference it holds.

References are database ids inside a site and portable keys inside an archive (a page by its
translation key and language, an image by its file's hash, …). They hide in foreign keys,
many-to-many fields, child objects (key results, exchanges, sessions), StreamField blocks
(choosers, image blocks) and rich text (page and document links, embedded images): this module
finds them all, and a ``translate(model, value)`` callback says what each becomes.
"""

import json
import re

from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.documents.models import Document
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import Image
from wagtail.models import Page

RICH_TEXT_REFERENCE = re.compile(
    r'<(?:a|embed)\b[^>]*\b(?:linktype|embedtype)="(?P<type>page|document|image)"[^>]*>'
)
ID_ATTRIBUTE = re.compile(r'\bid="(?P<id>[^"]*)"')
RICH_TEXT_MODELS = {"page": Page, "document": Document, "image": Image}


def translate_fields(model, data, translate, child_relations=None):
    """Translate, in place, the references in ``data`` (as ``serializable_data()`` gives it,
    with StreamField values as lists). ``child_relations`` limits which child relations are
    walked (the others are removed)."""
    for field in model._meta.concrete_fields:
        if field.name not in data or data[field.name] is None:
            continue
        value = data[field.name]
        if field.many_to_one or field.one_to_one:
            data[field.name] = translate(field.related_model, value)
        elif isinstance(field, StreamField):
            # Revisions hold a stream as JSON text; an archive holds it as JSON.
            raw = json.loads(value) if isinstance(value, str) else value
            data[field.name] = translate_stream(field.stream_block, raw, translate)
        elif isinstance(field, RichTextField):
            data[field.name] = translate_rich_text(value, translate)
    for field in model._meta.many_to_many:
        if field.name in data:
            translated = (translate(field.related_model, value) for value in data[field.name])
            data[field.name] = [value for value in translated if value is not None]
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name not in data:
            continue
        if child_relations is not None and name not in child_relations:
            del data[name]
            continue
        for child in data[name]:
            translate_fields(relation.related_model, child, translate)


def translate_stream(block, raw, translate):
    if raw is None:
        return None
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child["type"])
            if child_block is not None:
                child["value"] = translate_stream(child_block, child["value"], translate)
        return raw
    if isinstance(block, blocks.ListBlock):
        for position, item in enumerate(raw):
            if isinstance(item, dict) and item.get("type") == "item":
                item["value"] = translate_stream(block.child_block, item["value"], translate)
            else:
                raw[position] = translate_stream(block.child_block, item, translate)
        return raw
    if isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if name in raw and raw[name] is not None:
                raw[name] = translate_stream(child_block, raw[name], translate)
        return raw
    if isinstance(block, blocks.ChooserBlock):
        return translate(block.target_model, raw)
    if isinstance(block, blocks.RichTextBlock):
        return translate_rich_text(raw, translate)
    return raw


def translate_rich_text(html, translate):
    def tag(match):
        model = RICH_TEXT_MODELS[match["type"]]

        def attribute(id_match):
            translated = translate(model, id_match["id"])
            return f'id="{"" if translated is None else translated}"'

        return ID_ATTRIBUTE.sub(attribute, match.group(0), count=1)

    return RICH_TEXT_REFERENCE.sub(tag, html)
