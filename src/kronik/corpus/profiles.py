"""What an article is about, for story linking: its actors (weighted by kind) and its title words.

An `ArticleProfile` holds, for one article, a weight per actor id (people, organisations and groups count
fully, states and news media less: many unrelated stories mention the same few states and cite the same
agencies) and the content words of its title. What the recogniser may have taken for an actor by mistake
weighs little or nothing: a generic body ("polisi") is no actor of a story, a name made of states joined by
hyphens ("Iran-Pakistan", "Teheran-Islamabad") stands for those states, and a name the knowledge base does not
know, seen once and in no event (often a headline fragment), weighs `ActorWeights.unconfirmed` times less.
Title words are weighted by how rare they are in the corpus texts (`TermRarity`), so words every article uses
("dengan", "the") weigh nothing without any language-specific stop-word list.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from kronik.affiliations import ARMED_FORCES_RULE
from kronik.gazetteer import fold
from kronik.knowledge import is_curated
from kronik.records import Actor, Article

WORD = re.compile(r"[^\W\d_]+")
STATE = "state"
MEDIA = "MED"
# rule prefixes of mentions naming a body by a common noun ("polisi", "militer Israel"), even where a later stage
# resolved the phrase to the KB's body (the IDF): such phrases name the usual bodies of any story about a state
GENERIC = ("generic:", ARMED_FORCES_RULE)
HYPHEN = re.compile(r"\s*[-\u2010-\u2015]\s*")


@dataclass(frozen=True)
class ActorWeights:
    """How much an actor of each kind counts; event participants count `event_factor` times more."""

    state: float = 0.4
    other: float = 1.0
    event_factor: float = 1.5
    unconfirmed: float = 0.25  # factor for an actor known only from text, mentioned once, in no event

    def of(self, actor: Actor) -> float:
        return self.state if actor.kind == STATE or actor.sector == MEDIA else self.other


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
    """Every actor the article mentions, with whether the mention is an event participant: generic bodies
    left out, hyphen-joined states ("Iran-Pakistan") replaced by each state."""
    generic = {m.actor.id for m in article.entities if m.actor is not None and m.rule.startswith(GENERIC)}
    named = {m.actor.id for m in article.entities if m.actor is not None and not m.rule.startswith(GENERIC)}
    noise = generic - named
    states = article_states(article)
    for event in article.events:
        for actor in event.actors + event.recipients:
            if actor.id not in noise:
                yield from ((part, True) for part in joined_states(actor, states))
    for entity in article.entities:
        actor = entity.actor
        if actor is None or entity.rule.startswith(GENERIC):
            continue
        if entity.type in ("PER", "ORG") or actor.kind == STATE:
            yield from ((part, False) for part in joined_states(actor, states))


def article_states(article: Article) -> dict[str, Actor]:
    """Folded names (as written, canonical, aliases) -> the state, for every state the article names."""
    found: dict[str, Actor] = {}
    for mention in article.entities:
        actor = mention.actor
        if actor is not None and actor.kind == STATE and not mention.rule.startswith(GENERIC):
            for name in (mention.text, actor.name, *actor.aliases):
                found.setdefault(fold(name), replace(actor, sector=None))
    return found


def joined_states(actor: Actor, states: Mapping[str, Actor]) -> list[Actor]:
    """The states a name joins with hyphens when every part names one ("Rusia-Iran"), else the actor itself."""
    if actor.kind == STATE or is_curated(actor.id):
        return [actor]
    parts = [fold(part) for part in HYPHEN.split(actor.name)]
    if len(parts) < 2 or any(part not in states for part in parts):
        return [actor]
    return [states[part] for part in parts]


def build_profile(article: Article, weights: ActorWeights) -> ArticleProfile:
    actor_weights: dict[str, float] = {}
    kinds: dict[str, str] = {}
    names: dict[str, str] = {}
    mentions: Counter[str] = Counter()
    in_events: set[str] = set()
    for actor, in_event in article_actors(article):
        weight = weights.of(actor) * (weights.event_factor if in_event else 1.0)
        actor_weights[actor.id] = max(weight, actor_weights.get(actor.id, 0.0))
        kinds.setdefault(actor.id, actor.kind)
        names.setdefault(actor.id, actor.name)
        mentions[actor.id] += 1
        if in_event:
            in_events.add(actor.id)
    for actor_id in actor_weights:
        if unconfirmed(actor_id, kinds[actor_id], mentions[actor_id], actor_id in in_events):
            actor_weights[actor_id] *= weights.unconfirmed
    return ArticleProfile(
        article_id=article.id,
        published=article.published,
        actors=actor_weights,
        kinds=kinds,
        mentions=dict(mentions),
        names=names,
        title_words=frozenset(words(article.title or "")),
    )


def unconfirmed(actor_id: str, kind: str, mentions: int, in_event: bool) -> bool:
    """An actor only the text knows (no KB id, no state), named once and in no event: maybe no actor at all."""
    return kind != STATE and not is_curated(actor_id) and mentions <= 1 and not in_event


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
