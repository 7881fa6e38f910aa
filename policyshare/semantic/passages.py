"""Splitting a page's text into passages the embedding model can take whole.

e5-small reads at most 512 tokens and costs quadratically in length, and one vector for a whole
long page blurs its topics together. So the summary and each paragraph become passages, a long
paragraph is cut between sentences, and the page title is prepended to every passage as context
(a paragraph about "the fine" means little without the title that says which scheme).
"""

import re
from collections.abc import Callable, Iterable

# Tokens per passage, title included: well under the model's 512, so a passage stays about one
# topic and embeds quickly.
MAX_PASSAGE_TOKENS = 256

# Sentence ends: Latin and CJK full stops, question and exclamation marks, followed by space.
_SENTENCE_END = re.compile(r"(?<=[.!?。？！])\s+")


def split_passages(
    title: str,
    paragraphs: Iterable[str],
    count_tokens: Callable[[str], int],
    max_tokens: int = MAX_PASSAGE_TOKENS,
) -> list[str]:
    """Passages for one page: ``title`` + a run of its paragraphs' sentences, each at most
    ``max_tokens`` by ``count_tokens``; short neighbouring paragraphs are not merged, so a
    passage never spans two of them. A page without text still gets one passage, its title."""
    title = " ".join(title.split())
    budget = max(max_tokens - count_tokens(title), max_tokens // 4)
    passages = []
    for paragraph in paragraphs:
        for chunk in _chunks(" ".join(paragraph.split()), count_tokens, budget):
            passages.append(f"{title}\n{chunk}" if title else chunk)
    return passages or ([title] if title else [])


def _chunks(paragraph: str, count_tokens: Callable[[str], int], budget: int) -> list[str]:
    if not paragraph:
        return []
    if count_tokens(paragraph) <= budget:
        return [paragraph]
    chunks, current = [], ""
    for sentence in _pieces(paragraph, count_tokens, budget):
        candidate = f"{current} {sentence}" if current else sentence
        if current and count_tokens(candidate) > budget:
            chunks.append(current)
            current = sentence
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def _pieces(paragraph: str, count_tokens: Callable[[str], int], budget: int) -> list[str]:
    """Sentences, with a sentence longer than the budget cut between words."""
    pieces = []
    for sentence in _SENTENCE_END.split(paragraph):
        if count_tokens(sentence) <= budget:
            pieces.append(sentence)
            continue
        current = ""
        for word in sentence.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and count_tokens(candidate) > budget:
                pieces.append(current)
                current = word
            else:
                current = candidate
        pieces.append(current)
    return pieces
