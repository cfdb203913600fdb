"""The affiliations stage: generic armed forces as the KB's, bodies and members placed by their neighbours."""

from __future__ import annotations

import re

import pytest

from kronik.affiliations import ARMED_FORCES_RULE, Affiliations, ShortForms
from kronik.knowledge import KnowledgeBase
from kronik.records import Actor, Article, EntityMention
from kronik.setting import PERSON_NOT_PLACE, persons_not_places


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(("id", "en"))


@pytest.fixture(scope="module")
def stage(kb) -> Affiliations:
    return Affiliations.load(kb, ("id", "en"))


def mention_of(text: str, words: str, actor: Actor | None, rule: str = "name:sequence", kind: str | None = None) -> EntityMention:
    start = text.index(words)
    kind = kind or ("PER" if actor is not None and actor.kind == "person" else "LOC" if actor and actor.kind == "state" else "ORG")
    return EntityMention(start, start + len(words), words, kind, actor, rule)


def article(text: str, *mentions: EntityMention) -> Article:
    return Article(id="t", raw_text=text, text=text, entities=tuple(mentions))


@pytest.mark.parametrize(("sentence", "phrase", "state", "expected"), [
    ("Militer Israel menyerang sebuah gedung di Gaza.", "Militer Israel", "ISR", "kb:idf"),
    ("Sejumlah tentara Israel memasuki kota itu.", "tentara Israel", "ISR", "kb:idf"),
    ("Israeli forces raided the camp overnight.", "Israeli forces", "ISR", "kb:idf"),
    ("Tentara Indonesia membantu evakuasi warga.", "Tentara Indonesia", "IDN", "kb:tni"),
    ("Pasukan Iran menggelar latihan di selat itu.", "Pasukan Iran", "IRN", "IRN"),  # the KB marks no armed forces
])
def test_affiliations_generic_armed_forces_are_the_kbs(kb, stage, sentence, phrase, state, expected):
    generic = Actor(state, kb.state(state).name, "state", state, "MIL")
    found = stage(article(sentence, mention_of(sentence, phrase, generic, "generic:generic-military")))
    assert found.entities[0].actor.id == expected
    assert (found.entities[0].rule == ARMED_FORCES_RULE) is (expected != state)


def test_affiliations_generic_police_stays_the_state(kb, stage):
    sentence = "Polisi Israel menangkap dua orang."
    police = Actor("ISR", "Israel", "state", "ISR", "COP")
    found = stage(article(sentence, mention_of(sentence, "Polisi Israel", police, "generic:generic-police")))
    assert found.entities[0].actor == police


@pytest.mark.parametrize(("sentence", "body", "state", "expected_id", "expected_country"), [
    ("Kementerian Luar Negeri Iran mengecam serangan itu.", "Kementerian Luar Negeri", "Iran", "kb:kemlu-iran", "IRN"),
    ("Kementerian Luar Negeri (Kemlu) Iran mengecam serangan itu.", "Kementerian Luar Negeri", "Iran", "kb:kemlu-iran", "IRN"),
    ("Kementerian Pariwisata Thailand menyambut rombongan itu.", "Kementerian Pariwisata", "Thailand", "new:kementerian-pariwisata", "THA"),
])
def test_affiliations_a_body_followed_by_a_state_is_that_states(kb, stage, sentence, body, state, expected_id, expected_country):
    actor = Actor(f"new:{body.lower().replace(' ', '-')}", body, "organization", None, "GOV")
    code = kb.find_state(state).id
    mentions = [mention_of(sentence, body, actor, "org:org-ministry"), mention_of(sentence, state, kb.state(code), "state:name")]
    if "(Kemlu)" in sentence:
        mentions.insert(1, mention_of(sentence, "Kemlu", Actor("new:kemlu", "Kemlu", "organization"), "name:acronym"))
    found = stage(article(sentence, *mentions))
    assert (found.entities[0].actor.id, found.entities[0].actor.country) == (expected_id, expected_country)
    if "(Kemlu)" in sentence:
        assert found.entities[1].actor.id == expected_id  # the bracketed short form is the same body


