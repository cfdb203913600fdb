"""Alias merging across articles: spelling variants merge, different actors stay apart, merges undo cleanly."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.corpus.abbreviations import abbreviates, is_leading_part
from kronik.corpus.aliases import AliasMerger, Merge, MergeMap
from kronik.spelling import Transliteration
from kronik.gazetteer import slug
from kronik.records import Actor, Article, EntityMention
from kronik.store import Store

TYPE_OF_KIND = {"person": "PER", "organization": "ORG", "group": "ORG"}


@pytest.fixture(scope="module")
def merger() -> AliasMerger:
    return AliasMerger(Transliteration.load(), titles=["Menteri", "Presiden"])


def actor(name: str, kind: str = "person", country: str | None = None, actor_id: str | None = None) -> Actor:
    return Actor(actor_id or f"new:{slug(name)}", name, kind, country, aliases=(name,))


def article(article_id: str, *actors: Actor) -> Article:
    """An article naming each actor once (the text is only the names, one sentence each)."""
    text, entities = "", []
    for found in actors:
        start = len(text)
        text += found.name + ". "
        entities.append(EntityMention(start, start + len(found.name), found.name, TYPE_OF_KIND[found.kind], found, "name:sequence"))
    return Article(id=article_id, raw_text=text, text=text, published=dt.date(2025, 5, 1), entities=tuple(entities))


def merged_pairs(merges: tuple[Merge, ...]) -> set[frozenset[str]]:
    into = MergeMap({m.from_id: m.into_id for m in merges})
    ids = {m.from_id for m in merges} | {m.into_id for m in merges}
    return {frozenset((a, b)) for a in ids for b in ids if a < b and into.resolve(a) == into.resolve(b)}


SAME = [
    (actor("Hossein Amir-Abdollahian", country="IRN"), actor("Hossein Amirabdollahian", country="IRN")),
    (actor("Anwar-ul-Haq Kakar", country="PAK"), actor("Anwaar-ul-Haq Kakar")),
    (actor("Dehqan", country="IRN"), actor("Dehghan", country="IRN")),
    (actor("Jaish al-Adl", "group"), actor("Jaysh al-Adl", "group")),
    (actor("Jaish al-Adl", "group"), actor("Jaish ul-Adl", "organization")),
    (actor("Mahmoud Abbas", country="PSE"), actor("Mahmud Abbas", country="PSE")),
    (actor("Rudiyanto Wibisono", country="IDN"), actor("Rudianto Wibisono")),
    (actor("Soekarno Hatta Putra"), actor("Sukarno Hatta Putra")),
    (actor("Lembaga Ketahanan Pangan", "organization"), actor("LembagaKetahanan Pangan", "organization")),
]

APART = [
    (actor("Mahmoud Abbas", country="PSE"), actor("Abbas Araghchi", country="IRN")),
    (actor("Mahmoud Abbas"), actor("Abbas Araghchi")),
    (actor("Joko Susanto", country="IDN"), actor("Eko Susanto", country="IDN")),
    (actor("Ahmad Fauzan"), actor("Ahmad Fauzi")),
    (actor("Jaish al-Adl", "group", "IRN"), actor("Jaysh al-Adl", "group", "PAK")),
    (actor("Komisi XI DPR", "organization"), actor("Komisi XII DPR", "organization")),
    (actor("Pasal 5 Ayat", "organization"), actor("Pasal 55 Ayat", "organization")),
    (actor("Sinar Harapan", "organization"), actor("Sinar Harapan")),
    (actor("Dehqan", actor_id="kb:dehqan"), actor("Dehghan", actor_id="kb:dehghan")),
]


@pytest.mark.parametrize(("left", "right"), SAME, ids=lambda a: a.name)
def test_aliases_spelling_variants_across_articles_merge(merger, left, right):
    merges = merger([article("a1", left), article("a2", right)])
    assert frozenset((left.id, right.id)) in merged_pairs(merges)


@pytest.mark.parametrize(("left", "right"), APART, ids=lambda a: a.name)
def test_aliases_different_actors_stay_apart(merger, left, right):
    merges = merger([article("a1", left), article("a2", right)])
    assert frozenset((left.id, right.id)) not in merged_pairs(merges)


def test_aliases_curated_actor_is_canonical(merger):
    curated = Actor("kb:hossein-amir-abdollahian", "Hossein Amir-Abdollahian", "person", "IRN", "GOV", ("Amir-Abdollahian",))
    variant = actor("Amirabdollahian")
    merges = merger([article("a1", curated), article("a2", variant)])
    assert merges == (Merge(variant.id, curated.id, "spelling", 1.0),)


@pytest.mark.parametrize(("short", "long", "expected"), [
    ("Kemnaker", "Kementerian Ketenagakerjaan", True),
    ("Kemenaker", "Kementerian Ketenagakerjaan", True),
    ("Kementan", "Kementerian Pertanian", True),
    ("Kemlu Iran", "Kementerian Luar Negeri Iran", True),
    ("APKASI", "Asosiasi Pemerintah Kabupaten Seluruh Indonesia", True),
    ("UNRWA", "United Nations Relief and Works Agency", True),
    ("DK PBB", "Dewan Keamanan PBB", True),
    ("KPK", "Komisi Pemberantasan Korupsi", True),
    ("MA", "Mahkamah Konstitusi", False),
    ("Kemlu", "Kementerian Keuangan", False),
    ("BIN", "Komisi Pemberantasan Korupsi", False),
    ("Kemnaker", "Kemnaker", False),
])
def test_aliases_abbreviations(short, long, expected):
    assert abbreviates(short, long) is expected


@pytest.mark.parametrize(("short", "long", "expected"), [
    ("Komisi III", "Komisi III DPR", True),
    ("Kortas Tipikor Polri", "Kortas Tipikor Bareskrim Polri", True),
    ("Komisi I DPR", "Komisi III DPR", False),
    ("Polri", "Bareskrim Polri", False),
    ("Komisi III DPR", "Komisi III DPR", False),
])
def test_aliases_leading_parts(short, long, expected):
    assert is_leading_part(short, long) is expected


def test_aliases_abbreviation_in_one_article_merges_into_the_long_form(merger):
    long, short = actor("Kementerian Ketenagakerjaan", "organization", "IDN"), actor("Kemnaker", "organization")
    merges = merger([article("a1", long, short)])
    assert merges == (Merge(short.id, long.id, "abbreviation", 1.0),)


def test_aliases_abbreviation_also_used_alone_is_not_merged(merger):
    long, short = actor("Mahkamah Agung", "organization", "IDN"), actor("MA", "organization")
    assert merger([article("a1", long, short), article("a2", short)]) == ()


def test_aliases_initials_merge_into_a_person_of_the_same_article(merger):
    person, initials = actor("Halim Santosa", country="IDN"), actor("HS", "organization")
    assert merger([article("a1", person, initials)]) == (Merge(initials.id, person.id, "abbreviation", 1.0),)


def test_aliases_last_name_in_the_same_story_merges(merger):
    full, short = actor("Hossein Amir-Abdollahian", country="IRN"), actor("Abdollahian")
    merges = merger([article("a1", full), article("a2", short)], {"a1": "s", "a2": "s"})
    assert merges == (Merge(short.id, full.id, "short-form", 1.0),)


def test_aliases_last_name_of_two_people_is_not_merged(merger):
    first, second, short = actor("Joko Susanto"), actor("Eko Prasetyo Susanto"), actor("Susanto")
    stories = {"a1": "s", "a2": "s", "a3": "s"}
    assert merger([article("a1", first), article("a2", second), article("a3", short)], stories) == ()


def test_aliases_last_name_outside_the_story_is_not_merged(merger):
    full, short = actor("Hossein Amir-Abdollahian", country="IRN"), actor("Abdollahian")
    assert merger([article("a1", full), article("a2", short)], {"a1": "s1", "a2": "s2"}) == ()


def test_aliases_titles_are_not_full_names(merger):
    full, short = actor("Menteri Wibisono"), actor("Wibisono")
    assert merger([article("a1", full), article("a2", short)], {"a1": "s", "a2": "s"}) == ()


def test_aliases_country_of_an_actor_does_not_depend_on_article_order(merger):
    pakistan = actor("Jaysh al-Adl", kind="group", country="PAK")
    unknown = actor("Jaysh al-Adl", kind="group")
    iran = actor("Jaish al-Adl", kind="group", country="IRN")
    articles = [article("a1", pakistan), article("a2", unknown, iran)]
    assert merger(articles) == merger(list(reversed(articles))) == ()


NAMES = st.sampled_from([a for pair in SAME + APART for a in pair if not a.id.startswith("kb:")])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(NAMES, min_size=1, max_size=3), min_size=1, max_size=4))
def test_aliases_merging_is_symmetric_and_idempotent(groups):
    merger = AliasMerger(Transliteration.load())
    articles = [article(f"a{i}", *dict.fromkeys(group)) for i, group in enumerate(groups)]
    merges = merger(articles)
    assert merger(list(reversed(articles))) == merges
    assert merger(articles) == merges
    assert len({m.from_id for m in merges}) == len(merges)
    into = MergeMap({m.from_id: m.into_id for m in merges})
    assert all(into.resolve(into.resolve(m.from_id)) == into.resolve(m.from_id) for m in merges)
    assert not {m.into_id for m in merges} & {m.from_id for m in merges}


def test_aliases_unmerge_restores_the_export(tmp_path, merger):
    left, right = SAME[6]
    articles = [article("a1", left), article("a2", right)]
    with Store.open(tmp_path / "t.duckdb") as store:
        store.save_articles(articles, None)
        before = store.entities()
        assert store.save_merges(merger(articles), "r1") == 1
        assert store.save_merges(merger(articles), "r2") == 0  # a re-run adds nothing
        merged = store.entities()
        assert len(merged) == 1 and set(merged[0]["aliases"]) | {merged[0]["name"]} == {left.name, right.name}
        assert merged[0]["article_ids"] == ["a1", "a2"]
        removed = store.remove_merge(merged[0]["id"] == left.id and right.id or left.id)
        assert removed is not None
        assert store.entities() == before
        assert store.save_merges(merger(articles), "r3") == 0  # an undone merge is not redone
