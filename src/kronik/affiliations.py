"""Stage "affiliations": what a mention belongs to, read from the mentions next to it.

The recogniser resolves each name on its own. Some names only say whom they belong to through a neighbour:
- a generic phrase for a state's armed forces ("militer Israel", "tentara Israel", "Israeli forces") is the
  knowledge base's armed forces of that state when the KB marks one (`stands_for: armed_forces`, the IDF), so
  every way of writing it names one actor;
- an organisation without a country followed by a state's name, perhaps through its bracketed short form
  ("Kementerian Luar Negeri (Kemlu) Iran"), is that state's: the KB actor of that full name where the KB has
  one, else the organisation placed in that state;
- a person without a country written right after a non-state group that has one ("pemimpin Hamas Mohammed
  Odeh"), or followed by an apposition ending in it ("Mohammed Odeh, komandan sayap militer Hamas"), is a
  member of it and takes its country (and its sector, when the person has none).
- a body every state has, written bare ("Kemlu", "Komite Keamanan Nasional": `state-body` entries of
  `lang/<code>/aliases.yaml`), is the body of the state the text ties it to: the one state whose holder of an
  office leading the body (`heads`: KB roles on the publication day) the sentence names; else the state whose
  press the article's language is (`home-state` in `lang/<code>/aliases.yaml`: Indonesian news calls
  Indonesia's ministry plain "Kemlu", a foreign one "Kemlu Iran") when the KB has that state's body; else the
  one state the sentence names; else the article's domestic setting; else the state of most of the holders of
  its leading offices the article names, when they are more than half. That state's KB body (`stands_for`) where the KB
  has one, else the text's actor placed in that state; otherwise it is left as it is.
- a knowledge-base body of one state written with another state's name right after it ("Kementerian Kesehatan
  Lebanon", where the KB's bare "Kementerian Kesehatan" is Indonesia's) is that other state's namesake body.
Every mention of the same actor in the article takes the change (bare bodies and namesakes: each mention on its own).
Organisations found only in text also get the other written form of their name from `lang/<code>/aliases.yaml`
short forms ("Kejaksaan Negeri Kuningan" also goes by "Kejari Kuningan").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kronik.config import Config
from kronik.gazetteer import fold, slug
from kronik.knowledge import KnowledgeBase, is_curated
from kronik.lang import home_state, load_all
from kronik.records import Actor, Article, EntityMention
from kronik.setting import domestic_state

GENERIC = "generic:"
NAMESAKE_RULE = "affiliation:namesake"  # a KB body of one state written with another state's name
ARMED_FORCES = "armed_forces"
ARMED_FORCES_RULE = "affiliation:armed-forces"
MILITARY = "MIL"
BRACKETED = re.compile(r"\s*\([^()]{1,15}\)\s*")  # "(Kemlu)" between a body and its state
OPEN_BRACKET = re.compile(r"\s*\(\s*")
APPOSITION = re.compile(r"\s*(?:,|--|\u2013|\u2014|\()\s*")  # what opens an apposition after a name
MAX_APPOSITION_WORDS = 8
MAX_TITLE_WORDS = 2  # lower-case words allowed between a group and its member ("pemimpin senior")
AFFILIATING_KINDS = frozenset({"group"})  # bodies of a state place their people through the setting stage
STATE_BODY_RULE = "affiliation:state-body"


class Affiliations:
    """Resolves generic armed forces to the KB's, and gives bodies and members the state of their neighbour."""

    name = "affiliations"
    version = "0.1.0"
    requires = ("entities",)
    assigns = ("entities",)

    def __init__(
        self,
        kb: KnowledgeBase,
        short_forms: ShortForms | None = None,
        state_bodies: StateBodies | None = None,
        share: float = Config().domestic_share,
    ):
        self.kb = kb
        self.short_forms = short_forms or ShortForms(())
        self.state_bodies = state_bodies or StateBodies(())
        self.share = share  # the domestic setting's share (Config.domestic_share)

    @classmethod
    def load(cls, kb: KnowledgeBase, languages: tuple[str, ...], share: float = Config().domestic_share) -> Affiliations:
        return cls(kb, ShortForms.load(languages), StateBodies.load(languages), share)

    def __call__(self, article: Article) -> Article:
        ordered = sorted(article.entities, key=lambda m: (m.start, m.end))
        if not ordered:
            return article
        mentions = ordered
        mentions = [self.armed_forces(m) for m in mentions]
        changed: dict[str, Actor] = {}
        for i, mention in enumerate(mentions):
            actor = mention.actor
            if actor is None or actor.country or actor.kind == "state" or actor.id in changed:
                continue
            found = self.of_following_state(article.text, mentions, i) if actor.kind == "organization" else None
            if found is not None:
                changed[actor.id] = found
                short = mentions[i + 1].actor  # the bracketed short form, if any, is the same body
                bracketed = OPEN_BRACKET.fullmatch(article.text[mentions[i].end : mentions[i + 1].start])
                if short is not None and not short.country and bracketed:
                    changed.setdefault(short.id, found)
            elif actor.kind == "person" and (member := member_of(article.text, mentions, i)) is not None:
                changed[actor.id] = member
        for mention in mentions:
            actor = mention.actor
            if actor is not None and actor.kind == "organization" and not is_curated(actor.id) and actor.id not in changed:
                more = self.short_forms.other_forms(actor.name)
                if more:
                    changed[actor.id] = dataclasses.replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *more))))
        if changed:
            mentions = [
                dataclasses.replace(m, actor=changed[m.actor.id]) if m.actor is not None and m.actor.id in changed else m
                for m in mentions
            ]
        mentions = self.bare_bodies(article, mentions)
        mentions = [self.foreign_namesake(article.text, mentions, i) for i in range(len(mentions))]
        if mentions == ordered:
            return article
        return dataclasses.replace(article, entities=tuple(mentions))

    def armed_forces(self, mention: EntityMention) -> EntityMention:
        """A generic military phrase of a state as the KB's armed forces of that state, where it has them."""
        actor = mention.actor
        if actor is None or not mention.rule.startswith(GENERIC) or actor.kind != "state" or actor.sector != MILITARY:
            return mention
        body = self.kb.body_of(ARMED_FORCES, actor.country or actor.id)
        if body is None:
            return mention
        return dataclasses.replace(mention, actor=body, rule=ARMED_FORCES_RULE)

    def foreign_namesake(self, text: str, mentions: Sequence[EntityMention], i: int) -> EntityMention:
        """A KB body of one state written with another state's name right after it is that other state's namesake
        body ("Kementerian Kesehatan Lebanon" is not Indonesia's ministry of health): the KB actor of the joined
        name, else a body found in text, placed in the state named. Only this mention changes."""
        body = mentions[i]
        actor = body.actor
        if actor is None or actor.kind != "organization" or not actor.country or not is_curated(actor.id):
            return body
        if i + 1 >= len(mentions) or text[body.end : mentions[i + 1].start].strip():
            return body
        state = mentions[i + 1].actor
        if state is None or state.kind != "state" or state.id == actor.country or mentions[i + 1].rule.startswith(GENERIC):
            return body
        name = f"{body.text} {mentions[i + 1].text}"
        known = self.kb.find_actor(name)
        if known is None or known.country != state.id:
            known = Actor(f"new:{slug(name)}", name, "organization", state.id, actor.sector, (name,))
        return dataclasses.replace(body, actor=known, rule=NAMESAKE_RULE)

    def of_following_state(self, text: str, mentions: Sequence[EntityMention], i: int) -> Actor | None:
        """The organisation of a state named right after it: the KB actor of the joined name, else placed."""
        body, j = mentions[i], i + 1
        if j < len(mentions) and OPEN_BRACKET.fullmatch(text[body.end : mentions[j].start]):
            j += 1  # the bracketed short form is itself a mention: "Kementerian Luar Negeri (Kemlu) Iran"
        if j >= len(mentions):
            return None
        gap, state = text[body.end : mentions[j].start], mentions[j].actor
        if state is None or state.kind != "state" or mentions[j].rule.startswith(GENERIC):
            return None
        if gap.strip() and not BRACKETED.fullmatch(gap):
            return None
        known = self.kb.find_actor(f"{body.text} {mentions[j].text}")
        if known is not None and known.country == state.id:
            return known
        bare = self.state_bodies.body(body.text)
        if bare is not None and (kb_body := self.kb.body_of(bare.body, state.id)) is not None:
            return kb_body
        return dataclasses.replace(body.actor, country=state.id)

    def bare_bodies(self, article: Article, mentions: list[EntityMention]) -> list[EntityMention]:
        """Bare names of a state's body ("Kemlu") as the body of the state the text ties each to."""
        found = [(i, body) for i, m in enumerate(mentions) if (body := self.bare_body(m)) is not None]
        if not found:
            return mentions
        result = list(mentions)
        for i, body in found:
            state = self.tied_state(article, mentions, i, body)
            if state is not None:
                actor = self.kb.body_of(body.body, state) or placed_body(mentions[i].actor, state)
                actor = dataclasses.replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *body.names))))
                result[i] = dataclasses.replace(mentions[i], actor=actor, rule=STATE_BODY_RULE)
        return result

    def bare_body(self, mention: EntityMention) -> StateBody | None:
        """The kind of state body a mention names bare, when its actor is found only in text and has no country."""
        actor = mention.actor
        if actor is None or actor.kind != "organization" or actor.country or is_curated(actor.id):
            return None
        return self.state_bodies.body(mention.text)

    def tied_state(self, article: Article, mentions: Sequence[EntityMention], i: int, body: StateBody) -> str | None:
        """The state the text ties the bare body at `i` to (see the module docstring), or None."""
        day = article.published
        inside = same_sentence(article, mentions, i)
        heads = {c for m in inside for c in self.head_countries(m, body, day)}
        if len(heads) == 1:
            return heads.pop()
        home = self.state_bodies.homes.get(article.language or "")
        if home is not None and self.kb.body_of(body.body, home) is not None:
            return home  # the press's own: "Kemlu memanggil Duta Besar Malaysia" in Indonesian news is Indonesia's
        named = {m.actor.id for m in inside if m.actor is not None and m.actor.kind == "state"}
        if len(named) == 1:
            return named.pop()
        domestic = domestic_state(mentions, self.share)
        if domestic is not None:
            return domestic
        counted = Counter(c for m in mentions for c in self.head_countries(m, body, day))
        if counted:
            state, count = counted.most_common(1)[0]
            if count * 2 > sum(counted.values()):
                return state
        return None

    def head_countries(self, mention: EntityMention, body: StateBody, day: dt.date | None) -> set[str]:
        """The states whose office leading `body` the person of `mention` holds on `day` (KB roles)."""
        actor = mention.actor
        if day is None or actor is None or actor.kind != "person" or not is_curated(actor.id):
            return set()
        return {r.country for r in self.kb.roles_of(actor.id, day) if r.role in body.heads and r.country}


