"""Text analysis for search: text in, index terms out, one analyser per language.

Documents are analysed by their locale (``analyser_for_language``), queries by their script
(``detect_query_language``). Both analysers implement :class:`Analyser`, so either can be
swapped without touching the index or the ranking.
"""

from .base import Analyser, Token
from .english import EnglishAnalyser
from .korean import KoreanAnalyser, UserWord, get_kiwi
from .language import analyser_for_language, detect_query_language

__all__ = [
    "Analyser",
    "EnglishAnalyser",
    "KoreanAnalyser",
    "Token",
    "UserWord",
    "analyser_for_language",
    "detect_query_language",
    "get_kiwi",
]
