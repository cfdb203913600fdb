"""Records <-> plain dicts: the shapes of `eval/FORMAT.md` and the JSON kept in the database.

`article_dict`, `mention_dicts` and `entity_dicts` give exactly the fields FORMAT.md lists for `export
articles`, `export mentions` and `export entities` (a mention adds a `provenance` key: the dictionary entries
that fired, the words the date came from and the sentence index). The `*_from_dict` functions are their
inverses, so that what is exported or stored reads back into equal records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kronik.records import (
    Actor,
    Article,
    DateMention,
    EntityMention,
    EventMention,
    Location,
    Removed,
    Sentence,
)

ARTICLE_FIELDS = (
    "id", "title", "outlet", "url", "published", "published_source", "language", "text", "story_id", "duplicate_of",
)
ACTOR_FIELDS = ("id", "name", "aliases", "kind", "country", "sector")
MENTION_FIELDS = (
    "article_id", "event_id", "category", "mode", "context", "actors", "recipients", "date", "date_precision",
    "location", "fatalities", "evidence", "score",
)


# --- articles -------------------------------------------------------------------------------------------------

def article_dict(article: Article, story_id: str | None = None, duplicate_of: str | None = None) -> dict[str, Any]:
    """The FORMAT.md `export articles` shape of one article."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "language": article.language,
        "text": article.text,
        "story_id": story_id,
        "duplicate_of": duplicate_of,
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    """The inverse of `article_dict` for the fields it holds (the raw text is the cleaned text; story_id and
    duplicate_of are corpus links, not article fields: read them from the dict)."""
    return Article(
        id=data["id"],
        raw_text=data.get("text") or "",
        text=data.get("text") or "",
        title=data.get("title"),
        outlet=data.get("outlet"),
        url=data.get("url"),
        published=parse_date(data.get("published")),
        published_source=data.get("published_source") or "unknown",
        language=data.get("language"),
    )


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date string (or a date) as a `datetime.date`; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


# --- actors and locations ----------------------------------------------------------------------------------

def actor_dict(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
    }


def actor_from_dict(data: dict[str, Any]) -> Actor:
    return Actor(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        country=data.get("country"),
        sector=data.get("sector"),
        aliases=tuple(data.get("aliases") or ()),
    )


