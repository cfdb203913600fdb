"""Checks on the mentions the rules guess: which guessed spans are names at all, and where a place name starts.

The rules of `kronik.entities` read every capitalised run; the ones they cannot place by the knowledge base or
a cue word ("name:", "context:person", "context:place") are guesses. `MentionFilter` drops the guesses that are
no name: a quoted title of a work ("Road House"), a phrase of capitalised common words ("Sebelah Selatan"), a
capitalised word at the start of a sentence, or a span the span typer (`typer.SpanModel`) calls no name. It
also lets a place name take the lower-case place noun before it ("kota Pati"). The pipeline stage and
`EntityRecognizer.tag` use the same filter, so `kronik tag` shows what the pipeline sees.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from kronik.gazetteer import fold
from kronik.ner.cues import Token
from kronik.ner.features import SpanContext
from kronik.ner.typer import SpanModel
from kronik.records import EntityMention

GUESSED_RULES = ("name:", "context:person", "context:place")  # the span typer checks these
EVIDENCE_RULES = ("context:person",)  # a cue word next to the span: the typer's NONE does not overrule it
ROLE_RULE = "context:person-role"  # a name after an occupation or "sebagai": kept inside quotes (a character)
PLACE_NOUN_RULE = "place:noun"  # an unknown run right after a lower-case place noun: "desa Kutuk"
PLACE_CONTEXT_RULE = "context:place"  # an unknown run right after a word before places: "di Kutuk"
UNSURE_RULE = "name:unsure"  # a capitalised run with no evidence of any type: dropped
PREPOSITION_RULE = "context:person-preposition"  # after "dari", "oleh", "bersama": weak evidence of a person
ACTING_RULE = "context:person-acting"  # a run followed by a verb or an adverb: "Wiratmo juga menulis"
ROMAN_NUMERAL = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")  # "II" to "XXXIX": a class, a rank, a volume
NONE_PROBABILITY = 0.5  # a guessed span the typer calls no name with more than this is dropped
WORD_JOINERS = re.compile(r"[-'’]")
QUOTES = frozenset("\"'“”‘’`")
NAMED_IN_TITLES = ("state:", "name:sequence")  # a state or a person's full name inside a title is still one
MAX_TITLE_WORDS = 10  # a quoted title of a work is short
MAX_TITLE_FUNCTION_WORD = 4  # lower-case words inside a title: "di", "ke", "to", "of", "the", "yang"


@dataclasses.dataclass(frozen=True)
class Candidate:
    """A mention the rules found and the word tokens [start, end) it covers in its `SpanContext`."""

    mention: EntityMention
    start: int
    end: int


class MentionFilter:
    """Keeps the mentions that are names; built once from the cue words' tests and the span typer."""

    def __init__(
        self, typer: SpanModel, is_common: Callable[[str], bool], place_nouns: frozenset[str], title_words: frozenset[str]
    ):
        self.typer = typer
        self.is_common = is_common
        self.place_nouns = place_nouns  # folded lower-case words before a place name ("kota", "desa")
        self.title_words = title_words  # folded words that stand inside titles of works ("of", "we", "untuk")

    def apply(
        self, text: str, context: SpanContext, candidates: list[Candidate], keep_unsure: bool = True
    ) -> list[EntityMention]:
        """The mentions worth keeping, place names widened to their place noun; generic mentions are kept.
        Unsure mentions (`UNSURE_RULE`) are kept only with `keep_unsure`."""
        return [self._with_place_noun(text, context, c) for c in candidates if self.keeps(context, c, keep_unsure)]

    def keeps(self, context: SpanContext, candidate: Candidate, keep_unsure: bool = True) -> bool:
        mention, start, end = candidate.mention, candidate.start, candidate.end
        if _inside_quoted_title(context, start, end) and not mention.rule.startswith(NAMED_IN_TITLES):
            return False  # "Bunga di Surga", but "Once Upon a Time in China", "Very Best of Nao Oikawa"
        if mention.type == "PER" and all(w.isdigit() or ROMAN_NUMERAL.fullmatch(w) for w in context.words[start:end]):
            return False  # "Komandan Batalyon 7", "Pangdam II": a number after a title, no name
        if not mention.rule.startswith(GUESSED_RULES):
            return True
        if mention.rule == UNSURE_RULE and not keep_unsure:
            return end - start == 1 and _inner_capitals(context.words[start])  # "KontraS"
        quoted = self._quoted_title(context, start, end) and mention.rule != ROLE_RULE
        if quoted or self._common_phrase(context, start, end):
            return False
        if end - start == 1 and _inner_capitals(context.words[start]):
            return True  # "KontraS", "YouTube": no common word is written so
        if mention.type == "PER" and self._no_person_name(context.words[start:end]):
            return False
        guess = self.typer.classify(context, start, end, self.is_common)
        if guess.label == "NONE" and guess.probability > NONE_PROBABILITY and not mention.rule.startswith(EVIDENCE_RULES):
            return False
        if mention.rule == ACTING_RULE and end - start == 1 and self._common_not_name(context.words[start]):
            return False  # "Degradasi membuat ...", "Sekarang menjadi ...": a common word doing something is no name
        single = mention.rule == "name:single" or mention.rule in (UNSURE_RULE, PREPOSITION_RULE) and end - start == 1
        return not single or self._single_name(context, start)

    def _common_not_name(self, word: str) -> bool:
        """A common word that no names list holds as a first or last name ("Degradasi"; not "Anggun", "Tom")."""
        key = fold(word)
        evidence = self.typer.evidence
        return self.is_common(key) and key not in evidence.first and key not in evidence.last

    def _no_person_name(self, words: tuple[str, ...]) -> bool:
        """Words no person goes by: a lone letter ("digantikan oleh H."), a number ("Tour 8", "Kelas I 3"), a
        common word and a numeral ("Kelas X"), or a word that stands in titles of works ("Way Of Love",
        "Together We Can", "My Lady", "Cinta Untuk Mama")."""
        if len(words) == 1 and len(words[0]) == 1 or any(ch.isdigit() for word in words for ch in word):
            return True
        if any(fold(word) in self.title_words for word in words):
            return True
        return len(words) > 1 and self.is_common(fold(words[0])) and all(ROMAN_NUMERAL.fullmatch(w) for w in words[1:])

    @staticmethod
    def _quoted_title(context: SpanContext, start: int, end: int) -> bool:
        """A quoted run of capitalised words the KB does not know is a title of a work ("Road House")."""
        while start > 0 and not context.gaps[start] and context.words[start - 1][:1].isupper():
            start -= 1  # "The" and other skipped openers inside the quotes
        return context.gaps[start][-1:] in QUOTES and context.gaps[end][:1] in QUOTES

    def _common_phrase(self, context: SpanContext, start: int, end: int) -> bool:
        """Capitalised common words ("Sebelah Selatan", "Bicara Cinta") are a phrase, not a name."""
        return end - start > 1 and all(self.is_common(fold(word)) for word in context.words[start:end])

    def _single_name(self, context: SpanContext, index: int) -> bool:
        """A lone capitalised word inside a sentence that is not a common word: a name ("menurut Bhosle")."""
        word = context.words[index]
        return not context.initial[index] and not word.isupper() and not self.is_common(fold(word))

    def _with_place_noun(self, text: str, context: SpanContext, candidate: Candidate) -> EntityMention:
        """A place name takes the lower-case place noun before it ("kota Pati", "desa Kramas")."""
        mention, start = candidate.mention, candidate.start
        if mention.type != "LOC" or start == 0 or context.gaps[start]:
            return mention
        word = context.words[start - 1]
        if not word.islower() or fold(word) not in self.place_nouns:
            return mention
        begin = mention.start - len(word) - 1
        if text[begin : mention.start] != word + " ":
            return mention
        return dataclasses.replace(mention, start=begin, text=text[begin : mention.end])


