"""Spelling keys of names: two spellings of one name written from another script ("Dehqan", "Dehghan"; "Jaysh
al-Adl", "Jaish ul-Adl") or in old and new Indonesian spelling ("Soekarno", "Sukarno") get one key. Read by the
alias merging across articles (`corpus.aliases`) and by short forms within one (`ner.shortforms`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from kronik.gazetteer import fold, load_data_entries

WORD = re.compile(r"[^\W_]+", re.UNICODE)
ROMAN = re.compile(r"[ivxlcdm]{1,6}")


class Transliteration:
    """Spelling keys of names from `data/transliteration.yaml` (particles and letter variants)."""

    def __init__(self, entries: Iterable[Mapping]):
        self.particles: dict[str, str] = {}
        self.letters: list[tuple[str, str]] = []
        for entry in entries:
            if entry["kind"] == "particle":
                self.particles.update({form: entry["key"] for form in entry["forms"]})
            elif entry["kind"] == "letters":
                self.letters.append((str(entry["from"]), str(entry["to"])))

    @classmethod
    def load(cls) -> Transliteration:
        return cls(load_data_entries("transliteration"))

    def words(self, name: str) -> tuple[str, ...]:
        """The spelling key of each word of a name (hyphenated parts apart; inner particles normalised)."""
        parts = WORD.findall(fold(name))
        keyed = [
            self.particles.get(part, part) if 0 < i < len(parts) - 1 else part for i, part in enumerate(parts)
        ]
        return tuple(self.word_key(part) for part in keyed)

    def word_key(self, word: str) -> str:
        if ROMAN.fullmatch(word) or not word.isalpha():
            return word  # "XII", "Seluler21": numbers are never spelling variants
        for old, new in self.letters:
            word = word.replace(old, new)
        return re.sub(r"(.)\1+", r"\1", word)

    def key(self, name: str) -> str:
        """One name's spelling key: "Jaysh al-Adl", "Jaish ul-Adl" -> "jaisaladl"."""
        return "".join(self.words(name))


__all__ = ["Transliteration", "WORD"]
