"""Export: every kind in JSONL, CSV and Parquet, with the same rows and the FORMAT.md fields."""

import csv
import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik import serialize
from kronik.errors import KronikError
from kronik.export import COLUMNS, FORMATS, KINDS, export
from kronik.records import Actor, Article, EntityMention, EventMention, Location
from kronik.store import Store

IRAN = Actor("IRN", "Iran", "state", "IRN")
JAA = Actor("kb:jaish-al-adl", "Jaish al-Adl", "group", "IRN", "REB", ("Jaish ul-Adl",))


def strike_report(article_id: str, outlet: str, date: str, text: str) -> Article:
    strike = EventMention(
        id="e1", category="ASSAULT", mode="drone", actors=(IRAN,), recipients=(JAA,), sentence_index=0, start=0,
        end=len(text), sentence=text, date=date, date_precision="day", date_text="Selasa", context=("terrorism",),
        location=Location("Panjgur", "PAK", 26.96, 64.09), score=-9.5, entry_ids=("id:serangan-drone",),
    )
    return Article(
        id=article_id, raw_text=text, text=text, title="Iran serang kelompok bersenjata", outlet=outlet,
        published=dt.date(2024, 1, 18), published_source="given", language="id",
        entities=(EntityMention(0, 4, "Iran", "LOC", IRAN, "kb:state"),
                  EntityMention(text.index("Jaish"), text.index("Jaish") + 12, "Jaish al-Adl", "ORG", JAA, "kb:group")),
        events=(strike,),
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as opened:
        opened.save_article(strike_report(
            "k1", "Kompas.com", "2024-01-16",
            "Iran meluncurkan serangan drone ke dua markas Jaish al-Adl di Pakistan pada Selasa malam."), None)
        opened.save_article(strike_report(
            "k2", "IDN Times", "2024-01-17",
            "Garda Revolusi Iran menyerang markas Jaish al-Adl dengan drone, Rabu (17/1)."), None)
        opened.save_links({"k1": ("iran-pakistan", None), "k2": ("iran-pakistan", None)})
        yield opened


def read_back(fmt: str, path) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("kind", "expected_rows"), [("articles", 2), ("mentions", 2), ("events", 1), ("entities", 2)])
def test_export_every_kind_and_format_writes_the_same_rows(store, tmp_path, kind, fmt, expected_rows):
    path = tmp_path / f"out.{fmt}"
    assert export(store, kind, fmt, path) == expected_rows
    rows = read_back(fmt, path)
    assert len(rows) == expected_rows
    assert all(set(row) >= {name for name, _ in COLUMNS[kind]} for row in rows)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_flat_formats_keep_nested_fields_as_json(store, tmp_path, fmt):
    path = tmp_path / f"mentions.{fmt}"
    export(store, "mentions", fmt, path)
    row = read_back(fmt, path)[0]
    assert json.loads(row["actors"])[0]["name"] == "Iran"
    assert json.loads(row["evidence"])["start"] == 0
    assert float(row["score"]) == -9.5


def test_export_events_merge_two_sources_and_show_the_date_disagreement(store):
    out = io.StringIO()
    export(store, "events", "jsonl", out)
    (event,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert event["article_ids"] == ["k1", "k2"] and event["num_sources"] == 2
    assert event["date"] == "2024-01-16"
    assert event["disagreements"] == [{"field": "date", "values": [
        {"value": "2024-01-16", "article_ids": ["k1"]}, {"value": "2024-01-17", "article_ids": ["k2"]}]}]


def test_export_articles_have_story_links(store):
    out = io.StringIO()
    export(store, "articles", "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["id"], r["story_id"], r["duplicate_of"]) for r in rows] == [
        ("k1", "iran-pakistan", None), ("k2", "iran-pakistan", None)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_to_a_binary_stream(store, fmt):
    out = io.BytesIO()
    assert export(store, "mentions", fmt, out) == 2
    if fmt == "parquet":
        assert pq.read_table(io.BytesIO(out.getvalue())).num_rows == 2
    else:
        assert out.getvalue().decode("utf-8").count("\n") == (2 if fmt == "jsonl" else 3)


def test_export_parquet_to_a_text_stream_writes_the_bytes_underneath(store):
    raw = io.BytesIO()
    text = io.TextIOWrapper(raw, encoding="utf-8")
    assert export(store, "articles", "parquet", text) == 2
    assert pq.read_table(io.BytesIO(raw.getvalue())).num_rows == 2


def test_export_to_stdout_when_no_output_is_given(store, capsys):
    export(store, "entities", "jsonl", None)
    names = [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()]
    assert names == ["Iran", "Jaish al-Adl"]


@pytest.mark.parametrize(
    ("kind", "fmt", "out", "code"),
    [("actors", "jsonl", None, "E203"), ("mentions", "xlsx", None, "E204"), ("mentions", "parquet", io.StringIO(), "E205")],
)
def test_export_rejects_bad_requests(store, kind, fmt, out, code):
    with pytest.raises(KronikError) as caught:
        export(store, kind, fmt, out)
    assert caught.value.code == code


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_an_empty_database_is_a_valid_empty_file(tmp_path, fmt):
    path = tmp_path / f"empty.{fmt}"
    with Store.open(tmp_path / "empty.duckdb") as empty:
        assert export(empty, "events", fmt, path) == 0
    if fmt == "csv":
        assert path.read_text(encoding="utf-8").splitlines() == [",".join(name for name, _ in COLUMNS["events"])]
    elif fmt == "parquet":
        assert pq.read_table(path).column_names == [name for name, _ in COLUMNS["events"]]
    else:
        assert path.read_text(encoding="utf-8") == ""


def test_export_kinds_are_the_format_kinds():
    assert KINDS == ("articles", "mentions", "events", "entities")


texts = st.text(max_size=15)
actors = st.builds(Actor, id=texts, name=texts, kind=st.just("person"), country=st.none() | st.just("IDN"),
                   aliases=st.lists(texts, max_size=2).map(tuple))
events = st.builds(
    EventMention, id=texts, category=st.sampled_from(["AGREE", "ACCUSE"]), mode=st.none() | texts,
    actors=st.lists(actors, max_size=2).map(tuple), recipients=st.lists(actors, max_size=2).map(tuple),
    sentence_index=st.integers(0, 50), start=st.integers(0, 999), end=st.integers(0, 999), sentence=texts,
    date=st.none() | st.dates().map(dt.date.isoformat), context=st.lists(texts, max_size=2).map(tuple),
    score=st.none() | st.floats(-10, 10), entry_ids=st.lists(texts, max_size=2).map(tuple),
)
articles = st.builds(Article, id=texts, raw_text=texts, text=texts, events=st.lists(events, max_size=3).map(tuple))


@settings(max_examples=30, deadline=None)
@given(st.lists(articles, max_size=3, unique_by=lambda a: a.id))
def test_export_mentions_jsonl_round_trips_to_serialize_output(batch):
    with Store.open(":memory:") as memory:
        for article in batch:
            memory.save_article(article, None)
        out = io.StringIO()
        written = export(memory, "mentions", "jsonl", out)
    expected = [m for article in sorted(batch, key=lambda a: a.id) for m in serialize.mention_dicts(article)]
    assert written == len(expected)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == expected
