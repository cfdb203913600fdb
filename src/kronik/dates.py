"""Date resolution: find date expressions in the cleaned text and resolve them against the publication date.

The expressions are language data (`lang/<code>/dates.yaml`): each entry is a regular expression and the way
its match becomes a calendar value (see the file's description). The engine here is language-independent:
it matches every entry, keeps the longest non-overlapping matches, and resolves each one.

`DateResolver` is the pipeline stage ("dates"). Which of these dates an event takes is decided by
`kronik.events.dating`.
"""

from __future__ import annotations

import calendar as _calendar
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kronik.calendar import month_names, weekday_names
from kronik.errors import KronikError
from kronik.lang import load_all
from kronik.records import Article, DateMention

log = logging.getLogger(__name__)

KINDS = ("calendar", "weekday", "offset", "anchored", "unresolved")
DIRECTIONS = ("past", "before", "future")
YEARS_SEARCHED = 40  # how far back a weekday + day/month may push the year when the publication date is unknown
FUTURE_WINDOW = 60  # characters before an expression searched for a future marker ("akan")
# a report date closes its clause: "…, kata X, Rabu (18/6)." or "… Rabu (27/5) waktu setempat, …"
CLOSES_CLAUSE = re.compile(r"\s*(?:\w+\s*){0,2}(?:[.,;:!?)\"”\n]|$)")
REPORT_WINDOW = 200  # characters before a date searched for a reporting word ("kata", "dilansir")
NOUN_WINDOW = 60  # characters searched beside a date for the event noun it names ("serangan 7 Oktober")


@dataclass(frozen=True)
class DateRule:
    """One compiled entry of `dates.yaml`."""

    id: str
    lang: str
    kind: str
    regex: re.Pattern[str]
    direction: str = "past"
    unit: str | None = None
    amount: int = 0
    reason: str = ""


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    rule: DateRule
    groups: dict[str, str | None]


