"""Korean: Kiwi morphemes; nouns, stems and roots kept, particles and endings dropped.

What is kept, and why (tags are Kiwi's, a superset of the Sejong tag set):

- ``NNG``/``NNP`` common and proper nouns: what policy text is about.
- ``VV``/``VA`` verb and adjective stems, indexed in dictionary form (stem + 다: ``줄어들다``,
  ``아름답다``) so a one-syllable stem never collides with a noun (``보`` the weir vs ``보다``);
  irregular variants (``VA-I``) are restored to their base by Kiwi. The light verbs in
  ``STOP_LEMMAS`` carry no meaning alone and are dropped.
- ``XR`` roots (``깨끗`` of 깨끗하다): the meaning of 하다-adjectives lives there.
- ``SH`` Hanja, as written.
- ``SL`` Latin words go through the English analyser's term function (lower case, stop words,
  stem), so ``DPF`` is ``dpf`` and ``Solutions`` in Korean text matches an English query.
- ``SN`` numbers, with thousands separators removed; a number written together with its unit
  or counter (``NR``/``NNB``/a noun: ``5등급``, ``2030년``, ``1,000억원``) also gives the
  joined term (``5등급``, ``2030년``, ``1000억원``), and the noun part (``등급``) is kept too.
  Adjacent Latin letters and digits form one term (``CO2`` → ``co2``).
- ``XPN`` prefixes are joined to their noun and the noun is kept too (``저공해`` → ``저공해``,
  ``공해``): dropping ``저`` (low) would turn "low-pollution" into "pollution".

Dropped: particles (``J*``), endings (``E*``), suffixes (``XS*``), the copula (``VCP``/``VCN``),
auxiliaries (``VX``), dependent nouns and numerals alone (``NNB``/``NR``: 것, 수, 등), pronouns,
determiners, adverbs, interjections, punctuation and symbols, URLs, e-mail addresses, emoji.

Compounds. Kiwi splits most compounds itself (``운행제한`` → ``운행``, ``제한``), but what it does
depends on context, so the two sides of a search could disagree:

- User dictionary words (``UserWord``: place and programme names) are kept whole by Kiwi, and
  the index gets the word *and* its parts at the same position (``녹색교통지역`` → ``녹색교통지역``,
  ``녹색교통``, ``지역``), so a query for the whole or for any part finds it. A query for the
  whole asks for the whole only (``query_terms``): precise, and every document holding the
  word also holds its parts. The parts are what Kiwi makes of the word without the dictionary,
  unless the entry lists them. Changing the dictionary means re-indexing Korean text.
- A noun Kiwi cannot place (out of vocabulary, e.g. ``노후경유차`` standing alone) is kept whole
  and also split with Kiwi's rule-based unknown-word handling (``노후``, ``경유``, ``차``), in
  documents and queries alike, because the same word elsewhere in context comes out split.
"""

import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache

from .base import Token
from .english import MAX_TERM_LENGTH, english_term

