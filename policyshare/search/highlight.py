"""Highlighted snippets: the analyser finds each word's terms and offsets in the shown text, and
the words whose terms the query asked for are marked (so ``차량의`` is marked for ``차량``, and
``vehicles`` for ``vehicle``).

Analysing is the cost (Kiwi: about 11 µs a character), so only what can match is analysed: a
text in which the query's surface probe finds nothing is not analysed at all, and of a body only
a window around a possible match, as wide as the snippet shown from it plus some context.
"""

import itertools
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import UserWord, analyser_for_language
from .surface_probe import folded, surface_probe
from .user_dictionary import user_words

SNIPPET_LENGTH = 220
# Characters analysed on either side of what a body's snippet shows: Kiwi reads a word with its
# neighbours, so a word at a window's edge could come out other than in the whole body.
CONTEXT = 60
# Windows of a body tried around its possible matches before the rest is analysed at once (a
# short stem's probe also finds words that do not match).
WINDOWS = 3


@dataclass(frozen=True)
class _Wanted:
    """What the query asks for, with the dictionary the shown texts are analysed with."""

    terms: frozenset[str]
    prefixes: frozenset[str]
    words: tuple[UserWord, ...]
    probe: re.Pattern

    def matched(self, term: str) -> bool:
        return term in self.terms or any(term.startswith(prefix) for prefix in self.prefixes)


def _wanted(terms, prefixes) -> _Wanted | None:
    if not (terms or prefixes):
        return None
    terms, prefixes, words = frozenset(terms), frozenset(prefixes), user_words()
    return _Wanted(terms, prefixes, words, surface_probe(terms, prefixes, words))


def _matches(text: str, language: str, wanted: _Wanted | None):
    """Character ranges of the words in ``text`` that the query matched, merged, in order."""
    if not text or wanted is None or not wanted.probe.search(folded(text)):
        return []
    return _analysed_matches(text, 0, len(text), language, wanted)


def _analysed_matches(text: str, start: int, end: int, language: str, wanted: _Wanted):
    """The matched words of ``text[start:end]``, as ranges of ``text``."""
    analyser = analyser_for_language(language, user_words=wanted.words)
    spans = []
    for token in analyser.analyse(text[start:end]):
        if wanted.matched(token.term):
            token_start, token_end = start + token.start, start + token.end
            if spans and token_start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], token_end))
            else:
                spans.append((token_start, token_end))
    return spans


def _body_matches(body: str, language: str, wanted: _Wanted | None):
    """The matched words of ``body`` from its first match on, as far as its snippet shows: a
    window is analysed around each place the probe finds, until one holds a match."""
    if wanted is None:
        return []
    searchable, searched = folded(body), 0
    for tried in itertools.count():
        found = wanted.probe.search(searchable, searched)
        if found is None:
            return []
        start, end = _window(body, found.start())
        if tried == WINDOWS:
            end = len(body)
        spans = _analysed_matches(body, start, end, language, wanted)
        if spans:
            # The first match may lie further on than the place found: its snippet must then
            # be analysed in a window of its own.
            around_start, around_end = _window(body, spans[0][0])
            if around_start < start or around_end > end:
                spans = _analysed_matches(body, around_start, around_end, language, wanted)
            return spans
        if end == len(body):
            return []
        searched = end


def _window(text: str, position: int) -> tuple[int, int]:
    """The whole words around ``position`` that its snippet and Kiwi's context need."""
    before = position - SNIPPET_LENGTH // 3 - CONTEXT
    after = position + SNIPPET_LENGTH + CONTEXT
    start = 0 if before <= 0 else max(text.rfind(" ", 0, before), text.rfind("\n", 0, before)) + 1
    if after >= len(text):
        return start, len(text)
    ends = [found for found in (text.find(" ", after), text.find("\n", after)) if found >= 0]
    return start, min(ends, default=len(text))


def _marked(text: str, spans, start: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def highlight(text: str, language: str, terms, prefixes=frozenset()) -> SafeString:
    """``text`` escaped, with every matched word in ``<mark>``."""
    spans = _matches(text, language, _wanted(terms, prefixes))
    return mark_safe(_marked(text, spans))  # noqa: S308


def snippet(summary: str, body: str, language: str, terms, prefixes=frozenset()) -> SafeString:
    """The summary if the query matched it, else the passage of the body around the first
    match, else the summary (or the body's beginning); matched words marked."""
    wanted = _wanted(terms, prefixes)
    spans = _matches(summary, language, wanted)
    if spans or not body:
        return mark_safe(_marked(summary, spans))  # noqa: S308
    body_spans = _body_matches(body, language, wanted)
    if not body_spans:
        if summary:
            return mark_safe(escape(summary))  # noqa: S308
        return mark_safe(escape(_cut(body, 0, SNIPPET_LENGTH)))  # noqa: S308
    first = body_spans[0][0]
    start = max(0, first - SNIPPET_LENGTH // 3)
    if start:
        # Begin at a word boundary.
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(body), start + SNIPPET_LENGTH)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > body_spans[0][1] else end
    text = _marked(body, body_spans, start, end)
    return mark_safe(  # noqa: S308
        ("… " if start else "") + text + (" …" if end < len(body) else "")
    )


def _cut(text: str, start: int, length: int) -> str:
    if len(text) <= start + length:
        return text[start:]
    end = text.rfind(" ", start, start + length)
    return text[start : end if end > start else start + length] + " …"
