"""kronik's own event test corpus: pass rates per category, feature and language.

The cases live in `tests/corpus/events_<language>.yaml` (written for kronik, never taken from shared data).
Each case is a one- or two-sentence news text with a published date, the events it must yield and the
categories it must not yield. Every case is run through `kronik.api.process` as a one-article corpus in its
own language; a case passes when every expected event is found (category, actors, recipients and, where the
case gives one, the date at its precision) and no forbidden category appears (`expect: []` forbids every
event). Matching follows `shared/eval/FORMAT.md`: `kronik.evaluate.scoring.event_matches` with
`spec_matches` at country level (a three-letter code, or a code with a sector, matches a predicted actor's
country; any other name matches a predicted actor's name or aliases by `NameMatcher`).

    python benchmarks/event_cases.py                 # pass rates per language, category and feature
    python benchmarks/event_cases.py -v              # and, for each failing case, what was predicted
    python benchmarks/event_cases.py --language en --json

The floor the test suite holds the pass rates to is pinned in `tests/corpus/baseline.json`; it is raised as
the coder improves (never lowered without saying why in the commit).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kronik import api
from kronik.config import Config
from kronik.evaluate.names import NameMatcher
from kronik.evaluate.scoring import date_agrees, event_matches, predicted_date, spec_matches
from kronik.records import RawArticle
from kronik.serialize import mention_dicts

log = logging.getLogger(__name__)

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
LANGUAGES = ("id", "en")
CODE = re.compile(r"^[A-Z]{3}(GOV|MIL|COP|SPY|JUD|LEG|PTY|REB|OPP|CVL|MED|BUS|NGO|IGO)?$")
NO_EVENT = "(none)"  # the category bucket of cases that must yield no event at all

# What a case exercises; every case lists the features it has (the schema test keeps to this list).
FEATURES = {
    "passive": "the recipient is the grammatical subject (di- verbs, 'oleh', 'was arrested by')",
    "negation": "a negated event that must not be coded ('tidak', 'belum', 'did not')",
    "denial": "a denial ('membantah telah', 'denied'): the denied act is not coded; the denial is REJECT",
    "quote": "the event is reported in a quote or with a speech tag ('kata X', 'ujarnya', 'menurut X', 'said')",
    "reciprocal": "a meeting, call or agreement with several parties and no recipient ('X dan Y bertemu')",
    "compound_actor": "two or more actors joined in one event",
    "future": "a future event: cooperation becomes AGREE, other future events yield nothing",
    "purpose": "an act an actor is invited, asked or sent to do ('untuk mengunjungi', 'agar menghentikan'), not told as done",
    "hypothetical": "a conditional event that must not be coded ('jika', 'apabila', 'if')",
    "noun_form": "the event is told with a noun ('serangan Israel ke', 'the arrest of')",
    "relative_date": "the date is relative to the published date ('Selasa (16/1)', 'bulan lalu', 'yesterday')",
    "undated": "the text gives no time: the event date must be null, not the published date",
    "anaphora": "the second sentence refers back to the first ('dua hari kemudian', 'serangan itu')",
    "law_enforcement": "domestic law enforcement: investigate, arrest, detain, seize, convict",
    "title_actor": "the actor is named by a title or body, not a country name ('Menlu', 'Kapolri', 'DPR')",
    "multi_event": "one text reports two or more events",
    "capital_metonym": "a capital city stands for its state ('Teheran', 'Beijing')",
    "group_actor": "a non-state group or an international organisation takes part",
    "out_of_scope": "no political event: sports, business between companies, appointments",
}


@dataclass(frozen=True)
class Expected:
    """One event a case must yield; specs in the `shared/eval/FORMAT.md` shape."""

    category: str
    actors: tuple[dict[str, Any], ...]
    recipients: tuple[dict[str, Any], ...]
    date: str | None = None
    date_checked: bool = False  # the case gives `date` (null included: then the event must be undated)
    mode: str | None = None

    def as_gold(self) -> dict[str, Any]:
        return {"category": self.category, "actors": list(self.actors), "recipients": list(self.recipients)}


@dataclass(frozen=True)
class Case:
    id: str
    language: str
    published: str
    text: str
    features: tuple[str, ...]
    expect: tuple[Expected, ...]
    expect_none: tuple[str, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories the case is about (its expected events), or the no-event bucket."""
        found = tuple(dict.fromkeys(e.category for e in self.expect))
        return found or (NO_EVENT,)


