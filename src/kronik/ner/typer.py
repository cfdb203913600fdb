"""The span typer: is a capitalised span the rules could not place a person, an organisation, a place, or no
name at all (NONE)?

A maximum-entropy classifier over `features.span_features`, trained by `scripts/train_span_typer.py` on the
nlp-id POS corpus (nlp-id on PyPI, MIT licence: Indonesian news sentences with proper nouns tagged), labelled by
distant supervision from kronik's own rules. Its weights ship as `data/ner_span_types.tsv`
(`feature<TAB>label<TAB>weight`); scoring is a sum of weights, so no learning library is needed at run time.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kronik.errors import KronikError

LABELS = ("PER", "ORG", "LOC", "NONE")
WEIGHTS_FILE = "ner_span_types.tsv"


@dataclass(frozen=True)
class SpanType:
    label: str  # PER, ORG, LOC or NONE
    probability: float


class SpanTyper:
    """Scores feature lists with the weights of a trained model."""

    def __init__(self, weights: dict[str, dict[str, float]]):
        self.weights = weights

    @classmethod
    def load(cls, path: Path | None = None) -> SpanTyper:
        """The packaged model (`data/ner_span_types.tsv`), or the one at `path`."""
        source = path or resources.files("kronik") / "data" / WEIGHTS_FILE
        weights: dict[str, dict[str, float]] = defaultdict(dict)
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise KronikError("E420", f"span typer weights unreadable: {source}: {exc}") from exc
        for number, line in enumerate(lines, 1):
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in LABELS:
                raise KronikError("E421", f"{source}:{number}: expected feature<TAB>label<TAB>weight")
            weights[parts[0]][parts[1]] = float(parts[2])
        return cls(dict(weights))

    def classify(self, features: Iterable[str]) -> SpanType:
        """The most likely label of a span and its probability."""
        scores = dict.fromkeys(LABELS, 0.0)
        for feature in features:
            for label, weight in self.weights.get(feature, {}).items():
                scores[label] += weight
        top = max(LABELS, key=lambda label: scores[label])
        total = sum(math.exp(score - scores[top]) for score in scores.values())
        return SpanType(top, 1.0 / total)


def write_weights(path: Path, weights: list[tuple[str, str, float]], note: str) -> None:
    """Write (feature, label, weight) rows as the TSV `SpanTyper.load` reads."""
    lines = [f"# span typer weights: {note}"]
    lines += [f"{feature}\t{label}\t{weight:.4f}" for feature, label, weight in weights if "\t" not in feature]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
