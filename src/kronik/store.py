"""The database: one embedded DuckDB file holding runs, articles, their mentions, actors and corpus links.

The database is the contract between the tool that builds data (`kronik run`) and the tools that show it
(export, chronicle, web). The schema is built by the SQL files in `kronik/migrations/` (`NNNN_what.sql`),
applied in order and recorded in `schema_migrations`. Nested values are kept as JSON text.

Storing an article whose id is already stored replaces it (its row, its event and entity mentions), so running
the same input twice keeps each article once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

import kronik
from kronik import serialize
from kronik.corpus.aliases import MANUAL, Merge, MergeMap
from kronik.errors import KronikError
from kronik.records import Actor, Article, EntityMention, EventMention
from kronik.rows import (
    ACTOR_COLUMNS, ARTICLE_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, article_actors, article_from_row, article_row,
    dumps, entity_row, loads, mention_from_row, mention_row,
)

log = logging.getLogger(__name__)

MIGRATION_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")



@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


def migrations() -> tuple[Migration, ...]:
    """The packaged schema migrations, in version order."""
    folder = resources.files("kronik") / "migrations"
    found = []
    for path in folder.iterdir():
        match = MIGRATION_NAME.match(path.name)
        if match:
            description = match.group(2).replace("_", " ")
            found.append(Migration(int(match.group(1)), description, path.read_text(encoding="utf-8")))
    return tuple(sorted(found, key=lambda m: m.version))


class Store:
    """A kronik database. Open with `Store.open(path)`; use as a context manager or call `close()`."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path):
        self.connection = connection
        self.path = path

    # --- opening and schema -----------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the database at `path` and apply pending migrations."""
        path = Path(path)
        try:
            connection = duckdb.connect(str(path))
        except duckdb.Error as exc:
            raise _open_error(path, exc) from exc
        store = cls(connection, path)
        store._migrate()
        return store

    def _migrate(self) -> None:
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)"
        )
        applied = {row[0] for row in self.connection.execute("SELECT version FROM schema_migrations").fetchall()}
        for migration in migrations():
            if migration.version in applied:
                continue
            log.info("%s: applying migration %04d (%s)", self.path, migration.version, migration.description)
            with self._transaction():
                self.connection.execute(migration.sql)
                self.connection.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [migration.version, migration.description, _now()],
                )

    def schema_versions(self) -> list[dict[str, Any]]:
        rows = self.connection.execute(
            "SELECT version, description, applied_at FROM schema_migrations ORDER BY version"
        ).fetchall()
        return [{"version": v, "description": d, "applied_at": a} for v, d, a in rows]

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # --- runs ---------------------------------------------------------------------------------------------------

    def begin_run(self, input: str, config: dict[str, Any], stage_versions: dict[str, str]) -> str:
        """Record the start of a run (its input, resolved config and stage versions); return its id."""
        run_id = uuid.uuid4().hex[:16]
        self.connection.execute(
            "INSERT INTO runs (run_id, started_at, input, kronik_version, config, stage_versions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [run_id, _now(), input, kronik.__version__, dumps(config), dumps(stage_versions)],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        self.connection.execute(
            "UPDATE runs SET finished_at = ?, counts = ? WHERE run_id = ?", [_now(), dumps(counts), run_id]
        )

    def runs(self) -> list[dict[str, Any]]:
        rows = self.connection.execute(
            "SELECT run_id, started_at, finished_at, input, kronik_version, config, stage_versions, counts "
            "FROM runs ORDER BY started_at, run_id"
        ).fetchall()
        return [
            {
                "run_id": r[0],
                "started_at": r[1].isoformat() if r[1] else None,
                "finished_at": r[2].isoformat() if r[2] else None,
                "input": r[3],
                "kronik_version": r[4],
                "config": loads(r[5], {}),
                "stage_versions": loads(r[6], {}),
                "counts": loads(r[7], None),
            }
            for r in rows
        ]

    # --- writing ------------------------------------------------------------------------------------------------

    def save_article(self, article: Article, run_id: str | None) -> None:
        """Store one processed article, replacing any earlier version with the same id."""
        self.save_articles([article], run_id)

    def save_articles(self, articles: Iterable[Article], run_id: str | None, batch_size: int = 500) -> int:
        """Store processed articles in batches (much faster than one by one); an id stored before, or twice in
        `articles`, keeps its last version. Returns the number of articles given."""
        count = 0
        batch: dict[str, Article] = {}
        for article in articles:
            batch[article.id] = article
            count += 1
            if len(batch) >= batch_size:
                self._save_batch(list(batch.values()), run_id)
                batch = {}
        if batch:
            self._save_batch(list(batch.values()), run_id)
        return count

    def _save_batch(self, articles: list[Article], run_id: str | None) -> None:
        ids = [article.id for article in articles]
        with self._transaction():
            for table, column in (("mentions", "article_id"), ("entity_mentions", "article_id"), ("articles", "id")):
                self.connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert("articles", ARTICLE_COLUMNS, [article_row(a, run_id) for a in articles])
            self._insert("mentions", MENTION_COLUMNS, [
                mention_row(a.id, n, e, run_id) for a in articles for n, e in enumerate(a.events)
            ])
            self._insert("entity_mentions", ENTITY_COLUMNS, [
                entity_row(a.id, n, e) for a in articles for n, e in enumerate(a.entities)
            ])
            self._save_actors([actor for a in articles for actor in article_actors(a)])

    def _insert(self, table: str, columns: tuple[tuple[str, pa.DataType], ...], rows: list[list[Any]]) -> None:
        """Insert rows (lists in column order) through one Arrow table: one statement per batch."""
        if not rows:
            return
        values = list(zip(*rows))
        batch = pa.table({name: pa.array(values[n], type_) for n, (name, type_) in enumerate(columns)})
        names = ", ".join(f'"{name}"' for name, _ in columns)
        self.connection.register("kronik_batch", batch)
        try:
            self.connection.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM kronik_batch")
        finally:
            self.connection.unregister("kronik_batch")

    def _save_actors(self, actors: list[Actor]) -> None:
        """Insert new actors; merge the aliases of known ones (the first name and kind seen stay canonical)."""
        merged: dict[str, Actor] = {}
        ids = list(dict.fromkeys(actor.id for actor in actors))
        rows = self.connection.execute(
            "SELECT id, name, kind, country, sector, aliases FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        ).fetchall()
        for row in rows:
            merged[row[0]] = Actor(row[0], row[1], row[2], row[3], row[4], tuple(loads(row[5], [])))
        changed: set[str] = set()
        for actor in actors:
            known = merged.get(actor.id)
            if known is None:
                merged[actor.id] = actor
                changed.add(actor.id)
                continue
            extra = tuple(a for a in actor.aliases if a not in known.aliases)
            if extra:
                merged[actor.id] = dataclasses.replace(known, aliases=known.aliases + extra)
                changed.add(actor.id)
        if not changed:
            return
        self.connection.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(changed)])
        self._insert("actors", ACTOR_COLUMNS, [
            [a.id, a.name, a.kind, a.country, a.sector, dumps(list(a.aliases))]
            for a in (merged[i] for i in ids if i in changed)
        ])

    def save_links(self, links: dict[str, tuple[str | None, str | None]]) -> None:
        """Record each article's story and the article it duplicates (article id -> (story_id, duplicate_of))."""
        with self._transaction():
            for article_id, (story_id, duplicate_of) in links.items():
                self.connection.execute(
                    "INSERT INTO article_links VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE "
                    "SET story_id = excluded.story_id, duplicate_of = excluded.duplicate_of",
                    [article_id, story_id, duplicate_of],
                )

    # --- reading ------------------------------------------------------------------------------------------------

    def links(self) -> dict[str, tuple[str | None, str | None]]:
        rows = self.connection.execute("SELECT article_id, story_id, duplicate_of FROM article_links").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def content_hashes(self) -> dict[str, str]:
        """Article id -> hash of the raw text it was processed from (to skip unchanged input)."""
        return dict(self.connection.execute("SELECT id, content_hash FROM articles").fetchall())

    def articles(self) -> list[dict[str, Any]]:
        """Every article in the FORMAT.md `export articles` shape, ordered by id."""
        links = self.links()
        return [
            serialize.article_dict(article, *links.get(article.id, (None, None)))
            for article in self._read_articles(with_details=False)
        ]

    def mentions(self) -> list[dict[str, Any]]:
        """Every event mention in the FORMAT.md `mentions` shape (with `provenance`), by article then order."""
        return self._mentions(self.merged_actors())

    def _mentions(self, merged: dict[str, Actor]) -> list[dict[str, Any]]:
        return [
            _with_merged(serialize.mention_dict(article_id, mention), merged)
            for article_id, found in self._events_by_article().items()
            for mention in found
        ]

    def entities(self, by_article: dict[str, tuple[EntityMention, ...]] | None = None) -> list[dict[str, Any]]:
        """One FORMAT.md `export entities` dict per actor named in the text or taking part in an event (an
        actor merged into another counts for that one). `by_article`: the stored entity mentions by article
        (`entity_mentions()`) when the caller has read them already, so they are read once."""
        stored = self.stored_actors()
        by_article = self._entities_by_article() if by_article is None else by_article
        named = [(article_id, e) for article_id, found in by_article.items() for e in found]
        merges = self.merge_map()
        merged = merges.merged_actors(self._merge_members(stored, merges, by_article)) if merges else {}
        stored.update(merged)
        into = {actor_id: merges.resolve(actor_id) for actor_id in merges.into}
        return serialize.entity_dicts(named, self._mentions(merged), stored, into)

    def entity_mentions(self) -> dict[str, tuple[EntityMention, ...]]:
        """Article id -> its entity mentions, in order (as stored: merges not applied)."""
        return self._entities_by_article()

    def stored_actors(self) -> dict[str, Actor]:
        """Every actor stored (as first seen, with the aliases of every article), by id; merges not applied."""
        return {
            r[0]: Actor(r[0], r[1], r[2], r[3], r[4], tuple(loads(r[5], [])))
            for r in self.connection.execute("SELECT id, name, kind, country, sector, aliases FROM actors").fetchall()
        }

    # --- actor merges (see corpus.aliases): recorded, applied when reading, undone by deleting the row ---

    def merges(self) -> list[dict[str, Any]]:
        rows = self.connection.execute(
            "SELECT from_id, into_id, rule, score, run_id, created_at FROM actor_merges ORDER BY into_id, from_id"
        ).fetchall()
        keys = ("from_id", "into_id", "rule", "score", "run_id", "created_at")
        return [dict(zip(keys, (*r[:5], r[5].isoformat() if r[5] else None))) for r in rows]

    def merge_map(self) -> MergeMap:
        return MergeMap({r[0]: r[1] for r in self.connection.execute("SELECT from_id, into_id FROM actor_merges").fetchall()})

    def merged_actors(self) -> dict[str, Actor]:
        """Merged-from and canonical ids -> the merged actor (canonical name, everyone's names as aliases)."""
        merges = self.merge_map()
        return merges.merged_actors(self._merge_members(self.stored_actors(), merges)) if merges else {}

    def _merge_members(
        self,
        stored: dict[str, Actor],
        merges: MergeMap,
        by_article: dict[str, tuple[EntityMention, ...]] | None = None,
    ) -> dict[str, Actor]:
        """The actors of the ids in merges: stored ones, and stand-ins for names resolved to no actor (read from
        `by_article`, the entity mentions by article, when the caller has them already)."""
        ids = merges.into.keys() | set(merges.into.values())
        found = {i: stored[i] for i in ids if i in stored}
        if any(i.startswith("unresolved:") for i in ids):
            for found_in_article in (by_article if by_article is not None else self._entities_by_article()).values():
                for entity in found_in_article:
                    if entity.actor is None:
                        stand_in = serialize.unresolved_actor(entity)
                        found.setdefault(stand_in.id, stand_in)
        return found

    def save_merges(self, merges: Iterable[Merge], run_id: str | None) -> int:
        """Replace the automatic merges by these (merges by hand and undone merges stay as the user left them);
        a merge already recorded keeps its row, so running twice changes nothing. Returns how many are new."""
        existing = {r["from_id"]: r for r in self.merges()}
        rejected = set(self.connection.execute("SELECT from_id, into_id FROM actor_merge_rejections").fetchall())
        wanted = {
            m.from_id: m for m in merges
            if (m.from_id, m.into_id) not in rejected and existing.get(m.from_id, {}).get("rule") != MANUAL
        }
        stale = [f for f, r in existing.items() if r["rule"] != MANUAL and (f not in wanted or r["into_id"] != wanted[f].into_id)]
        new = [m for f, m in wanted.items() if f in stale or f not in existing]
        with self._transaction():
            self.connection.execute("DELETE FROM actor_merges WHERE from_id IN (SELECT unnest(?::VARCHAR[]))", [stale])
            for m in new:
                self.connection.execute("INSERT INTO actor_merges VALUES (?, ?, ?, ?, ?, ?)",
                                        [m.from_id, m.into_id, m.rule, m.score, run_id, _now()])
        return len(new)

    def add_merge(self, merge: Merge, run_id: str | None = None) -> None:
        """Record one merge (replacing any merge of `from_id`); a merge by hand lifts an earlier undo."""
        with self._transaction():
            self.connection.execute("DELETE FROM actor_merges WHERE from_id = ?", [merge.from_id])
            self.connection.execute("DELETE FROM actor_merge_rejections WHERE from_id = ? AND into_id = ?",
                                    [merge.from_id, merge.into_id])
            self.connection.execute("INSERT INTO actor_merges VALUES (?, ?, ?, ?, ?, ?)",
                                    [merge.from_id, merge.into_id, merge.rule, merge.score, run_id, _now()])

    def remove_merge(self, from_id: str) -> dict[str, Any] | None:
        """Undo the merge of `from_id` (returned, or None if there was none); later runs will not redo it."""
        row = next((r for r in self.merges() if r["from_id"] == from_id), None)
        if row is not None:
            with self._transaction():
                self.connection.execute("DELETE FROM actor_merges WHERE from_id = ?", [from_id])
                self.connection.execute(
                    "INSERT INTO actor_merge_rejections VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    [from_id, row["into_id"], _now()],
                )
        return row

    def load_articles(self, mentions: bool = True) -> Iterator[Article]:
        """The stored articles as full records (ordered by id), for re-processing or corpus stages; without
        their entity and event mentions when `mentions` is false (a caller that has read them already)."""
        yield from self._read_articles(with_details=True, with_mentions=mentions)

    def _read_articles(self, with_details: bool, with_mentions: bool = True) -> Iterator[Article]:
        columns = "id, title, outlet, url, published, published_source, language, text, raw_text, origin, " \
                  "removed, sentences, dates, stages"
        rows = self.connection.execute(f"SELECT {columns} FROM articles ORDER BY id").fetchall()
        events = self._events_by_article() if with_details and with_mentions else {}
        entities = self._entities_by_article() if with_details and with_mentions else {}
        for row in rows:
            article = article_from_row(row, with_details)
            if with_details:
                article = _with(article, events=events.get(article.id, ()), entities=entities.get(article.id, ()))
            yield article

    def _events_by_article(self) -> dict[str, tuple[EventMention, ...]]:
        rows = self.connection.execute(
            "SELECT article_id, event_id, category, mode, context, actors, recipients, date, date_precision, "
            'date_text, location, sentence_index, sentence, "start", "end", score, entry_ids, fatalities '
            "FROM mentions ORDER BY article_id, position"
        ).fetchall()
        grouped: dict[str, list[EventMention]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(mention_from_row(row[1:]))
        return {k: tuple(v) for k, v in grouped.items()}

    def _entities_by_article(self) -> dict[str, tuple[EntityMention, ...]]:
        rows = self.connection.execute(
            'SELECT article_id, "start", "end", text, type, rule, actor_id, actor_name, actor_kind, country, '
            "sector, actor_aliases FROM entity_mentions ORDER BY article_id, position"
        ).fetchall()
        grouped: dict[str, list[EntityMention]] = {}
        for r in rows:
            actor = Actor(r[6], r[7], r[8], r[9], r[10], tuple(loads(r[11], []))) if r[6] is not None else None
            grouped.setdefault(r[0], []).append(EntityMention(r[1], r[2], r[3], r[4], actor, r[5]))
        return {k: tuple(v) for k, v in grouped.items()}

    # --- helpers ------------------------------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self.connection)


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, connection: duckdb.DuckDBPyConnection):
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.execute("BEGIN TRANSACTION")

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.connection.execute("ROLLBACK" if kind else "COMMIT")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _open_error(path: Path, exc: duckdb.Error) -> KronikError:
    text = str(exc)
    if "lock" in text.lower():
        return KronikError("E202", f"{path}: the database is in use by another process ({text})")
    return KronikError("E201", f"{path}: cannot open as a kronik (DuckDB) database ({text})")


def _with_merged(mention: dict[str, Any], merged: dict[str, Actor]) -> dict[str, Any]:
    """A mention dict whose merged actors are replaced by the actor they were merged into."""
    if not merged:
        return mention
    for side in ("actors", "recipients"):
        mention[side] = [serialize.actor_dict(merged[a["id"]]) if a["id"] in merged else a for a in mention[side]]
    return mention


def _with(article: Article, **changes: Any) -> Article:
    return dataclasses.replace(article, **changes)