def _inside_quoted_title(context: SpanContext, start: int, end: int) -> bool:
    """Words [start, end) are part of a longer quoted title of a work: 'lagu "Bunga di Surga"', 'film "Race to
    Witch Mountain"'. The quotes hold capitalised words with only short lower-case words between them and no
    punctuation; quoted speech ('"Kami tiba di Jakarta," kata Budi') has a comma or stop before its closing quote."""
    left, right = start, end
    while left > 0 and not context.gaps[left]:
        left -= 1
    while right < len(context.words) and not context.gaps[right]:
        right += 1
    if context.gaps[left][-1:] not in QUOTES or context.gaps[right][:1] not in QUOTES or right - left <= end - start:
        return False
    words = context.words[left:right]
    return len(words) <= MAX_TITLE_WORDS and words[0][:1].isupper() and all(
        word[:1].isupper() or word[:1].isdigit() or len(word) <= MAX_TITLE_FUNCTION_WORD for word in words
    )


def _inner_capitals(word: str) -> bool:
    """A capital inside a part of the word ("KontraS", "YouTube"), not only after a hyphen ("Hindia-Belanda")."""
    return not word.isupper() and any(ch.isupper() for part in WORD_JOINERS.split(word) for ch in part[1:])


def span_context(text: str, tokens: list[Token]) -> SpanContext:
    """The word tokens of `text` with the punctuation between them, for the span typer."""
    bounds = [0] + [b for token in tokens for b in (token.start, token.end)] + [len(text)]
    gaps = tuple("".join(text[bounds[k] : bounds[k + 1]].split()) for k in range(0, len(bounds), 2))
    return SpanContext(tuple(t.text for t in tokens), gaps, tuple(t.initial for t in tokens))
