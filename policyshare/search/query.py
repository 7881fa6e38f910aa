"""A visitor's query as index terms: cleaned, analysed, and written in each engine's syntax.

Whatever the visitor typed (FTS operators, quotes, control characters, emoji, a novel) ends up
as quoted terms: nothing they type is ever read as engine syntax. Double-quoted parts are
phrases; with ``as_you_type`` the last word is a prefix (the visitor is still typing it).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings

from .analysis import analyser_for_language, detect_query_language
from .user_dictionary import user_words

# Longer queries are cut here (documented in the README): a few sentences at most, so analysing
# and matching a query stays cheap whatever is sent.
MAX_QUERY_LENGTH = settings.POLICYSHARE_MAX_QUERY_LENGTH

_PHRASE = re.compile(r'"([^"]*)"')
_LAST_WORD = re.compile(r"[^\W_]+$")


def clean(text: str | None) -> str:
    """The query as it is searched and shown: NFC, controls and invisibles as spaces, runs of
    spaces collapsed, cut at ``MAX_QUERY_LENGTH``."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@dataclass(frozen=True)
class Term:
    term: str


@dataclass(frozen=True)
class Prefix:
    term: str


@dataclass(frozen=True)
class Phrase:
    terms: tuple[str, ...]


@dataclass(frozen=True)
class AllOf:
    parts: tuple


@dataclass(frozen=True)
class AnyOf:
    parts: tuple


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    language: str  # the analyser's: by the query's script
    units: tuple  # each must match ("all words"); ranking may fall back to any

    @property
    def terms(self) -> frozenset[str]:
        """Every term the query asks for, for highlighting."""
        found = set()

        def walk(unit):
            if isinstance(unit, (Term, Prefix)):
                found.add(unit.term)
            elif isinstance(unit, Phrase):
                found.update(unit.terms)
            else:
                for part in unit.parts:
                    walk(part)

        for unit in self.units:
            walk(unit)
        return frozenset(found)

    @property
    def prefixes(self) -> frozenset[str]:
        found = set()

        def walk(unit):
            if isinstance(unit, Prefix):
                found.add(unit.term)
            elif isinstance(unit, (AllOf, AnyOf)):
                for part in unit.parts:
                    walk(part)

        for unit in self.units:
            walk(unit)
        return frozenset(found)


def _word_units(analyser, text: str) -> list:
    """One unit per word position: a word's terms all match (a number with its unit, a prefix
    with its noun), except that a compound that splits into parts also matches as its parts
    (the same word may be split in a document's context)."""
    groups: dict[int, list[str]] = {}
    for token in analyser.query_tokens(text):
        terms = groups.setdefault(token.position, [])
        if token.term not in terms:
            terms.append(token.term)
    units = []
    for terms in groups.values():
        if len(terms) == 1:
            units.append(Term(terms[0]))
        elif "".join(terms[1:]) == terms[0]:
            units.append(AllOf(tuple(Term(term) for term in terms[1:])))
        else:
            units.append(AllOf(tuple(Term(term) for term in terms)))
    return units


def _phrase_terms(analyser, text: str) -> tuple[str, ...]:
    # A phrase is matched over the terms that start each word: that is how documents store it.
    seen_positions, terms = set(), []
    for token in analyser.query_tokens(text):
        if token.position not in seen_positions:
            seen_positions.add(token.position)
            terms.append(token.term)
    return tuple(terms)


def _prefix_unit(analyser, word: str):
    """The word being typed: its letters so far as a prefix of a term, or, if the analyser
    already reads it as words (a stem, a noun with a particle), those with the last a prefix."""
    options = [Prefix(word.lower())]
    analysed = _phrase_terms(analyser, word)
    if analysed and analysed != (word.lower(),):
        *complete, last = analysed
        options.append(AllOf((*(Term(term) for term in complete), Prefix(last))))
    return options[0] if len(options) == 1 else AnyOf(tuple(options))


def parse(text: str | None, visitor_language: str, *, as_you_type: bool = False) -> ParsedQuery:
    text = clean(text)
    language = detect_query_language(text, default=visitor_language)
    analyser = analyser_for_language(language, user_words=user_words())
    units = []
    for phrase in _PHRASE.findall(text):
        terms = _phrase_terms(analyser, phrase)
        if len(terms) == 1:
            units.append(Term(terms[0]))
        elif terms:
            units.append(Phrase(terms))
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    prefix = None
    if as_you_type and not text.endswith((" ", '"')) and (match := _LAST_WORD.search(rest)):
        prefix = _prefix_unit(analyser, match.group())
        rest = rest[: match.start()]
    units.extend(_word_units(analyser, rest))
    if prefix is not None:
        units.append(prefix)
    unique = tuple(dict.fromkeys(units))
    return ParsedQuery(text=text, language=language, units=unique)


def _quoted_fts5(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def to_fts5(unit) -> str:
    """SQLite FTS5 query syntax, every term quoted."""
    if isinstance(unit, Term):
        return _quoted_fts5(unit.term)
    if isinstance(unit, Prefix):
        return _quoted_fts5(unit.term) + "*"
    if isinstance(unit, Phrase):
        return _quoted_fts5(" ".join(unit.terms))
    joiner = " AND " if isinstance(unit, AllOf) else " OR "
    return "(" + joiner.join(to_fts5(part) for part in unit.parts) + ")"


def _quoted_tsquery(term: str, label: str) -> str:
    quoted = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{quoted}:{label}" if label else quoted


def to_tsquery(unit, weight: str = "") -> str:
    """PostgreSQL ``to_tsquery`` syntax, every term quoted; ``weight`` ("A": the title)
    restricts the match to the fields of that weight."""
    if isinstance(unit, Term):
        return _quoted_tsquery(unit.term, weight)
    if isinstance(unit, Prefix):
        return _quoted_tsquery(unit.term, "*" + weight)
    if isinstance(unit, Phrase):
        return "(" + " <-> ".join(_quoted_tsquery(term, weight) for term in unit.terms) + ")"
    joiner = " & " if isinstance(unit, AllOf) else " | "
    return "(" + joiner.join(to_tsquery(part, weight) for part in unit.parts) + ")"
