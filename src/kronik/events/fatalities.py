"""How many people an event killed, when its sentence says so: "menewaskan sedikitnya 11 petugas" -> 11.

The count is the number the text states. A stated minimum ("sedikitnya 11", "at least 5") gives that number;
a vague quantity ("puluhan", "belasan", "dozens") gives no figure (None), not a guess; a sentence stating that
nobody died ("tidak ada korban jiwa") gives 0. Injuries are not deaths ("11 orang terluka"), and numbers that
are part of a date ("pada 11 Juni", "2024") are no counts. The words come from `lang/<code>/numbers.yaml` and
`lang/<code>/fatalities.yaml`; the first statement of deaths in the sentence wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kronik.lang import load_entries

TOKEN = re.compile(r"\d+(?:[.,]\d{3})*|\w+(?:-\w+)*|[^\w\s]", re.UNICODE)
THOUSAND = 1000


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # lower-cased


@dataclass(frozen=True)
class Count:
    first: int  # word indices
    last: int
    value: int | None  # None for a vague quantity


def words_of(text: str, offset: int = 0) -> tuple[Word, ...]:
    """The words and punctuation of a text, lower-cased, with offsets (shifted by `offset`)."""
    return tuple(Word(m.start() + offset, m.end() + offset, m.group().lower()) for m in TOKEN.finditer(text))


def _phrases(entries: Iterable[dict], kind: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(w).lower().split()) for e in entries if e["kind"] == kind for w in e["words"])


def _reach(entries: Iterable[dict], kind: str) -> int:
    return max((int(e.get("reach", 0)) for e in entries if e["kind"] == kind), default=0)


class NumberWords:
    """Digits and number words of one language as values (`numbers.yaml`)."""

    def __init__(self, language: str):
        entries = load_entries(language, "numbers")
        self.units = {str(w).lower(): int(e["value"]) for e in entries if e["kind"] == "unit" for w in e["words"]}
        self.teens = {str(w).lower(): int(e["value"]) for e in entries if e["kind"] == "teen" for w in e["words"]}
        self.multipliers = {
            str(w).lower(): int(e["value"]) for e in entries if e["kind"] == "multiplier" for w in e["words"]
        }
        self.vague = frozenset(str(w).lower() for e in entries if e["kind"] == "vague" for w in e["words"])
        self.separators = "".join(str(w) for e in entries if e["kind"] == "separator" for w in e["words"])

    def is_number_word(self, text: str) -> bool:
        parts = text.split("-")
        return all(p in self.units or p in self.teens or p in self.multipliers for p in parts)

    def digits(self, text: str) -> int | None:
        """ "1.200" (with this language's separator) or "30" as an int; None if not digits."""
        if text.isdigit():
            return int(text)
        if self.separators and re.fullmatch(r"\d{1,3}(?:[%s]\d{3})+" % re.escape(self.separators), text):
            return int(re.sub(r"\D", "", text))
        return None

    def count_at(self, words: tuple[Word, ...], index: int) -> Count | None:
        """The count starting at word `index`: digits, a run of number words, or a vague quantity."""
        text = words[index].text
        if text in self.vague:
            return Count(index, index, None)
        value = self.digits(text)
        if value is not None:
            last = index
            if index + 1 < len(words) and words[index + 1].text in self.multipliers:  # "5 ribu", "2 million"
                last, value = index + 1, value * self.multipliers[words[index + 1].text]
            return Count(index, last, value)
        last = index
        while last < len(words) and self.is_number_word(words[last].text):
            last += 1
        if last == index:
            return None
        parts = [p for w in words[index:last] for p in w.text.split("-")]
        return Count(index, last - 1, self.value_of(parts))

    def value_of(self, parts: list[str]) -> int:
        """ "dua puluh lima" -> 25, "seratus dua puluh" -> 120, "three hundred twenty" -> 320."""
        total = group = last = 0
        for part in parts:
            if part in self.units:
                group, last = group + last, self.units[part]
            elif part in self.teens:
                last += self.teens[part]
            elif self.multipliers[part] >= THOUSAND:
                total += ((group + last) or 1) * self.multipliers[part]
                group = last = 0
            else:
                last = (last or 1) * self.multipliers[part]
        return total + group + last


class FatalityReader:
    """Reads the number of deaths a sentence states, for one language."""

    def __init__(self, language: str):
        entries = load_entries(language, "fatalities")
        self.numbers = NumberWords(language)
        self.death = _phrases(entries, "death")
        self.killing = _phrases(entries, "killing")
        self.toll = _phrases(entries, "toll")
        self.injury = _phrases(entries, "injury")
        self.none = _phrases(entries, "none")
        self.death_reach = _reach(entries, "death")
        self.killing_reach = _reach(entries, "killing")
        self.toll_reach = _reach(entries, "toll")

    def read(self, text: str, offset: int = 0, dates: Iterable[tuple[int, int]] = ()) -> int | None:
        """The deaths `text` states (None when it states none); `dates` are (start, end) spans of date
        expressions (offsets shifted by `offset`) whose numbers are not counts."""
        words = words_of(text, offset)
        spans = tuple(dates)
        denied = {
            i + k for i in range(len(words)) for p in self.none if _phrase_at(words, i, (p,)) for k in range(len(p))
        }
        counts = [c for c in self._counts(words, spans) if c.first not in denied]  # "no one was killed"
        for count in counts:
            found = self._deaths_after(words, count) or self._deaths_before(words, count)
            if found:
                return count.value
        if denied:
            return 0
        return None

    def _counts(self, words: tuple[Word, ...], dates: tuple[tuple[int, int], ...]) -> list[Count]:
        counts: list[Count] = []
        index = 0
        while index < len(words):
            count = self.numbers.count_at(words, index)
            if count is None or _in_date(words[index], dates):
                index += 1
                continue
            counts.append(count)
            index = count.last + 1
        return counts

    def _deaths_after(self, words: tuple[Word, ...], count: Count) -> bool:
        """ "30 orang tewas", "five people were killed": a death word within reach after the count."""
        index = count.last + 1
        for _ in range(self.death_reach + 1):
            if index >= len(words) or self._stops(words, index):
                return False
            if _phrase_at(words, index, self.death):
                return True
            index += 1
        return False

    def _deaths_before(self, words: tuple[Word, ...], count: Count) -> bool:
        """ "menewaskan sedikitnya 11 petugas" / "korban tewas mencapai 40 orang": a killing verb or a toll noun
        within reach before the count."""
        for phrases, reach in ((self.killing, self.killing_reach), (self.toll, self.toll_reach)):
            for phrase in phrases:
                for gap in range(reach + 1):
                    start = count.first - gap - len(phrase)
                    if start < 0:
                        continue
                    between = range(start + len(phrase), count.first)
                    if any(self._stops(words, i) for i in between):
                        continue
                    if _phrase_at(words, start, (phrase,)):
                        return True
        return False

    def _stops(self, words: tuple[Word, ...], index: int) -> bool:
        """A word a statement of deaths does not run across: punctuation, another count, an injury word."""
        text = words[index].text
        if not text[0].isalnum():
            return True
        if self.numbers.count_at(words, index) is not None and text not in self.numbers.units:
            return True
        return _phrase_at(words, index, self.injury)


def _phrase_at(words: tuple[Word, ...], index: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    return any(
        index + len(p) <= len(words) and all(words[index + k].text == p[k] for k in range(len(p))) for p in phrases
    )


def _in_date(word: Word, dates: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= word.start and word.end <= end for start, end in dates)


__all__ = ["Count", "FatalityReader", "NumberWords", "words_of"]
