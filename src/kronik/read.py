"""Reading input: a folder of article files, a JSONL corpus, or one file, as `RawArticle` records.

Bad input never stops the whole read and is never lost in silence: each problem (a bad JSON line, a record
without `id` or text, a file that cannot be decoded) is reported through `on_problem` with its file and line,
and reading goes on. A path that does not exist is an error (`E101`).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from kronik.errors import KronikError
from kronik.records import RawArticle

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
STRING_FIELDS = ("outlet", "url", "published", "title")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)

ProblemReporter = Callable[[str], None]


def read_input(path: Path, on_problem: ProblemReporter | None = None) -> Iterator[RawArticle]:
    """Yield the articles in `path`: a folder of `*.txt`/`*.html`, a JSONL corpus, or a single file."""
    path = Path(path)
    report = on_problem or _log_problem
    if not path.exists():
        raise KronikError("E101", f"{path}: no such file or folder")
    if path.is_dir():
        yield from _read_folder(path, report)
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, report)
    elif path.suffix.lower() in ARTICLE_SUFFIXES:
        article = _read_article_file(path, report)
        if article is not None:
            yield article
    else:
        raise KronikError("E102", f"{path}: expected a folder, a .jsonl corpus, or a .txt/.html file")


def _log_problem(message: str) -> None:
    log.warning("skipped input: %s", message)


def _read_folder(folder: Path, report: ProblemReporter) -> Iterator[RawArticle]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    seen: dict[str, Path] = {}
    for file in files:
        if file.stem in seen:
            report(f"{file}: id {file.stem!r} already read from {seen[file.stem]}; skipped")
            continue
        article = _read_article_file(file, report)
        if article is not None:
            seen[file.stem] = file
            yield article


def _read_article_file(file: Path, report: ProblemReporter) -> RawArticle | None:
    try:
        data = file.read_bytes()
    except OSError as exc:
        report(f"{file}: cannot be read ({exc.strerror})")
        return None
    is_html = file.suffix.lower() in (".html", ".htm")
    content = decode_html(data) if is_html else _decode_text(data)
    if content is None:
        report(f"{file}: not valid UTF-8 text")
        return None
    if not content.strip():
        report(f"{file}: empty file")
        return None
    if is_html:
        return RawArticle(id=file.stem, html=content, origin=str(file))
    return RawArticle(id=file.stem, text=content, origin=str(file))


def _decode_text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: UTF-8, else the charset the page declares, else cp1252 (which never fails here)."""
    text = _decode_text(data)
    if text is not None:
        return text
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace")


def _read_jsonl(file: Path, report: ProblemReporter) -> Iterator[RawArticle]:
    seen: set[str] = set()
    try:
        handle = file.open("rb")
    except OSError as exc:
        raise KronikError("E103", f"{file}: cannot be read ({exc.strerror})") from exc
    with handle:
        for number, raw_line in enumerate(handle, 1):
            where = f"{file}:{number}"
            article = _parse_record(raw_line, where, report)
            if article is None:
                continue
            if article.id in seen:
                report(f"{where}: id {article.id!r} appears more than once; later copy skipped")
                continue
            seen.add(article.id)
            yield article


def _parse_record(raw_line: bytes, where: str, report: ProblemReporter) -> RawArticle | None:
    line = _decode_text(raw_line)
    if line is None:
        report(f"{where}: not valid UTF-8")
        return None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        report(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})")
        return None
    if not isinstance(record, dict):
        report(f"{where}: expected a JSON object, got {type(record).__name__}")
        return None
    article_id = record.get("id")
    if article_id is None or not str(article_id).strip():
        report(f"{where}: record has no 'id'")
        return None
    text, html = record.get("text"), record.get("html")
    text = text if isinstance(text, str) and text.strip() else None
    html = html if isinstance(html, str) and html.strip() else None
    if text is None and html is None:
        report(f"{where}: record {article_id!r} has neither 'text' nor 'html'")
        return None
    fields = {name: _optional_string(record.get(name)) for name in STRING_FIELDS}
    return RawArticle(id=str(article_id).strip(), text=text, html=html, origin=where, **fields)


def _optional_string(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