class DateResolver:
    """Pipeline stage "dates": every date expression of `Article.text`, resolved against `Article.published`.

    `today` bounds the year inferred from a weekday when the publication date is unknown (default: the day the
    resolver is called).
    """

    name = "dates"
    version = "0.1.0"
    requires = ("text", "sentences", "published")
    assigns = ("dates",)

    def __init__(self, languages: tuple[str, ...], today: dt.date | None = None):
        if not languages:
            raise KronikError("E410", "dates: at least one language is needed")
        self.languages = tuple(languages)
        self.today = today
        self.months = month_names(self.languages)
        self.weekdays = weekday_names(self.languages)
        entries = load_all("dates", self.languages)
        self.numbers = _number_words(entries)
        self.future_markers = frozenset(
            word.lower() for entry in entries if entry["kind"] == "future_marker" for word in entry["words"]
        )
        self.report_markers = _words_of(entries, "report_marker")
        self.relay_markers = _words_of(entries, "relay_marker")
        self.noun_before, self.noun_after = _event_noun_patterns(entries)
        self.date_prepositions = _words_of(entries, "date_preposition")
        self.after_clause = _words_of(entries, "after_clause")
        self.restate = tuple(
            re.compile(r"[\s\"“'(]*(?:" + str(e["pattern"]) + ")", re.IGNORECASE)
            for e in entries
            if e["kind"] == "restate_marker"
        )
        self.rules = tuple(self._compile(entry) for entry in entries if entry["kind"] in KINDS)
        self.forward_rules = frozenset(str(e["id"]) for e in entries if e.get("reach") == "forward")
        self.ahead_rules = frozenset(
            rule.id for rule in self.rules if rule.direction == "future" or rule.kind == "offset" and rule.amount > 0
        )
        log.debug("dates: %d expression rules for %s", len(self.rules), ", ".join(self.languages))

    # --- building ---------------------------------------------------------------------------------------
    def _compile(self, entry: dict[str, Any]) -> DateRule:
        where = f"lang/{entry['lang']}/dates.yaml entry {entry['id']!r}"
        direction = entry.get("direction", "past")
        if direction not in DIRECTIONS:
            raise KronikError("E411", f"{where}: unknown direction {direction!r}")
        case_sensitive = bool(entry.get("case_sensitive", False))
        pattern = self._expand(str(entry["pattern"]), case_sensitive)
        if not pattern.startswith(("\\(", "(?<")):
            pattern = r"(?<![\w-])(?:" + pattern + ")"  # expressions start at a word boundary
        try:
            regex = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
        except re.error as exc:
            raise KronikError("E412", f"{where}: invalid pattern: {exc}") from exc
        return DateRule(
            id=str(entry["id"]),
            lang=str(entry["lang"]),
            kind=str(entry["kind"]),
            regex=regex,
            direction=direction,
            unit=entry.get("unit"),
            amount=int(entry.get("amount", 0)),
            reason=str(entry.get("reason", "")),
        )

    def _expand(self, pattern: str, case_sensitive: bool) -> str:
        def alternation(names: Sequence[str]) -> str:
            written = (name[:1].upper() + name[1:] if case_sensitive else name for name in names)
            return "|".join(re.escape(name) for name in sorted(written, key=len, reverse=True))

        replacements = {
            "{weekday}": f"(?P<weekday>{alternation(list(self.weekdays))})(?![\\w-])",
            "{month}": f"(?P<month>{alternation(list(self.months))})(?![\\w-])",
            "{number}": f"(?:{alternation(list(self.numbers))})",
        }
        for placeholder, regex in replacements.items():
            pattern = pattern.replace(placeholder, regex)
        return pattern

    # --- the stage ----------------------------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, dates=self.resolve(article.text, article.published))

    def resolve(self, text: str, published: dt.date | None) -> tuple[DateMention, ...]:
        """Every date expression in `text`, in text order, resolved against `published`."""
        mentions: list[DateMention] = []
        for match in self._matches(text):
            if match.rule.kind == "anchored":
                mention = self._resolve_anchored(text, match, mentions)
            else:
                mention = self._resolve(text, match, published)
            if mention is not None:
                mentions.append(mention)
        return tuple(mentions)

    def _matches(self, text: str) -> list[_Match]:
        found = [
            (order, _Match(m.start(), m.end(), rule, m.groupdict()))
            for order, rule in enumerate(self.rules)
            for m in rule.regex.finditer(text)
            if m.end() > m.start()
        ]
        # the longest expression wins; for equal lengths the earlier entry of the data
        found.sort(key=lambda pair: (pair[1].start - pair[1].end, pair[0], pair[1].start))
        taken: list[_Match] = []
        for _, match in found:
            if all(match.end <= other.start or match.start >= other.end for other in taken):
                taken.append(match)
        return sorted(taken, key=lambda m: m.start)

    # --- resolving ------------------------------------------------------------------------------------------
    def _resolve(self, text: str, match: _Match, published: dt.date | None) -> DateMention | None:
        rule = match.rule
        direction = rule.direction
        if direction == "past" and self._future_marked(text, match.start):
            direction = "future"
        if rule.kind == "unresolved":
            return _mention(text, match, None, None, f"{rule.id}: {rule.reason}")
        if rule.kind == "offset":
            if published is None:
                return _mention(text, match, None, None, f"{rule.id}: publication date unknown")
            value = shift(published, rule.unit or "day", rule.amount)
            return _mention(text, match, value, rule.unit or "day", rule.id)
        if rule.kind == "weekday":
            weekday = self.weekdays[match.groups["weekday"].lower()]
            if published is None:
                return _mention(text, match, None, None, f"{rule.id}: publication date unknown")
            return _mention(text, match, nearest_weekday(weekday, published, direction), "day", rule.id)
        return self._resolve_calendar(text, match, published, direction)

    def _resolve_calendar(
        self, text: str, match: _Match, published: dt.date | None, direction: str
    ) -> DateMention | None:
        groups = match.groups
        day = int(groups["day"]) if groups.get("day") else None
        month = _month_number(groups, self.months)
        year = _year_number(groups.get("year"))
        weekday = self.weekdays[groups["weekday"].lower()] if groups.get("weekday") else None
        rule = match.rule.id
        if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
            return None  # "45/3" is not a date
        if year is None and month is None:
            return None
        if year is None:
            if published is not None:
                year = infer_year(month, day, published, direction)
            elif weekday is not None and day is not None:
                year = year_from_weekday(month, day, weekday, self.today or dt.date.today())
            if year is None:
                return _mention(text, match, None, None, f"{rule}: year unknown")
        if month is None:
            return _mention(text, match, f"{year:04d}", "year", rule)
        if day is None:
            return _mention(text, match, f"{year:04d}-{month:02d}", "month", rule)
        if day > _calendar.monthrange(year, month)[1]:
            return None
        return _mention(text, match, f"{year:04d}-{month:02d}-{day:02d}", "day", rule)

    def _resolve_anchored(self, text: str, match: _Match, earlier: Sequence[DateMention]) -> DateMention:
        rule = match.rule
        count = _count(match.groups.get("count"), self.numbers)
        anchor = next((m for m in reversed(earlier) if m.precision == "day" and m.value), None)
        if anchor is None:
            return _mention(text, match, None, None, f"{rule.id}: no earlier date to count from")
        value = dt.date.fromisoformat(anchor.value) + dt.timedelta(days=rule.amount * count)
        return _mention(text, match, value.isoformat(), "day", rule.id)

    def _future_marked(self, text: str, start: int) -> bool:
        return _preceded_by(text, start, self.future_markers, FUTURE_WINDOW)

    def lies_ahead(self, text: str, mention: DateMention) -> bool:
        """Whether the words put `mention` after the publication day: an expression of the future ("besok",
        "Senin mendatang") or one after a future marker ("akan diperiksa pada Senin (23/6)")."""
        return mention.rule.split(":")[0] in self.ahead_rules or self._future_marked(text, mention.start)

    def in_later_clause(self, text: str, end: int, mention: DateMention) -> bool:
        """Whether `mention`, told after the words ending at `end`, sits in an "after" clause that opens between
        them ("Iran memanggil dubes itu setelah polisi menangkap ... pada Kamis"): it dates that clause only."""
        between = text[end : mention.start]
        if mention.start < end or between.rstrip().endswith(","):
            return False  # "... usai operasi tangkap tangan, Rabu (19/6).": set off, it dates the whole sentence
        return any(word in self.after_clause for word in re.findall(r"\w+", between.lower()))

    def reaches_forward(self, mention: DateMention) -> bool:
        """Whether `mention` dates only the words after it ("dua hari setelah Teheran menyerang ...")."""
        return mention.rule.split(":")[0] in self.forward_rules

    def report_kind(self, text: str, mention: DateMention) -> str | None:
        """Whether a day-precise `mention` dates a statement ("speech": "kata X kepada wartawan, Rabu (18/6)") or
        the outlet's relaying of it ("relay": "Dilansir AFP, Kamis (19/6)"), or neither (None)."""
        if mention.precision != "day" or not CLOSES_CLAUSE.match(text, mention.end):
            return None  # "X mengatakan pasukannya pada hari Senin menyerang …" dates the attack, not the words
        # the marker nearest the date decides: "…," ujarnya, mengutip Palestine Chronicle, Senin (9/6)" is a relay
        for word in reversed(_words_before(text, mention.start, REPORT_WINDOW)):
            if word in self.report_markers:
                return "speech"
            if word in self.relay_markers:
                return "relay"
        return None

    def named_noun(self, text: str, mention: DateMention) -> tuple[int, int] | None:
        """The span of the event noun `mention` names, if it is one's name rather than a date of its clause:
        "serangan 7 Oktober", "gencatan senjata 27 November", "the October 7 attack"; None for "pada 7 Oktober"."""
        first = re.match(r"\w+", mention.text)
        if first is None or first.group().lower() in self.date_prepositions:
            return None
        if self.noun_before is not None:
            window = max(0, mention.start - NOUN_WINDOW)
            found = self.noun_before.search(text, window, mention.start)
            if found is not None:
                return found.start("noun"), found.end("noun")
        if self.noun_after is not None:
            found = self.noun_after.match(text, mention.end, mention.end + NOUN_WINDOW)
            if found is not None:
                return found.start("noun"), found.end("noun")
        return None

    def restates(self, sentence: str) -> bool:
        """Whether `sentence` opens by restating the event told before it ("Hal itu disampaikan …, Senin (20/10))."""
        return any(pattern.match(sentence) for pattern in self.restate)


