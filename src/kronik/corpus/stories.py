"""Stories: articles that report the same story share a `story_id`.

Two articles are linked when they were published within `window_days` of each other and share enough actors
(weighted Jaccard of their actor weights, states counting less), or fairly many actors and a rare-worded
title. A shared generic state must not chain unrelated stories together, so a link also needs a shared person,
organisation or group, or at least two shared states. An undated article is linked only on strong evidence: at
least two shared non-state actors and a high actor similarity. Stories are the connected components of the
links; each gets a readable, unique slug ("iran-pakistan-2024-01").

Candidate pairs come from blocks (articles sharing a non-state actor, or a pair of states), compared within
the date window, so the work grows with block sizes, not with the square of the corpus.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from scipy.cluster.hierarchy import DisjointSet

from kronik.corpus.duplicates import check_unique_ids, chronological_key
from kronik.corpus.profiles import (
    ActorWeights,
    ArticleProfile,
    TermRarity,
    build_profile,
    title_similarity,
    weighted_jaccard,
)
from kronik.corpus.slugs import story_slug, unique_slugs
from kronik.errors import KronikError
from kronik.records import Article


@dataclass(frozen=True)
class LinkEvidence:
    """Why two articles are (or are not) in one story."""

    actor_similarity: float
    title_similarity: float
    shared_non_state: int
    shared_states: int


class StoryLinker:
    """Groups articles into stories. The user sets `window_days` and `threshold` (actor similarity); the
    stricter threshold for undated articles and the looser one backed by a similar title are derived."""

    name = "stories"
    version = "1"

    def __init__(self, window_days: int, threshold: float = 0.4, *, weights: ActorWeights = ActorWeights()):
        if window_days < 0:
            raise KronikError("E055", f"stories: window_days must not be negative, got {window_days}")
        if not 0.0 < threshold <= 1.0:
            raise KronikError("E056", f"stories: threshold must be in (0, 1], got {threshold}")
        self.window_days = window_days
        self.threshold = threshold
        self.undated_threshold = (1.0 + threshold) / 2
        self.titled_threshold = threshold / 2
        self.title_threshold = 0.3
        self.weights = weights

    def evidence(self, left: ArticleProfile, right: ArticleProfile, rarity: TermRarity) -> LinkEvidence:
        return LinkEvidence(
            actor_similarity=weighted_jaccard(left.actors, right.actors),
            title_similarity=title_similarity(left, right, rarity),
            shared_non_state=len(left.non_state() & right.non_state()),
            shared_states=len(left.states() & right.states()),
        )

    def links(self, left: ArticleProfile, right: ArticleProfile, rarity: TermRarity) -> bool:
        """Whether two articles belong to one story (symmetric)."""
        if not self.within_window(left.published, right.published):
            return False
        found = self.evidence(left, right, rarity)
        if left.published is None or right.published is None:
            return found.shared_non_state >= 2 and found.actor_similarity >= self.undated_threshold
        if found.shared_non_state < 1 and found.shared_states < 2:
            return False
        if found.actor_similarity >= self.threshold:
            return True
        return found.title_similarity >= self.title_threshold and found.actor_similarity >= self.titled_threshold

    def within_window(self, left: dt.date | None, right: dt.date | None) -> bool:
        if left is None or right is None:
            return True
        return abs((left - right).days) <= self.window_days

    def candidate_pairs(self, profiles: Sequence[ArticleProfile]) -> Iterator[tuple[str, str]]:
        """Pairs (smaller id first) that share a block and may lie within the window, each pair once."""
        seen: set[tuple[str, str]] = set()
        for members in blocks(profiles).values():
            for left, right in self.pairs_in_block(members):
                pair = (min(left, right), max(left, right))
                if pair not in seen:
                    seen.add(pair)
                    yield pair

    def pairs_in_block(self, members: list[ArticleProfile]) -> Iterator[tuple[str, str]]:
        dated = sorted((p for p in members if p.published), key=lambda p: (p.published, p.article_id))
        undated = [p for p in members if p.published is None]
        for i, left in enumerate(dated):
            for right in dated[i + 1 :]:
                if (right.published - left.published).days > self.window_days:
                    break
                yield left.article_id, right.article_id
        for left in undated:
            for right in members:
                if right.article_id != left.article_id:
                    yield left.article_id, right.article_id

    def __call__(
        self, articles: Sequence[Article], duplicates: Mapping[str, str | None] | None = None
    ) -> dict[str, str]:
        """Article id -> story id. Articles named in `duplicates` as copies join their original's story."""
        check_unique_ids(articles)
        profiles = {a.id: build_profile(a, self.weights) for a in articles}
        rarity = TermRarity([a.text for a in articles])
        groups = DisjointSet(sorted(profiles))
        for left, right in self.candidate_pairs([profiles[k] for k in sorted(profiles)]):
            if self.links(profiles[left], profiles[right], rarity):
                groups.merge(left, right)
        for copy, original in (duplicates or {}).items():
            if original is not None and copy in profiles and original in profiles:
                groups.merge(copy, original)
        return self.name_stories(articles, groups.subsets(), profiles)

    def name_stories(
        self, articles: Sequence[Article], stories: list[set[str]], profiles: Mapping[str, ArticleProfile]
    ) -> dict[str, str]:
        by_id = {a.id: a for a in articles}
        ordered = sorted(
            (sorted((by_id[m] for m in members), key=chronological_key) for members in stories),
            key=lambda members: chronological_key(members[0]),
        )
        slugs = unique_slugs(story_slug(members, [profiles[a.id] for a in members]) for members in ordered)
        result = {a.id: slug for members, slug in zip(ordered, slugs) for a in members}
        return {a.id: result[a.id] for a in articles}


def blocks(profiles: Sequence[ArticleProfile]) -> dict[tuple[str, ...], list[ArticleProfile]]:
    """Blocking keys -> profiles: one block per non-state actor and one per pair of states."""
    found: dict[tuple[str, ...], list[ArticleProfile]] = defaultdict(list)
    for profile in profiles:
        for actor in sorted(profile.non_state()):
            found[(actor,)].append(profile)
        for pair in itertools.combinations(sorted(profile.states()), 2):
            found[pair].append(profile)
    return found


def assign_stories(
    articles: Sequence[Article], window_days: int, *, duplicates: Mapping[str, str | None] | None = None
) -> dict[str, str]:
    """Article id -> story id (singletons get their own); near-duplicates join their original's story."""
    return StoryLinker(window_days)(articles, duplicates)
