"""The Python API: the operations the CLI offers, as functions over records and the database.

    from kronik import api
    summary = api.run("articles/", "news.duckdb")
    articles = api.process(api.read("articles/"))      # in memory, no database
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronik import __version__
from kronik.config import Config
from kronik.pipeline import Pipeline
from kronik.records import Article, RawArticle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Processed:
    """Articles after the per-article pipeline and the corpus stages."""

    articles: tuple[Article, ...]
    links: dict[str, tuple[str | None, str | None]]  # article id -> (story_id, duplicate_of)
    stage_versions: dict[str, str]


@dataclass
class RunSummary:
    run_id: str
    db: str
    articles: int = 0
    events: int = 0
    entities: int = 0
    problems: list[str] = field(default_factory=list)


def read(path: str | Path, on_problem: Callable[[str], None] | None = None) -> list[RawArticle]:
    from kronik.read import read_input

    return list(read_input(Path(path), on_problem))


def build_pipeline(config: Config, repeated_lines: dict[str, frozenset[str]] | None = None) -> Pipeline:
    """The per-article stages in order, each with its resources loaded once."""
    from kronik.affiliations import Affiliations
    from kronik.clean import Cleaner
    from kronik.dates import DateResolver
    from kronik.entities import EntityRecognizer
    from kronik.events import EventCoder
    from kronik.events.dating import DatingSettings, EventDater
    from kronik.events.details import EventDetails
    from kronik.knowledge import KnowledgeBase
    from kronik.langid import LanguageDetector
    from kronik.sentences import SentenceSplitter
    from kronik.setting import DomesticSetting

    languages = config.languages
    kb = KnowledgeBase.load(languages)
    resolver = DateResolver(languages)
    dater = EventDater(resolver, DatingSettings.from_config(config))
    return Pipeline(
        [
            Cleaner(languages, repeated_lines),
            LanguageDetector(languages, config.default_language),
            SentenceSplitter(languages),
            EntityRecognizer(kb, languages),
            Affiliations.load(kb, languages, config.domestic_share),
            DomesticSetting(config.domestic_share),
            resolver,
            EventCoder(languages, config.default_language, dater),
            EventDetails.load(kb, languages, config.default_language, config.domestic_share),
        ]
    )


def process(raw: Sequence[RawArticle], config: Config | None = None) -> Processed:
    """Run every stage over the articles in memory: read -> per-article pipeline -> duplicates and stories."""
    from kronik.clean import find_repeated_lines
    from kronik.corpus import assign_stories, find_duplicates
    from kronik.extract import to_article

    config = config or Config()
    read_articles = [to_article(r, config.languages) for r in _progress(raw, "reading", config)]
    repeated = find_repeated_lines(
        read_articles, config.repeated_line_min_articles, config.repeated_line_min_share
    )
    pipeline = build_pipeline(config, repeated)
    articles = tuple(pipeline(a) for a in _progress(read_articles, "analysing", config))
    duplicates = find_duplicates(articles, config.duplicate_threshold)
    stories = assign_stories(articles, config.story_window_days, duplicates=duplicates)
    links = {a.id: (stories.get(a.id), duplicates.get(a.id)) for a in articles}
    versions = {"kronik": __version__, **pipeline.versions}
    return Processed(articles, links, versions)


def run(
    input_path: str | Path,
    db: str | Path,
    config: Config | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> RunSummary:
    """Read INPUT, process it and store the result in the DuckDB file DB (created if needed).

    Running the same input twice stores each article once: an article is replaced by its new version.
    """
    from kronik.store import Store

    config = config or Config()
    problems: list[str] = []

    def report(message: str) -> None:
        problems.append(message)
        (on_problem or log.warning)(message)

    raw = read(input_path, report)
    processed = process(raw, config)
    with Store.open(db) as store:
        run_id = store.begin_run(str(input_path), config.to_dict(), processed.stage_versions)
        store.save_articles(processed.articles, run_id)
        store.save_links({**store.links(), **processed.links})
        merge_aliases(store, run_id, config)
        summary = RunSummary(run_id, str(db), problems=problems)
        summary.articles = len(processed.articles)
        summary.events = sum(len(a.events) for a in processed.articles)
        summary.entities = sum(len(a.entities) for a in processed.articles)
        store.finish_run(
            run_id,
            {"articles": summary.articles, "events": summary.events, "entities": summary.entities,
             "problems": len(problems)},
        )
    return summary


def merge_aliases(store: Any, run_id: str | None = None, config: Config | None = None) -> int:
    """Corpus stage `aliases` over every stored article: record the actors that are spellings, short forms or
    abbreviations of one actor (see `kronik.corpus.aliases`). Returns how many merges are new."""
    from kronik.corpus.aliases import AliasMerger
    from kronik.lang import load_all
    from kronik.spelling import Transliteration

    config = config or Config()
    titles = [word for entry in load_all("honorifics", config.languages) for word in entry.get("words", ())]
    stories = {article_id: story for article_id, (story, _) in store.links().items()}
    merges = AliasMerger(Transliteration.load(), titles)(list(store.load_articles()), stories)
    added = store.save_merges(merges, run_id)
    log.info("aliases: %d merges (%d new)", len(merges), added)
    return added


def _progress(items: Iterable, label: str, config: Config):
    if not config.show_progress:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="article", leave=False)
