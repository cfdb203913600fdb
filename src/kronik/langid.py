"""Language detection: lingua, restricted to the languages of the run, built once."""

from __future__ import annotations

import dataclasses

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from kronik.errors import KronikError
from kronik.records import Article

MIN_LETTERS = 20  # shorter texts get the default language
MIN_CONFIDENCE = 0.5  # below this the detector is unsure and the default is used
SAMPLE_CHARS = 3000  # the start of a long text is enough to tell its language


class LanguageDetector:
    """Stage "language": assigns the ISO 639-1 code of `text`, or `default` when unsure."""

    name = "language"
    version = "1"
    requires = ("text",)
    assigns = ("language",)

    def __init__(self, languages: tuple[str, ...], default: str):
        if default not in languages:
            raise KronikError("E011", f"default language {default!r} is not among {', '.join(languages)}")
        self.default = default
        self.languages = tuple(_lingua_language(code) for code in languages)
        if len(self.languages) == 1:
            self._detector = None
        else:
            self._detector = LanguageDetectorBuilder.from_languages(*self.languages).build()

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, language=self.detect(article.text))

    def detect(self, text: str) -> str:
        sample = text[:SAMPLE_CHARS]
        if self._detector is None or sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
            return self.default
        confidences = self._detector.compute_language_confidence_values(sample)
        best = confidences[0] if confidences else None
        if best is None or best.value < MIN_CONFIDENCE:
            return self.default
        return best.language.iso_code_639_1.name.lower()


def _lingua_language(code: str) -> Language:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError) as exc:
        raise KronikError("E016", f"language {code!r} is not an ISO 639-1 code lingua knows") from exc