# --- calendar arithmetic (pure functions) ---------------------------------------------------------------------
def shift(day: dt.date, unit: str, amount: int) -> str:
    """`day` moved by `amount` days, months or years, written at that unit's precision."""
    if unit == "day":
        return (day + dt.timedelta(days=amount)).isoformat()
    if unit == "month":
        index = day.year * 12 + day.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "year":
        return f"{day.year + amount:04d}"
    raise KronikError("E413", f"dates: unknown unit {unit!r}")


def nearest_weekday(weekday: int, published: dt.date, direction: str = "past") -> str:
    """The named weekday nearest the publication day in `direction`.

    past: on or before publication (the publication day itself when it is that weekday: news of the day);
    before: strictly before; future: strictly after.
    """
    if direction == "future":
        days = (weekday - published.weekday()) % 7 or 7
        return (published + dt.timedelta(days=days)).isoformat()
    days = (published.weekday() - weekday) % 7
    if direction == "before" and days == 0:
        days = 7
    return (published - dt.timedelta(days=days)).isoformat()


def infer_year(month: int, day: int | None, published: dt.date, direction: str = "past") -> int:
    """The year that puts month (and day) on or before publication, or on or after it for the future."""
    year = published.year
    here = (month, day or 1)
    now = (published.month, published.day if day else 1)
    if direction == "future":
        return year if here >= now else year + 1
    return year if here <= now else year - 1


