"""Tests for the corpus stages: near-duplicates and stories, on articles written for these tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.corpus import DuplicateFinder, StoryLinker, assign_stories, find_duplicates, jaccard, word_shingles
from kronik.corpus.profiles import ActorWeights, TermRarity, build_profile
from kronik.corpus.slugs import slugify, unique_slugs
from kronik.errors import KronikError
from kronik.records import Actor, Article, EntityMention, EventMention

SHARED = Path(__file__).resolve().parents[2] / "shared"

BORDER_TALKS = (
    "Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri Malaysia Mohamad Hasan di Kuala Lumpur "
    "pada Senin (3/3/2025). Kedua menteri membahas penetapan batas laut di Laut Sulawesi dan perlindungan "
    "pekerja migran Indonesia di Sabah. Sugiono mengatakan kedua negara sepakat mempercepat perundingan batas "
    "maritim yang sudah berlangsung lebih dari dua puluh tahun tanpa hasil yang memuaskan kedua pihak.\n"
    "Mohamad Hasan menambahkan bahwa Malaysia akan mengirim tim teknis ke Jakarta bulan depan untuk melanjutkan "
    "pembahasan titik koordinat yang masih diperdebatkan. Ia juga menyebut kerja sama penjaga pantai kedua "
    "negara perlu diperkuat agar insiden penangkapan nelayan tradisional tidak terulang di perairan yang "
    "belum disepakati.\n"
    "Pertemuan itu turut menyinggung kerja sama pemberantasan perdagangan manusia di perbatasan Kalimantan, "
    "termasuk pertukaran data antara kepolisian kedua negara. Sugiono menilai hubungan Jakarta dan Kuala "
    "Lumpur berada pada titik terbaik dalam satu dekade terakhir, sementara Mohamad Hasan berharap kunjungan "
    "balasan ke Indonesia dapat dilakukan sebelum pertengahan tahun."
)
BOILERPLATE = "Baca juga: harga cabai di pasar induk naik lagi. Ikuti kanal berita kami."
TARIFF_TALKS = (
    "Presiden Meksiko Claudia Sheinbaum menyatakan pemerintahnya akan membalas tarif baja yang diumumkan "
    "Amerika Serikat pekan ini. Menurut Sheinbaum, Meksiko menyiapkan daftar produk pertanian dari Amerika "
    "Serikat yang akan dikenai bea masuk tambahan jika perundingan di Washington gagal."
)
UKRAINE_AID = (
    "Presiden Ukraina Volodymyr Zelensky meminta Amerika Serikat segera mengirim tambahan sistem pertahanan "
    "udara setelah serangan rudal Rusia menghantam jaringan listrik di Kharkiv. Zelensky mengatakan Kyiv juga "
    "berharap dukungan dari negara-negara Eropa."
)

IDN = Actor("IDN", "Indonesia", "state", country="IDN")
MYS = Actor("MYS", "Malaysia", "state", country="MYS")
USA = Actor("USA", "Amerika Serikat", "state", country="USA")
MEX = Actor("MEX", "Meksiko", "state", country="MEX")
UKR = Actor("UKR", "Ukraina", "state", country="UKR")
SUGIONO = Actor("kb:sugiono", "Sugiono", "person", country="IDN", sector="GOV")
HASAN = Actor("kb:mohamad-hasan", "Mohamad Hasan", "person", country="MYS", sector="GOV")
ANWAR = Actor("kb:anwar-ibrahim", "Anwar Ibrahim", "person", country="MYS", sector="GOV")
SHEINBAUM = Actor("kb:claudia-sheinbaum", "Claudia Sheinbaum", "person", country="MEX", sector="GOV")
ZELENSKY = Actor("kb:volodymyr-zelensky", "Volodymyr Zelensky", "person", country="UKR", sector="GOV")

ENTITY_TYPE = {"person": "PER", "organization": "ORG", "group": "ORG", "state": "LOC"}


def entity(actor: Actor) -> EntityMention:
    return EntityMention(0, len(actor.name), actor.name, ENTITY_TYPE[actor.kind], actor, rule="test")


def event(actors: tuple[Actor, ...], recipients: tuple[Actor, ...] = ()) -> EventMention:
    return EventMention("e1", "CONSULT", None, actors, recipients, 0, 0, 10, "kalimat uji")


def article(
    article_id: str,
    published: str | None = "2025-03-03",
    *,
    text: str = "",
    title: str | None = None,
    actors: tuple[Actor, ...] = (),
    events: tuple[EventMention, ...] = (),
) -> Article:
    return Article(
        id=article_id,
        raw_text=text,
        text=text,
        title=title,
        published=dt.date.fromisoformat(published) if published else None,
        entities=tuple(entity(a) for a in actors),
        events=events,
    )


# ---------------------------------------------------------------- shingles and Jaccard


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("Satu dua tiga empat lima enam", 5, {"satu dua tiga empat lima", "dua tiga empat lima enam"}),
        ("Halo DUNIA", 5, {"halo dunia"}),
        ("", 5, set()),
        ("  ...  ", 5, set()),
        ("A, b; c", 2, {"a b", "b c"}),
        ("Jakarta (3/3) - Presiden", 3, {"jakarta 3 3", "3 3 presiden"}),
    ],
)
def test_corpus_word_shingles_cases(text, size, expected):
    assert word_shingles(text, size) == frozenset(expected)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ({"a", "b"}, {"a", "b"}, 1.0),
        ({"a", "b"}, {"b", "c"}, 1 / 3),
        ({"a"}, {"b"}, 0.0),
        (set(), set(), 0.0),
        ({"a"}, set(), 0.0),
    ],
)
def test_corpus_jaccard_cases(left, right, expected):
    assert jaccard(frozenset(left), frozenset(right)) == pytest.approx(expected)


@given(st.frozensets(st.text(max_size=3), max_size=12), st.frozensets(st.text(max_size=3), max_size=12))
def test_corpus_jaccard_is_symmetric_and_bounded(left, right):
    value = jaccard(left, right)
    assert value == jaccard(right, left)
    assert 0.0 <= value <= 1.0
    if left:
        assert jaccard(left, left) == 1.0


# ---------------------------------------------------------------- duplicates


def test_corpus_duplicates_exact_copy_points_to_earlier():
    articles = [
        article("repost", "2025-03-04", text=BORDER_TALKS),
        article("original", "2025-03-03", text=BORDER_TALKS),
    ]
    assert find_duplicates(articles, 0.8) == {"repost": "original", "original": None}


def test_corpus_duplicates_near_copy_with_boilerplate():
    copy = BORDER_TALKS + "\n" + BOILERPLATE
    assert jaccard(word_shingles(BORDER_TALKS, 5), word_shingles(copy, 5)) >= 0.8
    articles = [article("a", text=BORDER_TALKS), article("b", text=copy)]
    assert find_duplicates(articles, 0.8) == {"a": None, "b": "a"}


def test_corpus_duplicates_same_day_earliest_by_id_and_undated_last():
    articles = [
        article("c", None, text=BORDER_TALKS),
        article("b", "2025-03-03", text=BORDER_TALKS),
        article("a", "2025-03-03", text=BORDER_TALKS),
    ]
    assert find_duplicates(articles, 0.9) == {"c": "a", "b": "a", "a": None}


def test_corpus_duplicates_different_articles_are_originals():
    articles = [
        article("a", text=BORDER_TALKS),
        article("b", text=TARIFF_TALKS),
        article("c", text=UKRAINE_AID),
        article("d", text=""),
        article("e", text=""),
    ]
    assert find_duplicates(articles, 0.5) == {key: None for key in "abcde"}


def test_corpus_duplicates_threshold_decides():
    half = BORDER_TALKS[: len(BORDER_TALKS) // 2]
    similarity = jaccard(word_shingles(BORDER_TALKS, 5), word_shingles(half, 5))
    articles = [article("full", text=BORDER_TALKS), article("half", "2025-03-05", text=half)]
    assert find_duplicates(articles, similarity)["half"] == "full"
    assert find_duplicates(articles, min(1.0, similarity + 0.05))["half"] is None


@pytest.mark.parametrize(
    "hashfunc",
    [
        lambda data: int.from_bytes(hashlib.blake2b(data, digest_size=4).digest(), "big"),
        lambda data: 0,  # every sketch equal: every pair becomes a candidate, exact Jaccard still decides
    ],
)
def test_corpus_duplicates_result_does_not_depend_on_hash(hashfunc):
    articles = [
        article("a", text=BORDER_TALKS),
        article("b", "2025-03-05", text=BORDER_TALKS + "\n" + BOILERPLATE),
        article("c", text=TARIFF_TALKS),
        article("d", text=UKRAINE_AID),
    ]
    assert DuplicateFinder(0.8, hashfunc=hashfunc)(articles) == {"a": None, "b": "a", "c": None, "d": None}


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"threshold": 0.0}, "E050"),
        ({"threshold": 1.5}, "E050"),
        ({"threshold": 0.8, "shingle_size": 0}, "E051"),
        ({"threshold": 0.8, "num_perm": 4}, "E052"),
    ],
)
def test_corpus_duplicates_reject_bad_arguments(options, code):
    with pytest.raises(KronikError) as error:
        DuplicateFinder(**options)
    assert error.value.code == code


def test_corpus_duplicates_reject_repeated_ids():
    with pytest.raises(KronikError) as error:
        find_duplicates([article("a", text=BORDER_TALKS), article("a", text=TARIFF_TALKS)], 0.8)
    assert error.value.code == "E053"


DUPLICATE_CORPUS = [
    article("a", "2025-03-03", text=BORDER_TALKS),
    article("b", "2025-03-04", text=BORDER_TALKS + "\n" + BOILERPLATE),
    article("c", None, text=BORDER_TALKS),
    article("d", "2025-03-02", text=TARIFF_TALKS),
    article("e", "2025-03-02", text=TARIFF_TALKS),
    article("f", "2025-03-02", text=UKRAINE_AID),
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(DUPLICATE_CORPUS))
def test_corpus_duplicates_do_not_depend_on_input_order(articles):
    expected = {"a": None, "b": "a", "c": "a", "d": None, "e": "d", "f": None}
    assert find_duplicates(articles, 0.8) == expected


# ---------------------------------------------------------------- stories

BORDER_STORY = [
    article("kl-1", "2025-03-03", title="Sugiono dan Hasan Bahas Batas Laut", actors=(IDN, MYS, SUGIONO, HASAN)),
    article("kl-2", "2025-03-04", actors=(IDN, MYS, SUGIONO, HASAN, ANWAR)),
    article("kl-3", "2025-03-09", actors=(IDN, MYS, SUGIONO, HASAN), events=(event((SUGIONO,), (HASAN,)),)),
]


def test_corpus_stories_same_story_grouped():
    stories = assign_stories(BORDER_STORY, 14)
    assert len(set(stories.values())) == 1


def test_corpus_stories_sharing_only_a_generic_state_not_grouped():
    articles = [
        article("mx", "2025-03-05", actors=(USA, MEX, SHEINBAUM)),
        article("ua", "2025-03-05", actors=(USA, UKR, ZELENSKY)),
        article("us-1", "2025-03-06", actors=(USA,)),
        article("us-2", "2025-03-06", actors=(USA,)),
    ]
    stories = assign_stories(articles, 14)
    assert len(set(stories.values())) == 4


@pytest.mark.parametrize(
    ("days_apart", "window", "grouped"),
    [(0, 0, True), (1, 0, False), (10, 14, True), (14, 14, True), (15, 14, False), (40, 14, False)],
)
def test_corpus_stories_window_respected(days_apart, window, grouped):
    first = dt.date(2025, 3, 1)
    later = (first + dt.timedelta(days=days_apart)).isoformat()
    articles = [
        article("first", first.isoformat(), actors=(IDN, MYS, SUGIONO, HASAN)),
        article("later", later, actors=(IDN, MYS, SUGIONO, HASAN)),
    ]
    stories = assign_stories(articles, window)
    assert (stories["first"] == stories["later"]) is grouped


@pytest.mark.parametrize(
    ("undated_actors", "grouped"),
    [
        ((IDN, MYS, SUGIONO, HASAN), True),  # two shared people and the same states: strong evidence
        ((IDN, MYS, SUGIONO), False),  # one shared person is not enough without a date
        ((IDN, MYS), False),
    ],
)
def test_corpus_stories_undated_linked_only_on_strong_evidence(undated_actors, grouped):
    articles = [
        article("dated", "2025-03-03", actors=(IDN, MYS, SUGIONO, HASAN)),
        article("undated", None, actors=undated_actors),
    ]
    stories = assign_stories(articles, 14)
    assert (stories["dated"] == stories["undated"]) is grouped


def test_corpus_stories_slug_from_leading_actors_and_month():
    articles = [
        article("a", "2025-03-30", actors=(IDN, MYS, IDN, MYS, SUGIONO)),
        article("b", "2025-04-02", actors=(IDN, MYS, MYS, SUGIONO, HASAN)),
    ]
    assert assign_stories(articles, 14) == {"a": "indonesia-malaysia-2025-03", "b": "indonesia-malaysia-2025-03"}


def test_corpus_stories_slug_clash_gets_suffix_and_singletons_get_ids():
    articles = [
        article("late", "2025-03-20", actors=(IDN, MYS, SUGIONO)),
        article("early", "2025-03-01", actors=(IDN, MYS, SUGIONO)),
        article("bare", None),
    ]
    stories = assign_stories(articles, 3)
    assert stories == {
        "early": "indonesia-malaysia-2025-03",
        "late": "indonesia-malaysia-2025-03-2",
        "bare": "bare-undated",
    }


def test_corpus_stories_duplicates_join_their_original():
    articles = [article("a", "2025-03-03", actors=(USA,)), article("b", "2025-03-03", actors=(USA,))]
    linker = StoryLinker(14)
    assert linker(articles)["a"] != linker(articles)["b"]
    joined = assign_stories(articles, 14, duplicates={"a": None, "b": "a"})
    assert joined["a"] == joined["b"]


def test_corpus_stories_title_helps_a_weaker_actor_match():
    filler = [article(f"x{i}", "2025-01-01", text=f"berita lain nomor {i} tentang cuaca") for i in range(6)]
    left_actors = (IDN, MYS, SUGIONO, ANWAR, USA)
    right_actors = (IDN, MYS, SUGIONO, HASAN, MEX)
    left = article(
        "left", "2025-03-03", title="Perundingan Batas Laut Sulawesi Berlanjut",
        text="Perundingan batas laut Sulawesi", actors=left_actors,
    )
    right = article(
        "right", "2025-03-04", title="Batas Laut Sulawesi Dibahas Lagi",
        text="Batas laut Sulawesi dibahas", actors=right_actors,
    )
    linker = StoryLinker(14)
    rarity = TermRarity([a.text for a in filler + [left, right]])
    found = linker.evidence(build_profile(left, linker.weights), build_profile(right, linker.weights), rarity)
    assert linker.titled_threshold <= found.actor_similarity < linker.threshold
    assert found.title_similarity >= linker.title_threshold
    titled = linker(filler + [left, right])
    assert titled["left"] == titled["right"]
    bare = [article("left", "2025-03-03", actors=left_actors), article("right", "2025-03-04", actors=right_actors)]
    untitled = linker(bare)
    assert untitled["left"] != untitled["right"]


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"window_days": -1}, "E055"),
        ({"window_days": 7, "threshold": 0.0}, "E056"),
        ({"window_days": 7, "threshold": 2.0}, "E056"),
    ],
)
def test_corpus_stories_reject_bad_arguments(options, code):
    with pytest.raises(KronikError) as error:
        StoryLinker(**options)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Amerika Serikat", "amerika-serikat"), ("Amir-Abdollahian, Hossein", "amir-abdollahian-hossein"),
     ("Türkiye", "turkiye"), ("  ", "")],
)
def test_corpus_slugify_cases(text, expected):
    assert slugify(text) == expected


def test_corpus_unique_slugs_suffixes_in_order():
    slugs = ["a-2025-01", "a-2025-01", "b", "a-2025-01"]
    assert unique_slugs(slugs) == ["a-2025-01", "a-2025-01-2", "b", "a-2025-01-3"]


STORY_CORPUS = BORDER_STORY + [
    article("mx", "2025-03-05", actors=(USA, MEX, SHEINBAUM)),
    article("ua", "2025-03-05", actors=(USA, UKR, ZELENSKY)),
    article("ua-2", "2025-03-07", actors=(USA, UKR, ZELENSKY)),
    article("kl-old", "2025-01-10", actors=(IDN, MYS, SUGIONO, HASAN)),
    article("undated", None, actors=(IDN, MYS, SUGIONO, HASAN)),
    article("empty", None),
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(STORY_CORPUS))
def test_corpus_stories_do_not_depend_on_input_order(articles):
    assert assign_stories(articles, 14) == assign_stories(STORY_CORPUS, 14)


@given(st.sampled_from(STORY_CORPUS), st.sampled_from(STORY_CORPUS))
def test_corpus_stories_link_is_symmetric(left, right):
    linker = StoryLinker(14)
    rarity = TermRarity([a.text for a in STORY_CORPUS])
    one, two = build_profile(left, linker.weights), build_profile(right, linker.weights)
    assert linker.links(one, two, rarity) == linker.links(two, one, rarity)
    assert linker.evidence(one, two, rarity) == linker.evidence(two, one, rarity)


# ---------------------------------------------------------------- public evaluation data


@pytest.mark.parametrize("name", ["dev", "dev2"])
def test_corpus_duplicates_match_public_gold(name):
    folder = SHARED / "eval" / name
    if not folder.is_dir():
        pytest.skip(f"evaluation data not found at {folder}")
    gold = {}
    with (folder / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold[record["id"]] = record["duplicate_of"]
    articles = []
    with (folder / "corpus.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
            text = record.get("text") or ""
            articles.append(Article(id=record["id"], raw_text=text, text=text, published=published))
    assert find_duplicates(articles, 0.8) == gold
