"""What an article is about, for story linking: its actors (weighted by kind) and its title words.

An `ArticleProfile` holds, for one article, a weight per actor id (people, organisations and groups count
fully, states less: many unrelated stories mention the same few states) and the content words of its title.
Title words are weighted by how rare they are in the corpus texts (`TermRarity`), so words every article uses
("dengan", "the") weigh nothing without any language-specific stop-word list.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kronik.records import Actor, Article

WORD = re.compile(r"[^\W\d_]+")
STATE = "state"


@dataclass(frozen=True)
class ActorWeights:
    """How much an actor of each kind counts; event participants count `event_factor` times more."""

    state: float = 0.4
    other: float = 1.0
    event_factor: float = 1.5

    def of(self, actor: Actor) -> float:
        return self.state if actor.kind == STATE else self.other


@dataclass(frozen=True)
class ArticleProfile:
    article_id: str
    published: dt.date | None
    actors: Mapping[str, float]  # actor id -> weight
    kinds: Mapping[str, str]  # actor id -> kind
    mentions: Mapping[str, int]  # actor id -> how often the article mentions it
    names: Mapping[str, str]  # actor id -> name
    title_words: frozenset[str] = field(default_factory=frozenset)

    def non_state(self) -> frozenset[str]:
        return frozenset(a for a, kind in self.kinds.items() if kind != STATE)

    def states(self) -> frozenset[str]:
        return frozenset(a for a, kind in self.kinds.items() if kind == STATE)


def article_actors(article: Article) -> Iterable[tuple[Actor, bool]]:
    """Every actor the article mentions, with whether the mention is an event participant."""
    for event in article.events:
        for actor in event.actors + event.recipients:
            yield actor, True
    for entity in article.entities:
        actor = entity.actor
        if actor is None:
            continue
        if entity.type in ("PER", "ORG") or actor.kind == STATE:
            yield actor, False


def build_profile(article: Article, weights: ActorWeights) -> ArticleProfile:
    actor_weights: dict[str, float] = {}
    kinds: dict[str, str] = {}
    names: dict[str, str] = {}
    mentions: Counter[str] = Counter()
    for actor, in_event in article_actors(article):
        weight = weights.of(actor) * (weights.event_factor if in_event else 1.0)
        actor_weights[actor.id] = max(weight, actor_weights.get(actor.id, 0.0))
        kinds.setdefault(actor.id, actor.kind)
        names.setdefault(actor.id, actor.name)
        mentions[actor.id] += 1
    return ArticleProfile(
        article_id=article.id,
        published=article.published,
        actors=actor_weights,
        kinds=kinds,
        mentions=dict(mentions),
        names=names,
        title_words=frozenset(words(article.title or "")),
    )


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


class TermRarity:
    """Smoothed inverse document frequency of words over a corpus of article texts (0 for common words)."""

    def __init__(self, texts: Sequence[str]):
        self.documents = len(texts)
        self.frequency: Counter[str] = Counter()
        for text in texts:
            self.frequency.update(set(words(text)))

    def weight(self, word: str) -> float:
        return math.log((self.documents + 1) / (self.frequency[word] + 1))


def weighted_jaccard(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """Sum of the smaller weights over sum of the larger ones; 0.0 when both are empty."""
    keys = sorted(left.keys() | right.keys())  # a fixed order, so the float sums are symmetric
    larger = sum(max(left.get(k, 0.0), right.get(k, 0.0)) for k in keys)
    if larger == 0.0:
        return 0.0
    return sum(min(left.get(k, 0.0), right.get(k, 0.0)) for k in keys) / larger


def title_similarity(left: ArticleProfile, right: ArticleProfile, rarity: TermRarity) -> float:
    union = sorted(left.title_words | right.title_words)
    total = sum(rarity.weight(w) for w in union)
    if total == 0.0:
        return 0.0
    return sum(rarity.weight(w) for w in union if w in left.title_words and w in right.title_words) / total