@dataclass(frozen=True)
class Outcome:
    case: Case
    mentions: tuple[dict[str, Any], ...]
    missing: tuple[Expected, ...] = ()
    forbidden: tuple[dict[str, Any], ...] = ()
    mode_checks: tuple[bool, ...] = field(default=())  # per matched expected event with a mode: mode right?

    @property
    def passed(self) -> bool:
        return not self.missing and not self.forbidden


# --- loading ---------------------------------------------------------------------------------------------


def spec(value: str | dict[str, Any]) -> dict[str, Any]:
    """An actor spec from the compact corpus form: "IRN" or "IDNCOP" -> a code spec; "Hamas" or
    "United Nations|PBB" -> a group spec (name, then aliases); a mapping is taken as a FORMAT.md spec."""
    if isinstance(value, dict):
        return dict(value)
    text = str(value).strip()
    if CODE.match(text):
        return {"code": text}
    name, *aliases = [part.strip() for part in text.split("|")]
    return {"group": name, "aliases": aliases} if aliases else {"group": name}


def _date_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _expected(entry: dict[str, Any]) -> Expected:
    return Expected(
        category=str(entry["category"]),
        actors=tuple(spec(a) for a in entry.get("actors") or ()),
        recipients=tuple(spec(r) for r in entry.get("recipients") or ()),
        date=_date_text(entry.get("date")),
        date_checked="date" in entry,
        mode=entry.get("mode"),
    )


def case_file(language: str, folder: Path = CORPUS) -> Path:
    return folder / f"events_{language}.yaml"


def read_corpus(language: str, folder: Path = CORPUS) -> dict[str, Any]:
    """The raw YAML mapping of one language's case file."""
    with case_file(language, folder).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_cases(language: str, folder: Path = CORPUS) -> list[Case]:
    """The cases of `tests/corpus/events_<language>.yaml`, in file order."""
    return [
        Case(
            id=str(entry["id"]),
            language=language,
            published=_date_text(entry["published"]) or "",
            text=str(entry["text"]).strip(),
            features=tuple(entry.get("features") or ()),
            expect=tuple(_expected(e) for e in entry.get("expect") or ()),
            expect_none=tuple(entry.get("expect_none") or ()),
        )
        for entry in read_corpus(language, folder)["entries"]
    ]


# --- judging ---------------------------------------------------------------------------------------------


def judge(case: Case, mentions: Sequence[dict[str, Any]], matcher: NameMatcher) -> Outcome:
    """Whether the mentions of one case satisfy it: expected events matched one-to-one (a mention whose date
    agrees, where the case gives a date), and no mention of a category in `expect_none` (any mention at all
    when the case has neither expected events nor `expect_none`)."""

    def test(spec_: dict[str, Any], actor: dict[str, Any]) -> bool:
        return spec_matches(spec_, actor, matcher)

    taken: set[int] = set()
    missing: list[Expected] = []
    modes: list[bool] = []
    for expected in case.expect:
        gold = expected.as_gold()
        candidates = [i for i, m in enumerate(mentions) if i not in taken and event_matches(gold, m, test)]
        if expected.date_checked:
            candidates = [i for i in candidates if date_agrees(expected.date, predicted_date(mentions[i]))]
        if not candidates:
            missing.append(expected)
            continue
        taken.add(candidates[0])
        if expected.mode:
            modes.append(str(mentions[candidates[0]].get("mode") or "") == expected.mode)
    if case.expect or case.expect_none:
        forbidden = [m for m in mentions if m["category"] in case.expect_none]
    else:
        forbidden = list(mentions)
    return Outcome(case, tuple(mentions), tuple(missing), tuple(forbidden), tuple(modes))


def run_cases(cases: Sequence[Case], matcher: NameMatcher | None = None) -> list[Outcome]:
    """Every case through `kronik.api.process`, one article per case, in the case's language.

    The cases of one language go through one `process` call, so the stages are built once; each case is its
    own outlet, so no line of one case is taken for another's boilerplate and each is a one-article corpus
    for the per-article stages.
    """
    matcher = matcher or NameMatcher.for_languages(LANGUAGES)
    by_language: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_language[case.language].append(case)
    outcomes: dict[str, Outcome] = {}
    for language, group in by_language.items():
        config = Config(languages=(language,), default_language=language, show_progress=False)
        raw = [RawArticle(id=c.id, text=c.text, published=c.published, outlet=f"case:{c.id}") for c in group]
        processed = api.process(raw, config)
        articles = {a.id: a for a in processed.articles}
        for case in group:
            outcomes[case.id] = judge(case, mention_dicts(articles[case.id]), matcher)
    return [outcomes[c.id] for c in cases]


