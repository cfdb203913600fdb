"""The span typer: is a capitalised span the rules could not place a person, an organisation, a place, or no
name at all (NONE)?

A maximum-entropy classifier over `features.span_features`, trained by `scripts/train_span_typer.py` on the
nlp-id POS corpus (nlp-id on PyPI, MIT licence: Indonesian news sentences with proper nouns tagged), labelled by
distant supervision from kronik's own rules. Its weights ship as `data/ner_model_types.tsv`
(`feature<TAB>label<TAB>weight`); scoring is a sum of weights, so no learning library is needed at run time.

`SpanModel` wraps it with the features that also say what word lists know of the span's words (`features.WordEvidence`: the casing classes of
`data/ner_model_casing.tsv`, `word<TAB>class`, and the names of `data/ner_names.tsv`). The filter reads it
through `SpanModel.classify(context, start, end, is_common)`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kronik.errors import KronikError
from kronik.ner.features import SpanContext, WordEvidence, span_features

if TYPE_CHECKING:
    from kronik.ner.lexicon import PersonNames

LABELS = ("PER", "ORG", "LOC", "NONE")
TYPES_FILE = "ner_model_types.tsv"  # the trained weights (features with word evidence)
CASING_FILE = "ner_model_casing.tsv"
CASING_CLASSES = ("lower", "cap", "mixed")


@dataclass(frozen=True)
class SpanType:
    label: str  # PER, ORG, LOC or NONE
    probability: float


class SpanTyper:
    """Scores feature lists with the weights of a trained model."""

    def __init__(self, weights: dict[str, dict[str, float]], labels: tuple[str, ...] = LABELS):
        self.weights = weights
        self.labels = labels

    @classmethod
    def load(cls, path: Path | None = None, labels: tuple[str, ...] = LABELS, default: str = TYPES_FILE) -> SpanTyper:
        """The packaged model (`data/<default>`), or the one at `path`."""
        source = path or resources.files("kronik") / "data" / default
        weights: dict[str, dict[str, float]] = defaultdict(dict)
        for number, line in _data_lines(source, "span typer weights"):
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in labels:
                raise KronikError("E421", f"{source}:{number}: expected feature<TAB>label<TAB>weight")
            weights[parts[0]][parts[1]] = float(parts[2])
        return cls(dict(weights), labels)

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Each label's probability."""
        scores = dict.fromkeys(self.labels, 0.0)
        for feature in features:
            for label, weight in self.weights.get(feature, {}).items():
                scores[label] += weight
        top = max(scores.values())
        exps = {label: math.exp(score - top) for label, score in scores.items()}
        total = sum(exps.values())
        return {label: value / total for label, value in exps.items()}

    def classify(self, features: Iterable[str]) -> SpanType:
        """The most likely label of a span and its probability."""
        scores = self.scores(features)
        top = max(self.labels, key=lambda label: scores[label])
        return SpanType(top, scores[top])


class SpanModel:
    """The span typer and the word evidence its features read: built once, passed to the filter."""

    def __init__(self, typer: SpanTyper, evidence: WordEvidence):
        self.typer = typer
        self.evidence = evidence

    @classmethod
    def load(cls, folder: Path | None = None, people: PersonNames | None = None) -> SpanModel:
        """The packaged model and casing table (or the ones in `folder`, same file names); the names list
        `people` (loaded when not given)."""
        from kronik.ner.lexicon import PersonNames

        def path(name: str) -> Path | None:
            return folder / name if folder else None

        people = people or PersonNames.load()
        evidence = WordEvidence(people.first, people.last, read_casing(path(CASING_FILE)))
        return cls(SpanTyper.load(path(TYPES_FILE)), evidence)

    def features(self, context: SpanContext, start: int, end: int, is_common: Callable[[str], bool]) -> list[str]:
        return span_features(context, start, end, is_common, self.evidence)

    def classify(self, context: SpanContext, start: int, end: int, is_common: Callable[[str], bool]) -> SpanType:
        """The verdict on tokens [start, end) of `context`: PER, ORG, LOC or NONE, and its probability."""
        return self.typer.classify(self.features(context, start, end, is_common))


def read_casing(path: Path | None = None) -> dict[str, str]:
    """Word casing classes (`data/ner_model_casing.tsv`, or the file at `path`)."""
    source = path or resources.files("kronik") / "data" / CASING_FILE
    casing = {}
    for number, line in _data_lines(source, "span model casing table"):
        word, _, kind = line.partition("\t")
        if kind not in CASING_CLASSES:
            raise KronikError("E421", f"{source}:{number}: expected word<TAB>{'|'.join(CASING_CLASSES)}")
        casing[word] = kind
    return casing


def _data_lines(source: Any, what: str) -> Iterator[tuple[int, str]]:
    """The numbered lines of a packaged TSV, comments and blank lines left out (E420 when it cannot be read)."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KronikError("E420", f"{what} unreadable: {source}: {exc}") from exc
    return ((n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#"))


def write_weights(path: Path, weights: list[tuple[str, str, float]], note: str) -> None:
    """Write (feature, label, weight) rows as the TSV `SpanTyper.load` reads."""
    lines = [f"# span typer weights: {note}"]
    lines += [f"{feature}\t{label}\t{weight:.4f}" for feature, label, weight in weights if "\t" not in feature]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
