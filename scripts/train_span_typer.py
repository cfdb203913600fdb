"""Train the span model (`src/kronik/data/ner_model_types.tsv` and its casing table `ner_model_casing.tsv`)
from the nlp-id POS corpus.

Data: `nlp_id/data/dataset_postag.txt` from the nlp-id package on PyPI (MIT licence, Kumparan): about 33,000
Indonesian news sentences, `token<TAB>POS`, proper nouns tagged NNP. Get it without installing nlp-id:
    pip download nlp-id --no-deps -d /tmp/nlpid && unzip -q /tmp/nlpid/nlp_id-*.whl -d /tmp/nlpid/x
    python scripts/train_span_typer.py /tmp/nlpid/x/nlp_id/data/dataset_postag.txt
The features include word-list evidence (`features.WordEvidence`: names-dataset first and last names, the casing
table), so the model is read through `typer.SpanModel`.

Distant supervision: kronik's own rules find candidate spans in every sentence. Spans whose type the rules know
for certain (a knowledge-base name, a state or place, a span led by an organisation or place cue word, a name
after a person's title) are labelled with that type; spans whose first word the corpus does not tag as a proper
noun (a capitalised common word, or a foreign word tagged FW) are labelled NONE; the rest (unknown names, the
ones the typer is for) are left out. The casing table records, for each word seen at least MIN_SEEN times inside
sentences, whether the corpus writes it mostly in lower case, mostly capitalised, or both. A maximum-entropy
classifier (python-crfsuite on one-item sequences, L-BFGS, fixed parameters: the result is deterministic) learns the labels from the span's words, shape and context; its weights are written as TSV.
Needs python-crfsuite at training time only (`pip install python-crfsuite`).
"""

from __future__ import annotations

import argparse
import logging
import math
import tempfile
from collections import Counter
from pathlib import Path

from kronik.entities import EntityRecognizer
from kronik.knowledge import KnowledgeBase
from kronik.gazetteer import fold
from kronik.ner.features import WordEvidence, span_features
from kronik.ner.lexicon import PersonNames
from kronik.ner.tagged import read_tagged_sentences
from kronik.ner.typer import CASING_FILE, TYPES_FILE, write_weights

log = logging.getLogger("train_span_typer")
DATA = Path(__file__).resolve().parents[1] / "src" / "kronik" / "data"
OUTPUT = DATA / TYPES_FILE
MIN_SEEN = 3  # occurrences inside sentences for a word to enter the casing table
LOWER_SHARE, CAP_SHARE = 0.8, 0.2  # lower-case share at or above: "lower"; at or below: "cap"
END_PUNCTUATION = frozenset(".!?:\"'“”")
CERTAIN = {"kb": None, "state": "LOC", "place": "LOC", "loc": "LOC", "org": "ORG", "title": "PER", "context:group": "ORG"}
PROPER = ("NNP",)
MIN_WEIGHT = 0.05
GUESSED = ("name:", "context:person", "coref:")
SPEECH_CUE = "before-person-speech"
MAX_RATIO = 2  # no label has more than twice the examples of the rarest
MAX_PER_NAME = 3  # examples per (label, name): frequent names ("Indonesia") would swamp the rest


def label(rule: str, mention_type: str, tags: list[str], speech_before: bool = False) -> str | None:
    """The distant label of a candidate span, or None when the rules cannot be sure. A proper noun right after
    a speech verb ("kata Bhosle", "ujar Dehqan") is a person."""
    if tags[0] not in PROPER:
        return "NONE"
    if not all(tag in PROPER or tag == "NUM" for tag in tags):
        return None
    if speech_before and rule.startswith(GUESSED):
        return "PER"
    for prefix, kind in CERTAIN.items():
        if rule == prefix or rule.startswith(prefix + ":"):
            return kind or mention_type
    return None


