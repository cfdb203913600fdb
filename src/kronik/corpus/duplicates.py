"""Near-duplicates: the same article syndicated or re-posted.

Each article becomes a `Fingerprint`: the set of its word shingles (k consecutive lower-cased words of the
cleaned text) and a MinHash sketch of that set. A MinHash LSH index (datasketch) proposes candidate pairs
without comparing all pairs; every candidate is then verified with the exact Jaccard similarity of the two
shingle sets, so the answer never depends on hashing luck: the sketch only decides which pairs get looked at.

Articles whose similarity reaches the threshold are grouped (connected components); in each group the
earliest article (by published date, then id; undated articles count as latest) is the original and every
other member is its duplicate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH
from scipy.cluster.hierarchy import DisjointSet

from kronik.errors import KronikError
from kronik.records import Article

WORD = re.compile(r"\w+")
# The LSH index is tuned for this share of false-positive vs false-negative cost: exact verification removes
# false positives afterwards, so missed pairs are the costlier error.
LSH_WEIGHTS = (0.2, 0.8)
# datasketch needs at least two bands; above this similarity a single band would be optimal.
LSH_MAX_THRESHOLD = 0.95

HashFunc = Callable[[bytes], int]


def word_shingles(text: str, size: int) -> frozenset[str]:
    """The set of `size`-word shingles of `text`, lower-cased; a text shorter than `size` words is one shingle."""
    words = WORD.findall(text.lower())
    if not words:
        return frozenset()
    if len(words) <= size:
        return frozenset({" ".join(words)})
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    """Exact Jaccard similarity; two empty sets are not similar (0.0)."""
    if not left or not right:
        return 0.0
    shared = len(left & right)
    return shared / (len(left) + len(right) - shared)


def chronological_key(article: Article) -> tuple[bool, dt.date, str]:
    """Sort key: earlier published first, undated last, then by id."""
    return (article.published is None, article.published or dt.date.min, article.id)


@dataclass(frozen=True)
class Fingerprint:
    """The shingles of one article and their MinHash sketch."""

    article_id: str
    shingles: frozenset[str]
    sketch: MinHash


class DuplicateFinder:
    """Finds near-duplicate articles: exact shingle Jaccard >= `threshold`, candidates from MinHash LSH.

    The user sets `threshold`; the LSH band layout is derived from it. `hashfunc` (bytes -> 32-bit int) may be
    injected, e.g. by tests; the result does not depend on it, only the number of pairs verified does.
    """

    name = "duplicates"
    version = "1"

    def __init__(
        self,
        threshold: float,
        *,
        shingle_size: int = 5,
        num_perm: int = 128,
        seed: int = 1,
        hashfunc: HashFunc | None = None,
    ):
        if not 0.0 < threshold <= 1.0:
            raise KronikError("E050", f"duplicates: threshold must be in (0, 1], got {threshold}")
        if shingle_size < 1:
            raise KronikError("E051", f"duplicates: shingle_size must be at least 1, got {shingle_size}")
        if num_perm < 16:
            raise KronikError("E052", f"duplicates: num_perm must be at least 16, got {num_perm}")
        self.threshold = threshold
        self.shingle_size = shingle_size
        self.num_perm = num_perm
        self.seed = seed
        self.hashfunc = hashfunc

    def fingerprint(self, article: Article) -> Fingerprint:
        shingles = word_shingles(article.text, self.shingle_size)
        options = {"num_perm": self.num_perm, "seed": self.seed}
        if self.hashfunc is not None:
            options["hashfunc"] = self.hashfunc
        sketch = MinHash(**options)
        sketch.update_batch([s.encode("utf-8") for s in sorted(shingles)])
        return Fingerprint(article.id, shingles, sketch)

    def candidate_pairs(self, fingerprints: Sequence[Fingerprint]) -> Iterator[tuple[str, str]]:
        """Pairs of ids (smaller first) whose sketches share an LSH band, each pair once."""
        index = MinHashLSH(
            threshold=min(self.threshold, LSH_MAX_THRESHOLD), num_perm=self.num_perm, weights=LSH_WEIGHTS
        )
        seen: set[tuple[str, str]] = set()
        for fp in fingerprints:
            if not fp.shingles:
                continue
            for other in index.query(fp.sketch):
                pair = (min(fp.article_id, other), max(fp.article_id, other))
                if pair not in seen:
                    seen.add(pair)
                    yield pair
            index.insert(fp.article_id, fp.sketch)

    def similar_pairs(self, articles: Sequence[Article]) -> list[tuple[str, str, float]]:
        """Verified pairs `(id, id, jaccard)` with exact similarity >= threshold, sorted."""
        check_unique_ids(articles)
        fingerprints = sorted((self.fingerprint(a) for a in articles), key=lambda fp: fp.article_id)
        shingles = {fp.article_id: fp.shingles for fp in fingerprints}
        pairs = []
        for left, right in self.candidate_pairs(fingerprints):
            similarity = jaccard(shingles[left], shingles[right])
            if similarity >= self.threshold:
                pairs.append((left, right, similarity))
        return sorted(pairs)

    def __call__(self, articles: Sequence[Article]) -> dict[str, str | None]:
        """Article id -> id of the earliest article it duplicates, or None for an original."""
        groups = DisjointSet(a.id for a in articles)
        for left, right, _ in self.similar_pairs(articles):
            groups.merge(left, right)
        by_id = {a.id: a for a in articles}
        result: dict[str, str | None] = {}
        for members in groups.subsets():
            original = min((by_id[m] for m in members), key=chronological_key).id
            for member in members:
                result[member] = None if member == original else original
        return {a.id: result[a.id] for a in articles}


def check_unique_ids(articles: Sequence[Article]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise KronikError("E053", f"corpus: article id {article.id!r} occurs more than once")
        seen.add(article.id)


def find_duplicates(articles: Sequence[Article], threshold: float) -> dict[str, str | None]:
    """Article id -> id of the earliest near-identical article (shingle Jaccard >= threshold), or None."""
    return DuplicateFinder(threshold)(articles)
