"""Name matching for the evaluation, exactly as `FORMAT.md` ("Scoring rules") defines it.

Two names match when
1. their normalised forms are equal (and not empty), or
2. the words of one, honorifics dropped, are all among the words of the other (a name left with no words once
   its honorifics are dropped matches nothing by this rule), or
3. their Levenshtein similarity ratio is at least 0.85.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from kronik.lang import load_all

SIMILARITY_THRESHOLD = 0.85
DEFAULT_LANGUAGES = ("id", "en")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(name: str) -> str:
    """NFKD, drop combining marks, lower-case, keep letters and digits: "Amir-Abdollahián" -> "amirabdollahian"."""
    return "".join(ch for ch in _strip_marks(name).lower() if ch.isalnum())


def words(name: str) -> tuple[str, ...]:
    """The normalised whitespace-separated words of a name, empty ones left out ("Amir-Abdollahian" is one word)."""
    return tuple(w for w in (normalise(part) for part in name.split()) if w)


def load_honorifics(languages: Iterable[str] = DEFAULT_LANGUAGES) -> tuple[str, ...]:
    """Every honorific form listed in `lang/<code>/honorifics.yaml` for the given languages."""
    return tuple(word for entry in load_all("honorifics", tuple(languages)) for word in entry.get("words", ()))


class NameMatcher:
    """Decides whether two names denote the same actor, following the evaluation's name rules.

    The similarity ratio is rapidfuzz's `Levenshtein.normalized_similarity` on the normalised forms:
    1 - edit distance / length of the longer form. FORMAT.md asks for a Levenshtein-based ratio; this one
    counts a substitution as one edit (the Indel-based `fuzz.ratio` counts it as two but divides by the sum of
    both lengths, which is more lenient to insertions), so "amirabdollahian"/"amirabdolahian" scores 0.93
    while short different names such as "iran"/"iraq" (0.75) stay apart.
    """

    def __init__(self, honorifics: Iterable[str], threshold: float = SIMILARITY_THRESHOLD):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        phrases = {words(h) for h in honorifics}
        phrases.discard(())
        # Longest first, so "Menteri Luar Negeri" is dropped whole before "Menteri".
        self._honorifics = tuple(sorted(phrases, key=len, reverse=True))
        self._threshold = threshold
        self._name_words = lru_cache(maxsize=65536)(self._content_words)
        self._normalised = lru_cache(maxsize=65536)(normalise)

    @classmethod
    def for_languages(cls, languages: Iterable[str] = DEFAULT_LANGUAGES) -> NameMatcher:
        """A matcher using the honorifics of the given languages' data files."""
        return cls(load_honorifics(languages))

    def _content_words(self, name: str) -> frozenset[str]:
        tokens = words(name)
        kept: list[str] = []
        i = 0
        while i < len(tokens):
            phrase = next((p for p in self._honorifics if tokens[i : i + len(p)] == p), None)
            if phrase is None:
                kept.append(tokens[i])
                i += 1
            else:
                i += len(phrase)
        return frozenset(kept)

    def content_words(self, name: str) -> frozenset[str]:
        """The words of a name with every honorific dropped ("Presiden Joko Widodo" -> {"joko", "widodo"})."""
        return self._name_words(name)

    def match(self, a: str, b: str) -> bool:
        norm_a, norm_b = self._normalised(a), self._normalised(b)
        if not norm_a or not norm_b:
            return False
        if norm_a == norm_b:
            return True
        words_a, words_b = self._name_words(a), self._name_words(b)
        if words_a and words_b and (words_a <= words_b or words_b <= words_a):
            return True
        return Levenshtein.normalized_similarity(norm_a, norm_b, score_cutoff=self._threshold) >= self._threshold

    def match_any(self, names_a: Iterable[str], names_b: Iterable[str]) -> bool:
        """True when some name of `names_a` matches some name of `names_b` (empty or None names are skipped)."""
        list_b = [n for n in names_b if n]
        return any(self.match(a, b) for a in names_a if a for b in list_b)
