"""Organisation evidence of the eighth NER round (kronik.ner.orgs): club prefixes, a description after the name,
a match score, club head words, names of events and awards; and constituent countries as places."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.gazetteer import fold
from kronik.ner.cues import CueBook
from kronik.ner.orgs import SCORE, OrganisationCues
from mentions import tagged


@pytest.fixture(scope="module")
def orgs():
    return OrganisationCues(CueBook(("id", "en")), ("id", "en"))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Gelandang itu akhirnya bergabung dengan Persema Malang musim ini.", ("Persema Malang", "ORG")),
        ("Persib menang tipis atas tamu mereka di Bandung.", ("Persib", "ORG")),
        ("Sebelumnya ia memperkuat Persekabpas selama dua musim.", ("Persekabpas", "ORG")),
        ("Hole adalah sebuah band rock dari Los Angeles.", ("Hole", "ORG")),
        ("Musica Studios merupakan salah satu label rekaman tertua di Jakarta.", ("Musica Studios", "ORG")),
        ("Wirasena adalah perusahaan tambang yang berkantor di Balikpapan.", ("Wirasena", "ORG")),
        ("Hole is an American rock band formed in Los Angeles.", ("Hole", "ORG")),
        ("Di final, Ajax mengalahkan Panathinaikos 2 - 0 di depan puluhan ribu penonton.", ("Panathinaikos", "ORG")),
        ("Arsenal ditahan Panionios 3-3 di kandang sendiri.", ("Panionios", "ORG")),
        ("Gelandang itu dipinjamkan ke Real Oviedo sebelum kembali ke Spanyol.", ("Real Oviedo", "ORG")),
        ("He joined Football Club de Metz in 1937.", ("Football Club de Metz", "ORG")),
    ],
)
def test_ner_orgs_organisation_found(recognizer, sentence, expected):
    assert expected in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, name",
    [
        # a person described as a member of a band is no organisation
        ("Wiratmo adalah seorang penyanyi di band Dewa 19.", "Wiratmo"),
        # a year range after a name is no score
        ("Pada masa awal Gemintang ( 1967 - 1968 ) , Wiratmo menulis lagu.", "Gemintang"),
        # Persia is a place, not a club of the "Pers" prefix
        ("Kerajaan itu berdagang dengan Persia selama berabad-abad.", "Persia"),
        # a capitalised common word with the prefix is no club
        ("Persen suara partai itu naik tajam.", "Persen"),
    ],
)
def test_ner_orgs_no_organisation(recognizer, sentence, name):
    assert (name, "ORG") not in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, award",
    [
        ("Band ini memenangkan MTV Music Award untuk pendatang baru terbaik.", "MTV Music Award"),
        ("Roshan menerima Filmfare Award untuk ketiga kalinya.", "Filmfare Award"),
        ("The band won an MTV Music Award in 2006.", "MTV Music Award"),
    ],
)
def test_ner_orgs_award_is_no_entity(recognizer, sentence, award):
    assert not any(award in text for text, _ in tagged(recognizer, sentence))


def test_ner_orgs_award_keeps_other_names(recognizer):
    found = tagged(recognizer, "Roshan menerima Filmfare Award di Mumbai.")
    assert ("Mumbai", "LOC") in found


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Pemain itu lahir di Glasgow, Skotlandia, pada 1977.", "Skotlandia"),
        ("Ia pindah ke Irlandia Utara setelah perang.", "Irlandia Utara"),
        ("She moved to Scotland after the war.", "Scotland"),
    ],
)
def test_ner_orgs_constituent_country_is_place(recognizer, kb, sentence, place):
    assert (place, "LOC") in tagged(recognizer, sentence)
    entries = kb.lookup(tuple(fold(w) for w in place.split()))
    assert entries and entries[0].actor_id == "GBR"


def test_ner_orgs_skotlandia_is_no_state(kb):
    entries = kb.lookup(("skotlandia",))
    assert all(e.use == "region" for e in entries)


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 2099), st.integers(1000, 2099))
def test_ner_orgs_year_range_is_no_score(first, second):
    assert SCORE.match(f" {first} - {second}") is None


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 15), st.integers(0, 15))
def test_ner_orgs_score_matches(home, away):
    assert SCORE.match(f" {home} - {away} di final") is not None


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Pada 1999 ia membentuk grup musik baru bernama Kalamandra di Bandung.", "Kalamandra"),
        ("Setelah keluar, ia mendirikan band lain yang bernama Kabut Pagi.", "Kabut Pagi"),
        ("Mereka juga punya band sampingan dengan nama Jazzmonika.", "Jazzmonika"),
        ("In 2001 he formed a new band called Velvet Static.", "Velvet Static"),
    ],
)
def test_ner_orgs_a_name_given_to_a_group_is_an_organisation(recognizer, sentence, name):
    assert (name, "ORG") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Seorang pria bernama Budi Santoso ditangkap polisi.", "Budi Santoso"),  # no group noun
        ("Anggota tim bernama Siti Rahmawati itu meraih medali.", "Siti Rahmawati"),  # a person's name stays one
    ],
)
def test_ner_orgs_a_person_named_near_a_group_noun_stays_a_person(recognizer, sentence, person):
    assert (person, "PER") in tagged(recognizer, sentence)
