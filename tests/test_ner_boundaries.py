"""Rules of the sixth NER round: hyphenated pairs of places are two mentions, a KB name with a short form in
parentheses inside it is one mention, common nouns before a KB name are no part of it, and an organisation led
by a cue word keeps the common words after a state's name."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mentions import tagged


def mentions(recognizer, sentence):
    return [(m.text, m.type, m.actor.id if m.actor else None) for m in recognizer.recognise(sentence, [(0, len(sentence))])]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Hubungan Iran-Pakistan memanas sejak pekan lalu.", [("Iran", "IRN"), ("Pakistan", "PAK")]),
        ("Penerbangan Teheran-Islamabad dibatalkan pada Senin.", [("Teheran", "IRN"), ("Islamabad", "PAK")]),
        ("Talks on the India-China border resumed on Monday.", [("India", "IND"), ("China", "CHN")]),
    ],
)
def test_ner_boundaries_hyphenated_places_are_two_mentions(recognizer, sentence, expected):
    found = [(text, actor) for text, kind, actor in mentions(recognizer, sentence) if kind == "LOC"]
    assert found == expected


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Timor-Leste resmi menjadi anggota ASEAN.", "Timor-Leste"),
        ("Catherine Zeta-Jones mengatakan film itu selesai.", "Catherine Zeta-Jones"),
        ("Menlu Iran Hossein Amir-Abdollahian tiba di Islamabad.", "Hossein Amir-Abdollahian"),
    ],
)
def test_ner_boundaries_hyphenated_names_stay_whole(recognizer, sentence, word):
    assert word in [text for text, _, _ in mentions(recognizer, sentence)]


@pytest.mark.parametrize(
    "sentence, text, actor",
    [
        ("Detasemen Khusus (Densus) 88 Antiteror Polri menangkap tiga orang di Bekasi.", "Detasemen Khusus (Densus) 88 Antiteror Polri", "kb:densus-88"),
        ("Pesawat Saudia Airlines mendarat darurat di Medan.", "Saudia Airlines", "kb:saudia"),
        ("Ancaman itu ditujukan kepada Pesawat Saudia Airlines yang membawa jemaah.", "Saudia Airlines", "kb:saudia"),
    ],
)
def test_ner_boundaries_kb_names_keep_their_actor(recognizer, sentence, text, actor):
    assert (text, "ORG", actor) in mentions(recognizer, sentence)
    assert not any(kind == "PER" for _, kind, _ in mentions(recognizer, sentence))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Partai Indonesia Baru didirikan pada 1998.", "Partai Indonesia Baru"),
        ("Gerakan Aceh Merdeka menandatangani perjanjian damai di Helsinki.", "Gerakan Aceh Merdeka"),
    ],
)
def test_ner_boundaries_cue_led_body_keeps_common_words_after_a_state(recognizer, sentence, name):
    assert (name, "ORG") in [(text, kind) for text, kind, _ in mentions(recognizer, sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Kementerian Luar Negeri Iran Hossein Amir-Abdollahian tiba.", "Hossein Amir-Abdollahian"),
        ("Presiden Joko Widodo (Jokowi) tiba di Bali.", "Joko Widodo"),
    ],
)
def test_ner_boundaries_rules_leave_following_names_alone(recognizer, sentence, expected):
    assert expected in [text for text, _, _ in mentions(recognizer, sentence)]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Para pendaki mencapai Puncak Jaya pada pagi hari.", "Puncak Jaya"),
        ("Wisatawan memadati Pantai Kuta saat libur panjang.", "Pantai Kuta"),
        ("Hujan deras membuat Air Terjun Sipiso-piso meluap.", "Air Terjun Sipiso-piso"),
    ],
)
def test_ner_boundaries_landform_heads_start_places(recognizer, sentence, name):
    assert (name, "LOC") in [(text, kind) for text, kind, _ in mentions(recognizer, sentence)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Iran", "Pakistan", "Zeta", "Jones", "Densus", "(KPK)", "88", "-", "Pesawat", "Baru", "di", "Partai"]), max_size=10))
def test_ner_boundaries_offsets_match_text(recognizer, words):
    text = " ".join(words).replace(" - ", "-")
    for mention in recognizer.recognise(text, [(0, len(text))]):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "sentence, named, unnamed",
    [
        ("Ia lulus dari SMAN 1 pada 2010 lalu pindah ke Bogor.", None, "SMAN 1"),
        ("Siswa SMA Negeri 3 itu meraih medali emas.", None, "SMA Negeri 3"),
        ("Ia lulus dari SMAN 1 Malang pada 2010.", "SMAN 1 Malang", None),  # a town's name that is a common word
        ("Kegiatan belajar di SMP Negeri 4 Bandung dimulai pukul tujuh.", "SMP Negeri 4 Bandung", None),
    ],
)
def test_ner_boundaries_a_school_named_by_its_number_alone_is_no_name(recognizer, sentence, named, unnamed):
    found = {m.text for m in recognizer.tag(sentence)}
    if named:
        assert named in found, found
    if unnamed:
        assert not any(unnamed in text for text in found), found


@pytest.mark.parametrize(
    "sentence, place, noun",
    [
        ("Abu vulkanik dari gunung Lawu menutup jalan.", "Lawu", "gunung"),
        ("Kapal itu bersandar di pelabuhan Tanjung Perak.", "Tanjung Perak", "pelabuhan"),
        ("Warga desa Sukamaju berkumpul di balai desa.", "desa Sukamaju", None),  # a village keeps its noun
    ],
)
def test_ner_boundaries_some_lower_case_place_nouns_stay_out_of_the_name(recognizer, sentence, place, noun):
    found = {(m.text, m.type) for m in recognizer.tag(sentence)}
    assert (place, "LOC") in found, found
    if noun:
        assert not any(text.startswith(noun) for text, _ in found)


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Pada 2003 berdiri Sekolah Tinggi Ilmu Pertanian (STIP) di kota itu.", "Sekolah Tinggi Ilmu Pertanian"),
        ("Ia mengajar di Sekolah Tinggi Teknologi Nuklir ( STTN ) sejak 1990.", "Sekolah Tinggi Teknologi Nuklir"),
    ],
)
def test_ner_boundaries_a_kind_of_institution_followed_by_its_acronym_is_one(recognizer, sentence, name):
    assert (name, "ORG") in tagged(recognizer, sentence)


def test_ner_boundaries_a_kind_of_institution_alone_stays_no_name(recognizer):
    assert not any("Sekolah" in text for text, _ in tagged(recognizer, "Ia lulus Sekolah Tinggi Ilmu Pertanian pada 2005."))


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Pasar itu berada di Desa Ngawen rejo sejak dulu.", "Desa Ngawen rejo"),
        ("Wisatawan suka berkunjung ke pantai Klayar ngrowo pada sore hari.", "pantai Klayar ngrowo"),
        ("Warga Desa Ngawen datang ke balai.", "Desa Ngawen"),  # "datang" is a word of the language
    ],
)
def test_ner_boundaries_a_place_s_last_word_written_small_stays_in_it(recognizer, sentence, place):
    assert (place, "LOC") in tagged(recognizer, sentence)
