"""Entity recall of the recogniser on the dev gold sets (../shared/eval/dev, dev2). Prints figures.

A gold entity is found when its name or an alias matches a predicted entity's text, actor name or actor
aliases (FORMAT.md name matching: normalised equality, all tokens of one in the other, or Levenshtein ratio
>= 0.85). Also: for dev gold events with `code` actors, how many of those actors' countries the recogniser
supplies (some predicted entity in the article has that country).
Run: python benchmarks/entity_recall.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from kronik.entities import EntityRecognizer
from kronik.knowledge import KnowledgeBase
from kronik.records import Article, Sentence

SHARED = Path(__file__).resolve().parents[2] / "shared"


def normalise(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch.isalnum()).lower()


def tokens(name: str) -> set[str]:
    return {normalise(t) for t in re.findall(r"\w+", name)} - {""}


def names_match(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    ta, tb = tokens(a), tokens(b)
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    return Levenshtein.normalized_similarity(na, nb) >= 0.85


def line_sentences(text: str) -> tuple[Sentence, ...]:
    sentences, offset = [], 0
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            sentences.append(Sentence(len(sentences), offset, offset + len(line), line))
        offset += len(line) + 1
    return tuple(sentences)


def evaluate(folder: Path, recognizer: EntityRecognizer) -> None:
    corpus = {json.loads(l)["id"]: json.loads(l) for l in (folder / "corpus.jsonl").open(encoding="utf-8")}
    found = total = country_found = country_total = 0
    missed: list[str] = []
    for line in (folder / "gold.jsonl").open(encoding="utf-8"):
        gold = json.loads(line)
        text = corpus[gold["id"]].get("text") or ""
        article = Article(id=gold["id"], raw_text=text, text=text, language="id", sentences=line_sentences(text))
        predicted = recognizer(article).entities
        names = set()
        countries = set()
        for mention in predicted:
            names.add(mention.text)
            if mention.actor is not None:
                names.add(mention.actor.name)
                names.update(mention.actor.aliases)
                if mention.actor.country:
                    countries.add(mention.actor.country)
        for entity in gold["entities"]:
            total += 1
            forms = [entity["name"]] + list(entity.get("aliases") or [])
            if any(names_match(form, name) for form in forms for name in names):
                found += 1
            else:
                missed.append(f"{gold['id']}: {entity['type']} {entity['name']}")
        for event in gold["events"]:
            for spec in event["actors"] + event["recipients"]:
                if "code" in spec:
                    country_total += 1
                    country_found += spec["code"][:3] in countries
    print(f"{folder.name}: entity recall {found}/{total} = {found / max(total, 1):.3f}; "
          f"gold code-actor countries supplied {country_found}/{country_total} = {country_found / max(country_total, 1):.3f}")
    for item in missed:
        print("   missed", item)


def main() -> None:
    recognizer = EntityRecognizer(KnowledgeBase.load(("id", "en")), ("id", "en"))
    for name in ("dev", "dev2"):
        folder = SHARED / "eval" / name
        if (folder / "gold.jsonl").exists():
            evaluate(folder, recognizer)
        else:
            print(f"{folder} not found")


if __name__ == "__main__":
    main()
