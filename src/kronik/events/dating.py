"""Which date an event has: the date expression that governs the words reporting it.

`kronik.dates` finds and resolves every date expression of an article; this module decides, for the words of
one event, which of them dates it. The order of evidence:

1. a date in the same clause-bound sentence, the closest to the words (preferring one inside them); a date
   that only reaches forward ("dua hari setelah ...") dates only the words after it; a vague one ("pekan lalu")
   only the words it touches, and then gives a null value with its reason; a date in an "after" clause told
   after the words ("... setelah polisi menangkap X pada Kamis") dates only that clause's event; a future event
   with no date of its own takes the day ahead the next sentences set ("Pemeriksaannya besok");
2. else the date a neighbouring sentence gives for the report ("... kata X kepada wartawan, Rabu (18/6).");
3. else, for statements and meetings only (`DatingSettings.told_categories`), the day of a later sentence that
   restates the event ("Hal itu disampaikan ..., Senin (20/10)");
4. else the day-precise date of one of the previous sentences (`carry_sentences`), as an analyst reading on
   dates "Iran mengutuk serangan itu" by the attack told just before;
5. else the date the story is told at (a report date some sentences before): a statement is made the day it
   is reported, up to `report_carry_sentences` back; a material act (a strike, an arrest) only in the few
   sentences that tell the day's news right after it (`material_carry_sentences`): further on, an act told
   in passing ("Tentara Israel juga membunuh ...") is background, which the day of the story does not date;
6. else, for the opening sentences, the article's dateline ("Dilansir AFP, Kamis (19/6/2025), ...");
7. else (None, None, "no date in sentence"): never the publication date by default.

Only a future event, or the words of its own sentence, give a day after publication ("besok", "Senin mendatang").

`EventDater` holds the resolver and the settings (from `Config`), and is built once and handed to the coder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from kronik.config import Config
from kronik.dates import DateResolver
from kronik.records import Article, DateMention, Sentence

TODAY_RULE = "today"  # the rule id of "hari ini" / "today" in lang/<code>/dates.yaml
TODAY_LAG_DAYS = 2  # a lead dated this many days before publication still sets what "hari ini" means
LEAD_CHARS = 600  # the opening characters searched for the article's dateline ("Dilansir AFP, Kamis (19/6/2025)")
VAGUE_REACH = 20  # a vague expression ("pekan lalu") dates only the words it touches or nearly touches
NO_DATE = "no date in sentence"

DatedSpan = tuple[str | None, str | None, str]  # (value, precision, the words it came from or why it is null)
# PLOVER categories of what is said or done face to face: dated by the day the story reports them
TOLD = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONSULT", "CONCEDE"})


@dataclass(frozen=True)
class DatingSettings:
    report_neighbours: int = 2  # sentences either side searched for the date a statement was reported
    carry_sentences: int = 1  # previous sentences whose day-precise date an undated event takes (0: none)
    report_carry_sentences: int = 20  # sentences back a report date ("kata X, Rabu (22/10)") still dates statements
    told_categories: frozenset[str] = TOLD  # the categories the story's day and a restating sentence date
    material_carry_sentences: int = 3  # sentences back the story's day still dates a material act (strike, arrest)
    future_sentences: int = 3  # sentences after a future event searched for the day ahead it is set for

    @classmethod
    def from_config(cls, config: Config) -> DatingSettings:
        return cls(config.date_report_neighbours, config.date_carry_sentences, config.date_report_carry_sentences)


class EventDater:
    """Dates the words of an event from the article's date mentions (see the module docstring)."""

    def __init__(self, resolver: DateResolver, settings: DatingSettings = DatingSettings()):
        self.resolver = resolver
        self.settings = settings

    def date_of(
        self, article: Article, start: int, end: int, category: str | None = None, future: bool = False
    ) -> DatedSpan:
        """The date of the event reported by `article.text[start:end]`: (value, precision, evidence or reason).
        `category` (PLOVER) says whether the story's day may date it (statements, meetings) or not (uses of
        force, arrests, deployments); None lets every rule apply. A `future` event ("KPK akan memanggil X")
        takes the day ahead the next sentences set it for ("Pemeriksaannya besok"); any other event takes a day
        after publication only from its own sentence, where the date's words say it lies ahead."""
        told = category is None or category in self.settings.told_categories
        mentions = article.dates
        if not mentions and "dates" not in article.stages:
            mentions = self.resolver.resolve(article.text, article.published)
        mentions = [m for m in mentions if self._dates_words(article.text, m, start, end)]
        sentence_start, sentence_end = _sentence_bounds(article, start, end)
        candidates = [
            m
            for m in mentions
            if m.start >= sentence_start
            and m.end <= sentence_end
            and (m.value is not None or _distance(m, start, end) <= VAGUE_REACH)
            and (not self.resolver.reaches_forward(m) or m.start <= start)
            and not self.resolver.in_later_clause(article.text, end, m)
        ]
        if not candidates:
            ahead = self._day_ahead(article, mentions, start) if future else None
            if ahead is not None:
                return ahead.value, ahead.precision, f"{ahead.text} (the day ahead a later sentence sets)"
            before = [m for m in mentions if not self._ahead(article, m)]
            return self._from_context(article, before, start, told=told)
        best = min(candidates, key=lambda m: (_distance(m, start, end), m.start < start))
        if best.value is None:
            return None, None, best.rule
        if self.resolver.report_kind(article.text, best) == "relay":
            # "…," demikian pernyataan itu, dilansir AFP, Rabu (27/5)": the outlet's day; the story may give its own
            return self._from_context(article, mentions, start, relay=best, told=told)
        if best.rule == TODAY_RULE:
            lead = self._dateline(article, mentions)
            if lead is not None and _just_before(lead[1].value, best.value):
                # "hari ini" is the day the story is written at: the lead's "Jakarta, Selasa (21/10)", published later
                return lead[1].value, "day", f"{best.text} (the day of the lead, {lead[1].text})"
        return best.value, best.precision, best.text

    def _dates_words(self, text: str, mention: DateMention, start: int, end: int) -> bool:
        """False for a date that names another event ("... setelah serangan 7 Oktober"): it dates only that noun."""
        noun = self.resolver.named_noun(text, mention)
        return noun is None or (start <= noun[0] and noun[1] <= end)

    def _from_context(
        self, article: Article, mentions: Sequence[DateMention], start: int, relay: DateMention | None = None,
        told: bool = True,
    ) -> DatedSpan:
        """The date a nearby sentence gives the statement (its speech date, or the date of a sentence restating the
        event: "Hal itu disampaikan ..., Senin (20/10)"), one carried from the sentence before, an outlet's relay
        date nearby, the report date the sentences before go on from, or the dateline's."""
        sentence = _sentence_at(article, start)
        if sentence is None:
            return None, None, NO_DATE
        index = sentence.index
        by_index = {s.index: s for s in article.sentences}
        reports, carry = self.settings.report_neighbours, self.settings.carry_sentences
        # nearest sentences first, the one after before the one before: "…, kata X, Rabu (18/6)." follows its quote
        for step in sorted(range(-max(reports, carry), max(reports, carry) + 1), key=lambda k: (abs(k), k < 0)):
            neighbour = by_index.get(index + step)
            if step == 0 or neighbour is None:
                continue
            inside = _inside(mentions, neighbour)
            days = [m for m in inside if m.precision == "day" and not self.resolver.reaches_forward(m)]
            if abs(step) <= reports:
                kind, report = self._report_date(article.text, inside)
                if kind == "speech" and report is not None:
                    return report.value, report.precision, f"{report.text} (reported in a nearby sentence)"
                if kind == "relay" and relay is None:
                    relay = report
                if told and step > 0 and days and self._restates(neighbour, by_index, index, mentions):
                    return days[0].value, "day", f"{days[0].text} (a later sentence restates the event)"
            if -carry <= step < 0 and days:
                mention = days[-1]
                return mention.value, mention.precision, f"{mention.text} (carried from an earlier sentence)"
        reach = self.settings.report_carry_sentences if told else self.settings.material_carry_sentences
        report = self._report_before(article, mentions, index, reach)
        if report is not None:
            return report.value, report.precision, f"{report.text} (date the story is told at)"
        if relay is not None:
            return relay.value, relay.precision, f"{relay.text} (relayed by an outlet)"
        dateline = self._dateline(article, mentions)
        if dateline is not None and index <= dateline[0]:
            mention = dateline[1]
            return mention.value, mention.precision, f"{mention.text} (dateline of the lead)"
        return None, None, NO_DATE

    def _day_ahead(self, article: Article, mentions: Sequence[DateMention], start: int) -> DateMention | None:
        """The first day after publication told in the sentences after a future event's, up to
        `future_sentences` on, unless a past day of another event comes first (report dates do not count)."""
        sentence = _sentence_at(article, start)
        if sentence is None:
            return None
        by_index = {s.index: s for s in article.sentences}
        for index in range(sentence.index + 1, sentence.index + 1 + self.settings.future_sentences):
            neighbour = by_index.get(index)
            if neighbour is None:
                return None
            inside = [m for m in _inside(mentions, neighbour) if m.value and m.precision == "day"]
            ahead = [m for m in inside if self._ahead(article, m)]
            if ahead:
                return ahead[0]
            if any(not self.resolver.report_kind(article.text, m) for m in inside):
                return None  # "Polisi menangkap bupati itu pada Rabu (10/1).": another day's event
        return None

    def _ahead(self, article: Article, mention: DateMention) -> bool:
        """Whether a date lies after the publication day because its words say so ("besok", "akan ... Senin")."""
        published = article.published
        if not mention.value or published is None or mention.value[:10] <= published.isoformat():
            return False
        return self.resolver.lies_ahead(article.text, mention)

    def _report_date(self, text: str, mentions: Sequence[DateMention]) -> tuple[str | None, DateMention | None]:
        """The day a statement was made ("speech"), else the day an outlet relayed it ("relay": "Dirangkum …,
        Jumat (29/5), hal itu disampaikan Trump … Rabu (27/5)": Wednesday), else (None, None)."""
        reported = [(kind, m) for m in mentions if (kind := self.resolver.report_kind(text, m))]
        if not reported:
            return None, None
        return min(reported, key=lambda pair: pair[0] != "speech")

    def _restates(self, neighbour: Sentence, by_index: dict[int, Sentence], index: int,
                  mentions: Sequence[DateMention]) -> bool:
        """Whether a later `neighbour` restates the event of sentence `index`, with no date in between."""
        between = (by_index.get(k) for k in range(index + 1, neighbour.index))
        if any(s is not None and _inside(mentions, s) for s in between):
            return False
        return self.resolver.restates(neighbour.text)

    def _report_before(
        self, article: Article, mentions: Sequence[DateMention], index: int, reach: int
    ) -> DateMention | None:
        """The date the story is told at, which the sentences further on still take as long as no other day-precise
        date comes between (`reach` sentences back at most): a report date ("kata X kepada
        wartawan, Rabu (22/10)") or the day of the lead's news ("Menlu Iran ... pada hari Jumat (19/1) ...")."""
        by_index = {s.index: s for s in article.sentences}
        relay: DateMention | None = None  # the latest relay date passed, when the story gives no day of its own
        for back in range(index - 1, index - 1 - reach, -1):
            sentence = by_index.get(back)
            if sentence is None:
                break
            days = [m for m in _inside(mentions, sentence) if m.precision == "day" and m.value]
            # an outlet's relay date ("dilansir AFP, Rabu (27/5)") does not move the story to another day
            relays = [m for m in days if self.resolver.report_kind(article.text, m) == "relay"]
            days = [m for m in days if m not in relays]
            relay = relay or (relays[-1] if relays else None)
            if days:
                last = days[-1]
                in_lead = last.start < LEAD_CHARS and days[0] is self._first_story_day(article.text, mentions)
                return last if in_lead or self.resolver.report_kind(article.text, last) else relay
        return relay

    def _first_story_day(self, text: str, mentions: Sequence[DateMention]) -> DateMention | None:
        """The article's first day-precise date that is not an outlet's relay date."""
        days = (m for m in mentions if m.precision == "day" and m.value)
        return next((m for m in days if self.resolver.report_kind(text, m) != "relay"), None)

    def _dateline(self, article: Article, mentions: Sequence[DateMention]) -> tuple[int, DateMention] | None:
        """The report date of the article's opening sentences and the index of its sentence, if there is one."""
        for mention in mentions:
            if mention.start >= LEAD_CHARS:
                break
            sentence = _sentence_at(article, mention.start)
            if sentence is not None and self.resolver.report_kind(article.text, mention):
                return sentence.index, mention
        return None


def _just_before(lead: str | None, today: str | None) -> bool:
    """Whether the day-precise `lead` date lies one or two days before `today` (both YYYY-MM-DD)."""
    if not lead or not today or len(lead) != 10 or len(today) != 10:
        return False
    gap = (dt.date.fromisoformat(today) - dt.date.fromisoformat(lead)).days
    return 0 < gap <= TODAY_LAG_DAYS


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


__all__ = ["DatingSettings", "EventDater", "NO_DATE", "TOLD"]
