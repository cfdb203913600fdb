"""Function-word rules of the event coder (kronik.events.syntax) that decide roles: nouns after determiners,
participle clauses, joined verbs under a denial, sport sentences, connectives that point back to nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik.events.lexicon import Lemmatizer, tokenize
from kronik.events.syntax import Syntax


@pytest.fixture(scope="module", params=("id", "en"))
def language(request) -> str:
    return request.param


def _index(tokens, word):
    return next(t.index for t in tokens if t.lower == word)


@pytest.mark.parametrize(
    ("text", "word", "noun"),
    [
        ("Egypt condemned the air strike on a hospital.", "strike", True),
        ("Iran threatened to retaliate for Israel's strike on its consulate.", "strike", True),
        ("Pakistan criticised the Israeli strike on the convoy.", "strike", True),
        ("The army sent more troops to the border.", "sent", False),
        ("The United States struck targets in Yemen.", "struck", False),
        ("Russian forces attacked the village at dawn.", "attacked", False),
        ("The police arrested two men.", "arrested", False),
    ],
)
def test_roles_english_noun_after_determiner(tokenized, text, word, noun):
    tokens, syntax = tokenized("en", text)
    assert syntax.is_noun_at(tokens, _index(tokens, word)) is noun


@pytest.mark.parametrize(
    ("language", "text", "word", "participle"),
    [
        ("en", "Canada expelled two diplomats after accusing India of a killing.", "accusing", True),
        ("en", "Thailand closed the crossing after blaming Cambodia.", "blaming", True),
        ("en", "Thailand closed the crossing after Cambodia shelled it.", "shelled", False),
        ("id", "Australia mengusir duta besar Iran setelah menuduh Teheran.", "menuduh", True),
        ("id", "Australia mengusir duta besar Iran setelah Teheran menuduh Canberra.", "menuduh", False),
    ],
)
def test_roles_participle_clause_takes_main_subject(tokenized, language, text, word, participle):
    tokens, syntax = tokenized(language, text)
    assert syntax.is_participle_clause(tokens, _index(tokens, word)) is participle


@pytest.mark.parametrize(
    ("language", "text", "word", "modality"),
    [
        ("id", "Rusia membantah laporan itu dan menuduh Ukraina berbohong.", "menuduh", "asserted"),
        ("id", "Rusia membantah pasukannya menyerang desa itu.", "menyerang", "denied"),
        ("en", "Russia denied the report and accused Ukraine of lying.", "accused", "asserted"),
        ("en", "The spokesman denied that troops attacked the village.", "attacked", "denied"),
    ],
)
def test_roles_verb_joined_to_denial_is_not_denied(tokenized, language, text, word, modality):
    tokens, syntax = tokenized(language, text)
    assert syntax.modality(tokens, _index(tokens, word)) == modality


@pytest.mark.parametrize(
    ("language", "text", "sport"),
    [
        ("en", "The Indonesian striker scored twice against Vietnam.", True),
        ("en", "Japan scored a late goal to win the match.", True),
        ("en", "The goal of the talks is a lasting ceasefire.", False),
        ("en", "The Awami League called for a general strike.", False),
        ("id", "Striker Indonesia itu mencetak dua gol ke gawang Vietnam.", True),
        ("id", "Tujuan pertemuan itu adalah gencatan senjata.", False),
    ],
)
def test_roles_sport_sentence_is_off_topic(tokenized, language, text, sport):
    tokens, syntax = tokenized(language, text)
    assert syntax.is_off_topic(tokens) is sport


@pytest.mark.parametrize(
    ("word", "points_back"), [("awalnya", False), ("sebelumnya", False), ("pihaknya", True), ("ia", True)]
)
def test_roles_connective_does_not_point_back(tokenized, word, points_back):
    tokens, syntax = tokenized("id", word)
    assert syntax.points_back(tokens[0]) is points_back


@given(st.lists(st.sampled_from(["the", "army", "attacked", "strike", "Iran", "on", "a", "base", "and", ","]), max_size=12))
def test_roles_noun_test_never_fails_and_verbs_stay_verbs(words):
    lemmatize, syntax = Lemmatizer("en"), Syntax.load("en")
    tokens = tokenize(" ".join(words), 0, lemmatize)
    for token in tokens:
        noun = syntax.is_noun_at(tokens, token.index)
        after_determiner = token.index > 0 and syntax.is_determiner(tokens[token.index - 1])
        if token.lower == "attacked" and not after_determiner:
            assert noun is False  # an inflected verb is a noun only right after a determiner


@pytest.mark.parametrize(
    ("text", "word", "modality"),
    [
        ("Koalisi itu dibentuk untuk memburu dan membunuh para pemimpin kelompok itu.", "membunuh", "modal"),
        ("Prajurit tidak menembak dan menangkap warga sipil.", "menangkap", "negated"),
        ("Polisi menangkap pelaku dan menyita senjatanya.", "menyita", "asserted"),
    ],
)
def test_roles_joined_verb_shares_modality(tokenized, text, word, modality):
    tokens, syntax = tokenized("id", text)
    assert syntax.modality(tokens, _index(tokens, word)) == modality


@pytest.mark.parametrize(
    ("text", "word", "undergoes"),
    [
        ("Kedutaan itu menerima ancaman bom melalui surel.", "ancaman", True),
        ("Dua warga tewas dalam serangan di desa itu.", "serangan", True),
        ("Militer melancarkan serangan ke desa itu.", "serangan", False),
    ],
)
def test_roles_subject_undergoes_event_noun(tokenized, text, word, undergoes):
    tokens, syntax = tokenized("id", text)
    assert syntax.undergoes(tokens, _index(tokens, word)) is undergoes


@pytest.mark.parametrize(
    ("text", "word", "inert"),
    [
        ("Piagam PBB melarang penggunaan kekerasan.", "melarang", True),
        ("Menurut menteri itu, konstitusi melarang prajurit berpolitik.", "melarang", True),
        ("Pemerintah melarang ekspor pasir laut.", "melarang", False),
    ],
)
def test_roles_inert_subject(tokenized, text, word, inert):
    tokens, syntax = tokenized("id", text)
    assert syntax.inert_subject(tokens, _index(tokens, word)) is inert


@pytest.mark.parametrize(("word", "noun"), [("tembakan", True), ("kerahkan", False), ("serangan", True)])
def test_roles_noun_suffix_beats_verb_suffix(tokenized, word, noun):
    tokens, syntax = tokenized("id", f"Ada {word} di sana.")
    assert syntax.is_noun_form(tokens[1]) is noun


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("menandatangani", False),  # the stemmer leaves it whole, yet it is an affixed verb
        ("ditandatangani", False),
        ("penandatanganan", True),
        ("diplomasi", True),  # a root that begins like the passive prefix
        ("dialog", True),
        ("demonstrasi", True),
    ],
)
def test_roles_verb_the_stemmer_misses_is_no_noun(tokenized, word, noun):
    tokens, syntax = tokenized("id", f"Mereka {word} itu.")
    assert syntax.is_noun_form(tokens[1]) is noun


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Jepang memberikan hibah 5 juta dolar AS kepada Myanmar.", {"Jepang", "Myanmar"}),
        ("Uni Eropa mengucurkan 50 juta euro untuk Bangladesh.", {"Uni Eropa", "Bangladesh"}),
    ],
)
def test_roles_currency_country_is_no_actor(tools, text, kept):
    from kronik.events.roles import actor_groups
    from kronik.records import Actor, EntityMention

    lemmatize, syntax = tools["id"]
    tokens = tokenize(text, 0, lemmatize)
    names = ("Jepang", "Myanmar", "AS", "Uni Eropa", "Bangladesh")
    entities = [
        EntityMention(text.index(n), text.index(n) + len(n), n, "LOC", Actor(n, n, "state", n[:3].upper()))
        for n in names if n in text
    ]
    groups = actor_groups(tokens, entities, syntax)
    assert {a.name for g in groups for a in g.actors} == kept
