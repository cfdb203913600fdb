"""The Markdown chronicle: one section per story, dated event lines with sources and disagreements."""

import datetime as dt

import pytest

from kronik.chronicle import format_value_date, render_markdown, shorten
from kronik.errors import KronikError
from kronik.records import Actor, Article, EventMention
from kronik.store import Store

IRAN = Actor("IRN", "Iran", "state", "IRN")
PAKISTAN = Actor("PAK", "Pakistan", "state", "PAK")
JAA = Actor("kb:jaish-al-adl", "Jaish al-Adl", "group", "IRN", "REB")


def event(event_id, category, mode, actors, recipients, date, sentence):
    return EventMention(
        id=event_id, category=category, mode=mode, actors=actors, recipients=recipients, sentence_index=0, start=0,
        end=len(sentence), sentence=sentence, date=date, date_precision="day" if date else None,
    )


def report(article_id, outlet, published, *events):
    text = " ".join(e.sentence for e in events)
    return Article(id=article_id, raw_text=text, text=text, outlet=outlet, title=f"Laporan {outlet}",
                   published=published, events=events)


STRIKE = "Iran menyerang dua markas Jaish al-Adl dengan drone dan rudal."
RETALIATION = "Pakistan membalas dengan serangan udara ke wilayah Iran."
CALL = "Kedua menteri luar negeri berbicara lewat telepon."
CONDEMN = "Teheran mengecam serangan balasan itu."


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as opened:
        opened.save_article(report(
            "k1", "Kompas.com", dt.date(2024, 1, 18),
            event("e1", "ASSAULT", "drone", (IRAN,), (JAA,), "2024-01-16", STRIKE),
            event("e2", "ASSAULT", "aerial", (PAKISTAN,), (IRAN,), "2024-01-18", RETALIATION),
            event("e3", "ACCUSE", "disapprove", (IRAN,), (PAKISTAN,), None, CONDEMN),
        ), None)
        opened.save_article(report(
            "k2", "IDN Times", dt.date(2024, 1, 19),
            event("e1", "ASSAULT", "drone", (IRAN,), (JAA,), "2024-01-17", STRIKE),
        ), None)
        opened.save_article(report(
            "k3", "Antara", dt.date(2024, 1, 20),
            event("e1", "CONSULT", "phone", (IRAN, PAKISTAN), (), "2024-01-19", CALL),
        ), None)
        opened.save_links({"k1": ("iran-pakistan", None), "k2": ("iran-pakistan", None), "k3": (None, None)})
        yield opened


def event_lines(markdown):
    return [line for line in markdown.splitlines() if line.startswith("- **")]


def test_chronicle_lines_are_dated_in_order_with_undated_last(store):
    lines = event_lines(render_markdown(store, "iran-pakistan"))
    assert [line.split("**")[1] for line in lines] == ["16 Jan 2024", "18 Jan 2024", "undated"]


def test_chronicle_line_says_who_did_what_to_whom_with_evidence_and_sources(store):
    first = event_lines(render_markdown(store, "iran-pakistan"))[0]
    assert "— Iran — ASSAULT (drone) → Jaish al-Adl —" in first
    assert f"“{STRIKE}”" in first
    assert first.endswith("sources: [Kompas.com, k1]; [IDN Times, k2]")


def test_chronicle_shows_the_sources_disagreement(store):
    markdown = render_markdown(store, "iran-pakistan")
    assert "  - sources differ on date: 16 Jan (Kompas.com), 17 Jan (IDN Times)" in markdown.splitlines()


def test_chronicle_all_stories_have_a_heading_and_their_articles(store):
    markdown = render_markdown(store)
    assert "## Story iran-pakistan" in markdown and "## Article k3" in markdown
    assert "- [k1] — Kompas.com — 2024-01-18 — “Laporan Kompas.com”" in markdown
    assert len(event_lines(markdown)) == 4


def test_chronicle_of_one_story_leaves_out_the_others(store):
    markdown = render_markdown(store, "iran-pakistan")
    assert "k3" not in markdown and "CONSULT" not in markdown


def test_chronicle_unknown_story_is_an_error(store):
    with pytest.raises(KronikError) as caught:
        render_markdown(store, "tidak-ada")
    assert caught.value.code == "E206" and "iran-pakistan" in caught.value.message


def test_chronicle_says_clearly_when_there_are_no_events(tmp_path):
    with Store.open(tmp_path / "k.duckdb") as empty:
        empty.save_article(Article(id="k1", raw_text="Teks tanpa peristiwa.", text="Teks tanpa peristiwa."), None)
        markdown = render_markdown(empty)
    assert "No events in this database (1 article stored" in markdown


@pytest.mark.parametrize(
    ("value", "precision", "locale", "short", "expected"),
    [
        ("2024-01-16", "day", "en", False, "16 Jan 2024"),
        ("2024-01-16", "day", "en", True, "16 Jan"),
        ("2024-08", "month", "id", False, "Agu 2024"),
        ("2024", "year", "en", False, "2024"),
        ("pekan lalu", None, "en", False, "pekan lalu"),
    ],
)
def test_chronicle_format_value_date(value, precision, locale, short, expected):
    assert format_value_date(value, precision, locale, short) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Pendek saja.", 160, "Pendek saja."),
        ("Satu\ndua   tiga", 160, "Satu dua tiga"),
        ("Menteri luar negeri kedua negara bertemu", 20, "Menteri luar…"),
    ],
)
def test_chronicle_shorten(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_chronicle_escapes_markdown_in_evidence(tmp_path):
    sentence = "Juru bicara menyebut [pernyataan] itu *tidak berdasar*."
    with Store.open(tmp_path / "k.duckdb") as opened:
        opened.save_article(report("k1", "Tempo", dt.date(2024, 1, 18),
                                   event("e1", "REJECT", None, (IRAN,), (PAKISTAN,), "2024-01-17", sentence)), None)
        markdown = render_markdown(opened)
    assert r"\[pernyataan\] itu \*tidak berdasar\*." in markdown
