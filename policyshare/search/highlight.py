"""Highlighted snippets: the analyser finds each word's terms and offsets in the shown text, and
the words whose terms the query asked for are marked (so ``차량의`` is marked for ``차량``, and
``vehicles`` for ``vehicle``)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import analyser_for_language
from .user_dictionary import user_words

SNIPPET_LENGTH = 220


def _matches(text: str, language: str, terms: frozenset[str], prefixes: frozenset[str]):
    """Character ranges of the words in ``text`` that the query matched, merged, in order."""
    if not text or not (terms or prefixes):
        return []
    analyser = analyser_for_language(language, user_words=user_words())
    spans = []
    for token in analyser.analyse(text):
        if token.term in terms or any(token.term.startswith(prefix) for prefix in prefixes):
            if spans and token.start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], token.end))
            else:
                spans.append((token.start, token.end))
    return spans


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
    return mark_safe(_marked(text, _matches(text, language, terms, prefixes)))  # noqa: S308


def snippet(summary: str, body: str, language: str, terms, prefixes=frozenset()) -> SafeString:
    """The summary if the query matched it, else the passage of the body around the first
    match, else the summary (or the body's beginning); matched words marked."""
    spans = _matches(summary, language, terms, prefixes)
    if spans or not body:
        return mark_safe(_marked(summary, spans))  # noqa: S308
    body_spans = _matches(body, language, terms, prefixes)
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
