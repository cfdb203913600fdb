"""Well-known names that are no curated actors: organisations (`data/known_organisations.tsv`: sports clubs and
bodies, music groups, companies, media, labels, studios, airlines, platforms), people (`data/known_people.tsv`:
politicians, royals, athletes, musicians, actors, writers) and places the gazetteers miss (`data/known_places.tsv`:
islands, mountains, rivers, seas, regions and their short forms ("Jabar"), exonyms ("Jenewa"), districts,
landmarks). Names are facts, written for kronik from general knowledge; no curated roles or dates, only what each
is, its country and the names it goes by.

One schema for the three files, a line per organisation, person or place:
`name<TAB>kind<TAB>country<TAB>aliases<TAB>ambiguous`; `kind` one of `KINDS` (an organisation's or person's: it
gives the actor's kind and sector) or of `PLACE_KINDS` (a place's), `country` an ISO alpha-3 code (empty for
international bodies; a place has one), `aliases` other written forms separated by "|", `ambiguous` yes when the
name alone is also a common word, a given name or a place ("Chelsea", "Queen", "Seram").
`kronik.knowledge` indexes them (`KnowledgeBase.load`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kronik.errors import KronikError
from kronik.gazetteer import slug
from kronik.records import Actor

FILES = ("known_organisations.tsv", "known_people.tsv")
PLACE_FILE = "known_places.tsv"
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
# place kind -> the gazetteer's kind of place: a town, or a wider area
PLACE_KINDS = {
    "city": "city", "district": "city", "landmark": "city", "island": "region", "archipelago": "region",
    "mountain": "region", "river": "region", "lake": "region", "sea": "region", "strait": "region", "bay": "region",
    "region": "region", "park": "region",
}
FIELDS = "name<TAB>kind<TAB>country<TAB>aliases<TAB>yes|no"


@dataclass(frozen=True)
class KnownLine:
    """A line of a known-names file as written."""

    number: int
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]  # other forms, the name left out
    ambiguous: bool

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class KnownName:
    """A line of a known-names file: the organisation or person as an actor, its kind, and whether its name alone
    has another sense."""

    actor: Actor
    kind: str
    ambiguous: bool


def read_known_names(text: str, label: str, states: set[str]) -> list[KnownName]:
    """The organisations and people of a known-names file (E408 naming `label` and the line when one is malformed
    or repeats a name)."""
    found: list[KnownName] = []
    seen: dict[str, int] = {}
    for line in read_lines(text, label, KINDS, states):
        actor_kind, sector = KINDS[line.kind]
        actor = Actor(PREFIXES[actor_kind] + slug(line.name), line.name, actor_kind, line.country, sector, line.aliases)
        if actor.id in seen:
            raise KronikError("E408", f"{label}:{line.number}: {line.name!r} is also on line {seen[actor.id]}")
        seen[actor.id] = line.number
        found.append(KnownName(actor, line.kind, line.ambiguous))
    return found


def read_known_places(text: str, label: str, states: set[str]) -> list[KnownLine]:
    """The places of a known-places file: each has a country (E408 naming `label` and the line when one has none,
    is malformed, or repeats a form of an earlier line)."""
    found = read_lines(text, label, PLACE_KINDS, states)
    seen: dict[str, int] = {}
    for line in found:
        if line.country is None:
            raise KronikError("E408", f"{label}:{line.number}: a place needs its country, got {line.name!r} without one")
        for form in line.forms:
            if seen.setdefault(form.casefold(), line.number) != line.number:
                raise KronikError("E408", f"{label}:{line.number}: {form!r} is also on line {seen[form.casefold()]}")
    return found


def read_lines(text: str, label: str, kinds: dict[str, object], states: set[str]) -> list[KnownLine]:
    """The lines of a known-names file whose kinds are `kinds` (E408 naming `label` and the line when one is
    malformed: not five fields, an unknown kind or country, `ambiguous` not yes or no)."""
    found: list[KnownLine] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] not in kinds or fields[2] and fields[2] not in states or fields[4] not in ("yes", "no"):
            raise KronikError("E408", f"{label}:{number}: expected {FIELDS}, got {line!r}")
        name, kind, country, aliases, ambiguous = fields
        others = tuple(dict.fromkeys(a.strip() for a in aliases.split("|") if a.strip() and a.strip() != name))
        found.append(KnownLine(number, name, kind, country or None, others, ambiguous == "yes"))
    return found


__all__ = ["FILES", "KINDS", "PLACE_FILE", "PLACE_KINDS", "KnownLine", "KnownName", "read_known_names", "read_known_places"]
