"""Who protests against whom, and whose an unnamed body is.

A generic body ("Polisi", "ribuan mahasiswa", "workers") has a sector but no country of its own: it is of the
place it acts in. A protest is held by such a body or by no one named at all (then by the citizens of its
place), and is aimed at
- the government, where the words after the phrase name one before any other actor ("memprotes keputusan
  pemerintah", "against the government's decision"): the state of the place;
- else the body whose building the protest stands at ("di depan Kedutaan Besar AS", "outside the embassy"):
  the one it addresses, whatever the object after it ("... menolak serangan ke Rafah" names the victim);
- else an actor that answers for something, named as the phrase's object ("menentang Israel");
- else the state of the place (a rally "di Jakarta").
"""

from __future__ import annotations

import dataclasses

from kronik.events.lexicon import PatternMatch, Token
from kronik.events.roles import Group, Roles
from kronik.events.syntax import Syntax
from kronik.knowledge import is_curated
from kronik.records import Actor

PLACED_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "CVL"})  # a state's bodies and people
CROWD_MODES = frozenset({"demo", "riot", "strike", "hunger"})  # done by people; a state may boycott or block
SITE_REACH = 3  # words between "depan"/"front" and the body it names ("in front of the US Embassy")


def is_generic_body(actor: Actor) -> bool:
    """A body of some state or its people, named with no country ("polisi", "buruh", "Majelis Nasional"): a
    state or civilian sector, no country, not a body the knowledge base knows (ASEAN is of no place)."""
    return (
        actor.kind == "organization" and actor.country is None and actor.sector in PLACED_SECTORS
        and not is_curated(actor.id)
    )


def placed_bodies(actors: tuple[Actor, ...], place: Actor | None) -> tuple[Actor, ...]:
    """Generic bodies take the country of the place they act in ("Polisi menangkap ... di Bekasi")."""
    country = _country(place)
    if country is None:
        return actors
    return tuple(dataclasses.replace(a, country=country) if is_generic_body(a) else a for a in actors)


def protest_roles(
    roles: Roles, match: PatternMatch, tokens: tuple[Token, ...], groups: list[Group], syntax: Syntax, home: str | None = None
) -> Roles:
    """The roles of a protest: protesters placed in their country, the target as the module says. `home`: the
    state whose press writes in the article's language, the place of a protest that names none."""
    place = roles.location or _bare_place(tokens, groups, syntax)
    if place is None and not roles.actors:
        return roles  # no one named and no place: nothing to say who protests
    place = place or (Actor(id=home, name=home, kind="state", country=home) if home else None)
    actors = _protesters(roles.actors, place, match.pattern.mode)
    target = _target(roles, match, tokens, groups, syntax, place)
    ids = {(a.id, a.sector) for a in actors}
    return Roles(actors, tuple(a for a in target if (a.id, a.sector) not in ids), roles.location)


def _protesters(actors: tuple[Actor, ...], place: Actor | None, mode: str | None) -> tuple[Actor, ...]:
    if mode in CROWD_MODES:  # "Georgians rallied": a state's people take to the streets, not its government
        actors = tuple(dataclasses.replace(a, sector="CVL") if a.kind == "state" and a.sector is None else a for a in actors)
    country = _country(place)
    if country is None:
        return actors
    if not actors:  # "Aksi unjuk rasa digelar di depan Kedutaan AS di Jakarta": the citizens of the place
        name = place.name if place.id == country else country
        return (Actor(id=country, name=name, kind="state", country=country, sector="CVL"),)
    return tuple(
        a if a.country else dataclasses.replace(a, country=country, sector=a.sector or "CVL") for a in actors
    )


def _target(roles: Roles, match, tokens, groups: list[Group], syntax: Syntax, place: Actor | None) -> tuple[Actor, ...]:
    answerable = [g for g in groups if g.first > match.last and any(_answers(a) for a in g.actors)]
    named = tuple(a for a in roles.recipients if _answers(a) and a != roles.location)  # not the place itself
    government = next((t.index for t in tokens[match.last + 1 :] if syntax.has("government", t)), None)
    first_named = next((g.first for g in answerable if any(a in named for a in g.actors)), None)
    if government is not None and (first_named is None or government < first_named) and _country(place):
        return (_state(place),)
    site = _site(tokens, groups, syntax)
    found = tuple(a for a in placed_bodies(site.actors, place) if a.country) if site else ()
    if found:  # "di depan Majelis Nasional di Seoul": a body of the place where it stands
        return found
    if named:
        return named
    return (_state(place),) if _country(place) else ()


def _answers(actor: Actor) -> bool:
    """An actor a protest can be aimed at: a state, a group, or anyone of a known country but its citizens."""
    if actor.kind in ("state", "group"):
        return actor.sector != "CVL"
    return actor.country is not None and actor.sector != "CVL"


def _site(tokens, groups: list[Group], syntax: Syntax) -> Group | None:
    """The body after "depan"/"luar"/"front"/"outside" with no comma between: where the protest stands."""
    for group in groups:
        before = tokens[max(0, group.first - SITE_REACH) : group.first]
        for offset, token in enumerate(before):
            if syntax.has("site", token) and not any(t.text in (",", ";") for t in before[offset:]):
                return group
    return None


def _bare_place(tokens, groups: list[Group], syntax: Syntax) -> Actor | None:
    """A state named as a bare place (no sector, so no body) closing a phrase of place: "di kawasan Patung Kuda,
    Jakarta", "in central Tbilisi"."""
    for group in groups:
        actor = group.actors[0]
        before = tokens[max(0, group.first - SITE_REACH - 1) : group.first]
        if actor.kind == "state" and actor.sector is None and any(syntax.has("location", t) for t in before):
            return actor
    return None


def _country(place: Actor | None) -> str | None:
    if place is None:
        return None
    return place.country or (place.id if place.kind == "state" else None)


def _state(place: Actor) -> Actor:
    country = _country(place)
    if place.kind == "state" and place.id == country and place.sector is None:
        return place
    return Actor(id=country, name=country, kind="state", country=country)


__all__ = ["is_generic_body", "placed_bodies", "protest_roles"]
