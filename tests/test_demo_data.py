"""Checks on the bundled demo corpus (`kronik/data/demo/`) and its gold annotations.

The corpus is invented and written for kronik; these tests keep it well-formed and faithful to
`shared/eval/FORMAT.md` and `GUIDE.md`: every snippet is verbatim, every category and mode is PLOVER's,
every date is well-formed and none lies after its article's publication.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import lxml.html
import pycountry
import pytest

from kronik.records import ENTITY_TYPES, SECTORS, RawArticle

DEMO = resources.files("kronik") / "data" / "demo"
SHARED = Path(__file__).resolve().parents[2] / "shared"

# PLOVER categories and their modes, as listed in shared/eval/plover.md (COERCE also takes `restrict`,
# which GUIDE.md uses for permits revoked and travel bans).
PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "violence", "territory"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"arrest", "deport", "seize", "censor", "curfew", "martial-law", "restrict"}),
    "ASSAULT": frozenset({
        "abduct", "beat", "torture", "sexual", "destroy", "primitive", "firearms", "explosives", "targeted",
        "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
    }),
}
GOLD_FIELDS = {"id", "language", "published", "title", "story", "duplicate_of", "must_include", "must_exclude",
               "entities", "events"}
EVENT_FIELDS = {"category", "mode", "actors", "recipients", "date", "location", "required", "evidence"}
DATE_PATTERN = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
CODE_PATTERN = re.compile(r"(?P<country>[A-Z]{3})(?P<sector>[A-Z]{3})?")
COPY_WINDOW = 60  # characters of body text that must not occur in the shared (real) articles


def _read_jsonl(name: str) -> list[dict[str, Any]]:
    lines = (DEMO / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CORPUS = _read_jsonl("corpus.jsonl")
GOLD = _read_jsonl("gold.jsonl")
CORPUS_BY_ID = {row["id"]: row for row in CORPUS}
GOLD_IDS = [gold["id"] for gold in GOLD]
EVENTS = [(gold["id"], number, event) for gold in GOLD for number, event in enumerate(gold["events"])]


def _collapse_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _visible_text(row: dict[str, Any]) -> str:
    """The article's text: `text` as given, or what a reader sees of `html` (whitespace collapsed)."""
    if row.get("text"):
        return row["text"]
    document = lxml.html.fromstring(row["html"])
    for hidden in document.xpath("//head | //script | //style"):
        hidden.drop_tree()
    return _collapse_space(document.text_content())


def _contains(row: dict[str, Any], snippet: str) -> bool:
    if row.get("text"):
        return snippet in row["text"]
    return _collapse_space(snippet) in _visible_text(row)


