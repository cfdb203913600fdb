"""Headlines and Title Case lines: a capitalised verb ends a name inside a capitalised run, and in a line where
most words are capitalised, runs with no evidence but their capitals are no names."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.ner.cues import CueBook, Token
from kronik.ner.headlines import headline_mentions
from kronik.records import Actor, Article, EntityMention, Sentence


@pytest.fixture(scope="module")
def cues():
    return CueBook(("id", "en"))


def stage(recognizer, text, language="id"):
    article = Article(id="a", raw_text=text, text=text, language=language,
                      sentences=(Sentence(0, 0, len(text), text),), published=dt.date(2025, 6, 2))
    return {m.text: m for m in recognizer(article).entities if not m.rule.startswith("generic:")}


@pytest.mark.parametrize(
    "word, verb",
    [
        ("Layangkan", True), ("Hentikan", True), ("Diperiksa", True), ("Kecam", True), ("Condemns", True),
        ("Pelindungan", False), ("Persatuan", False), ("Merdeka", False), ("Bersatu", False), ("Kurniawan", False),
        ("KPK", False), ("Menteri", False), ("Pendidikan", False), ("Perkebunan", False),
    ],
)
def test_ner_headlines_verbs_are_affixed_forms_or_listed_roots(cues, word, verb):
    assert cues.verb(Token(0, len(word), word, word.lower())) is verb


@pytest.mark.parametrize(
    "line, kept, dropped",
    [
        ("Kemlu Layangkan Nota Protes ke Malaysia", {"Kemlu", "Malaysia"}, {"Kemlu Layangkan Nota Protes", "Nota Protes"}),
        ("Harga BBM Nonsubsidi Turun Mulai Hari Ini", set(), {"Harga BBM Nonsubsidi Turun Mulai Hari Ini", "Nonsubsidi"}),
        ("Nelayan Riau Keluhkan Patroli Asing di Selat Malaka", {"Riau"}, {"Riau Keluhkan Patroli Asing", "Patroli Asing"}),
        ("Saksi Kasus Suap Diperiksa KPK, Rudi Hartawan Bantah Terima Uang", {"KPK", "Rudi Hartawan"}, {"Kasus Suap"}),
        ("PBB Serukan Gencatan Senjata di Jalur Gaza", {"PBB"}, {"Serukan Gencatan Senjata", "Gencatan Senjata"}),
        ("Budi Santoso Tak Masalah Dicegah ke Luar Negeri", {"Budi Santoso"}, {"Budi Santoso Tak Masalah"}),
        ("Ketua Banggar Said Abdullah Tanggapi Kritik Anggaran", set(), {"Said", "Banggar Said Abdullah Tanggapi Kritik Anggaran"}),
    ],
)
def test_ner_headlines_keep_known_names_and_drop_runs_made_by_capitals(recognizer, line, kept, dropped):
    found = stage(recognizer, line)
    assert kept <= set(found), sorted(found)
    assert not dropped & set(found), sorted(found)
    if "KPK" in kept:
        assert found["KPK"].type == "ORG"  # not initials after the headline's capitalised "Diperiksa"


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Pagi itu Budiono Hartawan menemui para nelayan di dermaga.", "Budiono Hartawan"),
        ("Kantornya berada di jalan Menoreh Raya.", "jalan Menoreh Raya"),  # "Menoreh" looks affixed, starts no run cut
        ("Tersangka RMP dan AS ditahan di rumah tahanan negara.", "AS"),  # initials after a real cue stay
        ("Hadir pula Anies Baswedan, Dino Patti Djalal, Gita Wirjawan dan Irman Gusman.", "Irman Gusman"),  # a list
        ("Ia tinggal di Jalan Kelud Raya Jalan Menoreh Raya.", "Jalan Kelud Raya Jalan Menoreh Raya"),
    ],
)
def test_ner_headlines_ordinary_sentences_keep_their_names(recognizer, sentence, name):
    assert name in stage(recognizer, sentence)


def mention(text, rule, kind="PER"):
    return EntityMention(0, len(text), text, kind, Actor(id=f"new:{text}", name=text, kind="person"), rule)


WORDS = ["Kemlu", "Kecam", "Serangan", "di", "Mokha", "Budi", "dan", "yang", "Harga", "Turun"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10),
       st.lists(st.sampled_from(["name:unsure", "kb:x", "name:sequence", "title:t"]), max_size=4))
def test_ner_headlines_filter_only_removes_and_leaves_ordinary_lines_alone(cues, words, rules):
    tokens, offset = [], 0
    for k, word in enumerate(words):
        tokens.append(Token(offset, offset + len(word), word, word.lower(), k == 0))
        offset += len(word) + 1
    found = [mention(f"Nama {k}", rule) for k, rule in enumerate(rules)]
    text = " ".join(words)
    headline = cues.headline(text, tokens)
    kept = headline_mentions(cues, found, headline)
    assert all(m in found for m in kept)
    if not headline:
        assert kept == found
    else:
        assert not any(m.rule == "name:unsure" for m in kept)
