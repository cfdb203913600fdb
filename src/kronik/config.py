"""One validated config object: the whole recipe of a run.

Defaults ship here; CLI flags override them through `Config.with_overrides`. The resolved config is stored
with every run (`runs` table), so a result can always be traced to the settings that produced it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from kronik.errors import KronikError


@dataclass(frozen=True)
class Config:
    languages: tuple[str, ...] = ("id", "en")  # languages lingua may choose from; their data is loaded
    default_language: str = "id"  # used when detection is unsure (very short texts)
    repeated_line_min_articles: int = 3  # a line seen in this many articles of one outlet is boilerplate
    repeated_line_min_share: float = 0.5  # ...and in at least this share of that outlet's articles
    duplicate_threshold: float = 0.8  # Jaccard similarity of word shingles above which articles are duplicates
    story_window_days: int = 14  # articles further apart than this are not put in one story
    date_report_neighbours: int = 2  # sentences either side searched for the date a statement was reported
    date_carry_sentences: int = 1  # previous sentences whose day-precise date an undated event takes (0: none)
    date_report_carry_sentences: int = 20  # sentences back the date a story is told at still dates undated ones
    domestic_share: float = 0.8  # share of placed mentions one state needs for an article to be its domestic story
    show_progress: bool = True

    def __post_init__(self) -> None:
        if not self.languages:
            raise KronikError("E010", "config: 'languages' must name at least one language")
        if self.default_language not in self.languages:
            raise KronikError("E011", f"config: default_language {self.default_language!r} is not in languages")
        if self.repeated_line_min_articles < 2:
            raise KronikError("E012", "config: repeated_line_min_articles must be at least 2")
        for name in ("repeated_line_min_share", "duplicate_threshold"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise KronikError("E013", f"config: {name} must be in (0, 1], got {value}")
        if not 0.5 < self.domestic_share <= 1.0:
            raise KronikError("E016", f"config: domestic_share must be in (0.5, 1], got {self.domestic_share}")
        counts = ("story_window_days", "date_report_neighbours", "date_carry_sentences", "date_report_carry_sentences")
        for name in counts:
            if getattr(self, name) < 0:
                raise KronikError("E014", f"config: {name} must not be negative")

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given settings replaced; `None` values are ignored (flags not given)."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise KronikError("E015", f"config: unknown settings {', '.join(unknown)}")
        given = {k: (tuple(v) if isinstance(v, list) else v) for k, v in overrides.items() if v is not None}
        return dataclasses.replace(self, **given)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
