"""Stage "setting": the state an article's story takes place in, and the actors it places there.

Most people a domestic story names are known to no dictionary: suspects, witnesses, lawyers, local officials
("Kejaksaan Negeri Kuningan menahan MY dan IP"). The text gives their country only through the story around
them. When nearly every mention the recogniser could place belongs to one state (`Config.domestic_share` of
them, at least `MIN_PLACED` mentions), the article is a domestic story of that state, and persons and bodies
left without a country are placed in it. A person given no office there is a private person (CVL), as the
annotation guide codes named private persons. International stories, where the placed mentions are spread
over several states, are left as they are: a stranger in a story about Israel and Lebanon may be from either.

Before that, a word the gazetteer took for a minor place ("place:" rules: a town, a region) that the same article
also names as a person ("kata Rano") is that person everywhere in the article: a common name colliding with a
far-away village must not make the story look foreign.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from kronik.records import Actor, Article, EntityMention

MIN_PLACED = 5  # fewer placed mentions than this say too little about where a story takes place
PLACEABLE_KINDS = frozenset({"person", "organization"})  # groups and IGOs are not placed in a state
PRIVATE_PERSON = "CVL"
MINOR_PLACE = "place:"  # the rule prefix of gazetteer places (towns, regions), not state names
PERSON_NOT_PLACE = "setting:person-not-place"


def domestic_state(mentions: Iterable[EntityMention], share: float) -> str | None:
    """The state holding at least `share` of the mentions that have a country, or None."""
    placed = Counter(m.actor.country for m in mentions if m.actor is not None and m.actor.country)
    total = sum(placed.values())
    if total < MIN_PLACED:
        return None
    state, count = placed.most_common(1)[0]
    return state if count / total >= share else None


def persons_not_places(mentions: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """Minor-place mentions whose text the article also uses for a person, read as that person."""
    persons = {m.text: m.actor for m in mentions if m.type == "PER" and m.actor is not None and m.actor.kind == "person"}
    if not persons:
        return mentions
    return tuple(
        dataclasses.replace(m, type="PER", actor=persons[m.text], rule=PERSON_NOT_PLACE)
        if m.rule.startswith(MINOR_PLACE) and m.text in persons
        else m
        for m in mentions
    )


def place_actor(actor: Actor, state: str) -> Actor:
    """The actor placed in `state` if the text left it without a country; unchanged otherwise."""
    if actor.country or actor.kind not in PLACEABLE_KINDS or actor.sector == "IGO":
        return actor
    sector = actor.sector or (PRIVATE_PERSON if actor.kind == "person" else None)
    return dataclasses.replace(actor, country=state, sector=sector)


class DomesticSetting:
    """Places actors without a country in the article's domestic setting, where it has one."""

    name = "setting"
    version = "0.1.0"
    requires = ("entities",)
    assigns = ("entities",)

    def __init__(self, share: float):
        self.share = share  # validated by Config

    def __call__(self, article: Article) -> Article:
        mentions = persons_not_places(article.entities)
        state = domestic_state(mentions, self.share)
        if state is None:
            return article if mentions == article.entities else dataclasses.replace(article, entities=mentions)
        entities = tuple(
            dataclasses.replace(m, actor=place_actor(m.actor, state)) if m.actor is not None else m
            for m in mentions
        )
        return dataclasses.replace(article, entities=entities)
