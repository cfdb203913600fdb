"""`kronik actors`: list, show, new, merge and unmerge over a small corpus written for kronik."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kronik.cli import main

ARTICLES = [
    {"id": "u1", "outlet": "Kabar Uji", "published": "2025-04-02", "title": "Inspeksi tambang",
     "text": "Jakarta, Rabu (2/4/2025) - Kementerian Ketenagakerjaan memeriksa sebuah perusahaan tambang di "
             "Morowali.\nInspektur Kemnaker Rudiyanto Wibisono mengatakan pemeriksaan berlangsung dua hari."},
    {"id": "u2", "outlet": "Warta Uji", "published": "2025-04-03", "title": "Pemeriksaan tambang berlanjut",
     "text": "Inspektur ketenagakerjaan Rudianto Wibisono menyebut perusahaan itu belum membayar upah pekerja.\n"
             "Kementerian Ketenagakerjaan akan memanggil direksi perusahaan pada Jumat (4/4/2025)."},
]
LEFT, RIGHT = "new:rudiyanto-wibisono", "new:rudianto-wibisono"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture()
def db(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    path = tmp_path / "actors.duckdb"
    result = invoke("run", str(corpus), "--db", str(path), "-q")
    assert result.exit_code == 0, result.output
    return path, corpus


def wibisono(db) -> list[dict]:
    rows = jsonl(invoke("actors", "list", "--db", str(db), "--format", "jsonl").output)
    return [r for r in rows if "Wibisono" in r["name"]]


def test_actors_cli_run_merges_spellings_across_articles(db):
    rows = wibisono(db[0])
    assert len(rows) == 1 and rows[0]["articles"] == 2
    entities = jsonl(invoke("export", "entities", "--db", str(db[0])).output)
    merged = [e for e in entities if "Wibisono" in e["name"]]
    assert len(merged) == 1
    assert {merged[0]["name"], *merged[0]["aliases"]} >= {"Rudiyanto Wibisono", "Rudianto Wibisono"}


def test_actors_cli_rerun_gives_the_same_merges(db):
    path, corpus = db
    before = json.loads(invoke("actors", "show", "Rudianto Wibisono", "--db", str(path), "--json").output)
    assert invoke("run", str(corpus), "--db", str(path), "-q").exit_code == 0
    after = json.loads(invoke("actors", "show", "Rudianto Wibisono", "--db", str(path), "--json").output)
    assert [m["from_id"] for m in after["merges"]] == [m["from_id"] for m in before["merges"]]
    assert len(after["merges"]) == 1


def test_actors_cli_list_filters_and_limits(db):
    result = invoke("actors", "list", "--db", str(db[0]), "--kind", "person", "--format", "jsonl", "--limit", "1")
    rows = jsonl(result.output)
    assert result.exit_code == 0 and len(rows) == 1 and rows[0]["kind"] == "person"
    table = invoke("actors", "list", "--db", str(db[0]))
    assert table.output.splitlines()[0].split()[:3] == ["mentions", "events", "articles"]


def test_actors_cli_show_lists_aliases_merges_and_articles(db):
    result = invoke("actors", "show", LEFT, "--db", str(db[0]))
    assert result.exit_code == 0, result.output
    assert "spelling" in result.output and "u1" in result.output and "u2" in result.output


def test_actors_cli_new_prints_yaml_stubs(db):
    result = invoke("actors", "new", "--db", str(db[0]), "--format", "yaml")
    assert result.exit_code == 0, result.output
    assert "name: Rudianto Wibisono" in result.output or "name: Rudiyanto Wibisono" in result.output
    assert "kb:" in result.output and "example:" in result.output


def test_actors_cli_unmerge_then_merge_by_hand(db):
    path = str(db[0])
    merged = json.loads(invoke("actors", "show", LEFT, "--db", path, "--json").output)
    from_id = merged["merges"][0]["from_id"]
    result = invoke("actors", "unmerge", from_id, "--db", path)
    assert result.exit_code == 0, result.output
    assert len(wibisono(path)) == 2
    result = invoke("actors", "merge", LEFT, RIGHT, "--db", path)
    assert result.exit_code == 0, result.output
    rows = wibisono(path)
    assert len(rows) == 1 and rows[0]["id"] == RIGHT
    shown = json.loads(invoke("actors", "show", RIGHT, "--db", path, "--json").output)
    assert shown["merges"][0]["rule"] == "manual"


@pytest.mark.parametrize(("args", "code"), [
    (("actors", "show", "new:nobody"), "E207"),
    (("actors", "merge", "new:nobody", RIGHT), "E207"),
    (("actors", "merge", RIGHT, RIGHT), "E209"),
    (("actors", "unmerge", "IDN"), "E210"),
])
def test_actors_cli_errors_have_codes(db, args, code):
    result = invoke(*args, "--db", str(db[0]))
    assert result.exit_code == 2 and code in result.output


def test_actors_cli_missing_database(tmp_path):
    result = invoke("actors", "list", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2 and "E212" in result.output
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("listing", ["list_actors", "new_actors"])
def test_actors_cli_listings_read_the_stored_mentions_once(db, monkeypatch, listing):
    from kronik import actors
    from kronik.store import Store

    reads = []
    original = Store._entities_by_article

    def counted(self):
        reads.append(1)
        return original(self)

    monkeypatch.setattr(Store, "_entities_by_article", counted)
    with Store.open(db[0]) as store:
        rows = getattr(actors, listing)(store)
    assert len(reads) == 1
    assert rows and all(r["mentions"] >= 1 for r in rows if "Wibisono" in r["name"])
