"""HTML extraction benchmark: text token F1, title and date on the field HTML pages that have gold.

    python benchmarks/html_extraction.py [--shared ../shared] [--show-text]

For each `page_type: article` page of field/html/manifest.jsonl with `gold_from_repo_tests`, reads the HTML
file alone (no url, title or date given), builds the Article and cleans it, then compares with the gold:
token F1 (bag of lowercase word tokens), exact title (whitespace normalised), and the published date against
`date_epoch_ms` taken in Asia/Jakarta. Section index pages must only not crash. Then prints what is inferred for each plain-text seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from kronik.clean import Cleaner
from kronik.extract import to_article
from kronik.read import read_input

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("id", "en")
JAKARTA = ZoneInfo("Asia/Jakarta")


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, true = tokens(predicted), tokens(gold)
    common = sum((pred & true).values())
    precision = common / max(1, sum(pred.values()))
    recall = common / max(1, sum(true.values()))
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def print_seeds(folder: Path) -> None:
    """What is inferred from the plain-text seed reports: title, published date and its source, outlet."""
    if not folder.is_dir():
        return
    print("seeds:")
    for raw in read_input(folder):
        article = to_article(raw, LANGUAGES)
        print(f"  {article.id}: {article.title!r} | {article.published} ({article.published_source}) | {article.outlet}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-text", action="store_true")
    args = parser.parse_args()
    folder = args.shared / "field" / "html"
    cleaner = Cleaner(LANGUAGES)
    f1s: list[float] = []
    titles = dates = 0
    for line in (folder / "manifest.jsonl").open(encoding="utf-8"):
        entry = json.loads(line)
        raw = next(read_input(folder / entry["file"]))
        article = cleaner(to_article(raw, LANGUAGES))
        gold = entry.get("gold_from_repo_tests")
        if entry["page_type"] != "article" or not gold:
            print(f"{entry['file']:28s} {entry['page_type']}: ok, {len(article.text)} chars, title {article.title!r}")
            continue
        precision, recall, f1 = token_f1(article.text, gold["content"])
        f1s.append(f1)
        title_ok = " ".join((article.title or "").split()) == " ".join(gold["title"].split())
        gold_date = dt.datetime.fromtimestamp(gold["date_epoch_ms"] / 1000, JAKARTA).date()
        date_ok = article.published == gold_date
        titles += title_ok
        dates += date_ok
        print(
            f"{entry['file']:28s} P {precision:.3f} R {recall:.3f} F1 {f1:.3f} | title {'ok' if title_ok else 'WRONG'}"
            f" | date {article.published} ({article.published_source}) {'ok' if date_ok else f'WRONG, gold {gold_date}'}"
        )
        if not title_ok:
            print(f"    title {article.title!r} vs gold {gold['title']!r}")
        if args.show_text:
            print(article.text, "\n---")
    print_seeds(args.shared / "seeds")
    print(f"mean token F1 {sum(f1s) / max(1, len(f1s)):.3f} over {len(f1s)} pages; titles {titles}/{len(f1s)}; "
          f"dates {dates}/{len(f1s)}")


if __name__ == "__main__":
    main()
