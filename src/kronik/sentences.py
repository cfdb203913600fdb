"""Sentence splitting: offsets into `Article.text` that survive abbreviations, numbers, dates and quotes.

A compact rule-based splitter (no library handles Indonesian offline well): every line is a paragraph and
ends a sentence; inside a line a sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and
brackets after it) followed by a space and a word that can start a sentence, unless the stop belongs to an
abbreviation (`lang/<code>/abbreviations.yaml`), a single initial ("A. Rahman"), dotted initials ("A.S."), or
falls inside a short parenthesis. Numbers, dates and times ("1.500", "19.1.2024", "08.00") have no space after
their stops and so never split.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from kronik.lang import load_all
from kronik.records import Article, Sentence

MAX_PARENTHESIS = 200  # a stop inside a parenthesis closed within this many characters does not split
_CANDIDATE = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+([\"'“‘«(\[]?[A-Z0-9]))")
_WORD_BEFORE = re.compile(r"([^\s\"'“‘(\[]+)$")
_DOTTED_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")
_SINGLE_INITIAL = re.compile(r"[A-Z]\.")


class SentenceSplitter:
    """Stage "sentences": splits `text` into `Sentence`s whose offsets point into it."""

    name = "sentences"
    version = "1"
    requires = ("text", "language")
    assigns = ("sentences",)

    def __init__(self, languages: tuple[str, ...]):
        self.abbreviations = abbreviations(languages)

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, sentences=tuple(self.split(article.text)))

    def split(self, text: str) -> list[Sentence]:
        sentences: list[Sentence] = []
        for start, end in self._spans(text):
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
        return sentences

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        line_start = 0
        for line in text.split("\n"):
            piece_start = 0
            for boundary in self._boundaries(line):
                yield from _stripped(line, piece_start, boundary, line_start)
                piece_start = boundary
            yield from _stripped(line, piece_start, len(line), line_start)
            line_start += len(line) + 1

    def _boundaries(self, line: str) -> Iterator[int]:
        for match in _CANDIDATE.finditer(line):
            stop = match.group(0)
            if stop[0] == "." and not stop.startswith("..") and self._is_abbreviation(line[: match.start() + 1]):
                continue
            if _inside_short_parenthesis(line, match.start()):
                continue
            yield match.end()

    def _is_abbreviation(self, before: str) -> bool:
        word = _WORD_BEFORE.search(before)
        if word is None:
            return False
        token = word.group(1)
        return (
            token in self.abbreviations
            or _SINGLE_INITIAL.fullmatch(token) is not None
            or _DOTTED_INITIALS.fullmatch(token) is not None
        )


def abbreviations(languages: tuple[str, ...]) -> frozenset[str]:
    """Every written form, full stop included, of the abbreviations of `lang/<code>/abbreviations.yaml`."""
    return frozenset(form for entry in load_all("abbreviations", tuple(languages)) for form in entry["forms"])


def _inside_short_parenthesis(line: str, position: int) -> bool:
    opening = line.rfind("(", 0, position)
    if opening == -1 or line.rfind(")", opening, position) != -1:
        return False
    closing = line.find(")", position)
    return closing != -1 and closing - opening <= MAX_PARENTHESIS


def _stripped(line: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
    piece = line[start:end]
    if not piece.strip():
        return
    leading = len(piece) - len(piece.lstrip())
    trailing = len(piece) - len(piece.rstrip())
    yield offset + start + leading, offset + end - trailing
