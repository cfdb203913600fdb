"""Well-known names that are no curated actors: organisations (`data/known_organisations.tsv`: sports clubs and
bodies, music groups, companies, media, labels, studios, airlines, platforms) and people (`data/known_people.tsv`:
politicians, royals, athletes, musicians, actors, writers). Names are facts, written for kronik from general
knowledge; no curated roles or dates, only what each is, its country and the names it goes by.

One schema for both files, a line per organisation or person:
`name<TAB>kind<TAB>country<TAB>aliases<TAB>ambiguous`; `kind` one of `KINDS` (it gives the actor's kind and
sector), `country` an ISO alpha-3 code (empty for international bodies), `aliases` other written forms separated
by "|", `ambiguous` yes when the name alone is also a common word, a given name or a place ("Chelsea", "Queen").
`kronik.knowledge` indexes them (`KnowledgeBase.load`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kronik.errors import KronikError
from kronik.gazetteer import slug
from kronik.records import Actor

FILES = ("known_organisations.tsv", "known_people.tsv")
# kind -> (actor kind, sector); a person's sector is left unknown where the kind does not say it (a politician
# may govern or oppose)
KINDS = {
    "club": ("organization", "CVL"), "team": ("organization", "CVL"), "band": ("organization", "CVL"),
    "university": ("organization", "CVL"), "body": ("organization", "NGO"), "company": ("organization", "BUS"),
    "label": ("organization", "BUS"), "studio": ("organization", "BUS"), "airline": ("organization", "BUS"),
    "platform": ("organization", "BUS"), "media": ("organization", "MED"),
    "politician": ("person", None), "royal": ("person", None), "military": ("person", "MIL"),
    "religious": ("person", "CVL"), "athlete": ("person", "CVL"), "musician": ("person", "CVL"),
    "actor": ("person", "CVL"), "writer": ("person", "CVL"), "scientist": ("person", "CVL"),
    "artist": ("person", "CVL"), "business": ("person", "BUS"), "other": ("person", "CVL"),
}
PREFIXES = {"organization": "org:", "person": "person:"}  # actor id prefixes


@dataclass(frozen=True)
class KnownName:
    """A line of a known-names file: the organisation or person as an actor, its kind, and whether its name alone
    has another sense."""

    actor: Actor
    kind: str
    ambiguous: bool


def read_known_names(text: str, label: str, states: set[str]) -> list[KnownName]:
    """The lines of a known-names file (E408 naming `label` and the line when one is malformed or repeats a name)."""
    found: list[KnownName] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] not in KINDS or fields[2] and fields[2] not in states or fields[4] not in ("yes", "no"):
            raise KronikError("E408", f"{label}:{number}: expected name<TAB>kind<TAB>country<TAB>aliases<TAB>yes|no, got {line!r}")
        name, kind, country, aliases, ambiguous = fields
        others = tuple(dict.fromkeys(a.strip() for a in aliases.split("|") if a.strip() and a.strip() != name))
        actor_kind, sector = KINDS[kind]
        actor = Actor(PREFIXES[actor_kind] + slug(name), name, actor_kind, country or None, sector, others)
        if actor.id in seen:
            raise KronikError("E408", f"{label}:{number}: {name!r} is also on line {seen[actor.id]}")
        seen[actor.id] = number
        found.append(KnownName(actor, kind, ambiguous == "yes"))
    return found


__all__ = ["FILES", "KINDS", "KnownName", "read_known_names"]
