"""Text analysis throughput, Korean (Kiwi) and English (Snowball), against whitespace splitting.

    .venv/bin/python bench/analysis_speed.py [--docs 300] [--repeat 5]

The corpus is built from the demo content's paragraphs (policyshare/ingest/demo/content/*.py,
read as source, so no database is needed): each synthetic document strings together paragraphs
of one language. The baseline, measured in the same run, is what a generic CMS search does:
``str.lower().split()``. Figures are medians of the repetitions.
"""

import argparse
import ast
import random
import resource
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policyshare.search.analysis import EnglishAnalyser, KoreanAnalyser, UserWord  # noqa: E402

CONTENT = ROOT / "policyshare" / "ingest" / "demo" / "content"
USER_WORDS = (UserWord("녹색교통지역"), UserWord("한양도성"), UserWord("서울로7017"))


def hangul_share(text):
    letters = [ch for ch in text if ch.isalpha()]
    return sum("\uac00" <= ch <= "\ud7a3" for ch in letters) / len(letters) if letters else 0


def demo_paragraphs():
    korean, english = set(), set()
    for path in sorted(CONTENT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.strip()
                if len(text) < 40:
                    continue
                share = hangul_share(text)
                if share > 0.5:
                    korean.add(text)
                elif share == 0 and " " in text:
                    english.add(text)
    return sorted(korean), sorted(english)


def corpus(paragraphs, docs, rng):
    return ["\n\n".join(rng.choices(paragraphs, k=rng.randint(3, 8))) for _ in range(docs)]


def baseline(text):
    return text.lower().split()


def timed(function, documents, repeat, threads=1):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        if threads == 1:
            for document in documents:
                function(document)
        else:
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(function, documents))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="documents per language")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    rng = random.Random(3)
    korean_paragraphs, english_paragraphs = demo_paragraphs()
    corpora = {
        "ko": corpus(korean_paragraphs, args.docs, rng),
        "en": corpus(english_paragraphs, args.docs, rng),
    }
    print(
        f"demo paragraphs: {len(korean_paragraphs)} Korean, {len(english_paragraphs)} English; "
        f"{args.docs} documents per language, median of {args.repeat} runs"
    )

    before = rss_mb()
    start = time.perf_counter()
    korean = KoreanAnalyser(USER_WORDS)
    korean.terms("준비")
    print(
        f"Kiwi load: {time.perf_counter() - start:.2f} s, "
        f"resident memory +{rss_mb() - before:.0f} MB"
    )
    analysers = {"ko": korean, "en": EnglishAnalyser()}
    analysers["en"].terms(" ".join(english_paragraphs))  # warm the stem cache like a server

    print(f"{'':4} {'analyser':<18} {'chars/s':>12} {'docs/s':>9} {'vs split()':>11}")
    for language, documents in corpora.items():
        chars = sum(len(document) for document in documents)
        base = timed(baseline, documents, args.repeat)
        rows = [("str.split()", base)]
        rows.append(
            (f"{language} analyser", timed(analysers[language].terms, documents, args.repeat))
        )
        rows.append(
            (
                f"{language} 2 threads",
                timed(analysers[language].terms, documents, args.repeat, threads=2),
            )
        )
        for name, seconds in rows:
            docs_per_second = len(documents) / seconds
            print(
                f"{language:4} {name:<18} {chars / seconds:>12,.0f} {docs_per_second:>9,.0f}"
                f" {base / seconds:>10.4f}x"
            )


if __name__ == "__main__":
    main()
