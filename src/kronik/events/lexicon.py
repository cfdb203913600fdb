"""Event phrase dictionaries: tokens with lemmas, and patterns over lemmas read from `lang/<code>/events.yaml`.

A pattern is a sequence of slots separated by spaces; a slot holds alternatives separated by "|", each either
lemmas (the pattern words stemmed the same way as the text) or an exact surface form ("=word"); "_" joins the
words of a multi-word alternative ("=nota_protes", "duta_besar"). Indonesian lemmas come from PySastrawi, English ones
from the Snowball stemmer: both are packaged, small and need no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kronik.lang import load_entries

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[;,]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    index: int
    start: int  # offsets in Article.text
    end: int
    text: str
    lower: str
    lemma: str
    root: bool = True  # False for a word the stemmer left whole though it is no root ("menandatangani")


class Lemmatizer:
    """Word -> lemma for one language, with a cache (stemming is the hot path)."""

    def __init__(self, language: str):
        self.language = language
        self._cache: dict[str, str] = {}
        self._roots: frozenset[str] = frozenset()
        if language == "id":
            from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

            factory = StemmerFactory()
            self._stem = factory.create_stemmer().stem
            self._roots = frozenset(factory.get_words())
        else:
            import snowballstemmer

            stemmer = snowballstemmer.stemmer("english")
            self._stem = stemmer.stemWord

    def __call__(self, word: str) -> str:
        lower = word.lower()
        lemma = self._cache.get(lower)
        if lemma is None:
            half, dash, rest = lower.partition("-")
            if dash and half == rest and half.isalpha():  # a reduplicated plural: "serangan-serangan"
                lower_word = half
            else:
                lower_word = lower
            lemma = self._stem(lower_word) if lower_word.isalpha() else lower
            lemma = lemma or lower
            self._cache[lower] = lemma
        return lemma

    def is_root(self, word: str) -> bool:
        """Whether `word`, as its own lemma, is a root: true unless the stemmer's dictionary (where the language
        has one) does not know it, i.e. the stemmer failed on an affixed word ("menandatangani")."""
        lower = word.lower()
        return not self._roots or lower in self._roots or self(lower) != lower or not lower.isalpha()


def tokenize(text: str, offset: int, lemmatize: Lemmatizer) -> tuple[Token, ...]:
    return tuple(
        Token(i, offset + m.start(), offset + m.end(), m.group(), m.group().lower(), lemmatize(m.group()),
              lemmatize.is_root(m.group()))
        for i, m in enumerate(TOKEN_RE.finditer(text))
    )


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]  # one or more words that must follow each other
    exact: bool

    def match_at(self, tokens: tuple[Token, ...], i: int) -> int:
        """Number of tokens matched at position i (0 when no match)."""
        if i + len(self.words) > len(tokens):
            return 0
        for k, word in enumerate(self.words):
            token = tokens[i + k]
            if self.exact:
                if token.lower != word:
                    return 0
            elif token.lemma != word and token.lower != word:
                return 0
        return len(self.words)


@dataclass(frozen=True)
class Slot:
    alternatives: tuple[Alternative, ...]

    def match_at(self, tokens: tuple[Token, ...], i: int) -> int:
        return max((alt.match_at(tokens, i) for alt in self.alternatives), default=0)


@dataclass(frozen=True)
class EventPattern:
    id: str
    category: str
    mode: str | None
    slots: tuple[Slot, ...]
    gap: int
    reciprocal: bool
    noun_actor_after: bool
    noun_ok: bool
    context: tuple[str, ...]
    passive: bool = False  # the phrase itself is passive ("menjadi tersangka"): its subject is the recipient
    not_followed_by: tuple[Alternative, ...] = ()  # idioms that are no event ("menahan diri", "mengancam jiwa")
    yields_to_object: bool = False  # an order whose object names the event ("memerintahkan pengerahan")
    relative_is_attribute: bool = False  # "kelompok yang didukung Iran" describes, it does not report
    polarity: str = "any"  # "negative": an event only when negated ("tidak akan tinggal diam"); "future"
    needs_recipient: bool = False  # coded only with a recipient ("berkomitmen membantu Indonesia")
    force_is_threat: bool = False  # a promise of force ("berjanji menghancurkan") is no AGREE
    causative: bool = False  # no act of its own when its subject is an event ("Serangan itu mendorong X ...")
    invites: bool = False  # the event named right after the invitee is what is invited to ("mengundangnya berkunjung")
    undoes: str | None = None  # a passive with no doer undoes an earlier event of this category in the sentence
    by_civilians: tuple[str, str | None] | None = None  # (category, mode) when only civilians do it: a blockade


@dataclass(frozen=True)
class PatternMatch:
    pattern: EventPattern
    first: int  # token index of the first matched token
    last: int  # token index of the last matched token
    head: int  # token index of the first slot's first token (the trigger word)


def parse_alternative(text: str, lemmatize: Lemmatizer) -> Alternative:
    """'=nota_protes' -> exact words (nota, protes); 'duta_besar' -> lemmas (duta, besar)."""
    if text.startswith("="):
        return Alternative(tuple(text[1:].lower().split("_")), exact=True)
    return Alternative(tuple(lemmatize(w) for w in text.split("_")), exact=False)


def parse_slots(pattern: str, lemmatize: Lemmatizer) -> tuple[Slot, ...]:
    """'cakap|bicara telepon' -> two slots: (cakap or bicara), then telepon."""
    return tuple(
        Slot(tuple(parse_alternative(alt, lemmatize) for alt in part.split("|"))) for part in pattern.split()
    )


def _pattern(entry: dict[str, Any], lemmatize: Lemmatizer) -> EventPattern:
    return EventPattern(
        id=f"{lemmatize.language}:{entry['id']}",
        category=entry["category"],
        mode=entry.get("mode"),
        slots=parse_slots(str(entry["pattern"]), lemmatize),
        gap=int(entry.get("gap", 0)),
        reciprocal=entry.get("roles", "directed") == "reciprocal",
        noun_actor_after=bool(entry.get("noun_actor_after", False)),
        noun_ok=bool(entry.get("noun_ok", False)),
        context=tuple(entry.get("context") or ()),
        passive=entry.get("voice", "active") == "passive",
        not_followed_by=tuple(parse_alternative(str(w), lemmatize) for w in entry.get("not_followed_by") or ()),
        yields_to_object=bool(entry.get("yields_to_object", False)),
        relative_is_attribute=bool(entry.get("relative_is_attribute", False)),
        polarity=str(entry.get("polarity", "any")),
        needs_recipient=bool(entry.get("needs_recipient", False)),
        force_is_threat=bool(entry.get("force_is_threat", False)),
        causative=bool(entry.get("causative", False)),
        invites=bool(entry.get("invites", False)),
        undoes=entry.get("undoes"),
        by_civilians=_category_mode(entry.get("by_civilians")),
    )


def _category_mode(value: str | None) -> tuple[str, str | None] | None:
    """'PROTEST/obstruct' -> ('PROTEST', 'obstruct'); 'PROTEST' -> ('PROTEST', None)."""
    if not value:
        return None
    category, _, mode = str(value).partition("/")
    return category, mode or None


class Lexicon:
    """All event patterns of one language, matched over a sentence's tokens."""

    def __init__(self, language: str, lemmatize: Lemmatizer):
        self.language = language
        self.patterns = tuple(_pattern(e, lemmatize) for e in load_entries(language, "events"))
        # patterns by the words that can open them: a token tries only the patterns its lemma or surface opens
        self._openers: dict[str, list[int]] = {}
        for number, pattern in enumerate(self.patterns):
            for word in {alt.words[0] for alt in pattern.slots[0].alternatives}:
                self._openers.setdefault(word, []).append(number)

    def find(self, tokens: tuple[Token, ...]) -> list[PatternMatch]:
        """Non-overlapping matches, longest first, then leftmost."""
        tried = sorted(
            (number, i)
            for i, token in enumerate(tokens)
            for number in {*self._openers.get(token.lower, ()), *self._openers.get(token.lemma, ())}
        )  # in pattern order, then token order: ties in the sort below keep the order of the dictionary
        found = [m for number, i in tried if (m := match_pattern(self.patterns[number], tokens, i))]
        found.sort(key=lambda m: (-(m.last - m.first), -len(m.pattern.slots), m.first))
        taken: set[int] = set()
        kept = []
        for match in found:
            span = set(range(match.first, match.last + 1))
            if span & taken:
                continue
            taken |= span
            kept.append(match)
        return sorted(kept, key=lambda m: m.first)


def match_pattern(pattern: EventPattern, tokens: tuple[Token, ...], i: int) -> PatternMatch | None:
    width = pattern.slots[0].match_at(tokens, i)
    if not width:
        return None
    position = i + width
    for slot in pattern.slots[1:]:
        for skip in range(pattern.gap + 1):
            width = slot.match_at(tokens, position + skip)
            if width:
                position += skip + width
                break
        else:
            return None
    if any(alt.match_at(tokens, position) for alt in pattern.not_followed_by):
        return None  # an idiom, not the event ("menahan diri" is restraint, not an arrest)
    return PatternMatch(pattern, i, position - 1, i)
