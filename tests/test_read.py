"""Tests for kronik.read: folders, JSONL corpora and single files; problems reported, never fatal."""

import json

import pytest

from kronik.errors import KronikError
from kronik.read import decode_html, read_input

ARTICLE = "Presiden menerima Perdana Menteri Malaysia di Istana Bogor pada Senin (3/6/2024)."


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_folder_sorted_with_ids_from_stems(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    articles = list(read_input(tmp_path))
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].html and articles[0].text is None
    assert articles[1].text == ARTICLE and articles[1].origin.endswith("b.txt")


def test_read_jsonl_fields_and_origin(tmp_path):
    record = {"id": "a1", "outlet": "Kompas.com", "url": "https://x.id/a", "published": "2024-01-20",
              "title": "Judul", "text": ARTICLE}
    path = write_jsonl(tmp_path / "corpus.jsonl", [json.dumps(record)])
    (article,) = read_input(path)
    assert (article.id, article.outlet, article.published, article.title) == ("a1", "Kompas.com", "2024-01-20", "Judul")
    assert article.origin == f"{path}:1"


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"text": ARTICLE}), "no 'id'"),
        (json.dumps({"id": "x"}), "neither 'text' nor 'html'"),
        (json.dumps({"id": "x", "text": "   "}), "neither 'text' nor 'html'"),
        (json.dumps(["a", "list"]), "expected a JSON object"),
    ],
)
def test_read_jsonl_bad_lines_reported_and_skipped(tmp_path, line, problem):
    good = json.dumps({"id": "ok", "text": ARTICLE})
    path = write_jsonl(tmp_path / "corpus.jsonl", [good, line, good.replace('"ok"', '"ok2"')])
    problems = []
    ids = [a.id for a in read_input(path, on_problem=problems.append)]
    assert ids == ["ok", "ok2"]
    assert len(problems) == 1 and problem in problems[0] and problems[0].startswith(f"{path}:2")


def test_read_jsonl_duplicate_id_reported(tmp_path):
    line = json.dumps({"id": "same", "text": ARTICLE})
    problems = []
    articles = list(read_input(write_jsonl(tmp_path / "c.jsonl", [line, line]), on_problem=problems.append))
    assert len(articles) == 1 and "more than once" in problems[0]


def test_read_undecodable_text_file_reported(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Berita \xff\xfe rusak")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    problems = []
    assert [a.id for a in read_input(tmp_path, on_problem=problems.append)] == ["good"]
    assert "bad.txt" in problems[0]


def test_read_missing_path_raises_e101(tmp_path):
    with pytest.raises(KronikError) as error:
        list(read_input(tmp_path / "nothing"))
    assert error.value.code == "E101"


def test_read_problem_logged_without_reporter(tmp_path, caplog):
    path = write_jsonl(tmp_path / "c.jsonl", ["{oops"])
    assert list(read_input(path)) == []
    assert "invalid JSON" in caplog.text


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Kebijakan baru".encode(), "Kebijakan baru"),
        (b'<meta charset="iso-8859-1"><p>Caf\xe9</p>', '<meta charset="iso-8859-1"><p>Café</p>'),
        (b"<p>Caf\xe9 \x93kutipan\x94</p>", "<p>Café “kutipan”</p>"),
    ],
)
def test_read_decode_html_falls_back_to_declared_charset_then_cp1252(data, expected):
    assert decode_html(data) == expected


def test_read_single_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><p>Caf\xe9</p></body></html>")
    (article,) = read_input(path)
    assert article.id == "page" and "Café" in article.html
