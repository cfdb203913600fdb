"""Typed, immutable records that flow through the pipeline.

`RawArticle` is what a reader yields. `Article` is what the per-article stages fill in, one field group per
stage (each stage returns a new `Article` through `dataclasses.replace`). Offsets (`start`, `end`) always
refer to `Article.text`, the cleaned text, so every entity, date and event points back to the words that
report it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PUBLISHED_SOURCES = ("given", "url", "html-meta", "dateline", "unknown")
ENTITY_TYPES = ("PER", "ORG", "LOC")
ACTOR_KINDS = ("person", "state", "organization", "group")
SECTORS = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "REB", "OPP", "CVL", "MED", "BUS", "NGO", "IGO")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class RawArticle:
    """One article as read from the input, before any processing."""

    id: str
    text: str | None = None
    html: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    origin: str = ""  # where it was read from ("corpus.jsonl:12", "seeds/a.txt"), for error messages


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Removed:
    """A piece of the input that cleaning removed, and the rule that removed it."""

    text: str
    rule: str


@dataclass(frozen=True)
class Actor:
    """Someone who acts or is acted upon: a state, a person, an organisation or a non-state group.

    `id` is stable across articles: a state is its ISO alpha-3 code, a knowledge-base actor its KB id, an
    actor found only in text `"new:" + normalised name`.
    """

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityMention:
    """A named entity found in the cleaned text, resolved to an actor where possible."""

    start: int
    end: int
    text: str
    type: str  # PER, ORG or LOC
    actor: Actor | None = None
    rule: str = ""  # id of the rule or dictionary entry that found it


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text and the calendar value it resolves to."""

    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when it could not be resolved
    precision: str | None  # day, month, year
    rule: str = ""


@dataclass(frozen=True)
class Location:
    name: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class EventMention:
    """One event reported in one article, with its evidence."""

    id: str
    category: str
    mode: str | None
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    sentence_index: int
    start: int  # evidence offsets in Article.text
    end: int
    sentence: str
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None  # the words the date came from, or the reason it is null
    context: tuple[str, ...] = ()
    location: Location | None = None
    score: float | None = None
    entry_ids: tuple[str, ...] = ()  # dictionary entries that fired
    fatalities: int | None = None  # deaths the text states (stage "details"); None when it states none


@dataclass(frozen=True)
class Article:
    """An article as the per-article stages fill it in."""

    id: str
    raw_text: str  # the text before cleaning (extracted from HTML where the input was HTML)
    text: str = ""  # cleaned text; all offsets refer to it
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: str = "unknown"
    origin: str = ""
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    stages: tuple[str, ...] = field(default=())  # names of the stages that have run, in order
