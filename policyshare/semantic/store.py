"""The passages of each public page and their vectors, kept in step with what is published.

Every change bumps a version in the shared cache, after the transaction commits, so that each
server process reloads its in-memory vector matrix (``search.current_index``) on its next query.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from policyshare.search.documents import Document, document_for

from .embedder import Encoder, content_key, count_tokens, embed_passages
from .models import Passage, RemovedPassage
from .passages import split_passages

VERSION_KEY = "semantic:store-version"
CHUNK = 500


def store_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # The cache was cleared or never held one: a new version makes every process reload.
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_version() -> None:
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


def passages_of(document: Document) -> list[str]:
    paragraphs = [document.summary, *document.body.splitlines()]
    return split_passages(document.title, paragraphs, count_tokens)


def index_document(document: Document, encode: Encoder | None = None) -> bool:
    """Store the page's passages and vectors; False when its text had not changed."""
    texts = passages_of(document)
    keys = [content_key(text) for text in texts]
    stored = Passage.objects.filter(page_id=document.page_id)
    if list(stored.values_list("text_hash", flat=True)) == keys:
        return False
    vectors = embed_passages(texts, encode)
    with transaction.atomic():
        delete_passages(stored)
        Passage.objects.bulk_create(
            Passage(
                page_id=document.page_id,
                language=document.language,
                ordinal=ordinal,
                text=text,
                text_hash=key,
                vector=vector,
            )
            for ordinal, (text, key, vector) in enumerate(zip(texts, keys, vectors, strict=True))
        )
        bump_version()
    return True


def index_page(page_id: int) -> bool:
    """Bring one page's passages up to date: embedded when visitors can find it, gone when not."""
    page = Page.objects.filter(pk=page_id).first()
    document = document_for(page.specific) if page is not None else None
    if document is None:
        remove_page(page_id)
        return False
    return index_document(document)


def remove_page(page_id: int) -> None:
    if delete_passages(Passage.objects.filter(page_id=page_id)):
        bump_version()


def delete_passages(passages) -> int:
    """Delete ``passages`` (a queryset) and leave their tombstones, for the processes searching
    an index file that still holds them: one SELECT, one INSERT and one DELETE per 500 passages,
    where a receiver per deleted passage wrote one INSERT each. Returns how many went."""
    ids = list(passages.values_list("id", flat=True))
    with transaction.atomic():
        record_removed(ids)
        for start in range(0, len(ids), CHUNK):  # under SQLite's variable limit
            Passage.objects.filter(id__in=ids[start : start + CHUNK]).delete()
    return len(ids)


def record_removed(passage_ids) -> None:
    RemovedPassage.objects.bulk_create(
        [RemovedPassage(passage_id=passage_id) for passage_id in passage_ids],
        ignore_conflicts=True,
        batch_size=CHUNK,
    )


def languages_of(page_ids) -> dict[int, str]:
    return dict(
        Passage.objects.filter(page_id__in=list(page_ids), ordinal=0).values_list(
            "page_id", "language"
        )
    )