def same_sentence(article: Article, mentions: Sequence[EntityMention], i: int) -> list[EntityMention]:
    """The other mentions in the sentence of mention `i` (none when the article has no sentences)."""
    at = mentions[i].start
    sentence = next((s for s in article.sentences if s.start <= at < s.end), None)
    if sentence is None:
        return []
    return [m for j, m in enumerate(mentions) if j != i and sentence.start <= m.start < sentence.end]


def placed_body(actor: Actor, state: str) -> Actor:
    """A body found only in text, placed in `state`: its id names the state, so two states' bodies stay apart."""
    return dataclasses.replace(actor, id=f"{actor.id}-{state.lower()}", country=state)


def member_of(text: str, mentions: Sequence[EntityMention], i: int) -> Actor | None:
    """The person at `i` placed in the country of the group or body they are written as a member of."""
    person = mentions[i]
    if i > 0 and affiliating(mentions[i - 1].actor):
        between = text[mentions[i - 1].end : person.start].split()
        if len(between) <= MAX_TITLE_WORDS and all(word.islower() for word in between):
            return joined(person.actor, mentions[i - 1].actor)
    opener = APPOSITION.match(text, person.end)
    if opener is None:
        return None
    for later in mentions[i + 1 :]:
        if later.actor is not None and later.actor.kind in ("person", "state"):
            return None  # another person or a state comes first: the apposition is about something else
        span = text[opener.end() : later.start]
        if len(span.split()) > MAX_APPOSITION_WORDS or re.search(r"[.;!?\"\n]", span):
            return None
        if affiliating(later.actor):
            return joined(person.actor, later.actor)
    return None