def year_from_weekday(month: int, day: int, weekday: int, today: dt.date) -> int | None:
    """The most recent year, not after `today`, in which day/month fell on `weekday`."""
    for year in range(today.year, today.year - YEARS_SEARCHED, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= today and candidate.weekday() == weekday:
            return year
    return None


# --- small helpers ------------------------------------------------------------------------------------------------
def _preceded_by(text: str, start: int, words: frozenset[str], window: int) -> bool:
    """Whether one of `words` occurs shortly before `start`, in the same sentence and outside quotes."""
    return any(word in words for word in _words_before(text, start, window))


def _words_before(text: str, start: int, window: int) -> list[str]:
    """The words shortly before `start`, in the same sentence and outside quotes, lower-cased."""
    before = re.split(r"[.!?\n\"“”]", text[max(0, start - window) : start])[-1]
    return re.findall(r"\w+", before.lower())


def _event_noun_patterns(entries: Sequence[dict[str, Any]]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Patterns finding the event noun a date names: one for nouns before the date (up to two capitalised words
    between: "serangan Hamas 7 Oktober"), one for nouns after it ("the October 7 attack")."""
    sides: dict[str, list[str]] = {"before": [], "after": []}
    for entry in entries:
        if entry["kind"] == "event_noun":
            sides[str(entry.get("side", "before"))].extend(str(word) for word in entry["words"])

    def nouns(words: list[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        written = (r"\s+".join(re.escape(part) for part in word.split()) for word in ordered)
        return "(?P<noun>(?i:" + "|".join(written) + "))"

    before = (
        re.compile(r"(?<![\w-])" + nouns(sides["before"]) + r"(?:\s+[A-Z][\w.-]*){0,2}\s+$")
        if sides["before"]
        else None
    )
    after = re.compile(r"\s+" + nouns(sides["after"]) + r"(?![\w-])") if sides["after"] else None
    return before, after


def _mention(text: str, match: _Match, value: str | None, precision: str | None, rule: str) -> DateMention:
    return DateMention(match.start, match.end, text[match.start : match.end], value, precision, rule)


def _words_of(entries: Sequence[dict[str, Any]], kind: str) -> frozenset[str]:
    return frozenset(str(word).lower() for entry in entries if entry["kind"] == kind for word in entry["words"])


def _number_words(entries: Sequence[dict[str, Any]]) -> dict[str, int]:
    return {str(e["pattern"]).lower(): int(e["value"]) for e in entries if e["kind"] == "number"}


def _count(raw: str | None, numbers: dict[str, int]) -> int:
    if raw is None:
        return 1
    return int(raw) if raw.isdigit() else numbers.get(raw.lower(), 1)


def _month_number(groups: dict[str, str | None], months: dict[str, int]) -> int | None:
    if groups.get("mon"):
        return int(groups["mon"] or 0)
    if groups.get("month"):
        return months[(groups["month"] or "").lower()]
    return None


def _year_number(raw: str | None) -> int | None:
    if not raw:
        return None
    year = int(raw)
    return 2000 + year if len(raw) == 2 else year
