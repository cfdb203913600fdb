"""Cleaning benchmark: share of passed must_include / must_exclude checks on the public gold sets, and what the
cleaner removes from a sample of real articles.

    python benchmarks/cleaning.py [--shared ../shared] [--show-failures] [--top 20]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from kronik.clean import Cleaner, find_repeated_lines
from kronik.config import Config
from kronik.extract import to_article
from kronik.read import read_input

ROOT = Path(__file__).resolve().parents[1]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def score_gold_set(folder: Path, config: Config, show_failures: bool) -> tuple[int, int]:
    articles = [to_article(raw, config.languages) for raw in read_input(folder / "corpus.jsonl")]
    repeated = find_repeated_lines(articles, config.repeated_line_min_articles, config.repeated_line_min_share)
    cleaner = Cleaner(config.languages, repeated)
    gold = {json.loads(line)["id"]: json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")}
    passed = total = 0
    for article in articles:
        text = collapse(cleaner(article).text)
        expected = gold.get(article.id, {})
        checks = [(s, True) for s in expected.get("must_include", [])]
        checks += [(s, False) for s in expected.get("must_exclude", [])]
        for snippet, must_be_in in checks:
            total += 1
            ok = (collapse(snippet) in text) == must_be_in
            passed += ok
            if not ok and show_failures:
                verb = "missing" if must_be_in else "left in"
                print(f"  FAIL {article.id}: {verb}: {snippet!r}")
    return passed, total


def removed_lines_report(sample: Path, config: Config, top: int) -> None:
    articles = [to_article(raw, config.languages) for raw in read_input(sample)]
    repeated = find_repeated_lines(articles, config.repeated_line_min_articles, config.repeated_line_min_share)
    cleaner = Cleaner(config.languages, repeated)
    by_rule: Counter[str] = Counter()
    pieces: Counter[str] = Counter()
    raw_chars = removed_chars = 0
    worst: list[tuple[float, str]] = []
    for article in articles:
        cleaned = cleaner(article)
        gone = sum(len(r.text) for r in cleaned.removed)
        raw_chars += len(article.raw_text)
        removed_chars += gone
        worst.append((gone / max(1, len(article.raw_text)), article.id))
        for piece in cleaned.removed:
            by_rule[piece.rule] += 1
            for line in piece.text.splitlines():
                pieces[line[:100]] += 1
    print(f"\n{sample.name}: {len(articles)} articles, removed {removed_chars / max(1, raw_chars):.1%} of characters")
    print("removed pieces by rule:")
    for rule, count in by_rule.most_common():
        print(f"  {count:5d}  {rule}")
    print(f"{top} most common removed lines:")
    for line, count in pieces.most_common(top):
        print(f"  {count:5d}  {line!r}")
    print("articles with the largest removed share:")
    for share, article_id in sorted(worst, reverse=True)[:5]:
        print(f"  {share:.1%}  {article_id}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    config = Config()
    for name in ("dev", "dev2"):
        passed, total = score_gold_set(args.shared / "eval" / name, config, args.show_failures)
        print(f"{name}: cleaning checks passed {passed}/{total} = {passed / max(1, total):.3f}")
    removed_lines_report(args.shared / "field" / "idnews_sample.jsonl", config, args.top)


if __name__ == "__main__":
    main()
