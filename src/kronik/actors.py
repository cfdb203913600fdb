"""The actors of a database, for `kronik actors`: list them, show one, find the ones the KB lacks, merge.

Functions over an open `Store`; merges are applied as everywhere else when reading (a merged-from actor counts
for the actor it was merged into). Ids: a state is its ISO code, a curated actor "kb:...", an actor found only
in text "new:...", a name resolved to no actor "unresolved:TYPE:name".
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kronik.corpus.aliases import MANUAL, Merge
from kronik.errors import KronikError
from kronik.gazetteer import fold, slug
from kronik.knowledge import CURATED_PREFIX, is_curated
from kronik.records import Article, EntityMention
from kronik.store import Store

log = logging.getLogger(__name__)



def open_existing(db: str | Path) -> Store:
    """Open a database that must already exist (KronikError E212 when it does not)."""
    path = Path(db)
    if not path.is_file():
        raise KronikError("E212", f"{path}: no such database (create it with `kronik run INPUT --db {path}`)")
    return Store.open(path)


@dataclass(frozen=True)
class Usage:
    """How the articles of a database use the actors: per canonical actor id."""

    mentions: Counter[str]  # entity mentions naming it
    events: Counter[str]  # event mentions it takes part in
    titles: dict[str, Counter[str]]  # the title/role rules that named it ("title:minister")
    first_seen: dict[str, tuple[str, int]]  # (article id, offset) of its first mention


def usage(store: Store, by_article: dict[str, tuple[EntityMention, ...]]) -> Usage:
    """Counts over the stored mentions; `by_article`: the stored entity mentions (`Store.entity_mentions()`),
    read once by the caller, which also hands them to `Store.entities`."""
    merges = store.merge_map()
    mentions: Counter[str] = Counter()
    events: Counter[str] = Counter()
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, tuple[str, int]] = {}
    for article_id, entity in _named(by_article):
        actor_id = merges.resolve(entity.actor.id)
        mentions[actor_id] += 1
        if entity.rule.startswith("title:"):
            titles[actor_id][entity.rule.removeprefix("title:")] += 1
        first_seen.setdefault(actor_id, (article_id, entity.start))
    for mention in store.mentions():
        for actor_id in {a["id"] for a in mention["actors"] + mention["recipients"]}:
            events[actor_id] += 1
    return Usage(mentions, events, dict(titles), first_seen)


def list_actors(
    store: Store, kind: str | None = None, country: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Actors (merges applied) with their mention, event and article counts, most mentioned first."""
    by_article = store.entity_mentions()  # read once: for the counts and for the entities
    used = usage(store, by_article)
    rows = []
    for entity in store.entities(by_article):
        if kind and entity["kind"] != kind or country and (entity["country"] or "").upper() != country.upper():
            continue
        rows.append({
            "id": entity["id"], "name": entity["name"], "kind": entity["kind"], "country": entity["country"],
            "sector": entity["sector"], "mentions": used.mentions[entity["id"]], "events": used.events[entity["id"]],
            "articles": len(entity["article_ids"]),
        })
    rows.sort(key=lambda r: (-r["mentions"], -r["events"], -r["articles"], r["id"]))
    return rows[:limit] if limit else rows


def find_actor(store: Store, id_or_name: str) -> dict[str, Any]:
    """The export entity for an id (a merged-from id gives the actor it was merged into) or a name or alias
    (folded); KronikError E207 when nothing matches, E208 when a name is ambiguous."""
    entities = store.entities()
    by_id = {e["id"]: e for e in entities}
    resolved = store.merge_map().resolve(id_or_name)
    if resolved in by_id:
        return by_id[resolved]
    key = fold(" ".join(id_or_name.split()))
    named = [e for e in entities if key in {fold(n) for n in (e["name"], *e["aliases"])}]
    if len(named) == 1:
        return named[0]
    if named:
        choices = ", ".join(f"{e['id']} ({e['name']})" for e in named[:10])
        raise KronikError("E208", f"{id_or_name!r} names several actors: {choices}; give an id")
    raise KronikError("E207", f"no actor {id_or_name!r} in {store.path} (see `kronik actors list`)")


def show_actor(store: Store, id_or_name: str, kb: Any = None) -> dict[str, Any]:
    """One actor: its fields and aliases, the merges into it (with their rule), its KB roles when `kb` (a
    KnowledgeBase) knows it, its articles and the event mentions it takes part in."""
    entity = find_actor(store, id_or_name)
    actor_id = entity["id"]
    merges = store.merge_map()
    titles = {a["id"]: a["title"] for a in store.articles()}
    events = [
        {"article_id": m["article_id"], "event_id": m["event_id"], "category": m["category"], "date": m["date"],
         "role": "actor" if any(a["id"] == actor_id for a in m["actors"]) else "recipient",
         "sentence": m["evidence"]["sentence"]}
        for m in store.mentions()
        if any(a["id"] == actor_id for a in m["actors"] + m["recipients"])
    ]
    return {
        **{k: entity[k] for k in ("id", "name", "kind", "country", "sector", "aliases")},
        "merges": [r for r in store.merges() if merges.resolve(r["from_id"]) == actor_id or r["from_id"] == actor_id],
        "roles": _roles(kb, actor_id),
        "articles": [{"id": a, "title": titles.get(a)} for a in entity["article_ids"]],
        "events": events,
    }