def location_dict(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {"name": location.name, "country": location.country, "lat": location.lat, "lon": location.lon}


def location_from_dict(data: dict[str, Any] | None) -> Location | None:
    if data is None:
        return None
    return Location(name=data.get("name"), country=data.get("country"), lat=data.get("lat"), lon=data.get("lon"))


# --- event mentions ------------------------------------------------------------------------------------------

def mention_dict(article_id: str, event: EventMention) -> dict[str, Any]:
    """One event mention in the FORMAT.md `mentions` shape, plus its `provenance`."""
    return {
        "article_id": article_id,
        "event_id": event.id,
        "category": event.category,
        "mode": event.mode,
        "context": list(event.context),
        "actors": [actor_dict(a) for a in event.actors],
        "recipients": [actor_dict(a) for a in event.recipients],
        "date": event.date,
        "date_precision": event.date_precision,
        "location": location_dict(event.location),
        "fatalities": event.fatalities,
        "evidence": {"sentence": event.sentence, "start": event.start, "end": event.end},
        "score": event.score,
        "provenance": {
            "entry_ids": list(event.entry_ids),
            "date_text": event.date_text,
            "sentence_index": event.sentence_index,
        },
    }


def mention_dicts(article: Article) -> list[dict[str, Any]]:
    """One FORMAT.md mention dict per event mention of the article, in article order."""
    return [mention_dict(article.id, event) for event in article.events]


def mention_from_dict(data: dict[str, Any]) -> EventMention:
    """The inverse of `mention_dict` (the article id is not part of an `EventMention`)."""
    evidence = data["evidence"]
    provenance = data.get("provenance") or {}
    return EventMention(
        id=data["event_id"],
        category=data["category"],
        mode=data.get("mode"),
        actors=tuple(actor_from_dict(a) for a in data.get("actors") or ()),
        recipients=tuple(actor_from_dict(a) for a in data.get("recipients") or ()),
        sentence_index=provenance.get("sentence_index", -1),
        start=evidence["start"],
        end=evidence["end"],
        sentence=evidence["sentence"],
        date=data.get("date"),
        date_precision=data.get("date_precision"),
        date_text=provenance.get("date_text"),
        context=tuple(data.get("context") or ()),
        location=location_from_dict(data.get("location")),
        score=data.get("score"),
        entry_ids=tuple(provenance.get("entry_ids") or ()),
        fatalities=data.get("fatalities"),
    )


# --- the rest of an article, as kept in the database -----------------------------------------------------------

def removed_dicts(article: Article) -> list[dict[str, Any]]:
    return [{"text": r.text, "rule": r.rule} for r in article.removed]


def removed_from_dicts(items: list[dict[str, Any]]) -> tuple[Removed, ...]:
    return tuple(Removed(text=r["text"], rule=r["rule"]) for r in items)


def sentence_dicts(article: Article) -> list[dict[str, Any]]:
    return [{"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in article.sentences]


def sentences_from_dicts(items: list[dict[str, Any]]) -> tuple[Sentence, ...]:
    return tuple(Sentence(index=s["index"], start=s["start"], end=s["end"], text=s["text"]) for s in items)


def date_mention_dicts(article: Article) -> list[dict[str, Any]]:
    return [
        {"start": d.start, "end": d.end, "text": d.text, "value": d.value, "precision": d.precision, "rule": d.rule}
        for d in article.dates
    ]


def date_mentions_from_dicts(items: list[dict[str, Any]]) -> tuple[DateMention, ...]:
    return tuple(
        DateMention(
            start=d["start"], end=d["end"], text=d["text"], value=d.get("value"),
            precision=d.get("precision"), rule=d.get("rule", ""),
        )
        for d in items
    )


def entity_mention_dict(entity: EntityMention) -> dict[str, Any]:
    return {
        "start": entity.start,
        "end": entity.end,
        "text": entity.text,
        "type": entity.type,
        "rule": entity.rule,
        "actor": actor_dict(entity.actor) if entity.actor else None,
    }


def entity_mention_from_dict(data: dict[str, Any]) -> EntityMention:
    actor = data.get("actor")
    return EntityMention(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        type=data["type"],
        actor=actor_from_dict(actor) if actor else None,
        rule=data.get("rule", ""),
    )


# --- entities (FORMAT.md `export entities`) ---------------------------------------------------------------------

KIND_OF_TYPE = {"PER": "person", "ORG": "organization", "LOC": "place"}


def unresolved_actor(entity: EntityMention) -> Actor:
    """The stand-in actor of a named entity resolved to no actor: `unresolved:<TYPE>:<lower-cased text>`."""
    actor_id = f"unresolved:{entity.type}:{' '.join(entity.text.split()).casefold()}"
    return Actor(actor_id, entity.text, KIND_OF_TYPE.get(entity.type, "organization"))


def named_mentions(entities: Iterable[EntityMention]) -> Iterator[EntityMention]:
    """The mentions that name someone (not generic bodies: "polisi", "militer Israel"), each with an actor:
    its own, or the stand-in `unresolved_actor` where none was resolved."""
    for entity in entities:
        if entity.rule.startswith("generic:"):
            continue
        yield entity if entity.actor is not None else dataclasses.replace(entity, actor=unresolved_actor(entity))


def entity_dicts(
    entity_mentions: Iterable[tuple[str, EntityMention]],
    mentions: Iterable[dict[str, Any]],
    known_actors: dict[str, Actor],
    merged_into: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One FORMAT.md entity per actor named in the text or taking part in an event, ordered by id.

    `entity_mentions` are (article id, entity mention) pairs, `mentions` FORMAT.md mention dicts and
    `known_actors` the stored actors (their canonical name and aliases win). A `generic:` mention ("the
    minister") adds its article but not its words as an alias, and alone does not list an actor. Named
    entities resolved to no actor are listed as `unresolved:<TYPE>:<lower-cased text>` (kind `place` for LOC).
    `merged_into` maps merged actor ids to the id they were merged into (see `corpus.aliases`): their
    mentions count for that actor.
    """
    into = merged_into or {}
    actors: dict[str, Actor] = dict(known_actors)
    forms: dict[str, list[str]] = {}
    articles: dict[str, set[str]] = {}
    listed: set[str] = set()
    for article_id, entity in entity_mentions:
        generic = entity.rule.startswith("generic:")
        if entity.actor is None:
            if generic:
                continue
            actor = unresolved_actor(entity)
        else:
            actor = entity.actor
        actor_id = into.get(actor.id, actor.id)
        actors.setdefault(actor_id, actor if actor_id == actor.id else dataclasses.replace(actor, id=actor_id))
        articles.setdefault(actor_id, set()).add(article_id)
        if not generic:
            listed.add(actor_id)
            forms.setdefault(actor_id, []).append(entity.text)
    for mention in mentions:
        for data in mention["actors"] + mention["recipients"]:
            actors.setdefault(data["id"], actor_from_dict(data))
            articles.setdefault(data["id"], set()).add(mention["article_id"])
            listed.add(data["id"])
    return [_entity_dict(actors[i], forms.get(i, []), articles[i]) for i in sorted(listed)]


def _entity_dict(actor: Actor, forms: list[str], article_ids: set[str]) -> dict[str, Any]:
    aliases = [a for a in dict.fromkeys([*actor.aliases, *forms]) if a != actor.name]
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "aliases": aliases,
        "article_ids": sorted(article_ids),
    }
