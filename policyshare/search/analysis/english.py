"""English: lower case, stop words out, Snowball (Porter2) stems."""

import re
import threading
from functools import lru_cache

import snowballstemmer

from .base import Token

# Terms longer than this are noise (hashes, base64, run-together URLs): never indexed.
MAX_TERM_LENGTH = 64

# The Snowball project's English stop word list, plus the fragments "s" and "t" left when an
# apostrophe splits a word elsewhere.
_SNOWBALL_STOP_WORDS = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing would should could ought i'm you're he's she's it's we're they're i've you've we've
    they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't
    aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't
    shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's
    where's why's how's a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t
"""
STOP_WORDS = frozenset(_SNOWBALL_STOP_WORDS.split())

# Numbers with decimal or thousands separators first ("16.7", "1,000"), then words: runs of
# letters and digits, with inner apostrophes ("seoul's", "don't"). Hyphens, slashes and all
# other punctuation separate words: "low-emission" is "low" + "emission".
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")

_local = threading.local()


def _stemmer():
    # Snowball stemmer objects keep state while stemming: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=200_000)
def english_term(word: str) -> str | None:
    """The index term for one already-split word, or None if it is not indexed.

    Shared with the Korean analyser for Latin words inside Korean text, so that ``DPF`` or
    ``Solutions`` give the same term in either language.
    """
    word = word.lower().replace("’", "'")
    if word in STOP_WORDS or len(word) > MAX_TERM_LENGTH:
        return None
    if word[0].isdigit() and ("," in word or "." in word):
        return word.replace(",", "")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if not word or word in STOP_WORDS:
        return None
    if _HANGUL.search(word):
        # A Korean name quoted in English text (e.g. "Ttareungyi (따릉이)"): kept as written.
        return word
    return _stemmer().stemWord(word)


class EnglishAnalyser:
    language = "en"

    def analyse(self, text: str) -> list[Token]:
        # Stop words still take a position, so a phrase never matches across one.
        tokens = []
        for position, match in enumerate(_WORD.finditer(text or "")):
            term = english_term(match.group())
            if term is not None:
                tokens.append(Token(term, match.start(), match.end(), position))
        return tokens

    def terms(self, text: str) -> list[str]:
        return [token.term for token in self.analyse(text)]

    def query_tokens(self, text: str) -> list[Token]:
        return self.analyse(text)

    def query_terms(self, text: str) -> list[str]:
        return self.terms(text)
