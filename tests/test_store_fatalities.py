"""Fatalities in storage, export, merging and the chronicle (the new `fatalities` mention field)."""

from __future__ import annotations

import csv
import io

import pytest

from kronik import export
from kronik.chronicle import render_markdown
from kronik.merge import Source, merge_events
from kronik.records import Actor, Article, EventMention, Location
from kronik.store import Store, migrations

ISRAEL = Actor("ISR", "Israel", "state", "ISR")
CIVILIANS = Actor("new:warga-gaza", "warga Gaza", "person", "PSE", "CVL")
SENTENCE = "Serangan udara Israel di Khan Younis menewaskan sedikitnya 11 orang."


def strike(article_id: str, fatalities: int | None) -> Article:
    mention = EventMention(
        f"{article_id}:e1", "ASSAULT", "aerial", (ISRAEL,), (CIVILIANS,), 0, 0, len(SENTENCE), SENTENCE,
        date="2025-06-18", date_precision="day",
        location=Location("Khan Younis", "PSE", 31.34, 34.31), score=-9.5, fatalities=fatalities,
    )
    return Article(id=article_id, raw_text=SENTENCE, text=SENTENCE, outlet=f"Outlet {article_id}", events=(mention,))


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as opened:
        yield opened


def test_store_fatalities_migration_is_packaged():
    assert any(m.version == 3 and "fatalities" in m.sql for m in migrations())


@pytest.mark.parametrize("fatalities", [None, 0, 11])
def test_store_fatalities_round_trip(store, fatalities):
    store.save_articles([strike("a1", fatalities)], None)
    (loaded,) = list(store.load_articles())
    assert loaded.events[0].fatalities == fatalities
    assert loaded.events[0] == strike("a1", fatalities).events[0]
    assert store.mentions()[0]["fatalities"] == fatalities


def test_export_fatalities_column_next_to_location(store):
    store.save_articles([strike("a1", 11)], None)
    for kind in ("mentions", "events"):
        names = [name for name, _ in export.COLUMNS[kind]]
        assert names[names.index("location") + 1] == "fatalities"
    out = io.StringIO()
    export.export(store, "mentions", "csv", out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["fatalities"] == "11"
    assert export.arrow_table("mentions", store.mentions()).column("fatalities").to_pylist() == [11]


def test_merge_fatalities_disagreement_between_sources(store):
    store.save_articles([strike("a1", 11), strike("a2", 13), strike("a3", 11)], None)
    sources = {a: Source(a, "gaza", f"Outlet {a}", "2025-06-19") for a in ("a1", "a2", "a3")}
    (event,) = merge_events(store.mentions(), sources)
    assert event["fatalities"] == 11
    (disagreement,) = [d for d in event["disagreements"] if d["field"] == "fatalities"]
    assert [v["value"] for v in disagreement["values"]] == [11, 13]


def test_merge_fatalities_agreeing_sources_show_no_disagreement(store):
    store.save_articles([strike("a1", 11), strike("a2", None)], None)
    sources = {a: Source(a, "gaza", f"Outlet {a}", "2025-06-19") for a in ("a1", "a2")}
    (event,) = merge_events(store.mentions(), sources)
    assert event["fatalities"] == 11
    assert not [d for d in event["disagreements"] if d["field"] == "fatalities"]


def test_chronicle_shows_place_and_fatalities(store):
    store.save_articles([strike("a1", 11), strike("a2", 13)], None)
    store.save_links({"a1": ("gaza", None), "a2": ("gaza", None)})
    markdown = render_markdown(store)
    assert "— in Khan Younis —" in markdown
    assert "killed" in markdown and "sources differ on fatalities: " in markdown