def _roles(kb: Any, actor_id: str) -> list[dict[str, Any]]:
    if kb is None or not is_curated(actor_id):
        return []
    return [
        {"role": r.role, "country": r.country, "start": r.start.isoformat(), "end": r.end.isoformat() if r.end else None}
        for r in kb.roles_of(actor_id)
    ]


def new_actors(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Actors found in text that the KB lacks (not "kb:", not a state, not an unresolved name), most mentioned
    first, with their most frequent title rule and the sentence of their first mention, for a curator."""
    by_article = store.entity_mentions()  # read once: for the counts and for the entities
    used = usage(store, by_article)
    candidates = [
        e for e in store.entities(by_article)
        if not is_curated(e["id"]) and not e["id"].startswith("unresolved:") and e["kind"] != "state" and used.mentions[e["id"]]
    ]
    candidates.sort(key=lambda e: (-used.mentions[e["id"]], -len(e["article_ids"]), e["id"]))
    chosen = candidates[:limit] if limit else candidates
    sentences = _first_sentences(store, {used.first_seen[e["id"]] for e in chosen if e["id"] in used.first_seen})
    rows = []
    for entity in chosen:
        title = used.titles.get(entity["id"])
        seen = used.first_seen.get(entity["id"])
        rows.append({
            **{k: entity[k] for k in ("id", "name", "kind", "country", "sector", "aliases")},
            "mentions": used.mentions[entity["id"]], "articles": len(entity["article_ids"]),
            "title": title.most_common(1)[0][0] if title else None,
            "article_id": seen[0] if seen else None, "sentence": sentences.get(seen) if seen else None,
        })
    return rows


def actor_stubs(rows: Iterable[dict[str, Any]]) -> str:
    """`new_actors` rows as YAML entries in the shape of `data/actors/*.yaml`, to edit and add to the KB. The
    text they were seen in is a comment: an entry's example must be a sentence written for the project."""
    import yaml

    parts = []
    for row in rows:
        entry = {
            "id": f"{CURATED_PREFIX}{slug(row['name'])}", "name": row["name"], "kind": row["kind"],
            "country": row["country"], "sector": row["sector"], "aliases": list(row["aliases"]),
            "example": "TODO: write a sentence naming this actor",
        }
        seen = f"# seen {row['mentions']} times, first in {row['article_id']}: {row['sentence'] or ''}"
        body = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=110)
        parts.append(" ".join(seen.split()) + "\n" + body)
    return "".join(parts)


def merge(store: Store, from_id: str, into_id: str) -> Merge:
    """Merge by hand: `from_id` is the same actor as `into_id` (both must be known to the database)."""
    known = _known_ids(store)
    for actor_id in (from_id, into_id):
        if actor_id not in known:
            raise KronikError("E207", f"no actor {actor_id!r} in {store.path} (see `kronik actors list`)")
    if store.merge_map().resolve(into_id) == from_id or from_id == into_id:
        raise KronikError("E209", f"cannot merge {from_id!r} into {into_id!r}: {into_id!r} is merged into it")
    done = Merge(from_id, into_id, MANUAL, 1.0)
    store.add_merge(done)
    return done


def unmerge(store: Store, actor_id: str) -> dict[str, Any]:
    """Undo the merge of `actor_id` (automatic or by hand); later runs will not merge it there again."""
    removed = store.remove_merge(actor_id)
    if removed is None:
        merged_in = [r["from_id"] for r in store.merges() if r["into_id"] == actor_id]
        hint = f"; merged into it: {', '.join(merged_in)}" if merged_in else ""
        raise KronikError("E210", f"{actor_id!r} is not merged into another actor{hint}")
    return removed


def _known_ids(store: Store) -> set[str]:
    ids = set(store.stored_actors())
    ids.update(e["id"] for e in store.entities())
    ids.update(r["from_id"] for r in store.merges())
    return ids


def _named(by_article: dict[str, tuple[EntityMention, ...]]) -> Iterable[tuple[str, EntityMention]]:
    """(article id, entity mention) for every non-generic mention, with unresolved names as stand-in actors."""
    from kronik.serialize import named_mentions

    for article_id, found in by_article.items():
        for entity in named_mentions(found):
            yield article_id, entity


def _first_sentences(store: Store, places: set[tuple[str, int]]) -> dict[tuple[str, int], str]:
    wanted = defaultdict(set)
    for article_id, offset in places:
        wanted[article_id].add(offset)
    found = {}
    for article in store.load_articles(mentions=False):  # the sentences only: the mentions were read already
        for offset in wanted.get(article.id, ()):
            found[(article.id, offset)] = _sentence_at(article, offset)
    return found


def _sentence_at(article: Article, offset: int) -> str:
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.text
    return article.text[max(0, offset - 100) : offset + 100]
