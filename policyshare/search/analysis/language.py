"""Which analyser: by a document's locale, by a query's script."""

import re
import threading

from .base import Analyser
from .english import EnglishAnalyser
from .korean import KoreanAnalyser, UserWord

LANGUAGES = ("ko", "en")

_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORDS = re.compile(r"[^\W\d_]+")

_analysers: dict[tuple[str, tuple[UserWord, ...]], Analyser] = {}
_analysers_lock = threading.Lock()


def analyser_for_language(code: str, *, user_words=()) -> Analyser:
    """The shared analyser for a locale code ("ko", "ko-KR", "en", "en_GB", …)."""
    language = (code or "").replace("_", "-").split("-", 1)[0].lower()
    if language not in LANGUAGES:
        raise ValueError(
            f"No text analyser for language {code!r}; available: {', '.join(LANGUAGES)}"
        )
    key = (language, tuple(user_words) if language == "ko" else ())
    analyser = _analysers.get(key)
    if analyser is None:
        with _analysers_lock:
            analyser = _analysers.get(key)
            if analyser is None:
                analyser = KoreanAnalyser(key[1]) if language == "ko" else EnglishAnalyser()
                _analysers[key] = analyser
    return analyser


def detect_query_language(text: str, default: str = "en") -> str:
    """The language of a query, "ko" or "en", by the script of its words.

    Words, not letters, are counted, since a Hangul syllable holds what two or three Latin
    letters do. The majority wins; a tie goes to Korean, because the Korean analyser also
    handles Latin words (as the English one would) while the English analyser cannot take
    particles off Korean words. A query without letters (digits, symbols, emoji, nothing)
    gets ``default``: pass the visitor's language.
    """
    hangul = latin = 0
    for word in _WORDS.findall(text or ""):
        if _HANGUL_WORD.search(word):
            hangul += 1
        elif _LATIN_WORD.search(word):
            latin += 1
    if hangul == latin == 0:
        return default
    return "ko" if hangul >= latin else "en"
