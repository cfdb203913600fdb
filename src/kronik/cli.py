"""The `kronik` command line: a thin layer over `kronik.api` and the library modules."""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from importlib import resources
from pathlib import Path

import click

from kronik import __version__
from kronik.config import Config
from kronik.errors import KronikError

KINDS = ("articles", "mentions", "events", "entities")
FORMATS = ("jsonl", "csv", "parquet")


class KronikGroup(click.Group):
    """Turns a KronikError into a one-line message and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KronikError as exc:
            click.echo(f"kronik: error {exc}", err=True)
            sys.exit(2)


@click.group(cls=KronikGroup)
@click.version_option(__version__, prog_name="kronik")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def main(verbose: int) -> None:
    """kronik: news articles to a source-linked database of political events coded in PLOVER."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _config(languages: str | None, quiet: bool) -> Config:
    langs = tuple(code.strip() for code in languages.split(",")) if languages else None
    config = Config().with_overrides(languages=langs, show_progress=not quiet)
    if langs and config.default_language not in langs:
        config = config.with_overrides(default_language=langs[0])
    return config


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--db", required=True, type=click.Path(path_type=Path), help="DuckDB file to write (created if missing).")
@click.option("--languages", help="Comma-separated ISO 639-1 codes to detect among (default: id,en).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def run(input_path: Path, db: Path, languages: str | None, quiet: bool) -> None:
    """Read INPUT (a folder of .txt/.html files, a JSONL corpus or one file), find events, store them in DB."""
    from kronik import api

    summary = api.run(input_path, db, _config(languages, quiet))
    click.echo(
        f"{summary.articles} articles, {summary.events} event mentions, {summary.entities} entity mentions "
        f"stored in {summary.db} (run {summary.run_id})"
    )
    if summary.problems:
        click.echo(f"{len(summary.problems)} input problems (skipped):", err=True)
        for problem in summary.problems:
            click.echo(f"  {problem}", err=True)
    if summary.articles == 0:
        raise KronikError("E102", f"{input_path}: no article could be read")


@main.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.option("--db", required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False), help="DuckDB file written by `kronik run`.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file (default: standard output; required for parquet).")
def export(kind: str, db: Path, fmt: str, output: Path | None) -> None:
    """Write KIND (articles, mentions, events or entities) from DB with the fields of FORMAT.md."""
    from kronik.export import export as write
    from kronik.store import Store

    if fmt == "parquet" and output is None:
        raise KronikError("E205", "parquet output needs --output FILE")
    with Store.open(db) as store:
        count = write(store, kind, fmt, output if output else sys.stdout)
    click.echo(f"{count} {kind} written" + (f" to {output}" if output else ""), err=True)


@main.command()
@click.option("--db", required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False), help="DuckDB file written by `kronik run`.")
@click.option("--story", "story_id", help="Only this story (default: every story).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Markdown file to write (default: standard output).")
def chronicle(db: Path, story_id: str | None, output: Path | None) -> None:
    """A story's timeline as Markdown: date, who, what, to whom, evidence and sources."""
    from kronik.chronicle import render_markdown
    from kronik.store import Store

    with Store.open(db) as store:
        text = render_markdown(store, story_id)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text)


