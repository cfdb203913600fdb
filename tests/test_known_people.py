"""Well-known people that are no curated actors (data/known_people.tsv): a person the file knows is a person
with a country, found even where the names lists do not know the words; a single-word alias is never a given
name many people bear nor a common word."""

from importlib import resources

import pytest

from kronik.gazetteer import common_words, name_key
from kronik.known_names import read_known_names
from kronik.ner.lexicon import PersonNames
from mentions import find


@pytest.mark.parametrize(
    "sentence, name, country",
    [
        ("Lagu itu pernah dinyanyikan ulang oleh Chrisye pada akhir 1970-an.", "Chrisye", "IDN"),
        ("Pebulu tangkis Susi Susanti meraih emas di Barcelona.", "Susi Susanti", "IDN"),
        ("Konser Iwan Fals di Surabaya dihadiri ribuan penggemar.", "Iwan Fals", "IDN"),
    ],
)
def test_known_people_are_people_with_a_country(recognizer, sentence, name, country):
    mention = find(recognizer.tag(sentence), name)
    assert (mention.type, mention.actor.kind, mention.actor.country) == ("PER", "person", country)


def test_known_people_kinds_give_sectors():
    text = "Susi Susanti\tathlete\tIDN\t\tno\nWiranto\tmilitary\tIDN\t\tno\nAburizal Bakrie\tbusiness\tIDN\tIcal\tno\n"
    people = {k.actor.name: k.actor for k in read_known_names(text, "people.tsv", {"IDN"})}
    assert [people[n].sector for n in ("Susi Susanti", "Wiranto", "Aburizal Bakrie")] == ["CVL", "MIL", "BUS"]
    assert people["Aburizal Bakrie"].aliases == ("Ical",)


def test_known_people_single_word_aliases_are_no_given_names_or_words(kb):
    text = (resources.files("kronik") / "data" / "known_people.tsv").read_text(encoding="utf-8")
    people = read_known_names(text, "data/known_people.tsv", set(kb.states))
    first, common = PersonNames.load().first, common_words(("id", "en"))
    clashes = [
        alias for person in people for alias in person.actor.aliases
        if len(name_key(alias)) == 1 and (name_key(alias)[0] in first or name_key(alias)[0] in common)
    ]
    assert clashes == []


@pytest.mark.parametrize(
    "sentence, person, famous_id",
    [
        # a famous surname after unknown given names: one person, and not the famous one
        ("Pemain muda Daniel Beckenbauer mencetak gol kemenangan.", "Daniel Beckenbauer", "person:franz-beckenbauer"),
        ("Penjaga gawang Tomas Cruyff menyelamatkan dua penalti.", "Tomas Cruyff", "person:johan-cruyff"),
    ],
)
def test_known_people_given_names_before_a_famous_surname_are_another_person(recognizer, sentence, person, famous_id):
    mention = find(recognizer.tag(sentence), person)
    assert mention.type == "PER" and mention.actor.id != famous_id


def test_known_people_a_surname_alone_is_the_famous_person(recognizer):
    assert find(recognizer.tag("Kehadiran Cruyff di klub itu mengubah segalanya."), "Cruyff").actor.id == "person:johan-cruyff"


def test_known_people_leave_curated_actors_to_the_knowledge_base(recognizer):
    mention = find(recognizer.tag("Presiden Xi Jinping tiba di Jakarta."), "Xi Jinping")
    assert mention.actor.id == "kb:xi-jinping"
