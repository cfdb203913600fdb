"""States behind English possessives and demonyms, bodies named by a common noun, Indonesian institutions, speakers
that share a name with a town, and capitalised English words that are no place."""

import datetime as dt

import pytest

from kronik.records import Article, Sentence
from mentions import find


def stage(recognizer, text, language="en"):
    article = Article(id="a", raw_text=text, text=text, language=language,
                      sentences=(Sentence(0, 0, len(text), text),), published=dt.date(2025, 6, 2))
    return recognizer(article).entities


@pytest.mark.parametrize(
    "sentence, span, country",
    [
        ("Indonesia's foreign ministry summoned the envoy.", "Indonesia", "IDN"),
        ("The council condemned North Korea's missile launch.", "North Korea", "PRK"),
        ("Aid trucks waited at Gaza's southern crossing.", "Gaza", "PSE"),
        ("The U.S. embassy issued a travel warning.", "U.S", "USA"),
        ("Thai police arrested two men at the border.", "Thai police", "THA"),
        ("Philippine vessels patrolled the shoal.", "Philippine", "PHL"),
        ("Venezuelan officials released the detainees.", "Venezuelan officials", "VEN"),
        ("Tens of thousands of Georgians rallied in Tbilisi.", "Georgians", "GEO"),
        ("Hundreds of South Koreans marched in Seoul.", "South Koreans", "KOR"),
        ("Police arrested three fishermen in Bali.", "Bali", "IDN"),
    ],
)
def test_entities_states_possessives_demonyms_and_places_resolve(recognizer, sentence, span, country):
    mention = find(stage(recognizer, sentence), span)
    assert mention is not None, [(m.text, m.actor and m.actor.country) for m in stage(recognizer, sentence)]
    assert mention.actor.country == country


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Police fired tear gas at the crowd.", "Police"),
        ("Western governments condemned the decision.", "Western"),
        ("Central bank officials met on Monday.", "Central"),
    ],
)
def test_entities_states_capitalised_common_words_are_no_places(recognizer, sentence, word):
    mention = find(stage(recognizer, sentence), word)
    assert mention is None or mention.type != "LOC"


@pytest.mark.parametrize(
    "sentence, span, sector, country",
    [
        ("Police fired tear gas at the crowd.", "Police", "COP", None),
        ("Prosecutors asked the court to jail him.", "Prosecutors", "JUD", None),
        ("Thousands of students protested outside parliament.", "students", "CVL", None),
        ("Venezuelan protesters blocked the highway.", "Venezuelan protesters", "CVL", "VEN"),
        ("South Korean prosecutors indicted the former president.", "South Korean prosecutors", "JUD", "KOR"),
        ("Para penegak hukum menangkap dua pengedar narkoba.", "Para penegak hukum", "COP", None),
        ("Ratusan mahasiswa berunjuk rasa di depan kantor gubernur.", "Ratusan mahasiswa", "CVL", None),
        ("Para mahasiswa berunjuk rasa di depan kantor gubernur.", "mahasiswa", "CVL", None),
        ("Demonstran membakar ban di depan gedung dewan.", "Demonstran", "CVL", None),
        ("Polisi menembakkan gas air mata ke arah pengunjuk rasa.", "pengunjuk rasa", "CVL", None),
    ],
)
def test_entities_states_bodies_named_by_a_common_noun(recognizer, sentence, span, sector, country):
    language = "en" if sentence.isascii() and " the " in sentence else "id"
    mention = find(stage(recognizer, sentence, language), span)
    assert mention is not None and mention.rule.startswith("generic:")
    assert mention.actor.sector == sector and mention.actor.country == country
    assert find(recognizer.tag(sentence), span) is None  # no proper name


@pytest.mark.parametrize(
    "sentence, language",
    [("Kelompok itu menyerang sebuah kantor polisi di perbatasan.", "id"),
     ("Crowds gathered outside the police station.", "en")],
)
def test_entities_states_body_word_qualifying_a_noun_names_no_body(recognizer, sentence, language):
    assert not any(m.rule.startswith("generic:body") for m in stage(recognizer, sentence, language))


@pytest.mark.parametrize(
    "sentence",
    ["Jaksa Agung ST Burhanuddin memberikan keterangan kepada wartawan.",
     "Polisi Iran menangkap beberapa orang di Teheran."],
)
def test_entities_states_body_word_before_a_name_yields_to_it(recognizer, sentence):
    assert not any(m.rule.startswith("generic:body") for m in stage(recognizer, sentence, "id"))


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("Situasi sudah terkendali, kata Rano kepada wartawan.", "Rano"),
        ("Kami tetap siaga, ujar Madiun kepada wartawan.", "Madiun"),  # a town's name; "Bogor" is also a common word
        ('"We will not back down," said Rano.', "Rano"),
    ],
)
def test_entities_states_lone_word_after_speech_verb_is_the_speaker(recognizer, sentence, span):
    mention = find(stage(recognizer, sentence, "id"), span)
    assert mention is not None and mention.type == "PER"


def test_entities_states_speech_verb_before_a_state_keeps_the_state(recognizer):
    mention = find(stage(recognizer, "Kami siap berunding, kata Iran dalam pernyataannya.", "id"), "Iran")
    assert mention.type == "LOC" and mention.actor.id == "IRN"


@pytest.mark.parametrize(
    "sentence, span, sector",
    [
        ("Kejaksaan Negeri Kuningan menahan dua tersangka korupsi.", "Kejaksaan Negeri Kuningan", "JUD"),
        ("Polres Bogor menangkap pelaku pencurian itu.", "Polres Bogor", "COP"),
        ("Kodim Bekasi membantu warga yang terdampak banjir.", "Kodim Bekasi", "MIL"),
        ("DPRD Jawa Barat menggelar rapat paripurna.", "DPRD Jawa Barat", "LEG"),
        ("Pengadilan Negeri Surabaya menjatuhkan vonis lima tahun.", "Pengadilan Negeri Surabaya", "JUD"),
    ],
)
def test_entities_states_indonesian_institutions_are_indonesian(recognizer, sentence, span, sector):
    mention = find(stage(recognizer, sentence, "id"), span)
    assert mention is not None and mention.type == "ORG"
    assert mention.actor.country == "IDN" and mention.actor.sector == sector


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("Kepolisian Nasional Filipina menangkap dua orang.", "Kepolisian Nasional Filipina"),
        ("Kejaksaan Korea Selatan mendakwa mantan presiden itu.", "Kejaksaan Korea Selatan"),
    ],
)
def test_entities_states_generic_institution_words_keep_no_country_of_their_own(recognizer, sentence, span):
    mention = find(stage(recognizer, sentence, "id"), span)
    assert mention is not None and mention.actor.country != "IDN"
