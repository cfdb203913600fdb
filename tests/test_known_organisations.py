"""Well-known organisations that are no curated actors (data/known_organisations.tsv): clubs, bands, companies
and media are organisations with a country and a sector; a name that is also a word, a given name or a place
is not matched alone; a malformed line is an error naming the file and the line."""

import pytest

from kronik.errors import KronikError
from kronik.known_names import read_known_names
from mentions import find, tagged


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Penyanyi itu tumbuh dengan mendengarkan lagu Pink Floyd dan Queen.", "Pink Floyd"),
        ("Gitaris itu pernah bermain bersama Red Hot Chili Peppers di Tokyo.", "Red Hot Chili Peppers"),
        ("Manchester United kalah 0-2 di kandang sendiri.", "Manchester United"),
        ("Persipura Jayapura menjamu Persebaya Surabaya di Stadion Mandala.", "Persipura Jayapura"),
        ("Persipura Jayapura menjamu Persebaya Surabaya di Stadion Mandala.", "Persebaya Surabaya"),
        ("Anggota Super Junior itu menggelar konser tunggal di Jakarta.", "Super Junior"),
        ("Metallica announced a tour of Southeast Asia on Monday.", "Metallica"),
        ("The striker left Paris Saint-Germain after two seasons.", "Paris Saint-Germain"),
    ],
)
def test_known_organisations_are_organisations(recognizer, sentence, name):
    assert (name, "ORG") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, name, country, sector",
    [
        ("Band asal Inggris Pink Floyd merilis album pertamanya pada 1967.", "Pink Floyd", "GBR", "CVL"),
        ("Suporter Persib Bandung memadati jalan menuju stadion.", "Persib Bandung", "IDN", "CVL"),
    ],
)
def test_known_organisations_carry_country_and_sector(recognizer, sentence, name, country, sector):
    actor = find(recognizer.tag(sentence), name).actor
    assert (actor.kind, actor.country, actor.sector) == ("organization", country, sector)


@pytest.mark.parametrize(
    "sentence, name, kind",
    [
        ("Chelsea Islan bermain dalam film itu bersama Reza Rahadian.", "Chelsea Islan", "PER"),  # a given name
        ("Ia tinggal di Liverpool sejak kecil bersama neneknya.", "Liverpool", "LOC"),  # a city before a club
        ("Delegasi itu tiba di Barcelona pada Senin pagi.", "Barcelona", "LOC"),
    ],
)
def test_known_organisations_leave_other_senses_alone(recognizer, sentence, name, kind):
    assert (name, kind) in tagged(recognizer, sentence)


def test_known_organisations_common_words_are_never_matched_alone(kb):
    # "Reading" (a club), "Queen" (a band) are words first: no organisation entry for the word alone
    for word in ("reading", "queen", "kiss", "muse"):
        assert all(entry.use != "known" for entry in kb.lookup((word,)))


@pytest.mark.parametrize(
    "line",
    [
        "Pink Floyd\tband\tGBR\t",  # four fields
        "Pink Floyd\tgroup\tGBR\t\tno",  # no such kind
        "Pink Floyd\tband\tXXX\t\tno",  # no such state
        "Pink Floyd\tband\tGBR\t\tmaybe",  # ambiguous is yes or no
    ],
)
def test_known_organisations_malformed_lines_name_file_and_line(line):
    text = "# a comment\nMetallica\tband\tUSA\t\tno\n" + line + "\n"
    with pytest.raises(KronikError, match=r"E408.*orgs\.tsv:3"):
        read_known_names(text, "orgs.tsv", {"GBR", "USA"})


def test_known_organisations_one_line_per_organisation():
    text = "Pink Floyd\tband\tGBR\t\tno\nPink  Floyd\tband\tGBR\t\tno\n"
    with pytest.raises(KronikError, match=r"orgs\.tsv:2.*line 1"):
        read_known_names(text, "orgs.tsv", {"GBR"})


def test_known_organisations_read_aliases_and_ambiguity():
    [club] = read_known_names("Chelsea\tclub\tGBR\tChelsea FC|The Blues|Chelsea\tyes\n", "orgs.tsv", {"GBR"})
    assert club.actor.aliases == ("Chelsea FC", "The Blues")
    assert (club.kind, club.ambiguous, club.actor.sector) == ("club", True, "CVL")


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Chelsea ditahan Tottenham 3-3 di kandang sendiri.", "Chelsea"),  # a match verb after a given name
        ("Sepekan kemudian mereka mengalahkan Barcelona di semifinal.", "Barcelona"),  # a city, beaten
        ("Gelandang itu bergabung dengan Liverpool pada musim panas.", "Liverpool"),
        ("Chelsea drew with Tottenham on Saturday evening.", "Chelsea"),
        ("Gol pertamanya bagi Benfica lahir dari tendangan bebas.", "Benfica"),  # a word of sport in the sentence
        ("Bersama Ajax ia meraih tiga gelar juara berturut-turut.", "Ajax"),
        ("He scored twice in his debut season for Arsenal.", "Arsenal"),
    ],
)
def test_known_organisations_a_match_makes_the_club(recognizer, sentence, name):
    mention = find(recognizer.tag(sentence), name)
    assert mention.type == "ORG" and mention.actor.id.startswith("org:")


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Klub itu bermarkas di Montpellier sejak musim 1974.", "Montpellier"),  # "di" right before
        ("Banjir merendam pinggiran Liverpool pekan lalu.", "Liverpool"),  # no word of sport
    ],
)
def test_known_organisations_a_club_s_town_stays_a_place(recognizer, sentence, name):
    assert find(recognizer.tag(sentence), name).type == "LOC"
