"""The affiliations stage: generic armed forces as the KB's, bodies and members placed by their neighbours."""

from __future__ import annotations

import dataclasses

import datetime as dt
import re

import pytest

from kronik.affiliations import ARMED_FORCES_RULE, STATE_BODY_RULE, Affiliations, ShortForms, StateBodies
from kronik.records import Actor, Article, EntityMention, Sentence
from kronik.setting import PERSON_NOT_PLACE, persons_not_places


@pytest.fixture(scope="module")
def stage(kb) -> Affiliations:
    return Affiliations.load(kb, ("id", "en"))


def mention_of(text: str, words: str, actor: Actor | None, rule: str = "name:sequence", kind: str | None = None) -> EntityMention:
    start = text.index(words)
    kind = kind or ("PER" if actor is not None and actor.kind == "person" else "LOC" if actor and actor.kind == "state" else "ORG")
    return EntityMention(start, start + len(words), words, kind, actor, rule)


def article(text: str, *mentions: EntityMention) -> Article:
    return Article(id="t", raw_text=text, text=text, entities=tuple(mentions))


def sentenced(text: str, *mentions: EntityMention, published: dt.date | None = None) -> Article:
    """An article split into sentences at ". " (the test texts are written so), published on `published`."""
    sentences, start = [], 0
    for match in [*re.finditer(r"(?<=\.) ", text), None]:
        end = match.start() if match else len(text)
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
        start = match.end() if match else end
    return Article(id="t", raw_text=text, text=text, published=published, sentences=tuple(sentences), entities=tuple(mentions))


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
    sentence = "Kementerian Pariwisata menyatakan bahwa Iran menolak tawaran itu."  # no bare state body: nothing ties it
    actor = Actor("new:kementerian-pariwisata", "Kementerian Pariwisata", "organization", None, "GOV")
    found = stage(sentenced(sentence, mention_of(sentence, "Kementerian Pariwisata", actor), mention_of(sentence, "Iran", kb.state("IRN"))))
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


# --- bare bodies of a state ("Kemlu", "Komite Keamanan Nasional") ---

BODY = {"Kemlu": "new:kemlu", "Kementerian Luar Negeri": "new:kementerian-luar-negeri",
        "Komite Keamanan Nasional": "new:komite-keamanan-nasional", "Dewan Keamanan Nasional": "new:dewan-keamanan-nasional",
        "Foreign Ministry": "new:foreign-ministry", "Kementerian Pertahanan": "new:kementerian-pertahanan"}
NAMED = {"Pakistan": "PAK", "Iran": "IRN", "Lebanon": "LBN", "Jepang": "JPN", "Kolombia": "COL", "Indonesia": "IDN",
         "Sugiono": "kb:sugiono", "Shehbaz Sharif": "kb:shehbaz-sharif", "Abbas Araghchi": "kb:abbas-araghchi",
         "Retno Marsudi": "kb:retno-marsudi"}


def bare_body_article(kb, text: str, published: dt.date = dt.date(2025, 6, 2)) -> Article:
    """The article of `text` with a mention for every body of BODY and name of NAMED it contains."""
    mentions = []
    for words, actor_id in {**BODY, **NAMED}.items():
        for match in re.finditer(rf"\b{re.escape(words)}\b", text):
            actor = kb.actor(actor_id) if actor_id in kb.states or actor_id.startswith("kb:") else Actor(actor_id, words, "organization", None, "GOV")
            kind = "PER" if actor.kind == "person" else "LOC" if actor.kind == "state" else "ORG"
            mentions.append(EntityMention(match.start(), match.end(), words, kind, actor, "test"))
    return sentenced(text, *sorted(mentions, key=lambda m: m.start), published=published)


@pytest.mark.parametrize(("text", "expected"), [
    # the head of the body named in the sentence ties it, even when the sentence names another state
    ("Perdana Menteri Shehbaz Sharif memimpin rapat Komite Keamanan Nasional di Islamabad.", "kb:pakistan-nsc"),
    ("Kemlu mengatakan Sugiono prihatin atas serangan di Lebanon.", "kb:kemlu-ri"),
    ("Abbas Araghchi mengatakan Kementerian Luar Negeri telah memanggil duta besar itu.", "kb:kemlu-iran"),
    # exactly one state named in the sentence
    ("Pemerintah Pakistan menyebut Komite Keamanan Nasional akan bersidang besok.", "kb:pakistan-nsc"),
    ("Pemerintah Iran menyatakan Dewan Keamanan Nasional menolak usulan itu.", "kb:iran-snsc"),
    ("Pemerintah Jepang menyebut Kementerian Luar Negeri sudah menerima nota itu.", "new:kementerian-luar-negeri-jpn"),
    # two states in the sentence, none of their heads: the article's heads decide when most are of one state
    ("Sugiono tiba di Tokyo. Kemlu menyebut Pakistan dan Iran sepakat berunding.", "kb:kemlu-ri"),
    # nothing ties it: left as it is
    ("Kemlu menyebut Pakistan dan Iran sepakat berunding.", "new:kemlu"),
    ("Kemlu menyebut pertemuan itu berjalan lancar.", "new:kemlu"),
])
def test_affiliations_bare_body_is_the_body_of_the_state_the_text_ties_it_to(kb, stage, text, expected):
    found = [m for m in stage(bare_body_article(kb, text)).entities if m.text in BODY]
    assert [m.actor.id for m in found] == [expected]
    assert (found[0].rule == STATE_BODY_RULE) is (expected not in BODY.values())


