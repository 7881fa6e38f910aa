"""The Korean user dictionary: the names editors listed, read once per process and again
whenever an editor changes the list (a version number in the shared cache says when)."""

from django.core.cache import cache

from .analysis import UserWord

VERSION_KEY = "search:user-dictionary-version"

_loaded: tuple[object, tuple[UserWord, ...]] | None = None


def user_words() -> tuple[UserWord, ...]:
    global _loaded
    version = cache.get(VERSION_KEY, 0)
    if _loaded is None or _loaded[0] != version:
        from .models import DictionaryWord

        words = tuple(
            UserWord(word.form, parts=tuple(word.parts.split()) or None)
            for word in DictionaryWord.objects.all()
        )
        _loaded = (version, words)
    return _loaded[1]


def dictionary_changed() -> None:
    """Every process reloads the dictionary on its next analysis. Entries analysed with the old
    one keep their terms until ``policyshare reindex``."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)
