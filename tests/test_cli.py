"""The command line: every command runs on text written for kronik, and its reference is up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronik.cli import main
from kronik.clidoc import render_cli_reference

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = [
    {"id": "k1", "outlet": "Kabar Uji", "published": "2025-03-14",
     "text": "Jakarta, Jumat (14/3/2025) - Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri "
             "Malaysia Mohamad Hasan di Kuala Lumpur pada Kamis (13/3/2025).\n"
             "Kedua menteri sepakat menggelar patroli bersama di Selat Malaka.\n"
             "Baca juga: Harga Beras Naik Lagi di Pasar Induk"},
    {"id": "k2", "outlet": "Warta Uji", "published": "2025-03-15",
     "text": "Polisi menangkap dua tersangka penyelundupan di Batam pada Jumat (14/3/2025).\n"
             "Kapolda mengatakan keduanya kini ditahan."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    path = folder / "test.duckdb"
    result = CliRunner().invoke(main, ["run", str(corpus), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output
    return path


def test_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == render_cli_reference()


def test_cli_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.list_commands(None):
        assert f"kronik {name}" in readme, f"README does not document `kronik {name}`"


@pytest.mark.parametrize("kind", ["articles", "mentions", "events", "entities"])
def test_cli_export_jsonl(db, kind):
    result = CliRunner().invoke(main, ["export", kind, "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if kind == "articles":
        assert {r["id"] for r in rows} == {"k1", "k2"}
        assert all("Baca juga" not in r["text"] for r in rows)
    if kind == "mentions":
        assert any(r["category"] == "CONSULT" for r in rows)


def test_cli_export_parquet_needs_output(db):
    result = CliRunner().invoke(main, ["export", "mentions", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 2 and "E205" in result.output


def test_cli_chronicle_lists_events(db):
    result = CliRunner().invoke(main, ["chronicle", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.output or "meet" in result.output.lower()


def test_cli_tag_one_json_line_per_input_line():
    result = CliRunner().invoke(main, ["tag", "-"], input="Presiden Prabowo Subianto tiba di Tokyo.\n\nIran menyerang Israel.\n")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 3
    first = json.loads(lines[0])["entities"]
    assert {"text": "Prabowo Subianto", "type": "PER"} in [{"text": e["text"], "type": e["type"]} for e in first]
    assert json.loads(lines[1]) == {"entities": []}


def test_cli_run_missing_input_fails_with_code(tmp_path):
    result = CliRunner().invoke(main, ["run", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "E101" in result.output


def test_cli_running_twice_stores_each_article_once(db, tmp_path):
    corpus = tmp_path / "again.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    CliRunner().invoke(main, ["run", str(corpus), "--db", str(db), "-q"])
    result = CliRunner().invoke(main, ["export", "articles", "--db", str(db)])
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == 2
