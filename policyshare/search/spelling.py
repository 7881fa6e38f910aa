"""Help when nothing is found: an English spelling suggestion from the words of the index."""

import difflib
import re

from django.db.models import Count, Max

from .analysis import analyser_for_language
from .models import IndexEntry
from .query import ParsedQuery

_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
_vocabulary: tuple[tuple, frozenset[str]] | None = None


def _english_vocabulary() -> frozenset[str]:
    """The words of English titles and summaries, rebuilt when the index changes."""
    global _vocabulary
    state = IndexEntry.objects.filter(language="en").aggregate(
        count=Count("pk"), latest=Max("indexed_at")
    )
    version = (state["count"], state["latest"])
    if _vocabulary is None or _vocabulary[0] != version:
        words = set()
        for title, summary in IndexEntry.objects.filter(language="en").values_list(
            "title", "summary"
        ):
            words.update(word.lower() for word in _ENGLISH_WORD.findall(f"{title} {summary}"))
        _vocabulary = (version, frozenset(words))
    return _vocabulary[1]


def spelling_suggestion(parsed: ParsedQuery) -> str | None:
    """The English query with each unknown word replaced by the closest word in the index, or
    ``None`` when there is nothing better to offer."""
    if parsed.language != "en":
        return None
    vocabulary = _english_vocabulary()
    if not vocabulary:
        return None
    analyser = analyser_for_language("en")
    indexed_terms = {term for word in vocabulary for term in analyser.terms(word)}
    changed = False

    def replace(match):
        nonlocal changed
        word = match.group()
        terms = analyser.terms(word)
        if not terms or set(terms) <= indexed_terms:
            return word
        close = difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.75)
        if not close:
            return word
        changed = True
        return close[0]

    suggestion = _ENGLISH_WORD.sub(replace, parsed.text)
    return suggestion if changed else None
