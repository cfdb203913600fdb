"""Date accuracy of `kronik.events.dating.EventDater` on the public gold sets (shared/eval/dev and dev2).

For every gold event whose `evidence` occurs verbatim in the article text, the evidence span is dated with
`EventDater.date_of` (sentences split crudely on ". " and newlines, published date from the gold) and compared with
the gold `date` at the gold's precision (a null gold agrees only with a null prediction).

    python benchmarks/dates_dev.py            # figures
    python benchmarks/dates_dev.py --failures # and every disagreement
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

from kronik.dates import DateResolver
from kronik.config import Config
from kronik.events.dating import DatingSettings, EventDater
from kronik.records import Article, Sentence

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("dev", "dev2")


def crude_sentences(text: str) -> tuple[Sentence, ...]:
    sentences, start = [], 0
    for match in re.finditer(r"\. |\n", text):
        end = match.start() + 1
        if text[start:end].strip():
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
        start = match.end()
    if text[start:].strip():
        sentences.append(Sentence(len(sentences), start, len(text), text[start:]))
    return tuple(sentences)


def agrees(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return predicted[: len(gold)] == gold and len(predicted) >= len(gold)


def failure_kind(gold: str | None, predicted: str | None) -> str:
    if gold is None:
        return "predicted a date, gold null"
    if predicted is None:
        return "no date, gold dated"
    if len(predicted) < len(gold):
        return "too coarse"
    return "wrong date"


def evaluate(name: str, resolver: DateResolver, show: bool) -> tuple[int, int, Counter[str]]:
    folder = SHARED / name
    corpus = {}
    for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            corpus[record["id"]] = record
    right = total = 0
    kinds: Counter[str] = Counter()
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        text = corpus[gold["id"]].get("text") or ""
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        article = Article(id=gold["id"], raw_text=text, text=text, published=published,
                          sentences=crude_sentences(text))
        article = resolver(article)
        article = Article(**{**article.__dict__, "stages": ("dates",)})
        dater = EventDater(resolver, DatingSettings.from_config(Config()))  # the pipeline's settings
        for event in gold["events"]:
            start = text.find(event["evidence"])
            if start < 0:
                continue
            end = start + len(event["evidence"])
            value, _precision, why = dater.date_of(article, start, end, category=event["category"])
            total += 1
            if agrees(event["date"], value):
                right += 1
                continue
            kinds[failure_kind(event["date"], value)] += 1
            if show:
                print(f"  {gold['id']} pub={gold['published']} gold={event['date']} got={value} ({why})")
                print(f"      {event['evidence'][:110]!r}")
    return right, total, kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} not found: the gold sets are needed", file=sys.stderr)
        return 1
    resolver = DateResolver(("id", "en"))
    for name in SETS:
        right, total, kinds = evaluate(name, resolver, args.failures)
        share = right / total if total else 0.0
        print(f"{name}: date accuracy {share:.3f} ({right}/{total} evidence spans found)")
        for kind, count in kinds.most_common():
            print(f"    {count:3d} {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
