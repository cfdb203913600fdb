"""The DuckDB store: migrations, one row per article, full round-trips, entities, runs and errors."""

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronik.errors import KronikError
from kronik.records import (
    ACTOR_KINDS,
    ENTITY_TYPES,
    SECTORS,
    Actor,
    Article,
    DateMention,
    EntityMention,
    EventMention,
    Location,
    Removed,
    Sentence,
)
from kronik.store import Store, migrations

IRAN = Actor("IRN", "Iran", "state", "IRN")
PAKISTAN = Actor("PAK", "Pakistan", "state", "PAK")
JILANI = Actor("kb:jilani", "Jalil Abbas Jilani", "person", "PAK", "GOV", ("Jalil Jilani",))
TEXT = (
    "Menteri Luar Negeri Pakistan Jalil Abbas Jilani bertemu mitranya dari Iran di Islamabad pada Senin (29/1). "
    "Menlu Jilani menyebut pertemuan itu produktif."
)
SECOND = TEXT.index("Menlu")


def make_article(article_id: str = "k1", **changes) -> Article:
    first = TEXT[:SECOND - 1]
    meeting = EventMention(
        id="e1", category="CONSULT", mode="visit", actors=(JILANI, IRAN), recipients=(), sentence_index=0,
        start=0, end=len(first), sentence=first, date="2024-01-29", date_precision="day", date_text="Senin (29/1)",
        context=("diplomatic",), location=Location("Islamabad", "PAK", 33.69, 73.06), score=4.0,
        entry_ids=("id:bertemu",),
    )
    article = Article(
        id=article_id, raw_text="Iklan\n" + TEXT, text=TEXT, title="Menlu Pakistan bertemu Menlu Iran",
        outlet="Contoh News", url=f"https://contoh.example/{article_id}", published=dt.date(2024, 1, 30),
        published_source="given", origin="test", language="id", removed=(Removed("Iklan", "ad-line"),),
        sentences=(Sentence(0, 0, len(first), first), Sentence(1, SECOND, len(TEXT), TEXT[SECOND:])),
        entities=(
            EntityMention(29, 47, "Jalil Abbas Jilani", "PER", JILANI, "kb:person"),
            EntityMention(70, 74, "Iran", "LOC", IRAN, "kb:state"),
            EntityMention(SECOND, SECOND + 12, "Menlu Jilani", "PER", JILANI, "generic:role"),
            EntityMention(78, 87, "Islamabad", "LOC", None, "gazetteer"),
        ),
        dates=(DateMention(93, 105, "Senin (29/1)", "2024-01-29", "day", "id:weekday-dm"),),
        events=(meeting,),
        stages=("clean", "language"),
    )
    return dataclasses.replace(article, **changes)


