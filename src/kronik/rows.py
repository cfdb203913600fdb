"""Rows of the stored tables: records to and from the DuckDB rows of `articles`, `mentions`, `entity_mentions`
and `actors` (column names and Arrow types, in table order). Nested values are JSON text."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from kronik import serialize
from kronik.records import Actor, Article, EntityMention, EventMention

TEXT = pa.string()
ARTICLE_COLUMNS = (
    ("id", TEXT), ("title", TEXT), ("outlet", TEXT), ("url", TEXT), ("published", pa.date32()),
    ("published_source", TEXT), ("language", TEXT), ("text", TEXT), ("raw_text", TEXT), ("origin", TEXT),
    ("removed", TEXT), ("sentences", TEXT), ("dates", TEXT), ("stages", TEXT), ("content_hash", TEXT),
    ("run_id", TEXT),
)
MENTION_COLUMNS = (
    ("article_id", TEXT), ("event_id", TEXT), ("position", pa.int32()), ("category", TEXT), ("mode", TEXT),
    ("context", TEXT), ("actors", TEXT), ("recipients", TEXT), ("date", TEXT), ("date_precision", TEXT),
    ("date_text", TEXT), ("location", TEXT), ("sentence_index", pa.int32()), ("sentence", TEXT),
    ("start", pa.int32()), ("end", pa.int32()), ("score", pa.float64()), ("entry_ids", TEXT), ("run_id", TEXT),
    ("fatalities", pa.int32()),
)
ENTITY_COLUMNS = (
    ("article_id", TEXT), ("position", pa.int32()), ("start", pa.int32()), ("end", pa.int32()), ("text", TEXT),
    ("type", TEXT), ("rule", TEXT), ("actor_id", TEXT), ("actor_name", TEXT), ("actor_kind", TEXT),
    ("country", TEXT), ("sector", TEXT), ("actor_aliases", TEXT),
)
ACTOR_COLUMNS = (("id", TEXT), ("name", TEXT), ("kind", TEXT), ("country", TEXT), ("sector", TEXT), ("aliases", TEXT))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def loads(text: str | None, default: Any = None) -> Any:
    return default if text is None else json.loads(text)


def content_hash(article: Article) -> str:
    """SHA-256 of the article's raw text: equal hashes mean the same input."""
    return hashlib.sha256(article.raw_text.encode("utf-8")).hexdigest()


def article_row(article: Article, run_id: str | None) -> list[Any]:
    return [
        article.id, article.title, article.outlet, article.url, article.published, article.published_source,
        article.language, article.text, article.raw_text, article.origin,
        dumps(serialize.removed_dicts(article)), dumps(serialize.sentence_dicts(article)),
        dumps(serialize.date_mention_dicts(article)), dumps(list(article.stages)),
        content_hash(article), run_id,
    ]


def article_from_row(row: tuple[Any, ...], with_details: bool) -> Article:
    article = Article(
        id=row[0], title=row[1], outlet=row[2], url=row[3], published=row[4], published_source=row[5],
        language=row[6], text=row[7] or "", raw_text=row[8] or "", origin=row[9] or "",
    )
    if not with_details:
        return article
    return dataclasses.replace(
        article,
        removed=serialize.removed_from_dicts(loads(row[10], [])),
        sentences=serialize.sentences_from_dicts(loads(row[11], [])),
        dates=serialize.date_mentions_from_dicts(loads(row[12], [])),
        stages=tuple(loads(row[13], [])),
    )


def mention_row(article_id: str, position: int, event: EventMention, run_id: str | None) -> list[Any]:
    return [
        article_id, event.id, position, event.category, event.mode, dumps(list(event.context)),
        dumps([serialize.actor_dict(a) for a in event.actors]),
        dumps([serialize.actor_dict(a) for a in event.recipients]),
        event.date, event.date_precision, event.date_text,
        dumps(serialize.location_dict(event.location)) if event.location else None,
        event.sentence_index, event.sentence, event.start, event.end, event.score,
        dumps(list(event.entry_ids)), run_id, event.fatalities,
    ]


def mention_from_row(r: tuple[Any, ...]) -> EventMention:
    """From (event_id, category, mode, context, actors, recipients, date, date_precision, date_text, location,
    sentence_index, sentence, start, end, score, entry_ids, fatalities)."""
    return EventMention(
        id=r[0], category=r[1], mode=r[2], context=tuple(loads(r[3], [])),
        actors=tuple(serialize.actor_from_dict(a) for a in loads(r[4], [])),
        recipients=tuple(serialize.actor_from_dict(a) for a in loads(r[5], [])),
        date=r[6], date_precision=r[7], date_text=r[8], location=serialize.location_from_dict(loads(r[9])),
        sentence_index=r[10], sentence=r[11], start=r[12], end=r[13], score=r[14],
        entry_ids=tuple(loads(r[15], [])), fatalities=r[16],
    )


def entity_row(article_id: str, position: int, entity: EntityMention) -> list[Any]:
    actor = entity.actor
    return [
        article_id, position, entity.start, entity.end, entity.text, entity.type, entity.rule,
        actor.id if actor else None, actor.name if actor else None, actor.kind if actor else None,
        actor.country if actor else None, actor.sector if actor else None,
        dumps(list(actor.aliases)) if actor else None,
    ]


def article_actors(article: Article) -> Iterator[Actor]:
    for entity in article.entities:
        if entity.actor is not None:
            yield entity.actor
    for event in article.events:
        yield from event.actors
        yield from event.recipients
