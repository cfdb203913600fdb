"""Cleaning: remove site boilerplate, mend glued words, normalise whitespace.

The rules are data (`lang/<code>/boilerplate.yaml`), grouped by purpose: whole lines, pieces inside lines,
"read also" prompts with the headlines after them, and lines after which the article has ended. Every removed
piece is kept in `Article.removed` with the id of the rule that removed it. The guiding principle: missing some
boilerplate is better than eating a word of the article body. Cleaning is idempotent.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kronik.lang import load_all
from kronik.records import Article, Removed

MAX_REPEATED_LINE = 200  # longer lines are article text, never site furniture
MIN_BODY_BEFORE_CUT = 300  # an end-of-article marker closer to the start than this only removes its own line
MAX_HEADLINE = 160  # a related-article headline is at most this long
MAX_ROUNDS = 4  # cleaning repeats until nothing changes (idempotence); this bounds it

TERMINAL = '.!?:;"”’…'
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200c\u200d\u2060\ufeff\u00ad]")
_GLUED_WORD = re.compile(r"\b([a-z]{3,}|[A-Z][a-z]{3,})([A-Z][a-z]{2,}|[A-Z]{2,}(?![a-z]))")
_GLUED_ACRONYM = re.compile(r"\b([A-Z]{2,})([A-Z][a-z]{3,})")
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2})([.!?])(?=[A-Z][a-z])")
_GLUED_COMMA = re.compile(r"(?<=[a-z]{2}),(?=[A-Z][a-z])")
_GLUED_PAREN_OPEN = re.compile(r"(?<=[a-z]{2})\((?=[A-Z])")
_GLUED_PAREN_CLOSE = re.compile(r"(?<=[A-Z])\)(?=[A-Z][a-z])")
_HEADLINE_BOUNDARY = re.compile(r"(?<=[a-z0-9?!)])(?=[A-Z\"“])|(?<=[A-Z]{2})(?=[A-Z][a-z])")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class RuleSet:
    """The boilerplate rules of some languages, grouped by kind."""

    line: tuple[Rule, ...]
    inline: tuple[Rule, ...]
    related: tuple[Rule, ...]
    cut_after: tuple[Rule, ...]
    keep_glued: re.Pattern[str] | None
    glued_tail: re.Pattern[str] | None  # a capitalised word with one of these words glued to its end
    headline_words: frozenset[str]

    @classmethod
    def load(cls, languages: tuple[str, ...]) -> RuleSet:
        groups: dict[str, list[Rule]] = defaultdict(list)
        keep: list[str] = []
        tails: set[str] = set()
        words: set[str] = set()
        for entry in load_all("boilerplate", languages):
            rule_id = f"{entry['lang']}:{entry['id']}"
            if entry["kind"] == "headline_word":
                words.update(str(w).lower() for w in entry["words"])
            elif entry["kind"] == "keep_glued":
                keep.append(entry["pattern"])
            elif entry["kind"] == "glued_tail":
                tails.update(str(w) for w in entry["words"])
            else:
                groups[entry["kind"]].append(Rule(rule_id, entry["kind"], re.compile(entry["pattern"])))
        keep_pattern = re.compile("|".join(f"(?:{p})" for p in keep)) if keep else None
        alternatives = "|".join(sorted(map(re.escape, tails), key=len, reverse=True))
        tail_pattern = re.compile(rf"\b([A-Z][a-z]{{3,}}?)({alternatives})\b") if tails else None
        return cls(
            line=tuple(groups["line"]),
            inline=tuple(groups["inline"]),
            related=tuple(groups["related"]),
            cut_after=tuple(groups["cut_after"]),
            keep_glued=keep_pattern,
            glued_tail=tail_pattern,
            headline_words=frozenset(words),
        )


class Cleaner:
    """Stage "clean": `raw_text` -> `text`, with every removed piece recorded in `removed`."""

    name = "clean"
    version = "1"
    requires = ("raw_text",)
    assigns = ("text", "removed")

    def __init__(self, languages: tuple[str, ...], repeated_lines: Mapping[str, frozenset[str]] | None = None):
        self.rules = RuleSet.load(tuple(languages))
        self.repeated_lines = dict(repeated_lines or {})

    def __call__(self, article: Article) -> Article:
        text, removed = self.clean_text(article.raw_text, article.outlet)
        return dataclasses.replace(article, text=text, removed=tuple(removed))

    def clean_text(self, text: str, outlet: str | None = None) -> tuple[str, list[Removed]]:
        """The cleaned text and what was removed, repeating the rules until nothing changes."""
        repeated = self.repeated_lines.get(outlet or "", frozenset())
        removed: list[Removed] = []
        for _ in range(MAX_ROUNDS):
            cleaned = self._clean_once(text, repeated, removed)
            if cleaned == text:
                break
            text = cleaned
        return text, removed

    def _clean_once(self, text: str, repeated: frozenset[str], removed: list[Removed]) -> str:
        lines = [normalise_spaces(line) for line in _ZERO_WIDTH.sub("", text).splitlines()]
        lines = self._drop_after_end(lines, removed)
        lines = self._drop_lines(lines, repeated, removed)
        lines = [self._clean_inline(line, removed) for line in lines]
        lines = [mend_glued(line, self.rules.keep_glued, self.rules.glued_tail) for line in lines if line]
        return "\n".join(join_fragments(lines))

    def _drop_after_end(self, lines: list[str], removed: list[Removed]) -> list[str]:
        kept_chars = 0
        for index, line in enumerate(lines):
            rule = _first_full_match(self.rules.cut_after, line)
            if rule is not None and kept_chars >= MIN_BODY_BEFORE_CUT:
                tail = "\n".join(item for item in lines[index:] if item)
                removed.append(Removed(tail, rule.id))
                return lines[:index]
            kept_chars += len(line)
        return lines

    def _drop_lines(self, lines: list[str], repeated: frozenset[str], removed: list[Removed]) -> list[str]:
        kept: list[str] = []
        skip_next_headline = False
        for line in lines:
            if not line:
                kept.append(line)
                continue
            if skip_next_headline:
                skip_next_headline = False
                if looks_like_headline(line):
                    removed.append(Removed(line, "related-headline"))
                    continue
            rule = _first_full_match(self.rules.line + self.rules.cut_after, line)
            if rule is not None:
                removed.append(Removed(line, rule.id))
                continue
            if line in repeated:
                removed.append(Removed(line, "repeated-line"))
                continue
            marker = _first_full_match(self.rules.related, line)
            if marker is not None:
                removed.append(Removed(line, marker.id))
                skip_next_headline = True
                continue
            kept.append(line)
        return kept

    def _clean_inline(self, line: str, removed: list[Removed]) -> str:
        for rule in self.rules.inline:
            for match in rule.pattern.finditer(line):
                removed.append(Removed(match.group(0), rule.id))
            line = rule.pattern.sub(" ", line)
        line = self._remove_related(line, removed)
        return normalise_spaces(line)

    def _remove_related(self, line: str, removed: list[Removed]) -> str:
        for rule in self.rules.related:
            position = 0
            while match := rule.pattern.search(line, position):
                end = match.end() + headline_length(line[match.end() :], self.rules.headline_words)
                if end == match.end() and match.end() < len(line):
                    position = match.end()  # a marker followed by body text, not by a headline: leave it
                    continue
                opening = line.rfind("(", 0, match.start())
                if opening != -1 and line[opening:match.start()].strip() == "(":
                    closing = line.find(")", match.end())
                    if closing != -1 and closing - match.end() <= MAX_HEADLINE:
                        match_start, end = opening, closing + 1
                    else:
                        match_start = match.start()
                else:
                    match_start = match.start()
                removed.append(Removed(line[match_start:end].strip(), rule.id))
                line = (line[:match_start].rstrip() + " " + line[end:].lstrip()).strip()
                position = match_start
        return line


def normalise_spaces(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def looks_like_headline(line: str) -> bool:
    """A short line that does not end like a sentence: the title of another article."""
    return len(line) <= MAX_HEADLINE and not line.endswith((".", '."', ".”", ",")) and len(line.split()) >= 2


def headline_length(rest: str, headline_words: frozenset[str]) -> int:
    """How many characters at the start of `rest` belong to related-article headlines (0 if none found)."""
    if not rest.strip():
        return 0
    if len(rest) <= MAX_HEADLINE and looks_like_headline(rest.strip()):
        return len(rest)
    glued = _glued_headlines_end(rest)
    if glued:
        return glued
    return _spaced_headline_end(rest, headline_words)


def _glued_headlines_end(rest: str) -> int:
    """Headlines glued to each other and to the body ("...VaksinasiIsrael Gagal..."): up to the last boundary."""
    end = 0
    for boundary in _HEADLINE_BOUNDARY.finditer(rest):
        segment = rest[end : boundary.start()]
        if boundary.start() - end > MAX_HEADLINE or ". " in segment:
            break
        end = boundary.start()
    return end


def _spaced_headline_end(rest: str, headline_words: frozenset[str]) -> int:
    """A headline followed by body text on the same line: it ends before the capitalised word that starts the
    first run of ordinary lowercase words ("... Ujung Tanduk Sebelumnya pada hari itu")."""
    tokens = list(_TOKEN.finditer(rest))
    last_capital = None
    for token in tokens:
        if token.start() > MAX_HEADLINE:
            return 0
        word = token.group(0)
        first = word.lstrip("\"'“‘(")[:1]
        if word[:1] in "\"“" and last_capital is not None:
            return token.start()
        if first.isdigit() or first.isupper() and not word.strip(",.:;").isupper():
            last_capital = token
        elif first.islower() and word.strip(",.:;").lower() not in headline_words:
            return last_capital.start() if last_capital is not None and last_capital is not tokens[0] else 0
    return 0


def mend_glued(line: str, keep: re.Pattern[str] | None, tail: re.Pattern[str] | None = None) -> str:
    """Put back spaces lost around links: "terhadapIran" -> "terhadap Iran", "PresidenPrabowo" -> "Presiden
    Prabowo", "lainnya.Dia" -> "lainnya. Dia", and with `tail` "Trumpmengatakan" -> "Trump mengatakan"."""

    def split_word(match: re.Match[str]) -> str:
        text, token_start = match.string, match.start()
        token_end = text.find(" ", token_start)
        token = text[token_start : token_end if token_end != -1 else len(text)]
        if keep is not None and keep.fullmatch(token.strip(".,;:!?\"'()”“")):
            return match.group(0)
        return f"{match.group(1)} {match.group(2)}"

    for _ in range(MAX_ROUNDS):  # "seranganIsraelJakarta": each pass splits one join of a chain
        mended = _GLUED_ACRONYM.sub(split_word, _GLUED_WORD.sub(split_word, line))
        if mended == line:
            break
        line = mended
    if tail is not None:
        line = tail.sub(split_word, line)
    line = _GLUED_SENTENCE.sub(r"\1 ", line)
    line = _GLUED_COMMA.sub(", ", line)
    line = _GLUED_PAREN_OPEN.sub(" (", line)
    return _GLUED_PAREN_CLOSE.sub(") ", line)


