"""Names an article introduces for an actor: brackets, nickname links, initials."""

from __future__ import annotations

import datetime as dt

import pytest

from kronik.corpus.aliases import AliasMerger, MergeMap
from kronik.spelling import Transliteration
from kronik.corpus.introductions import NicknameLinks, introductions
from kronik.gazetteer import slug
from kronik.records import Actor, Article, EntityMention


@pytest.fixture(scope="module")
def links() -> NicknameLinks:
    return NicknameLinks.load(("id", "en"))


def kind_of(words: str, type_: str) -> str:
    return {"PER": "person", "ORG": "organization"}[type_]


def article(text: str, *names: tuple[str, str], article_id: str = "a1") -> Article:
    """An article whose mentions are the given (words, type) at their first place in the text, after the last."""
    mentions, at = [], 0
    for words, type_ in names:
        start = text.index(words, at)
        at = start + len(words)
        actor = Actor(f"new:{slug(words)}", words, kind_of(words, type_), aliases=(words,))
        mentions.append(EntityMention(start, at, words, type_, actor, "name:sequence"))
    return Article(id=article_id, raw_text=text, text=text, published=dt.date(2025, 6, 1), entities=tuple(mentions))


CASES = [
    ("KPK memeriksa Rudi Hartono (RH) pada Senin.", [("Rudi Hartono", "PER"), ("RH", "ORG")], ("rudi-hartono", "rh", "introduced")),
    ("Polisi menangkap Budi Santoso alias Bule di Depok.", [("Budi Santoso", "PER"), ("Bule", "PER")], ("budi-santoso", "bule", "nickname")),
    ("Wakil menteri Budi Santoso atau yang akrab disapa Bule hadir.", [("Budi Santoso", "PER"), ("Bule", "PER")], ("budi-santoso", "bule", "nickname")),
    ("Mantan wakil menteri Budi Santoso atau Bule diperiksa.", [("Budi Santoso", "PER"), ("Bule", "PER")], ("budi-santoso", "bule", "nickname")),
    ("Police arrested John Smith, also known as Smithy, in Leeds.", [("John Smith", "PER"), ("Smithy", "PER")], ("john-smith", "smithy", "nickname")),
    ("Dewan Pertahanan Nasional (National Defence Council) bersidang.", [("Dewan Pertahanan Nasional", "ORG"), ("National Defence Council", "ORG")],
     ("dewan-pertahanan-nasional", "national-defence-council", "introduced")),
    ("KPK memeriksa Yudi pada Senin. Saudara YW didalami soal anggaran.", [("Yudi", "PER"), ("YW", "PER")], ("yudi", "yw", "initials-prefix")),
]

NO_CASES = [
    ("Iran atau Israel belum menanggapi.", [("Iran atau Israel", "ORG")]),
    ("Pertemuan Bank Dunia atau IMF ditunda.", [("Bank Dunia", "ORG"), ("IMF", "ORG")]),  # 'atau' joins people only
    ("Rapat Dewan Pertahanan Nasional (Wantannas) digelar.", [("Dewan Pertahanan Nasional", "ORG"), ("Wantannas", "ORG")]),  # abbreviation rule's
    ("Budi Santoso dan Bule hadir.", [("Budi Santoso", "PER"), ("Bule", "PER")]),
    ("KPK memeriksa Yudi dan Yanto. Saudara YW didalami.", [("Yudi", "PER"), ("Yanto", "PER"), ("YW", "PER")]),  # two could be meant
]


@pytest.mark.parametrize(("text", "names", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_aliases_introductions_found(links, text, names, expected):
    long, short, rule = expected
    assert (f"new:{long}", f"new:{short}", rule) in introductions(article(text, *names), links)


@pytest.mark.parametrize(("text", "names"), NO_CASES, ids=[c[0][:30] for c in NO_CASES])
def test_aliases_introductions_not_found(links, text, names):
    assert introductions(article(text, *names), links) == []


def test_aliases_introduced_nickname_merges_across_the_article():
    merger = AliasMerger(Transliteration.load(), titles=["Menteri"])
    first = article("Polisi menangkap Budi Santoso alias Bule di Depok.", ("Budi Santoso", "PER"), ("Bule", "PER"))
    later = article("Bule mengaku menyesal.", ("Bule", "PER"), article_id="a2")
    into = MergeMap({m.from_id: m.into_id for m in merger([first, later])})
    assert into.resolve("new:bule") == "new:budi-santoso"


def test_aliases_nickname_introduced_for_two_people_is_not_merged():
    merger = AliasMerger(Transliteration.load())
    one = article("Polisi menangkap Budi Santoso alias Bule di Depok.", ("Budi Santoso", "PER"), ("Bule", "PER"))
    two = article("Polisi menangkap Andi Wijaya alias Bule di Bogor.", ("Andi Wijaya", "PER"), ("Bule", "PER"), article_id="a2")
    assert not any(m.from_id == "new:bule" for m in merger([one, two]))
