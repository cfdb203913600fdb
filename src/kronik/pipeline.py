"""The per-article pipeline: named stages over `Article`, each saying what it requires and assigns.

A `Pipeline` checks when it is built that every field a stage requires is assigned by an earlier stage (or
comes from reading), so a mis-ordered recipe fails at once with a clear message instead of producing empty
output later.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from kronik.errors import KronikError
from kronik.records import Article

# Fields an Article has as soon as it is read.
READ_FIELDS = frozenset({"id", "raw_text", "title", "outlet", "url", "published", "published_source", "origin"})


class Stage(Protocol):
    """A per-article stage: a pure function over `Article` with a name and a version."""

    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, stages: Sequence[Stage]):
        available = set(READ_FIELDS)
        fields = {f.name for f in dataclasses.fields(Article)}
        for stage in stages:
            missing = [name for name in stage.requires if name not in available]
            if missing:
                raise KronikError(
                    "E001",
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns",
                )
            unknown = [name for name in stage.assigns if name not in fields]
            if unknown:
                raise KronikError("E002", f"stage {stage.name!r} assigns unknown fields {', '.join(unknown)}")
            available.update(stage.assigns)
        self.stages = tuple(stages)

    @property
    def versions(self) -> dict[str, str]:
        return {stage.name: stage.version for stage in self.stages}

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
            article = dataclasses.replace(article, stages=article.stages + (stage.name,))
        return article

    def map(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)