def test_affiliations_bare_body_resolved_goes_by_its_bare_names_too(kb, stage):
    text = "Perdana Menteri Shehbaz Sharif memimpin rapat Komite Keamanan Nasional di Islamabad."
    actor = next(m.actor for m in stage(bare_body_article(kb, text)).entities if m.text == "Komite Keamanan Nasional")
    assert actor.country == "PAK"
    assert {"Komite Keamanan Nasional", "National Security Committee"} <= set(actor.aliases)


def test_affiliations_bare_body_heads_count_on_the_publication_day(kb, stage):
    text = "Kemlu menyebut Retno Marsudi hadir sebagai tamu. Kemlu menyebut Kolombia dan Jepang sepakat berunding."
    in_office = stage(bare_body_article(kb, text, dt.date(2022, 3, 1))).entities
    later = stage(bare_body_article(kb, text, dt.date(2025, 3, 1))).entities
    assert [m.actor.id for m in in_office if m.text == "Kemlu"] == ["kb:kemlu-ri", "kb:kemlu-ri"]
    assert [m.actor.id for m in later if m.text == "Kemlu"] == ["new:kemlu", "new:kemlu"]


def test_affiliations_bare_body_in_a_domestic_story_is_the_domestic_states(kb, stage):
    text = ("Sugiono tiba di Jakarta. Sugiono bertemu Prabowo. Indonesia menyiapkan bantuan. "
            "Indonesia mengirim kapal. Kemlu menyebut Kolombia dan Jepang ikut membantu.")
    found = stage(bare_body_article(kb, text, dt.date(2025, 3, 1))).entities
    assert [m.actor.id for m in found if m.text == "Kemlu"] == ["kb:kemlu-ri"]


def test_affiliations_a_bare_body_followed_by_its_state_takes_the_kbs_body(kb, stage):
    sentence = "Kementerian Luar Negeri Pakistan menolak tuduhan itu."
    actor = Actor("new:kementerian-luar-negeri", "Kementerian Luar Negeri", "organization", None, "GOV")
    found = stage(article(sentence, mention_of(sentence, "Kementerian Luar Negeri", actor), mention_of(sentence, "Pakistan", kb.state("PAK"))))
    assert found.entities[0].actor.id == "kb:pakistan-foreign-office"


@pytest.mark.parametrize(("name", "body"), [
    ("Kemlu", "foreign_ministry"), ("kementerian luar negeri", "foreign_ministry"), ("Foreign  Ministry", "foreign_ministry"),
    ("Komite Keamanan Nasional", "national_security_council"), ("National Security Council", "national_security_council"),
    ("Kementerian Pertahanan", "defence_ministry"), ("Kementerian Pariwisata", None), ("Kemlu RI", None),
])
def test_affiliations_state_bodies_by_bare_name(name, body):
    found = StateBodies.load(("id", "en")).body(name)
    assert (found.body if found else None) == body


def test_affiliations_every_state_body_the_kb_marks_has_bare_names(kb):
    bodies = StateBodies.load(("id", "en")).bodies
    assert {kind for kind, _ in kb.bodies if kind != "armed_forces"} <= set(bodies)
    assert all(body.heads and body.names for body in bodies.values())



@pytest.mark.parametrize(("text", "language", "expected"), [
    # Indonesian news calls Indonesia's own ministry plain "Kemlu", whatever other states the sentence names
    ("Kemlu menyebut Pakistan dan Iran sepakat berunding.", "id", "kb:kemlu-ri"),
    ("Kemlu menyebut pertemuan itu berjalan lancar.", "id", "kb:kemlu-ri"),
    ("Kemlu memanggil Duta Besar Malaysia untuk Indonesia.", "id", "kb:kemlu-ri"),
    # no home body in the KB (Indonesia's national security council is not "Komite Keamanan Nasional"): the state
    ("Pemerintah Pakistan menyebut Komite Keamanan Nasional akan bersidang besok.", "id", "kb:pakistan-nsc"),
    # a head named in the sentence still ties it to that head's state
    ("Abbas Araghchi mengatakan Kementerian Luar Negeri telah memanggil duta besar itu.", "id", "kb:kemlu-iran"),
    # a language with no home press state leaves it as it is
    ("Kemlu menyebut pertemuan itu berjalan lancar.", "en", "new:kemlu"),
])
def test_affiliations_bare_body_in_home_press_is_the_home_states(kb, stage, text, language, expected):
    article = dataclasses.replace(bare_body_article(kb, text), language=language)
    assert [m.actor.id for m in stage(article).entities if m.text in BODY] == [expected]


@pytest.mark.parametrize(("text", "body", "state", "expected_country"), [
    # the KB's bare "Kementerian Kesehatan" is Indonesia's; followed by another state it is that state's
    ("Kementerian Kesehatan Lebanon melaporkan dua korban jiwa.", "Kementerian Kesehatan", "Lebanon", "LBN"),
    ("Kementerian Kesehatan Jepang membuka posko di Osaka.", "Kementerian Kesehatan", "Jepang", "JPN"),
    # followed by its own state it stays the KB's
    ("Kementerian Kesehatan Indonesia membuka posko di Aceh.", "Kementerian Kesehatan", "Indonesia", "IDN"),
])
def test_affiliations_a_kb_body_named_with_another_state_is_that_states(kb, stage, text, body, state, expected_country):
    ministry = kb.find_actor(body)
    assert ministry is not None and ministry.country == "IDN"
    found = stage(article(text, mention_of(text, body, ministry), mention_of(text, state, kb.find_state(state))))
    resolved = next(m for m in found.entities if m.text == body)
    assert resolved.actor.country == expected_country
    assert (resolved.actor.id == ministry.id) is (expected_country == "IDN")