# --- figures ---------------------------------------------------------------------------------------------


def _rate(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    outcomes = list(outcomes)
    passed = sum(o.passed for o in outcomes)
    return {"cases": len(outcomes), "passed": passed, "rate": passed / len(outcomes) if outcomes else None}


def pass_rates(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Pass rates overall, per language, per category (cases expecting it) and per feature."""
    groups: dict[str, dict[str, list[Outcome]]] = {"language": {}, "category": {}, "feature": {}}
    for outcome in outcomes:
        case = outcome.case
        groups["language"].setdefault(case.language, []).append(outcome)
        for category in case.categories:
            groups["category"].setdefault(category, []).append(outcome)
        for feature in case.features:
            groups["feature"].setdefault(feature, []).append(outcome)
    checks = [ok for o in outcomes for ok in o.mode_checks]
    return {
        "overall": _rate(outcomes),
        **{kind: {key: _rate(items) for key, items in sorted(found.items())} for kind, found in groups.items()},
        "mode_accuracy": sum(checks) / len(checks) if checks else None,
        "failing": [o.case.id for o in outcomes if not o.passed],
    }


def _describe(mention: dict[str, Any]) -> str:
    def names(actors: list[dict[str, Any]]) -> str:
        return ", ".join(f"{a.get('name')}[{a.get('country') or '-'}]" for a in actors) or "-"

    return (f"{mention['category']}/{mention.get('mode') or '-'} {names(mention.get('actors') or [])} -> "
            f"{names(mention.get('recipients') or [])} @ {mention.get('date') or 'undated'}")


def _describe_expected(expected: Expected) -> str:
    def names(specs: tuple[dict[str, Any], ...]) -> str:
        return ", ".join(str(s.get("code") or s.get("group")) for s in specs) or "-"

    date = f" @ {expected.date or 'undated'}" if expected.date_checked else ""
    return f"{expected.category} {names(expected.actors)} -> {names(expected.recipients)}{date}"


def failure_report(outcome: Outcome) -> str:
    lines = [f"{outcome.case.id}  ({outcome.case.published})  {outcome.case.text}"]
    lines += [f"    missing   {_describe_expected(e)}" for e in outcome.missing]
    lines += [f"    forbidden {_describe(m)}" for m in outcome.forbidden]
    lines += [f"    predicted {_describe(m)}" for m in outcome.mentions] or ["    predicted nothing"]
    return "\n".join(lines)


def _table(title: str, rows: dict[str, dict[str, Any]]) -> str:
    lines = [f"{title}:"]
    for key, row in rows.items():
        rate = "  n/a" if row["rate"] is None else f"{row['rate']:.2f}"
        lines.append(f"  {key:<16} {rate}  ({row['passed']}/{row['cases']})")
    return "\n".join(lines)


def format_report(per_language: dict[str, dict[str, Any]], outcomes: Sequence[Outcome], verbose: bool) -> str:
    parts = []
    for language, figures in per_language.items():
        overall = figures["overall"]
        mode = figures["mode_accuracy"]
        parts.append(f"== {language}: {overall['rate']:.3f} ({overall['passed']}/{overall['cases']} cases), "
                     f"mode accuracy {'n/a' if mode is None else f'{mode:.2f}'}")
        parts.append(_table("per category", figures["category"]))
        parts.append(_table("per feature", figures["feature"]))
        parts.append("failing: " + (" ".join(figures["failing"]) or "none"))
    if verbose:
        parts.append("\n".join(failure_report(o) for o in outcomes if not o.passed))
    return "\n\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append", help="only these languages")
    parser.add_argument("-v", "--verbose", action="store_true", help="show what was predicted for failures")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    languages = tuple(args.language or LANGUAGES)
    outcomes = run_cases([case for language in languages for case in load_cases(language)])
    per_language = {
        language: pass_rates([o for o in outcomes if o.case.language == language]) for language in languages
    }
    if args.json:
        print(json.dumps(per_language, indent=2, ensure_ascii=False))
    else:
        print(format_report(per_language, outcomes, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
