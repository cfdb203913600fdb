"""Event locations and fatalities on the public gold sets (shared/eval/dev and dev2).

Runs kronik on each corpus (into a temporary database), matches the predicted mentions with the gold events
exactly as `kronik eval` does at country level (`kronik.evaluate.scoring.match_article`), and prints:
- location accuracy: matched pairs whose gold event has a location whose predicted location has that country /
  matched pairs whose gold event has a location (a missing prediction counts as wrong);
- coverage: predicted mentions with a location, and of those, how many carry coordinates;
- how many mentions state fatalities.

    python benchmarks/event_locations.py             # figures
    python benchmarks/event_locations.py --failures  # and every wrong location
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from kronik import api
from kronik.config import Config
from kronik.evaluate.names import NameMatcher
from kronik.evaluate.scoring import load_jsonl, match_article, spec_matches
from kronik.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("dev", "dev2")


def mentions_of(corpus: Path, config: Config) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "locations.duckdb"
        api.run(corpus, db, config)
        with Store.open(db) as store:
            return store.mentions()


def score(name: str, config: Config, show: bool) -> Counter[str]:
    folder = SHARED / name
    gold = load_jsonl(folder / "gold.jsonl")
    mentions = mentions_of(folder / "corpus.jsonl", config)
    matcher = NameMatcher.for_languages(config.languages)

    def test(spec: dict, actor: dict) -> bool:
        return spec_matches(spec, actor, matcher)

    by_article: dict[str, list[dict]] = {}
    for mention in mentions:
        by_article.setdefault(mention["article_id"], []).append(mention)
    counts: Counter[str] = Counter()
    for article in gold:
        predicted = by_article.get(article["id"], [])
        for i, j in match_article(article.get("events") or [], predicted, test).items():
            expected = article["events"][i].get("location")
            if not expected:
                continue
            location = predicted[j].get("location") or {}
            counts["pairs"] += 1
            if location.get("country") == expected:
                counts["correct"] += 1
            elif show:
                sentence = predicted[j]["evidence"]["sentence"][:100]
                print(f"  {article['id']} {predicted[j]['category']}: gold {expected}, predicted "
                      f"{location.get('country')} ({location.get('name')}) | {sentence}")
    for mention in mentions:
        location = mention.get("location")
        counts["mentions"] += 1
        counts["located"] += location is not None
        counts["coordinates"] += bool(location) and location.get("lat") is not None
        counts["fatalities"] += mention.get("fatalities") is not None
    return counts


def report(name: str, counts: Counter[str]) -> str:
    accuracy = counts["correct"] / counts["pairs"] if counts["pairs"] else float("nan")
    return (
        f"{name}: location country accuracy {accuracy:.3f} ({counts['correct']}/{counts['pairs']} matched pairs "
        f"with a gold location); located {counts['located']}/{counts['mentions']} mentions, "
        f"{counts['coordinates']} with coordinates; {counts['fatalities']} with fatalities"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print every wrong location")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the public gold sets live in ../shared/eval)")
        return 0
    config = Config(show_progress=False)
    for name in SETS:
        if not (SHARED / name / "gold.jsonl").is_file():
            print(f"{name}: skipped, {SHARED / name} has no gold.jsonl")
            continue
        counts = score(name, config, args.failures)
        print(report(name, counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
