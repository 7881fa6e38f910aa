"""Where a query's words could be in a text, told from its letters alone, without analysing it.

Highlighting finds the matched words by analysing the shown texts, and Kiwi costs about 11 µs a
character: a text that cannot hold a match is not worth analysing, nor, of a long body, more
than the part around a possible match. The probe is a regular expression that finds, for every
term of the query, letters the written word must contain if the analyser gives it that term.
It must never miss (a miss is a mark the visitor no longer sees), so it allows every way a
written word differs from its term:

- Korean nouns, roots, Hanja and numbers with units are written as their term, except that a
  noun ending in a vowel may take a contracted particle into its last syllable (얘기 → 얘길,
  학교 → 학굡니다).
- Verb and adjective stems, indexed as stem + 다, change their end when conjugated: the last
  syllable keeps only its initial consonant (하여 → 해, 보아 → 봐, 돕 → 도와, 듣 → 들, 줄이었 →
  줄였), the one before it may gain a final consonant (부르 → 불러, 빠르 → 빨라). A typed prefix
  may end inside a stem, so it is probed the same way.
- Latin words and numbers: terms are lower case (the probe is for the text in lower case,
  ``folded``: a case-blind pattern would scan four times slower), numbers lose their
  thousands separators and English words their apostrophes (either may stand between two
  letters of the term), and a Snowball stem differs from its word in at most its last letter
  (citi ← city, hope ← hoping), or its last two when it ends in "ie" (die ← dying): measured
  on 880,000 distinct English words.
- A dictionary word whose editor listed parts it does not contain gives those parts where the
  word is written: such a part is also looked for as the word.

A term that keeps no letter after that (a one-letter Latin stem) could be anywhere: the probe
then finds every word.
"""

import re
from functools import lru_cache

from .analysis import UserWord

_FIRST_SYLLABLE, _LAST_SYLLABLE = 0xAC00, 0xD7A3
_PER_INITIAL, _PER_MEDIAL = 21 * 28, 28
# Between two letters of a term, a written word may hold a thousands separator or an apostrophe
# (``folded`` writes every apostrophe, and the dot above of a dotted i, as "'"). Kept this
# simple: a new query's pattern is compiled on its first visit, and character classes of
# several non-ASCII characters take milliseconds to compile.
_SEPARATOR = "[,']?"
_ANY_WORD = r"[^\W_]"
_NUMBER = re.compile(r"[\d.]+")
_HANGUL = re.compile("[\uac00-\ud7a3]")


@lru_cache(maxsize=256)
def surface_probe(
    terms: frozenset[str], prefixes: frozenset[str], user_words: tuple[UserWord, ...] = ()
) -> re.Pattern:
    """A pattern found in every text where the analyser could give a word one of ``terms``
    or a term starting with one of ``prefixes``."""
    written_as = _words_by_hand_given_part(user_words)
    probes = set()
    for term in terms:
        probes.add(_term_probe(term, prefix=False))
        probes.update(_term_probe(form, prefix=False) for form in written_as.get(term, ()))
    for prefix in prefixes:
        probes.add(_term_probe(prefix, prefix=True))
        for part, forms in written_as.items():
            if part.startswith(prefix):
                probes.update(_term_probe(form, prefix=False) for form in forms)
    if None in probes:
        return re.compile(_ANY_WORD)
    return re.compile("|".join(sorted(probes)))


def folded(text: str) -> str:
    """``text`` in lower case, letter for letter, so that positions found in it hold in
    ``text`` (``str.lower`` makes two letters of one only: the capital İ)."""
    # Three replaces: str.translate reads Hangul text a letter at a time, 15 times slower.
    return text.replace("’", "'").replace("\u0307", "'").replace("İ", "i").lower()


def _words_by_hand_given_part(user_words) -> dict[str, list[str]]:
    written_as: dict[str, list[str]] = {}
    for word in user_words:
        for part in word.parts or ():
            if part not in word.form:
                written_as.setdefault(part, []).append(word.form)
    return written_as


def _term_probe(term: str, *, prefix: bool) -> str | None:
    # A dictionary word may hold capitals; a term's apostrophes (a dotted i's dot) are
    # separators.
    term = folded(term).replace("'", "")
    if _HANGUL.search(term):
        if prefix or (len(term) > 1 and term.endswith("다")):
            return _stem_probe(term.removesuffix("다") if len(term) > 1 else term)
        return _noun_probe(term)
    return _latin_probe(term)


def _noun_probe(term: str) -> str:
    letters = [re.escape(letter) for letter in term]
    letters[-1] = _with_any_final(term[-1])
    return _SEPARATOR.join(letters)


def _stem_probe(stem: str) -> str:
    letters = [re.escape(letter) for letter in stem]
    letters[-1] = _with_initial_only(stem[-1])
    if len(stem) > 1:
        letters[-2] = _with_any_final(stem[-2])
    return _SEPARATOR.join(letters)


def _latin_probe(term: str) -> str | None:
    if not _NUMBER.fullmatch(term):
        term = term[:-2] if term.endswith("ie") else term[:-1]
    if not term:
        return None
    return _SEPARATOR.join(re.escape(letter) for letter in term)


def _with_any_final(letter: str) -> str:
    """The syllable, or the same syllable with any final consonant if it has none."""
    code = ord(letter)
    if not _FIRST_SYLLABLE <= code <= _LAST_SYLLABLE or (code - _FIRST_SYLLABLE) % _PER_MEDIAL:
        return re.escape(letter)
    return f"[{letter}-{chr(code + _PER_MEDIAL - 1)}]"


def _with_initial_only(letter: str) -> str:
    """Any syllable with the same initial consonant."""
    code = ord(letter)
    if not _FIRST_SYLLABLE <= code <= _LAST_SYLLABLE:
        return re.escape(letter)
    first = code - (code - _FIRST_SYLLABLE) % _PER_INITIAL
    return f"[{chr(first)}-{chr(first + _PER_INITIAL - 1)}]"
