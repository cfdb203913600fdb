"""PLOVER categories, modes and scores (`data/plover.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from kronik.errors import KronikError


@dataclass(frozen=True)
class Plover:
    scores: dict[str, float]  # category -> score
    mode_scores: dict[tuple[str, str], float | None]  # (category, mode) -> score, None = the category's

    @classmethod
    def load(cls) -> Plover:
        text = (resources.files("kronik") / "data" / "plover.yaml").read_text(encoding="utf-8")
        entries = yaml.safe_load(text)["entries"]
        scores = {e["id"]: float(e["score"]) for e in entries}
        modes = {(e["id"], m["mode"]): m["score"] for e in entries for m in e["modes"]}
        return cls(scores, modes)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.scores)

    def modes(self, category: str) -> tuple[str, ...]:
        return tuple(mode for cat, mode in self.mode_scores if cat == category)

    def score(self, category: str, mode: str | None) -> float:
        if category not in self.scores:
            raise KronikError("E020", f"unknown PLOVER category {category!r}")
        mode_score = self.mode_scores.get((category, mode)) if mode else None
        return float(mode_score) if mode_score is not None else self.scores[category]