def test_affiliations_a_body_not_next_to_the_state_stays_unplaced(kb, stage):
    sentence = "Kementerian Luar Negeri menyatakan bahwa Iran menolak tawaran itu."
    actor = Actor("new:kementerian-luar-negeri", "Kementerian Luar Negeri", "organization", None, "GOV")
    found = stage(article(sentence, mention_of(sentence, "Kementerian Luar Negeri", actor), mention_of(sentence, "Iran", kb.state("IRN"))))
    assert found.entities[0].actor.country is None


@pytest.mark.parametrize(("sentence", "person", "expected"), [
    ("Israel menyerang Khalil Darwish, komandan sayap militer Hamas, di Gaza.", "Khalil Darwish", "PSE"),
    ("Israel menyerang Khalil Darwish -- pemimpin baru Hamas -- di Gaza.", "Khalil Darwish", "PSE"),
    ("Pemimpin senior Hamas Khalil Darwish tewas dalam serangan itu.", "Khalil Darwish", "PSE"),
    ("Khalil Darwish bertemu Ahmad Yusuf dari Hamas di Kairo.", "Khalil Darwish", None),  # another person first
    ("Khalil Darwish tiba di Kairo. Hamas membantah laporan itu.", "Khalil Darwish", None),  # another sentence
])
def test_affiliations_a_member_takes_the_groups_country(kb, stage, sentence, person, expected):
    actor = Actor("new:khalil-darwish", person, "person")
    mentions = [mention_of(sentence, person, actor), mention_of(sentence, "Hamas", kb.actor("kb:hamas"))]
    if "Ahmad Yusuf" in sentence:
        mentions.insert(1, mention_of(sentence, "Ahmad Yusuf", Actor("new:ahmad-yusuf", "Ahmad Yusuf", "person")))
    if "Israel" in sentence:
        mentions.insert(0, mention_of(sentence, "Israel", kb.state("ISR")))
    found = stage(article(sentence, *mentions))
    assert next(m.actor.country for m in found.entities if m.text == person) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Kejaksaan Negeri Garut", ["Kejari Garut"]),
    ("Kejari Garut", ["Kejaksaan Negeri Garut"]),
    ("Polres Bogor", ["Kepolisian Resor Bogor"]),
    ("Kejari", []),  # a short form alone names no place
    ("Kejaksaan Agung", []),
])
def test_affiliations_short_forms_of_institutions(name, expected):
    assert ShortForms.load(("id",)).other_forms(name) == expected


def test_affiliations_a_body_found_in_text_gets_its_other_written_form(stage):
    sentence = "Kejaksaan Negeri Garut menahan seorang kepala desa."
    actor = Actor("new:kejaksaan-negeri-garut", "Kejaksaan Negeri Garut", "organization", "IDN", "JUD", ("Kejaksaan Negeri Garut",))
    found = stage(article(sentence, mention_of(sentence, "Kejaksaan Negeri Garut", actor)))
    assert "Kejari Garut" in found.entities[0].actor.aliases


def test_affiliations_an_article_without_affiliations_is_returned_as_is(stage):
    sentence = "Rudi Hartono tiba di Bandung."
    plain = article(sentence, mention_of(sentence, "Rudi Hartono", Actor("new:rudi-hartono", "Rudi Hartono", "person")))
    assert stage(plain) is plain


def test_setting_a_place_named_like_a_person_of_the_article_is_that_person():
    text = "Rano mengatakan bantuan tiba. Menurut Rano, warga aman."
    person = Actor("new:rano", "Rano", "person", "IDN", "CVL")
    place = Actor("NGA", "Nigeria", "state", "NGA")
    first = EntityMention(0, 4, "Rano", "PER", person, "context:speaker")
    second = EntityMention(text.rindex("Rano"), text.rindex("Rano") + 4, "Rano", "LOC", place, "place:city")
    found = persons_not_places((first, second))
    assert found[1].actor == person and found[1].type == "PER" and found[1].rule == PERSON_NOT_PLACE
    assert persons_not_places((second,)) == (second,)  # no person of that name: the place stays
    assert re.fullmatch(r"setting:.*", PERSON_NOT_PLACE)