def casing_table(sentences: list[list[tuple[str, str]]]) -> dict[str, str]:
    """Folded word -> lower, cap or mixed, from its occurrences not at the start of a sentence."""
    lower: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for sentence in sentences:
        for k, (word, _) in enumerate(sentence):
            if k == 0 or sentence[k - 1][0] in END_PUNCTUATION or not word[:1].isalpha():
                continue
            key = fold(word.lower())
            seen[key] += 1
            lower[key] += word[:1].islower()
    table = {}
    for key, count in seen.items():
        if count >= MIN_SEEN:
            share = lower[key] / count
            table[key] = "lower" if share >= LOWER_SHARE else "cap" if share <= CAP_SHARE else "mixed"
    return table


def examples(
    recognizer: EntityRecognizer, sentences: list[list[tuple[str, str]]], evidence: WordEvidence
) -> list[tuple[list[str], str]]:
    found = []
    seen: Counter[tuple[str, str]] = Counter()
    speech_verbs = {" ".join(key) for key, cue in recognizer.cues.by_kind["person_before"].items() if cue.id == SPEECH_CUE}
    for sentence in sentences:
        words = [word for word, _ in sentence]
        text = " ".join(words)
        offsets, position = [], 0
        for word in words:
            offsets.append(position)
            position += len(word) + 1
        context, candidates = recognizer.candidates(text)
        for candidate in candidates:
            mention, start, end = candidate.mention, candidate.start, candidate.end
            if mention.rule.startswith("generic:"):
                continue
            tags = [tag for (_, tag), at in zip(sentence, offsets) if mention.start <= at < mention.end]
            if not tags:
                continue
            speech = start > 0 and not context.gaps[start] and context.words[start - 1].lower() in speech_verbs
            features = span_features(context, start, end, recognizer.cues.is_common, evidence)
            if mention.rule.startswith("title:"):  # unknown names have no title before them: learn from the rest
                features = [f for f in features if not f.startswith(("p1=", "p2=", "before="))]
            kind = label(mention.rule, mention.type, tags, speech)
            if kind is None or seen[(kind, mention.text.lower())] >= MAX_PER_NAME:
                continue
            seen[(kind, mention.text.lower())] += 1
            found.append((features, kind))
    return balance(found)


def balance(data: list[tuple[list[str], str]]) -> list[tuple[list[str], str]]:
    """At most MAX_RATIO times as many examples of a label as of the rarest one: every k-th example is kept,
    so the result is deterministic."""
    counts = Counter(kind for _, kind in data)
    limit = MAX_RATIO * min(counts.values())
    step = {kind: max(1, math.ceil(count / limit)) for kind, count in counts.items()}
    position: Counter[str] = Counter()
    kept = []
    for features, kind in data:
        if position[kind] % step[kind] == 0:
            kept.append((features, kind))
        position[kind] += 1
    return kept


def train(data: list[tuple[list[str], str]], c1: float, c2: float) -> list[tuple[str, str, float]]:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, kind in data:
        trainer.append([{f: 1.0 for f in features}], [kind])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": 300, "feature.possible_states": False})
    with tempfile.TemporaryDirectory() as folder:
        model = str(Path(folder) / "typer.crfsuite")
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        weights = [(attr, kind, w) for (attr, kind), w in tagger.info().state_features.items() if abs(w) >= MIN_WEIGHT]
        tagger.close()
    return sorted(weights)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="nlp_id/data/dataset_postag.txt")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the type model; the others go beside it")
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.01)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    recognizer = EntityRecognizer(KnowledgeBase.load(("id", "en")), ("id", "en"))
    sentences = read_tagged_sentences(args.corpus)
    casing = casing_table(sentences)
    people = PersonNames.load()
    data = examples(recognizer, sentences, WordEvidence(people.first, people.last, casing))
    note = f"trained by scripts/train_span_typer.py on {args.corpus.name} (nlp-id, MIT)"
    folder = args.output.parent
    casing_path = folder / CASING_FILE
    rows = [f"# word casing classes: {note}"] + [f"{word}\t{kind}" for word, kind in sorted(casing.items())]
    casing_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    log.info("wrote %d casing classes to %s", len(casing), casing_path)
    log.info("examples: %s", dict(Counter(kind for _, kind in data)))
    weights = train(data, args.c1, args.c2)
    write_weights(args.output, weights, note)
    log.info("wrote %d weights to %s", len(weights), args.output)


if __name__ == "__main__":
    main()
