"""Which date an event has: the date expression that governs the words reporting it.

`kronik.dates` finds and resolves every date expression of an article; this module decides, for the words of
one event, which of them dates it. The order of evidence:

1. a date in the same clause-bound sentence, the closest to the words (preferring one inside them); a date
   that only reaches forward ("dua hari setelah ...") dates only the words after it; a vague one ("pekan lalu")
   only the words it touches, and then gives a null value with its reason;
2. else the date a neighbouring sentence gives for the report ("... kata X kepada wartawan, Rabu (18/6).");
3. else the day-precise date of one of the previous sentences (`carry_sentences`), as an analyst reading on
   dates "Iran mengutuk serangan itu" by the attack told just before;
4. else, for the opening sentences, the article's dateline ("Dilansir AFP, Kamis (19/6/2025), ...");
5. else (None, None, "no date in sentence"): never the publication date by default.

`EventDater` holds the resolver and the settings (from `Config`), and is built once and handed to the coder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kronik.dates import DateResolver
from kronik.records import Article, DateMention, Sentence

LEAD_CHARS = 600  # the opening characters searched for the article's dateline ("Dilansir AFP, Kamis (19/6/2025)")
VAGUE_REACH = 20  # a vague expression ("pekan lalu") dates only the words it touches or nearly touches
NO_DATE = "no date in sentence"

DatedSpan = tuple[str | None, str | None, str]  # (value, precision, the words it came from or why it is null)


@dataclass(frozen=True)
class DatingSettings:
    report_neighbours: int = 2  # sentences either side searched for the date a statement was reported
    carry_sentences: int = 1  # previous sentences whose day-precise date an undated event takes (0: none)


class EventDater:
    """Dates the words of an event from the article's date mentions (see the module docstring)."""

    def __init__(self, resolver: DateResolver, settings: DatingSettings = DatingSettings()):
        self.resolver = resolver
        self.settings = settings

    def date_of(self, article: Article, start: int, end: int) -> DatedSpan:
        """The date of the event reported by `article.text[start:end]`: (value, precision, evidence or reason)."""
        mentions = article.dates
        if not mentions and "dates" not in article.stages:
            mentions = self.resolver.resolve(article.text, article.published)
        sentence_start, sentence_end = _sentence_bounds(article, start, end)
        candidates = [
            m
            for m in mentions
            if m.start >= sentence_start
            and m.end <= sentence_end
            and (m.value is not None or _distance(m, start, end) <= VAGUE_REACH)
            and (not self.resolver.reaches_forward(m) or m.start <= start)
        ]
        if not candidates:
            return self._from_context(article, mentions, start)
        best = min(candidates, key=lambda m: (_distance(m, start, end), m.start < start))
        if best.value is None:
            return None, None, best.rule
        return best.value, best.precision, best.text

    def _from_context(self, article: Article, mentions: Sequence[DateMention], start: int) -> DatedSpan:
        """The date of the report given nearby, one carried from the sentences before, or the dateline's."""
        sentence = _sentence_at(article, start)
        if sentence is None:
            return None, None, NO_DATE
        index = sentence.index
        by_index = {s.index: s for s in article.sentences}
        reports, carry = self.settings.report_neighbours, self.settings.carry_sentences
        reach = max(reports, carry)
        # nearest sentences first, the one after before the one before: "…, kata X, Rabu (18/6)." follows its quote
        for step in sorted(range(-reach, reach + 1), key=lambda k: (abs(k), k < 0)):
            neighbour = by_index.get(index + step)
            if step == 0 or neighbour is None:
                continue
            inside = _inside(mentions, neighbour)
            if abs(step) <= reports:
                report = self._report_date(article.text, inside)
                if report is not None:
                    return report.value, report.precision, f"{report.text} (reported in a nearby sentence)"
            days = (
                [m for m in inside if m.precision == "day" and not self.resolver.reaches_forward(m)]
                if -carry <= step < 0
                else []
            )
            if days:
                mention = days[-1]
                return mention.value, mention.precision, f"{mention.text} (carried from an earlier sentence)"
        dateline = self._dateline(article, mentions)
        if dateline is not None and index <= dateline[0]:
            mention = dateline[1]
            return mention.value, mention.precision, f"{mention.text} (dateline of the lead)"
        return None, None, NO_DATE

    def _report_date(self, text: str, mentions: Sequence[DateMention]) -> DateMention | None:
        """The day a statement was made, else the day an outlet relayed it ("Dirangkum …, Jumat (29/5), hal itu
        disampaikan Trump … Rabu (27/5)": Wednesday)."""
        reported = [(kind, m) for m in mentions if (kind := self.resolver.report_kind(text, m))]
        return min(reported, key=lambda pair: pair[0] != "speech")[1] if reported else None

    def _dateline(self, article: Article, mentions: Sequence[DateMention]) -> tuple[int, DateMention] | None:
        """The report date of the article's opening sentences and the index of its sentence, if there is one."""
        for mention in mentions:
            if mention.start >= LEAD_CHARS:
                break
            sentence = _sentence_at(article, mention.start)
            if sentence is not None and self.resolver.report_kind(article.text, mention):
                return sentence.index, mention
        return None


def _sentence_at(article: Article, offset: int) -> Sentence | None:
    return next((s for s in article.sentences if s.start <= offset < s.end), None)


def _inside(mentions: Sequence[DateMention], sentence: Sentence) -> list[DateMention]:
    return [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]


def _distance(mention: DateMention, start: int, end: int) -> int:
    if mention.end <= start:
        return start - mention.end
    if mention.start >= end:
        return mention.start - end
    return 0


def _sentence_bounds(article: Article, start: int, end: int) -> tuple[int, int]:
    sentence = _sentence_at(article, start)
    if sentence is not None:
        return sentence.start, max(sentence.end, end)
    text = article.text
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? "))
    rights = [i for i in (text.find(mark, end) for mark in (". ", "\n", "! ", "? ")) if i >= 0]
    return left + 1, min(rights) if rights else len(text)


__all__ = ["DatingSettings", "EventDater", "NO_DATE"]
