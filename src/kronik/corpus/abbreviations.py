"""Abbreviations and leading parts of names: "APKASI", "Kemnaker", "Komisi III" (for `corpus.aliases`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kronik.gazetteer import fold
from kronik.records import Actor

WORD = re.compile(r"[^\W_]+", re.UNICODE)
COMPATIBLE_KINDS = {"group": "organization"}  # kinds that may merge with each other, by a common key


def initials_only(actor: Actor) -> bool:
    """An all-capitals short name ("HK", "WYBU"): its kind is a guess, it may stand for a person or a body."""
    letters = [ch for ch in actor.name if ch.isalpha()]
    return 2 <= len(letters) <= 6 and actor.name.isupper() and " " not in actor.name.strip()


def kind_key(kind: str) -> str:
    return COMPATIBLE_KINDS.get(kind, kind)


def expansion_rule(short: Actor, long: Actor, short_names: Sequence[str], long_names: Sequence[str]) -> str | None:
    """`abbreviation` or `name-prefix` when one of the short actor's names abbreviates (or begins) one of the
    long actor's names, else None. A person is only expanded from their exact initials."""
    if short.kind == "person" and not initials_only(short):
        return None
    if long.kind == "state" or (long.kind == "person" and not initials_only(short)):
        return None
    if kind_key(short.kind) != kind_key(long.kind) and not initials_only(short):
        return None
    for short_name in short_names:
        for long_name in long_names:
            if long.kind == "person":
                if short_name.isupper() and initials(long_name) == short_name.casefold():
                    return "abbreviation"
                continue
            if is_leading_part(short_name, long_name):
                return "name-prefix"
            if abbreviates(short_name, long_name):
                return "abbreviation"
    return None


def initials(name: str) -> str:
    return "".join(word[0] for word in WORD.findall(fold(name)))


def is_leading_part(short: str, long: str) -> bool:
    """"Komisi III" begins "Komisi III DPR"; "Kortas Tipikor Polri" is "Kortas Tipikor Bareskrim Polri" less a
    word: same first word, the short form's words in order and fewer."""
    short_words, long_words = WORD.findall(fold(short)), WORD.findall(fold(long))
    if not short_words or len(short_words) >= len(long_words) or short_words[0] != long_words[0]:
        return False
    remaining = iter(long_words)
    return all(word in remaining for word in short_words)


def abbreviates(short: str, long: str) -> bool:
    """Whether `short` is an acronym or syllabic abbreviation of `long`, both written as in the text.

    Words both end with ("Kemlu Iran" / "Kementerian Luar Negeri Iran") are set aside first. An all-capitals
    acronym takes a leading piece of every capitalised word in order (lower-case words such as "dan" may be
    skipped): "APKASI", "UNRWA". A syllabic one ("Kemnaker", "Kejari") begins with at least two letters of
    the first word and continues with pieces of at least two letters found in order in the rest.
    """
    short_words, long_words = short.split(), long.split()
    while len(short_words) > 1 and len(long_words) > 1 and fold(short_words[-1]) == fold(long_words[-1]):
        short_words, long_words = short_words[:-1], long_words[:-1]
    if len(short_words) != 1 or len(long_words) < 2:
        return False
    letters = fold(short_words[0])
    if not letters.isalpha() or len(letters) < 2:
        return False
    if short_words[0].isupper():
        capitalised = [(fold(w), w[:1].isupper()) for w in long_words if w[:1].isalpha()]
        return _acronym_of(letters, capitalised)
    folded = [fold(w) for w in long_words]
    return len(letters) >= 4 and _syllabic_of(letters, folded)


def _acronym_of(letters: str, words: list[tuple[str, bool]]) -> bool:
    """Every capitalised word gives a leading piece (at least its initial); lower-case words may give one."""
    if not words:
        return not letters
    (word, required), rest = words[0], words[1:]
    if not required and _acronym_of(letters, rest):
        return True
    for size in range(1, min(len(word), len(letters)) + 1):
        if letters[:size] != word[:size]:
            break
        if _acronym_of(letters[size:], rest):
            return True
    return False


def _syllabic_of(letters: str, words: list[str]) -> bool:
    first = words[0]
    for size in range(min(len(first), len(letters)), 1, -1):
        if letters[:size] == first[:size] and _pieces_in_order(letters[size:], " ".join(words[1:])):
            return True
    return False


def _pieces_in_order(letters: str, text: str) -> bool:
    """`letters` split into pieces of two or more letters, each found in `text` after the previous one."""
    if not letters:
        return True
    for size in range(len(letters), 1, -1):
        start = text.find(letters[:size])
        while start >= 0:
            if _pieces_in_order(letters[size:], text[start + size :]):
                return True
            start = text.find(letters[:size], start + 1)
    return False