def affiliating(actor: Actor | None) -> bool:
    return actor is not None and actor.kind in AFFILIATING_KINDS and bool(actor.country) and actor.sector != "IGO"


def joined(person: Actor, body: Actor) -> Actor:
    return dataclasses.replace(person, country=body.country, sector=person.sector or body.sector)


class ShortForms:
    """Institutions' short forms for the words their full names begin with ("Kejari" for "Kejaksaan Negeri")."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        self.pairs = tuple(pairs)

    @classmethod
    def load(cls, languages: tuple[str, ...]) -> ShortForms:
        entries: Iterable[Mapping] = load_all("aliases", languages)
        return cls((str(e["short"]), str(e["long"])) for e in entries if e.get("kind") == "short-form")

    def other_forms(self, name: str) -> list[str]:
        """The name written the other way when it begins with a short or a long form followed by more words."""
        found = []
        for short, long in self.pairs:
            for this, other in ((long, short), (short, long)):
                if name.startswith(this + " ") and name[len(this) + 1 :].strip():
                    found.append(f"{other} {name[len(this) + 1 :]}")
        return found


@dataclass(frozen=True)
class StateBody:
    """A body every state has (`body`, as `stands_for` marks it in the KB), its bare names and leading offices."""

    body: str
    names: tuple[str, ...]
    heads: frozenset[str]


class StateBodies:
    """Bare names of states' bodies ("Kemlu", "National Security Committee"), every language's names together."""

    def __init__(self, entries: Iterable[Mapping], homes: Mapping[str, str] | None = None):
        self.homes = dict(homes or {})  # language -> the state its press writes from ("id" -> IDN)
        names: dict[str, list[str]] = {}
        heads: dict[str, set[str]] = {}
        for entry in entries:
            body = str(entry["body"])
            names.setdefault(body, []).extend(str(n) for n in entry.get("names") or ())
            heads.setdefault(body, set()).update(str(h) for h in entry.get("heads") or ())
        self.bodies = {b: StateBody(b, tuple(dict.fromkeys(n)), frozenset(heads[b])) for b, n in names.items()}
        self.by_name = {fold(n): self.bodies[b] for b, found in names.items() for n in found}

    @classmethod
    def load(cls, languages: tuple[str, ...]) -> StateBodies:
        homes = {code: home for code in languages if (home := home_state(code)) is not None}
        return cls((e for e in load_all("aliases", languages) if e.get("kind") == "state-body"), homes)

    def body(self, name: str) -> StateBody | None:
        return self.by_name.get(fold(" ".join(name.split())))
