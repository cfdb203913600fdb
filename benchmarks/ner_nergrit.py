"""Exact-span NER scores of `EntityRecognizer.tag` on NERGrit (../shared/eval/ner/nergrit_test.tsv).

NERGrit gives each sentence as tokens; the text kronik reads is rebuilt from them as the source wrote it: tokens
joined by single spaces, except a hyphen or apostrophe between two letters, which NERGrit split off and which is
written inside the word ("Choi Si-won", "O'Neil", "negara-negara"), and the full stop of an initial or of an
abbreviation kronik knows (`lang/<code>/abbreviations.yaml`), written after it ("Peter R. Hunt", "Dr. Soetomo").
`--spaced` joins every token with a space instead ("Choi Si - won", "Peter R . Hunt"), as the file lists them. Predicted character spans are mapped to token spans and
compared exactly with the gold BIO spans (PERSON=PER, PLACE=LOC, ORGANISATION=ORG). Prints figures.
Run: python benchmarks/ner_nergrit.py [path/to/file.tsv] [--spaced]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from kronik.entities import EntityRecognizer
from kronik.knowledge import KnowledgeBase
from kronik.ner.tagged import read_tagged_sentences
from kronik.sentences import abbreviations

SHARED = Path(__file__).resolve().parents[2] / "shared"
TYPES = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, name = tag.partition("-")
        if start is not None and (prefix != "I" or TYPES.get(name) != kind):
            spans.add((start, i, kind))
            start = None
        if prefix == "B" or (prefix == "I" and start is None and name in TYPES):
            start, kind = i, TYPES.get(name)
    return {s for s in spans if s[2]}


JOINERS = ("-", "'")  # written inside a word in the source text: "Zeta-Jones", "O'Neil"


ABBREVIATIONS = abbreviations(("id", "en"))


def layout(tokens: list[str], attached: bool = True) -> tuple[list[int], list[int], str]:
    """Token start and end offsets and the sentence text: tokens joined by single spaces, except (`attached`)
    a hyphen or apostrophe between two words, which is written inside the word, and the full stop of an initial
    or an abbreviation, written after it, as in the source text."""
    starts, ends, pieces, position = [], [], [], 0
    for index, token in enumerate(tokens):
        glued = attached and index > 0 and (
            is_joiner(tokens, index) or is_joiner(tokens, index - 1) or is_abbreviation_stop(tokens, index)
        )
        if index > 0 and not glued:
            pieces.append(" ")
            position += 1
        starts.append(position)
        pieces.append(token)
        position += len(token)
        ends.append(position)
    return starts, ends, "".join(pieces)


def is_joiner(tokens: list[str], index: int) -> bool:
    return (
        tokens[index] in JOINERS and 0 < index < len(tokens) - 1
        and tokens[index - 1][-1:].isalpha() and tokens[index + 1][:1].isalpha()
    )


def is_abbreviation_stop(tokens: list[str], index: int) -> bool:
    """A full stop after a capital initial ("R" in "Peter R . Hunt") or after an abbreviation ("Dr", "Kec")."""
    before = tokens[index - 1]
    initial = len(before) == 1 and before.isupper()
    return tokens[index] == "." and (initial or before + "." in ABBREVIATIONS)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    attached = "--spaced" not in sys.argv[1:]
    path = Path(args[0]) if args else SHARED / "eval" / "ner" / "nergrit_test.tsv"
    if not path.exists():
        sys.exit(f"NERGrit file not found: {path}")
    recognizer = EntityRecognizer(KnowledgeBase.load(("id", "en")), ("id", "en"))
    true_pos, predicted, gold = Counter(), Counter(), Counter()
    for sentence in read_tagged_sentences(path, empty_tag="O"):
        tokens = [token for token, _ in sentence]
        starts, ends, text = layout(tokens, attached)
        expected = gold_spans([tag for _, tag in sentence])
        found = set()
        for mention in recognizer.tag(text):
            if mention.start in starts and mention.end in ends:
                found.add((starts.index(mention.start), ends.index(mention.end) + 1, mention.type))
            else:
                found.add((-1, mention.start, mention.type))  # not on token boundaries: counts as wrong
        for kind in ("PER", "ORG", "LOC"):
            g = {s for s in expected if s[2] == kind}
            p = {s for s in found if s[2] == kind}
            true_pos[kind] += len(g & p)
            predicted[kind] += len(p)
            gold[kind] += len(g)
    print(f"NERGrit {path.name}: exact-span scores")
    for kind in ("PER", "ORG", "LOC", "ALL"):
        tp = sum(true_pos.values()) if kind == "ALL" else true_pos[kind]
        pp = sum(predicted.values()) if kind == "ALL" else predicted[kind]
        gg = sum(gold.values()) if kind == "ALL" else gold[kind]
        precision = tp / pp if pp else 0.0
        recall = tp / gg if gg else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  {kind}: P={precision:.3f} R={recall:.3f} F1={f1:.3f} (gold {gg}, predicted {pp})")


if __name__ == "__main__":
    main()
