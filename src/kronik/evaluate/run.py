"""Scoring a corpus end to end: process it (or read a database that holds it) and compare with gold."""

from __future__ import annotations

import tempfile
from pathlib import Path

from kronik.config import Config
from kronik.evaluate.names import NameMatcher
from kronik.evaluate.scoring import evaluate, load_jsonl


def evaluate_corpus(corpus: Path, gold_path: Path, db: Path | None, config: Config) -> dict:
    """The FORMAT.md figures for CORPUS against GOLD; runs the pipeline into a temporary DB when none is given."""
    from kronik import api
    from kronik.store import Store

    gold = load_jsonl(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            db = Path(tmp) / "eval.duckdb"
            api.run(corpus, db, config)
        with Store.open(db) as store:
            mentions, articles, entities = store.mentions(), store.articles(), store.entities()
    return evaluate(gold, mentions, articles, entities, NameMatcher.for_languages(config.languages))
