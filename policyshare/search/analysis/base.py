from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Token:
    """One index term and where it came from.

    ``start``/``end`` are character offsets into the analysed text (for highlighting);
    ``position`` counts words, and the parts of a compound share the compound's position (as
    synonyms do), so a phrase query over the parts still lines up.
    """

    term: str
    start: int
    end: int
    position: int


@runtime_checkable
class Analyser(Protocol):
    """Turns text into index terms. Must be deterministic and safe to call from many threads."""

    language: str

    def analyse(self, text: str) -> list[Token]:
        """Index tokens with offsets and positions."""
        ...

    def terms(self, text: str) -> list[str]:
        """Index terms of a document, in text order."""
        ...

    def query_tokens(self, text: str) -> list[Token]:
        """Query tokens with offsets and positions (the terms of ``query_terms``)."""
        ...

    def query_terms(self, text: str) -> list[str]:
        """Terms of a query; may be narrower than ``terms`` (e.g. a compound without its
        parts), never something ``terms`` would not produce for the same words."""
        ...
