"""Places the gazetteers miss (data/known_places.tsv): short forms of provinces, exonyms, islands, mountains,
territories; each stands for its place's name and country. A single word its line marks ambiguous is not matched
alone, and a form another KB entry holds stays that entry's."""

import pytest

from kronik.errors import KronikError
from kronik.gazetteer import name_key
from kronik.known_names import read_known_places
from mentions import find


@pytest.mark.parametrize(
    "sentence, place, country",
    [
        ("Banjir melanda sejumlah kabupaten di Jabar sejak Senin.", "Jabar", "IDN"),
        ("Israel kembali menyerbu kamp pengungsi di Tepi Barat.", "Tepi Barat", "PSE"),
        ("Presiden pulang ke Solo untuk merayakan Lebaran.", "Solo", "IDN"),
        ("Kapal itu tenggelam di perairan Pulau Seram.", "Pulau Seram", "IDN"),
    ],
)
def test_known_places_are_places_of_their_country(recognizer, sentence, place, country):
    mention = find(recognizer.tag(sentence), place)
    assert mention is not None, recognizer.tag(sentence)
    assert (mention.type, mention.actor.id) == ("LOC", country)


def test_known_places_short_forms_stand_for_the_place_s_name(kb):
    assert kb.places[name_key("Jabar")].name == "Jawa Barat"
    assert kb.places[name_key("Jawa Barat")].country == "IDN"


def test_known_places_an_ambiguous_single_word_is_not_matched_alone(recognizer):
    assert not any(m.type == "LOC" for m in recognizer.tag("Seram sekali cerita yang ia bawa pulang."))


def test_known_places_a_form_another_entry_holds_stays_that_entry_s(kb):
    rules = {entry.rule for entry in kb.lookup(name_key("Jawa Barat"))}
    assert "place:region" in rules and not any(rule.startswith("place:known-") for rule in rules)


@pytest.mark.parametrize(
    "text, message",
    [
        ("Tepi Barat\tregion\t\tWest Bank\tno\n", "needs its country"),
        ("Tepi Barat\tregion\tPSE\tWest Bank\tno\nWest Bank\tregion\tPSE\t\tno\n", "also on line 1"),
        ("Tepi Barat\tterritory\tPSE\t\tno\n", "expected name"),
        ("Tepi Barat\tregion\tXYZ\t\tno\n", "expected name"),
    ],
)
def test_known_places_bad_lines_name_the_file_and_line(text, message):
    with pytest.raises(KronikError, match=message) as error:
        read_known_places(text, "places.tsv", {"PSE", "IDN"})
    assert error.value.code == "E408" and "places.tsv:" in str(error.value)


def test_known_places_file_reads(kb):
    from importlib import resources

    text = (resources.files("kronik") / "data" / "known_places.tsv").read_text(encoding="utf-8")
    places = read_known_places(text, "data/known_places.tsv", set(kb.states))
    assert places and all(place.country in kb.states for place in places)
