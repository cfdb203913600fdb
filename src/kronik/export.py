"""Export the database as JSONL, CSV or Parquet: articles, mentions, events (merged) or entities.

Every kind has one flat list of columns (`COLUMNS`), shared by the three formats. JSONL keeps nested values
as JSON; CSV and Parquet keep them as JSON text in a string column (so the three formats have the same
columns and any tool reads them; in DuckDB, `json_extract(actors, '$[0].name')`). Parquet columns are typed
(strings, doubles, integers); CSV writes null as an empty field.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from kronik.errors import KronikError
from kronik.merge import DEFAULT_DATE_WINDOW_DAYS, merge_events, sources_from_articles
from kronik.store import Store

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet")
NESTED = pa.string()  # nested values as JSON text in CSV and Parquet

_MENTION_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("category", pa.string()), ("mode", pa.string()), ("context", NESTED), ("actors", NESTED),
    ("recipients", NESTED), ("date", pa.string()), ("date_precision", pa.string()), ("location", NESTED),
    ("fatalities", pa.int64()), ("evidence", NESTED), ("score", pa.float64()),
)
COLUMNS: dict[str, tuple[tuple[str, pa.DataType], ...]] = {
    "articles": (
        ("id", pa.string()), ("title", pa.string()), ("outlet", pa.string()), ("url", pa.string()),
        ("published", pa.string()), ("published_source", pa.string()), ("language", pa.string()),
        ("text", pa.string()), ("story_id", pa.string()), ("duplicate_of", pa.string()),
    ),
    "mentions": (("article_id", pa.string()), ("event_id", pa.string()), *_MENTION_COLUMNS, ("provenance", NESTED)),
    "events": (
        ("event_id", pa.string()), ("story_id", pa.string()), ("article_id", pa.string()), *_MENTION_COLUMNS,
        ("num_articles", pa.int64()), ("num_sources", pa.int64()), ("article_ids", NESTED),
        ("mentions", NESTED), ("disagreements", NESTED),
    ),
    "entities": (
        ("id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("country", pa.string()),
        ("sector", pa.string()), ("aliases", NESTED), ("article_ids", NESTED),
    ),
}
KINDS = tuple(COLUMNS)


def rows(store: Store, kind: str, date_window_days: int = DEFAULT_DATE_WINDOW_DAYS) -> list[dict[str, Any]]:
    """The rows of one kind, as dicts in the FORMAT.md shapes."""
    if kind == "articles":
        return store.articles()
    if kind == "mentions":
        return store.mentions()
    if kind == "events":
        return merge_events(store.mentions(), sources_from_articles(store.articles()), date_window_days)
    if kind == "entities":
        return store.entities()
    raise KronikError("E203", f"unknown export kind {kind!r}; choose one of {', '.join(KINDS)}")


def export(
    store: Store,
    kind: str,
    fmt: str,
    out: BinaryIO | TextIO | Path | str | None = None,
    date_window_days: int = DEFAULT_DATE_WINDOW_DAYS,
) -> int:
    """Write every row of `kind` to `out` (a path, a text or binary stream, or stdout when None) as `fmt`.

    Returns the number of rows written. An empty export still writes a valid file (a CSV header, a Parquet
    schema) and logs a warning.
    """
    if fmt not in FORMATS:
        raise KronikError("E204", f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    data = rows(store, kind, date_window_days)
    if not data:
        log.warning("export %s: the database %s has no %s", kind, store.path, kind)
    if fmt == "parquet":
        with _binary_output(out) as stream:
            pq.write_table(arrow_table(kind, data), stream)
    else:
        with _text_output(out) as stream:
            if fmt == "jsonl":
                write_jsonl(data, stream)
            else:
                write_csv(kind, data, stream)
    return len(data)


# Characters JSON leaves raw that some readers (str.splitlines, editors) take for line ends.
LINE_BREAKS_TO_ESCAPE = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_jsonl(data: list[dict[str, Any]], stream: TextIO) -> None:
    """One JSON object per line (UTF-8, not ASCII-escaped, but never a raw line separator inside a line)."""
    for row in data:
        stream.write(json.dumps(row, ensure_ascii=False).translate(LINE_BREAKS_TO_ESCAPE) + "\n")


def write_csv(kind: str, data: list[dict[str, Any]], stream: TextIO) -> None:
    columns = COLUMNS[kind]
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    for row in data:
        writer.writerow(["" if row.get(name) is None else _flat(row[name]) for name, _ in columns])


def arrow_table(kind: str, data: list[dict[str, Any]]) -> pa.Table:
    """The rows as a typed Arrow table (nested values as JSON text)."""
    columns = COLUMNS[kind]
    schema = pa.schema([pa.field(name, type_) for name, type_ in columns])
    arrays = {
        name: [_flat(row.get(name)) for row in data]
        for name, _ in columns
    }
    return pa.table(arrays, schema=schema)


def _flat(value: Any) -> Any:
    """Nested values (lists, dicts) as JSON text; scalars unchanged."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


@contextmanager
def _text_output(out: BinaryIO | TextIO | Path | str | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
    elif isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    elif _is_text(out):
        yield out  # type: ignore[misc]
    else:
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()


@contextmanager
def _binary_output(out: BinaryIO | TextIO | Path | str | None) -> Iterator[IO[bytes]]:
    if out is None:
        yield sys.stdout.buffer
    elif isinstance(out, (str, Path)):
        with open(out, "wb") as stream:
            yield stream
    elif _is_text(out) and hasattr(out, "buffer"):
        out.flush()
        yield out.buffer  # e.g. sys.stdout: write the bytes underneath
    elif _is_text(out):
        raise KronikError("E205", "parquet export needs a file path or a binary stream, not a text stream")
    else:
        yield out  # type: ignore[misc]


def _is_text(stream: Any) -> bool:
    if isinstance(stream, io.TextIOBase):
        return True
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)):
        return False
    return "b" not in getattr(stream, "mode", "")