def _date(value: str) -> dt.date:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD value can mean (raises ValueError if malformed)."""
    parts = [int(part) for part in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _specs(event: dict[str, Any]) -> list[dict[str, Any]]:
    return list(event["actors"]) + list(event["recipients"])


def test_demo_data_corpus_is_large_and_bilingual() -> None:
    languages = [gold["language"] for gold in GOLD]
    assert len(CORPUS) >= 12
    assert languages.count("id") >= 9
    assert languages.count("en") >= 5
    assert set(languages) == {"id", "en"}


def test_demo_data_ids_are_unique() -> None:
    assert len({row["id"] for row in CORPUS}) == len(CORPUS)
    assert len(set(GOLD_IDS)) == len(GOLD_IDS)


def test_demo_data_gold_covers_corpus_exactly() -> None:
    assert GOLD_IDS == [row["id"] for row in CORPUS]


@pytest.mark.parametrize("row", CORPUS, ids=lambda row: row["id"])
def test_demo_data_article_has_id_and_body(row: dict[str, Any]) -> None:
    assert isinstance(row["id"], str) and row["id"]
    assert bool(row.get("text")) != bool(row.get("html")), "exactly one of text/html"
    article = RawArticle(**row)  # every field is one a reader accepts
    assert article.id == row["id"]
    if row.get("published") is not None:
        _date(row["published"])


@pytest.mark.parametrize("row", CORPUS, ids=lambda row: row["id"])
def test_demo_data_article_is_short_news(row: dict[str, Any]) -> None:
    words = len(_visible_text(row).split())
    assert 150 <= words <= 400, f"{row['id']}: {words} words"


def test_demo_data_metadata_varies() -> None:
    without_published = [row for row in CORPUS if not row.get("published")]
    assert any(row.get("html") for row in CORPUS)
    assert any(re.search(r"/20\d\d/\d\d/\d\d/", row.get("url") or "") for row in without_published)
    assert any(re.search(r"\(\d{1,2}/\d{1,2}/20\d\d\) -", row.get("text") or "") for row in without_published)
    for row in CORPUS:
        if row.get("html"):
            assert 'property="article:published_time"' in row["html"]
            assert "<nav>" in row["html"] and "<footer>" in row["html"]


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_demo_data_gold_has_format_fields(gold: dict[str, Any]) -> None:
    assert set(gold) == GOLD_FIELDS
    assert gold["language"] in ("id", "en")
    assert gold["title"]
    _date(gold["published"])
    row = CORPUS_BY_ID[gold["id"]]
    if row.get("published"):
        assert row["published"] == gold["published"]
    for event in gold["events"]:
        assert set(event) == EVENT_FIELDS
        assert isinstance(event["required"], bool)


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_demo_data_snippets_are_verbatim(gold: dict[str, Any]) -> None:
    row = CORPUS_BY_ID[gold["id"]]
    snippets = list(gold["must_include"]) + [event["evidence"] for event in gold["events"]]
    missing = [snippet for snippet in snippets if not _contains(row, snippet)]
    assert not missing
    assert len(gold["must_include"]) >= 2
    assert all(20 <= len(snippet) <= 80 for snippet in gold["must_include"])


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_demo_data_boilerplate_occurs_in_raw_input(gold: dict[str, Any]) -> None:
    row = CORPUS_BY_ID[gold["id"]]
    raw = row.get("text") or row["html"]
    assert gold["must_exclude"], "every demo article carries some boilerplate"
    assert [snippet for snippet in gold["must_exclude"] if snippet not in raw] == []
    kept = list(gold["must_include"]) + [event["evidence"] for event in gold["events"]]
    assert [(s, k) for s in gold["must_exclude"] for k in kept if s in k or k in s] == []


@pytest.mark.parametrize(("article_id", "number", "event"), EVENTS, ids=[f"{a}-{n}" for a, n, _ in EVENTS])
def test_demo_data_event_is_plover(article_id: str, number: int, event: dict[str, Any]) -> None:
    assert event["category"] in PLOVER_MODES
    assert event["mode"] is None or event["mode"] in PLOVER_MODES[event["category"]]
    assert event["actors"], "every event has an actor"
    if event["location"] is not None:
        assert pycountry.countries.get(alpha_3=event["location"]) is not None


@pytest.mark.parametrize(("article_id", "number", "event"), EVENTS, ids=[f"{a}-{n}" for a, n, _ in EVENTS])
def test_demo_data_event_date_is_well_formed_and_not_after_publication(
    article_id: str, number: int, event: dict[str, Any]
) -> None:
    if event["date"] is None:
        return
    assert DATE_PATTERN.fullmatch(event["date"])
    published = _date(next(gold["published"] for gold in GOLD if gold["id"] == article_id))
    assert _date(event["date"]) <= published


@pytest.mark.parametrize(("article_id", "number", "event"), EVENTS, ids=[f"{a}-{n}" for a, n, _ in EVENTS])
def test_demo_data_actor_specs_are_well_formed(article_id: str, number: int, event: dict[str, Any]) -> None:
    for spec in _specs(event):
        assert ("code" in spec) != ("group" in spec)
        assert set(spec) <= {"code", "group", "name", "aliases"}
        if "code" in spec:
            match = CODE_PATTERN.fullmatch(spec["code"])
            assert match, spec
            assert pycountry.countries.get(alpha_3=match["country"]) is not None
            assert match["sector"] is None or match["sector"] in SECTORS
        else:
            assert spec["group"].strip()
            assert "name" not in spec
        assert all(isinstance(alias, str) and alias for alias in spec.get("aliases", []))


def test_demo_data_event_units_are_distinct() -> None:
    """One event per (category, actors, recipients, date) in an article (FORMAT.md)."""
    for gold in GOLD:
        units = [
            (event["category"], json.dumps(event["actors"], sort_keys=True),
             json.dumps(event["recipients"], sort_keys=True), event["date"])
            for event in gold["events"]
        ]
        assert len(units) == len(set(units)), gold["id"]


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_demo_data_entities_are_well_formed(gold: dict[str, Any]) -> None:
    assert 3 <= len(gold["entities"]) <= 12
    row = CORPUS_BY_ID[gold["id"]]
    for entity in gold["entities"]:
        assert entity["type"] in ENTITY_TYPES
        assert entity["country"] is None or pycountry.countries.get(alpha_3=entity["country"]) is not None
        for name in [entity["name"], *entity.get("aliases", [])]:
            assert _contains(row, name), f"{gold['id']}: entity form {name!r} not in the article"


def test_demo_data_stories_are_told_by_several_outlets() -> None:
    outlets: dict[str, set[str]] = defaultdict(set)
    languages: dict[str, set[str]] = defaultdict(set)
    for gold in GOLD:
        if gold["story"]:
            outlets[gold["story"]].add(CORPUS_BY_ID[gold["id"]]["outlet"])
            languages[gold["story"]].add(gold["language"])
    assert sum(len(names) >= 2 for names in outlets.values()) >= 3
    assert any(len(codes) == 2 for codes in languages.values())


def test_demo_data_duplicate_points_to_an_earlier_article_of_its_story() -> None:
    position = {article_id: index for index, article_id in enumerate(GOLD_IDS)}
    duplicates = [gold for gold in GOLD if gold["duplicate_of"]]
    assert duplicates
    for gold in duplicates:
        original = next(other for other in GOLD if other["id"] == gold["duplicate_of"])
        assert position[original["id"]] < position[gold["id"]]
        assert original["story"] == gold["story"]
        assert original["events"] == gold["events"]
        assert CORPUS_BY_ID[original["id"]]["outlet"] != CORPUS_BY_ID[gold["id"]]["outlet"]


def test_demo_data_names_are_spelled_several_ways() -> None:
    """Each story needs alias merging: one actor written two ways across its articles."""
    forms: dict[str, set[str]] = defaultdict(set)
    for gold in GOLD:
        for entity in gold["entities"]:
            forms[gold["story"]].add(entity["name"])
    for story, expected in {
        "idn-mys-nelayan-2025-03": {"Mohamad Hasan", "Mohammad Hasan"},
        "kpk-lembah-baru-2025-04": {"Dimas Prasetyo", "Dimas Prasetya"},
        "yemen-mokha-drone-2025-05": {"Jaish al-Bahr", "Jaysh al-Bahr"},
    }.items():
        assert expected <= forms[story]


def _shared_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "seeds").glob("*.txt"))]
    for corpus in [*sorted((SHARED / "eval").glob("*/corpus.jsonl")), *sorted(SHARED.glob("field/*.jsonl"))]:
        for line in corpus.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row.get("text") or row.get("html") or "")
    return texts


def test_demo_data_is_not_copied_from_shared_articles() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent: cannot check the demo against it")
    shared = "\n".join(_collapse_space(text) for text in _shared_texts())
    copied = []
    for gold in GOLD:
        body = _visible_text(CORPUS_BY_ID[gold["id"]])
        lines = [line for line in body.splitlines() if not any(s in line for s in gold["must_exclude"])]
        for line in map(_collapse_space, lines):
            for start in range(0, max(len(line) - COPY_WINDOW, 0) + 1, COPY_WINDOW // 2):
                window = line[start:start + COPY_WINDOW]
                if len(window) == COPY_WINDOW and window in shared:
                    copied.append((gold["id"], window))
    assert shared and not copied