def join_fragments(lines: list[str]) -> list[str]:
    """Join lines that a page broke inside a sentence (around links): "kantor berita" + "AFP" + ", Selasa"."""
    joined: list[str] = []
    for line in lines:
        if joined and _continues(joined[-1], line):
            separator = "" if line[0] in ",.;:)" else " "
            joined[-1] = joined[-1] + separator + line
        else:
            joined.append(line)
    return joined


def _continues(previous: str, line: str) -> bool:
    if previous.endswith(("-", "–", "—", ",", "(")):
        return True
    if previous.endswith(tuple(TERMINAL)):
        return False
    first = line[0]
    if first.islower() or first in ",.;:)-–—":
        return True
    if previous.endswith(")"):
        return False
    short = len(line.split()) <= 3 and not line.endswith(tuple(TERMINAL))
    return short and previous.split()[-1][:1].islower()


def _first_full_match(rules: Iterable[Rule], line: str) -> Rule | None:
    return next((rule for rule in rules if rule.pattern.fullmatch(line)), None)


def find_repeated_lines(
    articles: Iterable[Article], min_articles: int, min_share: float
) -> dict[str, frozenset[str]]:
    """Per outlet, the short lines found in at least `min_articles` of its articles and `min_share` of them."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for article in articles:
        if not article.outlet:
            continue
        totals[article.outlet] += 1
        lines = {normalise_spaces(line) for line in article.raw_text.splitlines()}
        counts[article.outlet].update(line for line in lines if line and len(line) <= MAX_REPEATED_LINE)
    repeated: dict[str, frozenset[str]] = {}
    for outlet, total in totals.items():
        if total < min_articles:
            continue
        needed = max(min_articles, min_share * total)
        found = frozenset(line for line, count in counts[outlet].items() if count >= needed)
        if found:
            repeated[outlet] = found
    return repeated