def table_count(store: Store, table: str) -> int:
    return store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_store_open_records_migrations_once(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store.open(path) as store:
        first = store.schema_versions()
    with Store.open(path) as store:
        again = store.schema_versions()
    assert [m["version"] for m in first] == [m.version for m in migrations()]
    assert first[0]["version"] == 1 and first[0]["description"] == "initial"
    assert again == first


def test_store_save_and_read_back_article_dict(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as store:
        store.save_article(make_article(), None)
        store.save_links({"k1": ("story-1", None)})
        (data,) = store.articles()
    assert data == {
        "id": "k1", "title": "Menlu Pakistan bertemu Menlu Iran", "outlet": "Contoh News",
        "url": "https://contoh.example/k1", "published": "2024-01-30", "published_source": "given",
        "language": "id", "text": TEXT, "story_id": "story-1", "duplicate_of": None,
    }


@pytest.mark.parametrize("times", [1, 2, 3])
def test_store_same_article_saved_again_keeps_one_row(tmp_path, times):
    with Store.open(tmp_path / "k.duckdb") as store:
        for n in range(times):
            store.save_article(make_article(title=f"versi {n}"), store.begin_run("in.jsonl", {}, {}))
        assert table_count(store, "articles") == 1
        assert table_count(store, "mentions") == 1
        assert table_count(store, "entity_mentions") == 4
        assert store.articles()[0]["title"] == f"versi {times - 1}"


def test_store_same_input_twice_stores_each_article_once(tmp_path):
    batch = [make_article("k1"), make_article("k2"), make_article("k3")]
    with Store.open(tmp_path / "k.duckdb") as store:
        for _ in range(2):
            run_id = store.begin_run("in.jsonl", {"languages": ["id"]}, {"clean": "1"})
            for article in batch:
                store.save_article(article, run_id)
            store.finish_run(run_id, {"articles": len(batch)})
        assert [a["id"] for a in store.articles()] == ["k1", "k2", "k3"]
        assert len(store.mentions()) == 3
        assert len(store.runs()) == 2


def test_store_load_articles_returns_equal_records(tmp_path):
    article = make_article()
    with Store.open(tmp_path / "k.duckdb") as store:
        store.save_article(article, None)
        assert list(store.load_articles()) == [article]


def test_store_runs_record_config_versions_and_counts(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as store:
        run_id = store.begin_run("corpus.jsonl", {"languages": ["id", "en"]}, {"clean": "0.1"})
        unfinished = store.runs()[0]
        store.finish_run(run_id, {"articles": 5, "mentions": 12})
        (run,) = store.runs()
    assert unfinished["finished_at"] is None and unfinished["counts"] is None
    assert run["run_id"] == run_id and run["input"] == "corpus.jsonl"
    assert run["config"] == {"languages": ["id", "en"]} and run["stage_versions"] == {"clean": "0.1"}
    assert run["counts"] == {"articles": 5, "mentions": 12}
    assert run["kronik_version"] and run["finished_at"] >= run["started_at"]


def test_store_save_links_replaces_earlier_links(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as store:
        store.save_links({"k1": ("s1", None), "k2": ("s1", "k1")})
        store.save_links({"k2": ("s2", None)})
        assert store.links() == {"k1": ("s1", None), "k2": ("s2", None)}


def test_store_entities_merge_surface_forms_and_skip_generic_words(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as store:
        store.save_article(make_article("k1"), None)
        other = make_article("k2", entities=(EntityMention(0, 6, "Jilani", "PER", JILANI, "kb:person"),), events=())
        store.save_article(other, None)
        entities = {e["id"]: e for e in store.entities()}
    assert set(entities) == {"kb:jilani", "IRN", "unresolved:LOC:islamabad"}
    jilani = entities["kb:jilani"]
    assert jilani["name"] == "Jalil Abbas Jilani"
    assert jilani["aliases"] == ["Jalil Jilani", "Jilani"]  # actor alias + surface form; "Menlu Jilani" is generic
    assert jilani["article_ids"] == ["k1", "k2"]
    assert entities["IRN"]["article_ids"] == ["k1"]
    assert set(jilani) == {"id", "name", "kind", "country", "sector", "aliases", "article_ids"}


def test_store_entities_include_event_participants_without_entity_mentions(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as store:
        store.save_article(make_article(entities=()), None)
        entities = {e["id"]: e for e in store.entities()}
    assert set(entities) == {"kb:jilani", "IRN"}
    assert entities["kb:jilani"]["aliases"] == ["Jalil Jilani"]


def test_store_actor_aliases_accumulate_across_articles(tmp_path):
    renamed = dataclasses.replace(JILANI, aliases=("Jilani", "J. A. Jilani"))
    with Store.open(tmp_path / "k.duckdb") as store:
        store.save_article(make_article("k1"), None)
        store.save_article(make_article("k2", entities=(EntityMention(0, 6, "Jilani", "PER", renamed),)), None)
        (aliases,) = store.connection.execute("SELECT aliases FROM actors WHERE id = 'kb:jilani'").fetchone()
    assert aliases == '["Jalil Jilani", "Jilani", "J. A. Jilani"]'


def test_store_open_rejects_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("Ini bukan basis data, hanya catatan.\n" * 200)
    with pytest.raises(KronikError) as caught:
        Store.open(path)
    assert caught.value.code == "E201" and str(path) in caught.value.message


def test_store_open_reports_a_database_locked_by_another_process(tmp_path):
    path = tmp_path / "k.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('ready', flush=True); "
                               "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(KronikError) as caught:
            Store.open(path)
        assert caught.value.code == "E202" and str(path) in caught.value.message
    finally:
        holder.stdin.close()
        holder.wait()


# --- property: whatever is stored loads back equal ------------------------------------------------------------

texts = st.text(max_size=20)
optional_texts = st.none() | texts
actors = st.builds(
    Actor, id=texts, name=texts, kind=st.sampled_from(ACTOR_KINDS), country=st.none() | st.sampled_from(["IRN", "IDN"]),
    sector=st.none() | st.sampled_from(SECTORS), aliases=st.lists(texts, max_size=2).map(tuple),
)
offsets = st.integers(0, 5000)
events = st.builds(
    EventMention, id=texts, category=st.sampled_from(["ASSAULT", "CONSULT"]), mode=optional_texts,
    actors=st.lists(actors, max_size=2).map(tuple), recipients=st.lists(actors, max_size=2).map(tuple),
    sentence_index=offsets, start=offsets, end=offsets, sentence=texts,
    date=st.none() | st.dates().map(dt.date.isoformat), date_precision=st.none() | st.just("day"),
    date_text=optional_texts, context=st.lists(texts, max_size=2).map(tuple),
    location=st.none() | st.builds(Location, name=optional_texts, country=optional_texts,
                                   lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180)),
    score=st.none() | st.floats(-10, 10), entry_ids=st.lists(texts, max_size=2).map(tuple),
    fatalities=st.none() | st.integers(0, 10**6),
)
entity_mentions = st.builds(
    EntityMention, start=offsets, end=offsets, text=texts, type=st.sampled_from(ENTITY_TYPES),
    actor=st.none() | actors, rule=texts,
)
article_records = st.builds(
    Article, id=texts, raw_text=texts, text=texts, title=optional_texts, outlet=optional_texts, url=optional_texts,
    published=st.none() | st.dates(), published_source=st.sampled_from(["given", "url", "unknown"]),
    origin=texts, language=st.none() | st.sampled_from(["id", "en"]),
    removed=st.lists(st.builds(Removed, text=texts, rule=texts), max_size=2).map(tuple),
    sentences=st.lists(st.builds(Sentence, index=offsets, start=offsets, end=offsets, text=texts), max_size=2).map(tuple),
    entities=st.lists(entity_mentions, max_size=3).map(tuple),
    dates=st.lists(st.builds(DateMention, start=offsets, end=offsets, text=texts, value=optional_texts,
                             precision=st.none() | st.just("day"), rule=texts), max_size=2).map(tuple),
    events=st.lists(events, max_size=3).map(tuple),
    stages=st.lists(texts, max_size=3).map(tuple),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_records, max_size=4, unique_by=lambda a: a.id))
def test_store_load_articles_round_trips_any_articles(articles):
    with Store.open(":memory:") as store:
        for article in articles:
            store.save_article(article, None)
        loaded = list(store.load_articles())
    assert loaded == sorted(articles, key=lambda a: a.id)


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_store_save_articles_in_batches_keeps_the_last_version_of_each_id(tmp_path, batch_size):
    batch = [make_article("k1", title="lama"), make_article("k2"), make_article("k1", title="baru"), make_article("k3")]
    with Store.open(tmp_path / "k.duckdb") as store:
        assert store.save_articles(batch, None, batch_size=batch_size) == 4
        assert {a["id"]: a["title"] for a in store.articles()}["k1"] == "baru"
        assert table_count(store, "articles") == 3 and table_count(store, "mentions") == 3
        assert list(store.load_articles())[0] == batch[2]