NOUN_TAGS = frozenset({"NNG", "NNP"})
STEM_TAGS = frozenset({"VV", "VA"})
# Follow a number as its unit or counter: 만, 억 (NR); 년, 원, 개 (NNB); or a noun (등급).
COUNTER_TAGS = frozenset({"NR", "NNB", "NNG"})
STOP_LEMMAS = frozenset({"하다", "되다", "있다", "없다", "않다", "같다", "이다"})
USER_WORD_TAGS = frozenset({"NNG", "NNP"})
# Unknown nouns shorter than this are not split further.
MIN_DECOMPOSE_LENGTH = 3
_INVISIBLE_TO_SPACE = dict.fromkeys(
    [
        *range(0x00, 0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        *range(0x7F, 0xA0),
        0xAD,
        *range(0x200B, 0x2010),
        *range(0x2028, 0x202F),
        *range(0x2060, 0x2065),
        0xFEFF,
    ],
    " ",
)


@dataclass(frozen=True, slots=True)
class UserWord:
    """A place or programme name Kiwi must keep whole (editors extend the list).

    ``parts``: the words it is also found by; ``None`` lets Kiwi split it (``녹색교통지역`` →
    ``녹색교통``, ``지역``). ``score``: Kiwi's preference for the word (0 is strong enough for
    names; raise it if Kiwi still splits the word in some context).
    """

    form: str
    tag: str = "NNP"
    parts: tuple[str, ...] | None = None
    score: float = 0.0

    def __post_init__(self):
        if not self.form or any(ch.isspace() for ch in self.form):
            raise ValueError(
                f"A user dictionary word must be one word without spaces: {self.form!r}"
            )
        if self.tag not in USER_WORD_TAGS:
            raise ValueError(
                f"User dictionary word {self.form!r}: tag must be one of "
                f"{', '.join(sorted(USER_WORD_TAGS))}, not {self.tag!r}"
            )


def _is_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


@dataclass(frozen=True, slots=True)
class _Emit:
    """What one morpheme (or run of morphemes) contributes, before positions are assigned."""

    term: str
    start: int
    end: int
    new_position: bool  # False: shares the previous term's position (a part or a joined form)


class LoadedKiwi:
    """A ready Kiwi instance with its user dictionary. Read-only once built: ``tokenize`` is
    then safe from several threads at once (Kiwi releases the GIL, so they run in parallel)."""

    def __init__(self, user_words: tuple[UserWord, ...]):
        from kiwipiepy import Kiwi  # imported here: the model loads only when Korean is used

        self.user_words = user_words
        with warnings.catch_warnings():
            # Kiwi warns that num_workers=0 changed meaning in 0.21: it now means one thread,
            # which is what we want (no thread pool of Kiwi's own in every server process;
            # bulk indexing gets its parallelism from its callers).
            warnings.simplefilter("ignore", DeprecationWarning)
            self.kiwi = Kiwi(num_workers=0)
        for word in user_words:
            self.kiwi.add_user_word(word.form, word.tag, word.score)
        # Kiwi finishes loading on first use, and rebuilds after words are added: one load,
        # here, in one thread, with the whole dictionary.
        self.kiwi.tokenize("")
        self.compound_parts: dict[str, tuple[str, ...]] = {
            word.form: (
                word.parts
                if word.parts is not None
                else self._split(word.form, blocklist=[f"{word.form}/{word.tag}"])
            )
            for word in user_words
        }
        self._decompose = lru_cache(maxsize=100_000)(self._split)

    def _split(self, form: str, blocklist=None) -> tuple[str, ...]:
        """The nouns, numbers and Latin words Kiwi finds in one word (rule-based handling of
        unknown words, which splits where the character model would keep a blob); a user
        dictionary word is split with itself blocked."""
        parts = []
        for token in self.kiwi.tokenize(form, oov_handling="rule", blocklist=blocklist):
            if token.tag in NOUN_TAGS or token.tag == "SN":
                parts.append(token.form.replace(",", ""))
            elif token.tag == "SL" and (term := english_term(token.form)) is not None:
                parts.append(term)
        return () if parts == [form] else tuple(parts)

    def decompose(self, form: str) -> tuple[str, ...]:
        return self._decompose(form)


_kiwi_lock = threading.Lock()
_kiwi: LoadedKiwi | None = None


def get_kiwi(user_words: tuple[UserWord, ...] = ()) -> LoadedKiwi:
    """The process-wide Kiwi for this user dictionary, built on first use (about 3 s and
    500 MB). One instance per process: asking for another dictionary builds a new one and
    replaces it (analysers holding the old one keep it until they go)."""
    global _kiwi
    key = tuple(sorted(set(user_words), key=lambda word: word.form))
    loaded = _kiwi
    if loaded is not None and loaded.user_words == key:
        return loaded
    with _kiwi_lock:
        if _kiwi is None or _kiwi.user_words != key:
            _kiwi = LoadedKiwi(key)
        return _kiwi


class KoreanAnalyser:
    language = "ko"

    def __init__(self, user_words=()):
        self.user_words = tuple(user_words)
        self._loaded: LoadedKiwi | None = None

    @property
    def loaded(self) -> LoadedKiwi:
        if self._loaded is None:
            self._loaded = get_kiwi(self.user_words)
        return self._loaded

    def analyse(self, text: str) -> list[Token]:
        return self._analyse(text, query=False)

    def terms(self, text: str) -> list[str]:
        return [token.term for token in self._analyse(text, query=False)]

    def query_tokens(self, text: str) -> list[Token]:
        return self._analyse(text, query=True)

    def query_terms(self, text: str) -> list[str]:
        return [token.term for token in self._analyse(text, query=True)]

    def _analyse(self, text: str, *, query: bool) -> list[Token]:
        if not text or text.isspace():
            return []
        loaded = self.loaded
        # Control and invisible format characters become spaces (same length: offsets hold),
        # else Kiwi may glue them into a "word" or take them for one.
        text = text.translate(_INVISIBLE_TO_SPACE)
        tokens = []
        position = -1
        for emit in self._emits(loaded, loaded.kiwi.tokenize(text), query=query):
            if len(emit.term) > MAX_TERM_LENGTH or not any(ch.isalnum() for ch in emit.term):
                continue
            if emit.new_position or position < 0:
                position += 1
            tokens.append(Token(emit.term, emit.start, emit.end, position))
        return tokens

    def _emits(self, loaded: LoadedKiwi, morphemes, *, query: bool):
        count = len(morphemes)
        i = 0
        while i < count:
            morpheme = morphemes[i]
            tag = morpheme.tag.split("-", 1)[0]  # "VA-I" (irregular) is a VA
            if tag in ("SL", "SN"):
                i = yield from self._latin_and_numbers(morphemes, i)
                continue
            if tag == "XPN" and i + 1 < count and self._noun_follows(morphemes, i):
                noun = morphemes[i + 1]
                yield _Emit(morpheme.form + noun.form, morpheme.start, noun.end, True)
                for emit in self._noun(loaded, noun, query=query):
                    yield _Emit(emit.term, emit.start, emit.end, False)
                i += 2
                continue
            if tag in NOUN_TAGS:
                yield from self._noun(loaded, morpheme, query=query)
            elif tag in STEM_TAGS:
                lemma = morpheme.form + "다"
                if lemma not in STOP_LEMMAS:
                    yield _Emit(lemma, morpheme.start, morpheme.end, True)
            elif tag in ("XR", "SH"):
                yield _Emit(morpheme.form, morpheme.start, morpheme.end, True)
            i += 1

    @staticmethod
    def _noun_follows(morphemes, i: int) -> bool:
        following = morphemes[i + 1]
        return following.tag in NOUN_TAGS and following.start == morphemes[i].end

    @staticmethod
    def _noun(loaded: LoadedKiwi, morpheme, *, query: bool):
        form = morpheme.form
        yield _Emit(form, morpheme.start, morpheme.end, True)
        parts = loaded.compound_parts.get(form)
        if parts is not None:
            if query:
                return
        elif morpheme.oov and len(form) >= MIN_DECOMPOSE_LENGTH and _is_hangul(form):
            parts = loaded.decompose(form)
        for part in parts or ():
            if part != form:
                yield _Emit(part, morpheme.start, morpheme.end, False)

    @staticmethod
    def _latin_and_numbers(morphemes, i: int):
        """Latin words and numbers from morpheme ``i`` on; returns the next index to read."""
        j = i + 1
        while (
            j < len(morphemes)
            and morphemes[j].tag in ("SL", "SN")
            and morphemes[j].start == morphemes[j - 1].end
        ):
            j += 1
        run = morphemes[i:j]
        start, end = run[0].start, run[-1].end
        if any(morpheme.tag == "SL" for morpheme in run):
            # "DPF" → dpf, "Solutions" → solut, "CO2" → co2: the English term for the run.
            term = english_term("".join(morpheme.form for morpheme in run).replace(",", ""))
            if term is not None:
                yield _Emit(term, start, end, True)
            return j
        number = "".join(morpheme.form for morpheme in run).replace(",", "")
        yield _Emit(number, start, end, True)
        # Its unit or counter written together with it: numerals (만, 억), then at most one
        # counter or noun (년, 원, 등급).
        k, previous_end, unit = j, end, []
        while k < len(morphemes) and morphemes[k].start == previous_end:
            tag = morphemes[k].tag
            if tag not in COUNTER_TAGS:
                break
            unit.append(morphemes[k].form)
            previous_end = morphemes[k].end
            k += 1
            if tag != "NR":
                break
        if unit:
            yield _Emit(number + "".join(unit), start, previous_end, False)
        return j
