"""Person-name and Indonesian-region evidence for unknown capitalised runs (kronik.ner.lexicon), and the
rules that use it in EntityRecognizer."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.entities import EntityRecognizer
from kronik.knowledge import KnowledgeBase
from kronik.ner.filters import UNSURE_RULE
from kronik.ner.lexicon import DISTRICT, REGENCY, VILLAGE, PersonNames, RegionNames


@pytest.fixture(scope="module")
def names():
    return PersonNames.load()


@pytest.fixture(scope="module")
def regions():
    return RegionNames.load()


@pytest.fixture(scope="module")
def recognizer(names, regions):
    return EntityRecognizer(KnowledgeBase.load(("id", "en")), ("id", "en"), names, regions)


@pytest.mark.parametrize(
    "words, expected",
    [
        (["budi", "santoso"], True),  # common Indonesian first name
        (["joko", "widodo"], True),
        (["john", "smith"], True),
        (["siti"], True),
        (["ghost", "whisperer"], False),  # English words are no names
        (["pizza", "hut"], False),
        ([], False),
    ],
)
def test_ner_lexicon_person_names_evidence(names, words, expected):
    assert names.is_person(words) is expected


def test_ner_lexicon_frequent_indonesian_names_are_no_words_unless_written_lower_case(names):
    assert {"fadil", "andika", "bagus", "putri"} <= names.indonesian
    assert "nota" not in names.indonesian  # few people bear it
    casing = {"bagus": "lower", "putri": "lower", "andika": "cap"}
    assert names.not_words(casing) >= {"fadil", "andika"}
    assert not names.not_words(casing) & {"bagus", "putri"}  # everyday words that are also names


@pytest.mark.parametrize(
    "words, level",
    [
        (["wakatobi"], REGENCY),  # "Kabupaten Wakatobi" without its prefix
        (["aceh", "besar"], REGENCY),
        (["medan", "marelan"], DISTRICT),
        (["cawas"], DISTRICT),
        (["tokyo"], None),
        (["budi"], None),
    ],
)
def test_ner_lexicon_regions_levels(regions, words, level):
    assert regions.level(words) == level


def test_ner_lexicon_regions_hold_villages(regions):
    assert VILLAGE in set(regions.levels.values())
    assert len(regions.levels) > 50_000


@pytest.mark.parametrize(
    "sentence, text, kind",
    [
        # regencies and districts the knowledge base does not know are places
        ("Banjir merendam ratusan rumah di Cawas sejak Senin.", "Cawas", "LOC"),
        ("Bantuan dikirim ke Wakatobi dan Buton dengan kapal.", "Wakatobi", "LOC"),
        ("Pasar di Medan Marelan kembali dibuka.", "Medan Marelan", "LOC"),
        # a known first name makes a person
        ("Pertemuan itu dihadiri Budi Santoso dan beberapa warga.", "Budi Santoso", "PER"),
        ("The meeting was chaired by Margaret Thompson on Monday.", "Margaret Thompson", "PER"),
        # a speech verb after the name makes a person, without a known name
        ("Dalam jumpa pers itu Sutarmin mengatakan bahwa bantuan sudah dikirim.", "Sutarmin", "PER"),
        ("After the vote, Okonkwo said the talks had failed.", "Okonkwo", "PER"),
        # an acronym first: an organisation
        ("Pemain itu pindah ke PSMS Medan musim lalu.", "PSMS Medan", "ORG"),
        ("Warga memprotes rencana PLTU Kalbar itu.", "PLTU Kalbar", "ORG"),
    ],
)
def test_ner_lexicon_types_unknown_runs(recognizer, sentence, text, kind):
    found = {(m.text, m.type) for m in recognizer.tag(sentence)}
    assert (text, kind) in found, found


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("Serial Ghost Whisperer tayang setiap malam.", "Ghost Whisperer"),  # a title, no name evidence
        ("Ia bekerja di sebuah gerai Lumbra Kenari di Bandung.", "Lumbra Kenari"),
        ("Anak itu baru lulus SMK dan bekerja di sebuah PT kecil.", "SMK"),  # a kind of school, not one
        ("Anak itu baru lulus SMK dan bekerja di sebuah PT kecil.", "PT"),
        ("Mahasiswa Fakultas itu berdemonstrasi.", "Fakultas"),
    ],
)
def test_ner_lexicon_tag_leaves_out_runs_without_evidence(recognizer, sentence, absent):
    assert absent not in {m.text for m in recognizer.tag(sentence)}


def test_ner_lexicon_pipeline_keeps_unsure_runs(recognizer):
    """The pipeline keeps unsure runs as people (an event needs its actors); tag() leaves them out."""
    sentence = "Serangan itu dikecam Caswiyono Rakatenggara dalam rapat."
    kept = recognizer.recognise(sentence, [(0, len(sentence))])
    unsure = [m for m in kept if m.rule == UNSURE_RULE]
    assert [m.text for m in unsure] == ["Caswiyono Rakatenggara"] and unsure[0].type == "PER"
    assert "Caswiyono Rakatenggara" not in {m.text for m in recognizer.tag(sentence)}


def test_ner_lexicon_unsure_short_form_takes_fuller_person(recognizer):
    sentence = "Menteri Luar Negeri Iran Abbas Araghchi tiba. Araghchi lalu bertemu wartawan."
    mentions = recognizer.tag(sentence)
    short = [m for m in mentions if m.text == "Araghchi"]
    assert short and short[0].type == "PER" and short[0].rule != UNSURE_RULE


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Warga desa Sukamaju berkumpul di balai desa.", "desa Sukamaju"),
        ("Kantor itu berada di kecamatan Cawas, Klaten.", "kecamatan Cawas"),
    ],
)
def test_ner_lexicon_place_noun_joins_place(recognizer, sentence, text):
    assert text in {m.text for m in recognizer.tag(sentence) if m.type == "LOC"}


def test_ner_lexicon_wilayah_is_not_part_of_the_name(recognizer):
    found = {m.text for m in recognizer.tag("Hujan deras melanda wilayah Kabupaten Wonogiri.")}
    assert "Kabupaten Wonogiri" in found and "wilayah Kabupaten Wonogiri" not in found


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Budi", "Cawas", "Ghost", "SMK", "Pizza", "Wakatobi", "di", "dan", "itu"]), max_size=8))
def test_ner_lexicon_tag_mentions_are_spans_of_the_text(recognizer, words):
    text = " ".join(words)
    for mention in recognizer.tag(text):
        assert text[mention.start : mention.end] == mention.text
        assert mention.type in ("PER", "ORG", "LOC") and mention.rule != UNSURE_RULE