@main.command(name="eval")
@click.argument("corpus", type=click.Path(path_type=Path, exists=True))
@click.argument("gold", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--db", type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Score what `kronik run CORPUS --db DB` stored instead of processing CORPUS again.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--baseline", type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Fail (exit 1) when a figure falls below this pinned baseline (JSON).")
@click.option("--baseline-key", help="Which entry of the baseline file to compare with (default: the corpus folder name).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def evaluate(corpus: Path, gold: Path, db: Path | None, as_json: bool, baseline: Path | None, baseline_key: str | None, quiet: bool) -> None:
    """Score the system on CORPUS against GOLD by the rules of FORMAT.md."""
    from kronik.evaluate.gate import check_baseline
    from kronik.evaluate.report import format_report
    from kronik.evaluate.run import evaluate_corpus

    report = evaluate_corpus(corpus, gold, db, _config(None, quiet))
    click.echo(json.dumps(report, indent=2, ensure_ascii=False) if as_json else format_report(report))
    if baseline:
        key = baseline_key or (corpus.resolve().parent.name if corpus.is_file() else corpus.name)
        failures = check_baseline(report, baseline, key)
        for failure in failures:
            click.echo(f"kronik: below baseline {key}: {failure}", err=True)
        if failures:
            sys.exit(1)
        click.echo(f"baseline {key}: every figure at or above its pinned value", err=True)


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--languages", help="Comma-separated ISO 639-1 codes (default: id,en).")
def tag(file, languages: str | None) -> None:
    """Named entities in FILE (one text per line; '-' for standard input): one JSON line per input line."""
    from kronik.entities import EntityRecognizer
    from kronik.knowledge import KnowledgeBase

    config = _config(languages, True)
    recognizer = EntityRecognizer(KnowledgeBase.load(config.languages), config.languages)
    for line in file:
        entities = recognizer.tag(line.rstrip("\n"))
        out = [{"start": e.start, "end": e.end, "text": e.text, "type": e.type} for e in entities]
        click.echo(json.dumps({"entities": out}, ensure_ascii=False))


@main.command()
@click.option("--db", type=click.Path(path_type=Path), help="Keep the demo database here (default: a temporary file).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def demo(db: Path | None, quiet: bool) -> None:
    """Run the bundled example corpus end to end: store, score against its gold, print a chronicle."""
    from kronik import api
    from kronik.chronicle import render_markdown
    from kronik.evaluate.report import format_report
    from kronik.evaluate.run import evaluate_corpus
    from kronik.store import Store

    folder = resources.files("kronik") / "data" / "demo"
    with resources.as_file(folder) as demo_dir, tempfile.TemporaryDirectory() as tmp:
        target = db or Path(tmp) / "demo.duckdb"
        config = _config(None, quiet)
        summary = api.run(demo_dir / "corpus.jsonl", target, config)
        click.echo(f"kronik demo: {summary.articles} articles, {summary.events} event mentions -> {target}\n")
        with Store.open(target) as store:
            click.echo(render_markdown(store))
        report = evaluate_corpus(demo_dir / "corpus.jsonl", demo_dir / "gold.jsonl", target, config)
        click.echo("\nScores against the demo's own gold annotation:\n")
        click.echo(format_report(report))


# --- kronik actors ---------------------------------------------------------------------------------------------

ACTOR_KINDS = ("person", "organization", "group", "state", "place")
DB_OPTION = click.option("--db", required=True, type=click.Path(path_type=Path, dir_okay=False), help="DuckDB file written by `kronik run`.")


@main.group()
def actors() -> None:
    """Actors in DB: list them, show one, find those the knowledge base lacks, merge and unmerge spellings."""


@actors.command(name="list")
@DB_OPTION
@click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only actors of this kind.")
@click.option("--country", help="Only actors of this country (ISO alpha-3).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many actors.")
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl")), default="table", show_default=True, help="Output format.")
def actors_list(db: Path, kind: str | None, country: str | None, limit: int | None, fmt: str) -> None:
    """Actors with their mention, event and article counts, most mentioned first (merges applied)."""
    from kronik.actors import list_actors, open_existing

    with open_existing(db) as store:
        rows = list_actors(store, kind, country, limit)
    columns = ("mentions", "events", "articles", "id", "kind", "country", "name")
    _print_rows(rows, columns, fmt)


@actors.command(name="show")
@click.argument("actor", metavar="ID_OR_NAME")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the actor as JSON.")
def actors_show(actor: str, db: Path, as_json: bool) -> None:
    """One actor: kind, country, sector, aliases, merges (with their rule), KB roles, articles and events."""
    from kronik.actors import open_existing, show_actor
    from kronik.knowledge import KnowledgeBase

    with open_existing(db) as store:
        found = show_actor(store, actor, KnowledgeBase.load(Config().languages))
    if as_json:
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    click.echo(f"{found['name']}  [{found['id']}]  {found['kind']}, country {found['country'] or '-'}, sector {found['sector'] or '-'}")
    click.echo(f"aliases: {', '.join(found['aliases']) or '-'}")
    for merge in found["merges"]:
        click.echo(f"merged: {merge['from_id']} -> {merge['into_id']} ({merge['rule']}, score {merge['score']:.2f})")
    for role in found["roles"]:
        click.echo(f"role: {role['role']} of {role['country']} from {role['start']} to {role['end'] or 'now'}")
    click.echo(f"articles ({len(found['articles'])}):")
    for article in found["articles"]:
        click.echo(f"  {article['id']}  {article['title'] or ''}")
    click.echo(f"events ({len(found['events'])}):")
    for event in found["events"]:
        click.echo(f"  {event['date'] or '????-??-??':10}  {event['category']:10} {event['role']:9} {event['article_id']}  {event['sentence'][:90]}")


@actors.command(name="new")
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many actors.")
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl", "yaml")), default="table", show_default=True, help="Output format; yaml prints stubs in the shape of the KB actor files.")
def actors_new(db: Path, limit: int, fmt: str) -> None:
    """Actors found in text that the knowledge base lacks, most mentioned first, with a title and a sentence."""
    from kronik.actors import actor_stubs, new_actors, open_existing

    with open_existing(db) as store:
        rows = new_actors(store, limit)
    if fmt == "yaml":
        click.echo(actor_stubs(rows), nl=False)
        return
    _print_rows(rows, ("mentions", "articles", "id", "kind", "country", "title", "name"), fmt)


@actors.command(name="merge")
@click.argument("from_id", metavar="ID")
@click.argument("into_id", metavar="INTO_ID")
@DB_OPTION
def actors_merge(from_id: str, into_id: str, db: Path) -> None:
    """Record by hand that actor ID is the same as INTO_ID (exports then show INTO_ID with ID's names)."""
    from kronik.actors import merge, open_existing

    with open_existing(db) as store:
        done = merge(store, from_id, into_id)
    click.echo(f"merged {done.from_id} into {done.into_id}")


@actors.command(name="unmerge")
@click.argument("actor_id", metavar="ID")
@DB_OPTION
def actors_unmerge(actor_id: str, db: Path) -> None:
    """Undo the merge of actor ID (automatic or by hand); later runs will not merge it there again."""
    from kronik.actors import open_existing, unmerge

    with open_existing(db) as store:
        removed = unmerge(store, actor_id)
    click.echo(f"unmerged {removed['from_id']} from {removed['into_id']} (was: {removed['rule']})")


def _print_rows(rows: list[dict], columns: tuple[str, ...], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    cells = [[("" if row.get(c) is None else str(row[c])) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
