"""Merging mentions across articles into events, with the sources' disagreements."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik.merge import Source, date_span, merge_events

IRN = {"id": "IRN", "name": "Iran", "aliases": [], "kind": "state", "country": "IRN", "sector": None}
PAK = {"id": "PAK", "name": "Pakistan", "aliases": [], "kind": "state", "country": "PAK", "sector": None}
RAISI = {"id": "kb:raisi", "name": "Ebrahim Raisi", "aliases": [], "kind": "person", "country": "IRN", "sector": "GOV"}
JAA = {"id": "kb:jaish-al-adl", "name": "Jaish al-Adl", "aliases": ["Jaish ul-Adl"], "kind": "group",
       "country": "IRN", "sector": "REB"}

SOURCES = {
    "k1": Source("k1", "s1", "Kompas.com", "2024-01-18"),
    "k2": Source("k2", "s1", "IDN Times", "2024-01-18"),
    "k3": Source("k3", "s1", "Kompas.com", "2024-01-19"),
    "k4": Source("k4", "s2", "Tempo", "2024-01-18"),
    "k5": Source("k5", None, "Antara", "2024-01-18"),
    "k6": Source("k6", None, "Antara", "2024-01-18"),
}


def mention(article_id, event_id="e1", category="ASSAULT", actors=(IRN,), recipients=(JAA,), date="2024-01-16",
            mode="drone", country="PAK"):
    precision = {3: "day", 2: "month", 1: "year"}[len(date.split("-"))] if date else None
    return {
        "article_id": article_id, "event_id": event_id, "category": category, "mode": mode, "context": [],
        "actors": list(actors), "recipients": list(recipients), "date": date, "date_precision": precision,
        "location": {"name": None, "country": country, "lat": None, "lon": None} if country else None,
        "evidence": {"sentence": f"Kalimat bukti {article_id}.", "start": 0, "end": 18}, "score": -9.5,
    }


def grouping(events):
    return sorted(sorted(f"{m['article_id']}/{m['event_id']}" for m in e["mentions"]) for e in events)


def test_merge_two_sources_with_a_date_disagreement():
    (event,) = merge_events([mention("k1", date="2024-01-16"), mention("k2", date="2024-01-17")], SOURCES)
    assert event["date"] == "2024-01-16"  # a tie goes to the earliest
    assert (event["num_articles"], event["num_sources"], event["article_ids"]) == (2, 2, ["k1", "k2"])
    assert event["disagreements"] == [{"field": "date", "values": [
        {"value": "2024-01-16", "article_ids": ["k1"]}, {"value": "2024-01-17", "article_ids": ["k2"]}]}]
    assert event["story_id"] == "s1" and event["article_id"] == "k1"


def test_merge_date_is_the_most_common_value_and_sources_count_outlets():
    mentions = [mention("k1", date="2024-01-16"), mention("k2", date="2024-01-17"), mention("k3", date="2024-01-17")]
    (event,) = merge_events(mentions, SOURCES)
    assert event["date"] == "2024-01-17" and event["article_id"] == "k2"
    assert (event["num_articles"], event["num_sources"]) == (3, 2)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # other story: not merged
        ([mention("k1"), mention("k4")], [["k1/e1"], ["k4/e1"]]),
        # no story: merged only within one article
        ([mention("k5"), mention("k6"), mention("k5", "e2")], [["k5/e1", "k5/e2"], ["k6/e1"]]),
        # dates too far apart: two events
        ([mention("k1", date="2024-01-16"), mention("k2", date="2024-01-26")], [["k1/e1"], ["k2/e1"]]),
        # chained days within the window: one event
        ([mention("k1", date="2024-01-16"), mention("k2", date="2024-01-18"), mention("k3", date="2024-01-20")],
         [["k1/e1", "k2/e1", "k3/e1"]]),
        # a person counts as their country's side; a non-state group as itself
        ([mention("k1", actors=(RAISI,)), mention("k2", actors=(IRN,))], [["k1/e1", "k2/e1"]]),
        ([mention("k1", recipients=(JAA,)), mention("k2", recipients=(IRN,))], [["k1/e1"], ["k2/e1"]]),
        # a mention without recipients joins one with them; overlapping recipients join
        ([mention("k1", recipients=()), mention("k2", recipients=(JAA,)), mention("k3", recipients=(JAA, PAK))],
         [["k1/e1", "k2/e1", "k3/e1"]]),
        ([mention("k1", actors=(IRN,)), mention("k2", actors=(PAK,))], [["k1/e1"], ["k2/e1"]]),
        # ...but a mention without recipients never bridges two targets
        ([mention("k1", recipients=()), mention("k2", recipients=(JAA,)), mention("k3", recipients=(PAK,))],
         [["k1/e1"], ["k2/e1"], ["k3/e1"]]),
        # other category: not merged
        ([mention("k1"), mention("k2", category="ACCUSE")], [["k1/e1"], ["k2/e1"]]),
        # reciprocal categories ignore sides
        ([mention("k1", category="CONSULT", actors=(IRN,), recipients=(PAK,)),
          mention("k2", category="CONSULT", actors=(PAK,), recipients=(IRN,))], [["k1/e1", "k2/e1"]]),
        # a coarser date joins the one event it contains; an undated mention the group's only event
        ([mention("k1"), mention("k2", date="2024-01"), mention("k3", date=None)], [["k1/e1", "k2/e1", "k3/e1"]]),
        # ...but with two candidate events it stays apart
        ([mention("k1", date="2024-01-05"), mention("k2", date="2024-01-25"), mention("k3", date="2024-01")],
         [["k1/e1"], ["k2/e1"], ["k3/e1"]]),
    ],
)
def test_merge_groups_mentions(mentions, expected):
    assert grouping(merge_events(mentions, SOURCES)) == expected


@pytest.mark.parametrize(
    ("changes", "field", "values"),
    [
        ({"mode": "aerial"}, "mode", ["drone", "aerial"]),
        ({"country": "IRN"}, "location", ["PAK", "IRN"]),
    ],
)
def test_merge_reports_mode_and_location_disagreements(changes, field, values):
    (event,) = merge_events([mention("k1"), mention("k3"), mention("k2", **changes)], SOURCES)
    (disagreement,) = event["disagreements"]
    assert disagreement["field"] == field
    assert [v["value"] for v in disagreement["values"]] == values  # most sources first
    assert disagreement["values"][1]["article_ids"] == ["k2"]


def test_merge_a_coarser_date_is_not_a_disagreement():
    (event,) = merge_events([mention("k1", date="2024-01-16"), mention("k2", date="2024-01")], SOURCES)
    assert event["date"] == "2024-01-16" and event["date_precision"] == "day"
    assert event["disagreements"] == []


def test_merge_orders_events_by_date_with_undated_last():
    mentions = [mention("k5", "e1", date=None), mention("k5", "e2", category="ACCUSE", date="2024-01-17"),
                mention("k5", "e3", category="SANCTION", date="2024-01-16")]
    assert [e["date"] for e in merge_events(mentions, SOURCES)] == ["2024-01-16", "2024-01-17", None]


@pytest.mark.parametrize(
    ("value", "span"),
    [("2024-02", ("2024-02-01", "2024-02-29")), ("2024", ("2024-01-01", "2024-12-31")),
     ("2024-01-16", ("2024-01-16", "2024-01-16")), (None, None), ("kemarin", None), ("2024-13", None)],
)
def test_merge_date_span(value, span):
    result = date_span(value)
    assert (tuple(d.isoformat() for d in result) if result else None) == span


mention_cases = st.builds(
    mention,
    article_id=st.sampled_from(sorted(SOURCES)),
    event_id=st.sampled_from(["e1", "e2", "e3"]),
    category=st.sampled_from(["ASSAULT", "CONSULT"]),
    actors=st.sampled_from([(IRN,), (RAISI,), (PAK,)]),
    recipients=st.sampled_from([(JAA,), (PAK,), ()]),
    date=st.none() | st.sampled_from(["2024-01", "2024-01-16", "2024-01-17", "2024-01-29", "2024"]),
    mode=st.none() | st.sampled_from(["drone", "phone"]),
)


@given(st.lists(mention_cases, max_size=12, unique_by=lambda m: (m["article_id"], m["event_id"])), st.randoms())
def test_merge_partitions_mentions_whatever_their_order(mentions, random):
    events = merge_events(mentions, SOURCES)
    refs = [ref for group in grouping(events) for ref in group]
    assert sorted(refs) == sorted(f"{m['article_id']}/{m['event_id']}" for m in mentions)
    shuffled = list(mentions)
    random.shuffle(shuffled)
    assert grouping(merge_events(shuffled, SOURCES)) == grouping(events)
    assert all(e["num_articles"] == len(e["article_ids"]) >= e["num_sources"] >= 1 for e in events)


# --- the public dev gold, read as if it were system output ------------------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared"


def gold_side(spec):
    if "code" in spec:
        code = spec["code"]
        return {"id": code[:3], "name": spec.get("name") or code[:3], "aliases": [], "kind": "state",
                "country": code[:3], "sector": code[3:] or None}
    return {"id": "group:" + spec["group"], "name": spec["group"], "aliases": [], "kind": "group", "country": None,
            "sector": None}


def gold_as_output(folder):
    """Gold events as mention dicts, and the articles' stories as Sources."""
    corpus = {r["id"]: r for r in map(json.loads, (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines())}
    mentions, sources = [], {}
    for gold in map(json.loads, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()):
        sources[gold["id"]] = Source(gold["id"], gold["story"], corpus[gold["id"]].get("outlet"), gold["published"])
        for n, event in enumerate(gold["events"]):
            item = mention(gold["id"], f"g{n}", event["category"], [gold_side(s) for s in event["actors"]],
                           [gold_side(s) for s in event["recipients"]], event["date"], event["mode"], None)
            mentions.append(item)
    return mentions, sources


def test_merge_dev_gold_story_becomes_one_event_per_happening():
    folder = SHARED / "eval" / "dev"
    if not (folder / "gold.jsonl").is_file():
        pytest.skip(f"public dev gold not found at {folder} (the shared evaluation folder is absent)")
    mentions, sources = gold_as_output(folder)
    events = merge_events(mentions, sources)
    assert sorted(ref for group in grouping(events) for ref in group) == sorted(
        f"{m['article_id']}/{m['event_id']}" for m in mentions)
    story = [e for e in events if e["story_id"] == "iran-pakistan-2024-01"]
    strikes = [e for e in story if e["category"] == "ASSAULT" and e["actors"][0]["id"] == "IRN"
               and e["date"] and e["date"].startswith("2024-01-1")]
    assert len(strikes) == 1 and strikes[0]["num_articles"] == 4  # four reports of the 16 January strike
    assert {d["field"] for d in strikes[0]["disagreements"]} >= {"date"}  # 16 or 17 January?
    assert len(story) < sum(1 for m in mentions if sources[m["article_id"]].story_id == "iran-pakistan-2024-01")
