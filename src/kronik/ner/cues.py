"""Cue words as the recogniser uses them: the tokens of a sentence and the cue words of `lang/<code>/
entity_cues.yaml` indexed by folded token key, with the tests that go with them (a common word, a word that
breaks a name: a weekday or a month)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kronik.calendar import month_names, weekday_names
from kronik.gazetteer import COMMON_KINDS, TOKEN, common_words, fold
from kronik.lang import load_all

log = logging.getLogger(__name__)

MAX_CUE_TOKENS = 5
MIN_PREFIXED_VERB = 7  # letters of a word read as a prefixed verb ("menulis" yes, "dia", "dengan" no)
MIN_AFFIXED_VERB = 6  # letters of a capitalised word read as an affixed verb ("Layangkan", "Diperiksa")
MIN_HEADLINE_WORDS = 4  # a line shorter than this is too short to call a headline
MAX_HEADLINE_COMMAS = 2  # a capitalised line with this many commas is a list of names, not a headline
LIST_MARKS = (",", ";")
HEADLINE_SHARE = 0.8  # a line with at least this share of capitalised words is a headline


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # folded
    initial: bool = False  # first word of a sentence

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Cue:
    id: str
    kind: str
    sector: str | None = None
    country: str | None = None
    role: str | None = None


class CueBook:
    """The cue words of the chosen languages, indexed by folded token key. `names`: words that are no common
    words though the Indonesian root list has them ("fadil"); affixed words are still read against the whole
    list ("pertanian" from "tani")."""

    def __init__(self, languages: tuple[str, ...], names: frozenset[str] = frozenset()):
        self.by_kind: dict[str, dict[tuple[str, ...], Cue]] = defaultdict(dict)
        for entry in load_all("entity_cues", languages):
            cue = Cue(entry["id"], entry["kind"], entry.get("sector"), entry.get("country"), entry.get("role"))
            for word in entry["words"]:
                self.by_kind[cue.kind].setdefault(tuple(fold(w) for w in TOKEN.findall(word)), cue)
        self.first_keys = {kind: frozenset(key[0] for key in table if key) for kind, table in self.by_kind.items()}
        self.particles = {key[0] for key in self.by_kind["particle"]}
        self.agent_prefixes = tuple(sorted(key[0] for key in self.by_kind["agent_prefix"]))
        self.breakers = {fold(n) for n in list(month_names(languages)) + list(weekday_names(languages))}
        self.roots = common_words(languages)  # what affixed words are read against ("pertanian": "tani")
        self.common = self.roots - (names - self.words(*COMMON_KINDS))
        self.is_common = lru_cache(maxsize=4096)(self._is_common)
        self._stem = _indonesian_stemmer() if "id" in languages else None
        self.verb_roots = frozenset(key[0] for key in self.by_kind["verb_root"] if len(key) == 1)
        self.verb_prefixes = tuple(key[0] for key in self.by_kind["verb_prefix"])
        self.verb_suffixes = tuple(key[0] for key in self.by_kind["verb_suffix"])
        self.is_verb_key = lru_cache(maxsize=4096)(self._is_verb_key)

    def words(self, *kinds: str) -> frozenset[str]:
        """The folded single-word cues of `kinds` ("desa", "kota" of `place_noun`)."""
        return frozenset(key[0] for kind in kinds for key in self.by_kind.get(kind, {}) if len(key) == 1)

    def _is_common(self, key: str) -> bool:
        """A common word (or an affixed form of one: "serangan" from "serang")."""
        if key in self.common:
            return True
        return self._stem is not None and len(key) > 5 and self._stem(key) in self.roots

    def _is_verb_key(self, key: str) -> bool:
        """A verb: a root of kind `verb_root` ("kecam", "panggil", "condemns") or an Indonesian affixed form of a
        common word with a prefix of kind `verb_prefix` or a suffix of kind `verb_suffix` ("layangkan" from
        "layang", "diperiksa" from "periksa"); nouns ("pelindungan", "persatuan") are no verbs."""
        if key in self.verb_roots:
            return True
        if self._stem is None or len(key) < MIN_AFFIXED_VERB or not key.isalpha():
            return False
        root = self._stem(key)
        if root == key or len(root) < 3 or root not in self.common:
            return False
        if key.startswith(self.verb_prefixes):
            return True
        # "layangkan" (layang + kan), not "pendidikan" (pe-N + didik + an), a noun
        return any(key.endswith(suffix) and key[: -len(suffix)].endswith(root) for suffix in self.verb_suffixes)

    def nominal(self, key: str) -> bool:
        """An Indonesian noun made from a common word with -an ("penangkapan" from "tangkap", "persoalan"),
        not a verb in -kan."""
        if self._stem is None or len(key) < MIN_AFFIXED_VERB or not key.endswith("an") or key.endswith("kan"):
            return False
        root = self._stem(key)
        return root != key and len(root) >= 3 and root in self.common

    def verb(self, token: Token, affixed: bool = True) -> bool:
        """A capitalised word whose lower-case form is a verb: inside a capitalised run it ends the name
        ("Kemlu Layangkan Nota Protes": "Kemlu"). Without `affixed`, only a listed root: outside headlines an
        affixed-looking word in a run is as often a name ("Jalan Menoreh Raya")."""
        if not token.capitalised or token.text.isupper():
            return False
        return self.is_verb_key(token.key) if affixed else token.key in self.verb_roots

    def headline(self, text: str, tokens: list[Token]) -> bool:
        """A line where most words are capitalised (a headline, a list of other headlines): capitalisation
        there is no evidence of a name."""
        words = [t for t in tokens if t.text[:1].isalpha()]
        if len(words) < MIN_HEADLINE_WORDS or text[tokens[-1].end :].lstrip()[:1] == ".":
            return False  # short, or a sentence: a headline ends without a full stop
        line = text[tokens[0].start : tokens[-1].end]
        if sum(line.count(mark) for mark in LIST_MARKS) >= MAX_HEADLINE_COMMAS:
            return False  # a list of names ("Anies Baswedan, Dino Patti Djalal, Gita Wirjawan ...")
        return sum(t.capitalised for t in words) >= HEADLINE_SHARE * len(words)

    def match(self, kind: str, tokens: list[Token], i: int, limit: int | None = None) -> tuple[int, Cue | None]:
        """Longest cue of `kind` starting at token i: (number of tokens, cue), or (0, None)."""
        if i >= len(tokens) or tokens[i].key not in self.first_keys.get(kind, ()):
            return 0, None
        table = self.by_kind[kind]
        end = min(len(tokens), i + MAX_CUE_TOKENS, limit if limit is not None else len(tokens))
        for stop in range(end, i, -1):
            cue = table.get(tuple(t.key for t in tokens[i:stop]))
            if cue is not None:
                return stop - i, cue
        return 0, None

    def agent_word(self, token: Token) -> bool:
        """A lower-case word that, right after a name, shows a person acting: an adverb of kind `agent_after`
        ("juga", "also") or a verb with a prefix of kind `agent_prefix` ("menerbitkan", "dilahirkan")."""
        if not token.text.islower():
            return False
        if token.key in self.first_keys.get("agent_after", ()):
            return True
        key = token.key
        return len(key) >= MIN_PREFIXED_VERB and any(key.startswith(p) for p in self.agent_prefixes)

    def before(self, kind: str, tokens: list[Token], i: int) -> Cue | None:
        """A cue of `kind` ending just before token i (lower-case context words)."""
        table = self.by_kind.get(kind, {})
        for length in range(min(3, i), 0, -1):
            cue = table.get(tuple(t.key for t in tokens[i - length : i]))
            if cue is not None:
                return cue
        return None


def _indonesian_stemmer() -> Any:
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ModuleNotFoundError:
        log.warning("PySastrawi is not installed: affixed sentence openers will not be recognised")
        return None
    return StemmerFactory().create_stemmer().stem
