"""Writing the keyword index: a page's document analysed into terms and stored, or removed."""

import itertools
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from django.db import transaction

from .analysis import analyser_for_language
from .documents import Document, document_for, searchable_pages
from .models import IndexEntry
from .user_dictionary import user_words

# Pages analysed and written per transaction during a rebuild.
BATCH_SIZE = 100
ANALYSIS_WORKERS = 2


def analysed(text: str, language: str, words=None) -> str:
    """``text`` as the space-separated terms the full-text engine indexes.

    Terms that start a word come first, in text order, so a phrase lines up over them; the
    extra terms a word also gives (a compound's parts, a number joined with its unit) follow,
    so they are found but never break a phrase.
    """
    analyser = analyser_for_language(language, user_words=user_words() if words is None else words)
    words, extras = [], []
    last_position = -1
    for token in analyser.analyse(text):
        if token.position != last_position:
            words.append(token.term)
            last_position = token.position
        else:
            extras.append(token.term)
    return " ".join(words + extras)


def entry_fields(document: Document, words=None) -> dict:
    """The index entry's columns for ``document``; ``words``: the user dictionary, if the
    caller has it (worker threads must not read it from the database themselves)."""
    words = user_words() if words is None else words
    return {
        "translation_key": document.translation_key,
        "language": document.language,
        "kind": document.kind,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "title_terms": analysed(document.title, document.language, words),
        "summary_terms": analysed(document.summary, document.language, words),
        "body_terms": analysed(document.body, document.language, words),
        "sector_slugs": list(document.sector_slugs),
        "year": document.year,
        "url": document.url,
    }


def index_page(page) -> bool:
    """Bring ``page``'s entry up to date: stored if visitors can find it, removed if not.
    Returns whether the page is in the index now."""
    document = document_for(page)
    if document is None:
        remove_pages([page.pk])
        return False
    IndexEntry.objects.update_or_create(page_id=page.pk, defaults=entry_fields(document))
    return True


def remove_pages(page_ids: Iterable[int]) -> None:
    IndexEntry.objects.filter(page_id__in=list(page_ids)).delete()


def index_subtree(page) -> None:
    """Re-index ``page`` and every page below it: their URL or visibility follows from it."""
    for descendant in page.get_descendants(inclusive=True).specific().iterator(chunk_size=200):
        index_page(descendant)


def analysed_entries(documents: Iterable[Document], workers: int = ANALYSIS_WORKERS):
    """``(document, entry fields)`` for each document, in order. Analysis runs on ``workers``
    threads: Kiwi releases the GIL while it tokenises, so Korean text uses both cores."""
    documents, words = list(documents), user_words()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        fields = pool.map(lambda document: entry_fields(document, words), documents)
        yield from zip(documents, fields, strict=True)


def rebuild(progress=None) -> int:
    """Index every searchable page afresh; returns the number of entries. ``progress`` is
    called with each page as it is done. Entries of pages no longer found are removed."""
    kept = set()
    pages = searchable_pages()
    while batch := list(itertools.islice(pages, BATCH_SIZE)):
        documents = {page.pk: document_for(page) for page in batch}
        public = [document for document in documents.values() if document is not None]
        with transaction.atomic():
            for document, fields in analysed_entries(public):
                IndexEntry.objects.update_or_create(page_id=document.page_id, defaults=fields)
                kept.add(document.page_id)
            remove_pages([page_id for page_id, document in documents.items() if document is None])
        if progress is not None:
            for page in batch:
                progress(page)
    stale = list(set(IndexEntry.objects.values_list("page_id", flat=True)) - kept)
    with transaction.atomic():
        for start in range(0, len(stale), 500):
            remove_pages(stale[start : start + 500])
    return len(kept)
