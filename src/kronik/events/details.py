"""Stage "details": where each coded event happened and how many it killed, after event coding.

Location, in order of preference:
1. the place the event's sentence names after a cue ("di Khan Younis", "in Balochistan"), with its country
   and coordinates (`events.places`);
2. the place the coder found ("di Iran"), given coordinates where the gazetteer has them;
3. the target's territory: an ASSAULT or COERCE against a state happened in that state (Israel's strike on
   Iran happened in Iran), and one against people or bodies of one state, in that state;
4. the article's domestic setting (`setting.domestic_state`): an event among the actors of one state, in a
   story set in that state (the KPK questioning a witness happened in Indonesia);
5. otherwise none.

Generic bodies with no country of their own ("Polisi", "jaksa") are of the country the event happened in, else
of the article's domestic setting.

Fatalities: for ASSAULT, and PROTEST in its riot mode, the deaths the sentence states (`events.fatalities`).
"""

from __future__ import annotations

import dataclasses

from kronik.events.fatalities import FatalityReader
from kronik.events.places import PlaceFinder
from kronik.events.protest import placed_bodies
from kronik.knowledge import KnowledgeBase
from kronik.records import Actor, Article, EventMention, Location, Sentence
from kronik.setting import domestic_state

TARGET_TERRITORY = frozenset({"ASSAULT", "COERCE"})  # force used against a state happens on its ground
DEADLY = frozenset({("ASSAULT", None), ("PROTEST", "riot")})  # (category, mode); None: any mode


class EventDetails:
    """Stage "details": sets each event's `location` (with coordinates where known) and `fatalities`."""

    name = "details"
    version = "0.1.0"
    requires = ("text", "sentences", "language", "entities", "dates", "events")
    assigns = ("events",)

    def __init__(
        self, places: PlaceFinder, readers: dict[str, FatalityReader], default_language: str, domestic_share: float
    ):
        self.places = places
        self.readers = readers
        self.default_language = default_language
        self.domestic_share = domestic_share  # validated by Config

    @classmethod
    def load(
        cls, kb: KnowledgeBase, languages: tuple[str, ...], default_language: str, domestic_share: float
    ) -> EventDetails:
        readers = {code: FatalityReader(code) for code in languages}
        return cls(PlaceFinder.load(kb, languages, default_language), readers, default_language, domestic_share)

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        sentences = {s.index: s for s in article.sentences}
        setting = domestic_state(article.entities, self.domestic_share)
        reader = self.readers.get(article.language or "", self.readers[self.default_language])
        dates = tuple((d.start, d.end) for d in article.dates)
        events = []
        for event in article.events:
            sentence = sentences.get(event.sentence_index) or Sentence(
                event.sentence_index, event.start, event.end, event.sentence
            )
            location = self.location_of(article, event, sentence, setting)
            fatalities = reader.read(sentence.text, sentence.start, dates) if deadly(event) else None
            event = placed(event, location.country if location and location.country else setting)
            events.append(dataclasses.replace(event, location=location, fatalities=fatalities))
        return dataclasses.replace(article, events=tuple(events))

    def location_of(
        self, article: Article, event: EventMention, sentence: Sentence, setting: str | None
    ) -> Location | None:
        """The event's location, by the order of preference in the module docstring."""
        named = self.places.place_in(article, sentence)
        if named is not None:
            return named
        if event.location is not None and event.location.country:
            return self._with_coordinates(event.location)
        territory = target_territory(event)
        if territory is not None:
            return Location(None, territory)
        if setting is not None and _all_in(event.actors + event.recipients, setting):
            return Location(None, setting)
        return None

    def _with_coordinates(self, location: Location) -> Location:
        if location.lat is not None or not location.name:
            return location
        words = self.places.words[self.default_language]
        found = self.places.gazetteer.find(location.name, words)
        if found is not None and found.country == location.country:
            return found
        return location


def placed(event: EventMention, country: str | None) -> EventMention:
    """Generic bodies ("Polisi", "jaksa", "workers") of the country where the event happened, else of the
    article's domestic setting: "Polisi menangkap tiga pengedar di Medan" is Indonesia's police."""
    if country is None:
        return event
    state = Actor(id=country, name=country, kind="state", country=country)
    actors = placed_bodies(event.actors, state)
    recipients = placed_bodies(event.recipients, state)
    if actors == event.actors and recipients == event.recipients:
        return event
    return dataclasses.replace(event, actors=actors, recipients=recipients)


def deadly(event: EventMention) -> bool:
    """Whether the event is one whose deaths are counted: an assault, a riot."""
    return (event.category, None) in DEADLY or (event.category, event.mode) in DEADLY


def target_territory(event: EventMention) -> str | None:
    """The state an ASSAULT or COERCE was carried out in when its target says so: the target state, else the one
    state all targets with a country belong to (not non-state groups, which operate across borders)."""
    if event.category not in TARGET_TERRITORY:
        return None
    states = [a.country for a in event.recipients if a.kind == "state" and a.country]
    if states:
        return states[0]
    countries = {a.country for a in event.recipients if a.kind in ("person", "organization") and a.country}
    return countries.pop() if len(countries) == 1 else None


def _all_in(actors: tuple[Actor, ...], state: str) -> bool:
    countries = {a.country for a in actors if a.country}
    return countries == {state}


__all__ = ["EventDetails", "deadly", "placed", "target_territory"]
