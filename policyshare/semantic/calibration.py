"""Per-language calibration of semantic scores: a page's cosine as a standard score among the
pages of its language.

e5 gives a query higher cosines with every text in its own language, so raw cosines rank the
best Korean match for an English query below dozens of unrelated English pages. The standard
score (how far above its language's typical page a page stands) puts the best match in either
language near the top.

The mean and spread of a language's cosines with a query ``q`` follow from two moments of its
passage vectors, computed once when the vectors are loaded or the index file is built: the mean
vector ``μ`` and the covariance matrix ``Σ = E[(p-μ)(p-μ)ᵀ]``. Then ``E[q·p] = q·μ`` and
``Var[q·p] = qᵀΣq``: one 384×384 matrix-vector product per query, whatever the site's
size (the sample of 20,000 pages searched exactly for every query before cost ~10 ms at 100k
pages, ``bench/search_scale.py``). Each page weighs the same, shared among its passages, so that
long pages do not stand for more of their language than short ones. (The covariance rather than
``E[ppᵀ]``: ``qᵀE[ppᵀ]q - (q·μ)²`` subtracts two numbers near 0.6 to get one near 0.001.)
"""

from dataclasses import dataclass

import numpy as np

CHUNK_ROWS = 20_000


@dataclass(frozen=True)
class LanguageMoments:
    means: dict[str, np.ndarray]  # language -> (DIMENSIONS,) float64
    covariances: dict[str, np.ndarray]  # language -> (DIMENSIONS, DIMENSIONS) float64

    @classmethod
    def of(cls, matrix: np.ndarray, page_of_row, language_of_row) -> "LanguageMoments":
        """The moments of the rows of ``matrix`` per language, each page weighing one."""
        page_of_row = np.asarray(page_of_row)
        language_of_row = np.asarray(language_of_row)
        means, covariances = {}, {}
        for code in np.unique(language_of_row):
            rows = np.flatnonzero(language_of_row == code)
            _, position, passages = np.unique(
                page_of_row[rows], return_inverse=True, return_counts=True
            )
            weights = 1.0 / passages[position]
            weights /= weights.sum()
            # In chunks: 100k passages in float64 at once would take 300 MB.
            chunks = [slice(start, start + CHUNK_ROWS) for start in range(0, len(rows), CHUNK_ROWS)]
            mean = sum(weights[c] @ matrix[rows[c]].astype(np.float64) for c in chunks)
            covariance = np.zeros((matrix.shape[1], matrix.shape[1]))
            for chunk in chunks:
                # float32 products of centred vectors (no cancellation left to fear): half the
                # time of float64: 0.15 s at 20,000 passages, the exact search's largest size.
                centred = matrix[rows[chunk]] - mean.astype(np.float32)
                weighted = centred * weights[chunk, None].astype(np.float32)
                covariance += weighted.T @ centred
            means[str(code)], covariances[str(code)] = mean, covariance
        return cls(means, covariances)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "LanguageMoments":
        """Back from :meth:`arrays`."""
        codes = [name[5:] for name in arrays if name.startswith("mean_")]
        return cls(
            {code: arrays[f"mean_{code}"] for code in codes},
            {code: arrays[f"covariance_{code}"] for code in codes},
        )

    def arrays(self) -> dict[str, np.ndarray]:
        """The moments as named arrays, to store in a file."""
        named = {f"mean_{code}": mean for code, mean in self.means.items()}
        named.update((f"covariance_{code}", c) for code, c in self.covariances.items())
        return named

    def statistics(self, query_vector: np.ndarray) -> dict[str, tuple[float, float]]:
        """(mean, spread) of the cosines of ``query_vector`` with each language's pages."""
        q = np.asarray(query_vector, dtype=np.float64)
        found = {}
        for code, mean_vector in self.means.items():
            variance = float(q @ self.covariances[code] @ q)
            found[code] = (float(q @ mean_vector), max(variance, 0.0) ** 0.5)
        return found


def calibrated(cosines: np.ndarray, languages: np.ndarray, statistics: dict) -> np.ndarray:
    """Each cosine as a standard score among its language's pages (``statistics``: each
    language's (mean, spread)). A language without a spread (one page, or identical ones) gives
    no bonus."""
    scores = np.zeros(len(cosines), dtype=np.float64)
    for code, (mean, spread) in statistics.items():
        rows = languages == code
        if spread > 1e-6:
            scores[rows] = (cosines[rows] - mean) / spread
    return scores
