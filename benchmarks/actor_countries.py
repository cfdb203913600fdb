"""Actor countries on the dev gold sets (../shared/eval/dev, dev2). Prints figures and every miss.

For every event actor/recipient spec in the gold that has a `code` and a `name`, the article's predicted entity
mentions whose text, actor name or actor aliases match that name (FORMAT.md name rules, kronik's NameMatcher)
are looked up; the spec counts as right when every such mention resolved to the country code[:3]. Specs are
counted once per (article, code, name). Specs with no matching mention are counted apart ("not found") and
listed too: they measure entity recall, not countries.
Run: python benchmarks/actor_countries.py [--quiet]
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from kronik import api
from kronik.config import Config
from kronik.evaluate.names import NameMatcher
from kronik.records import Article, EntityMention

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = ("dev", "dev2")


def gold_specs(gold_path: Path) -> list[tuple[str, str, str]]:
    """(article id, code, name) for every code spec with a name, once per article."""
    specs: dict[tuple[str, str, str], None] = {}
    for line in gold_path.open(encoding="utf-8"):
        gold = json.loads(line)
        for event in gold.get("events") or ():
            for spec in (event.get("actors") or []) + (event.get("recipients") or []):
                if spec.get("code") and spec.get("name"):
                    specs[(gold["id"], spec["code"], spec["name"])] = None
    return list(specs)


def mention_names(mention: EntityMention) -> list[str]:
    names = [mention.text]
    if mention.actor is not None:
        names += [mention.actor.name, *mention.actor.aliases]
    return names


def evaluate(name: str, articles: dict[str, Article], specs: list[tuple[str, str, str]], matcher: NameMatcher) -> tuple[int, int, int]:
    right = wrong = missing = 0
    for article_id, code, gold_name in specs:
        article = articles.get(article_id)
        mentions = [m for m in (article.entities if article else ()) if matcher.match_any([gold_name], mention_names(m))]
        if not mentions:
            missing += 1
            print(f"  [{name}] not found: {gold_name!r} ({code}) in {article_id}")
            continue
        countries = sorted({(m.actor.country if m.actor else None) or "-" for m in mentions})
        if countries == [code[:3]]:
            right += 1
        else:
            wrong += 1
            texts = sorted({m.text for m in mentions if (m.actor.country if m.actor else None) != code[:3]})
            print(f"  [{name}] miss: {gold_name!r} expected {code[:3]} got {countries} via {texts} in {article_id}")
    return right, wrong, missing


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    matcher = NameMatcher.for_languages()
    config = Config(show_progress=False)
    totals = [0, 0, 0]
    for name in SETS:
        folder = SHARED / "eval" / name
        if not (folder / "gold.jsonl").is_file():
            print(f"{name}: skipped, {folder} is absent")
            continue
        processed = api.process(api.read(folder / "corpus.jsonl"), config)
        articles = {a.id: a for a in processed.articles}
        right, wrong, missing = evaluate(name, articles, gold_specs(folder / "gold.jsonl"), matcher)
        found = right + wrong
        share = right / found if found else 0.0
        print(f"{name}: actor country {right}/{found} = {share:.3f} (specs not found: {missing})")
        totals = [totals[0] + right, totals[1] + wrong, totals[2] + missing]
    found = totals[0] + totals[1]
    if found:
        print(f"all: actor country {totals[0]}/{found} = {totals[0] / found:.3f} (specs not found: {totals[2]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
