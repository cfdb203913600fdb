import pytest

from kronik.records import Article, Sentence
from mentions import tagged


@pytest.mark.parametrize(
    "sentence, region",
    [
        ("Pakistan adalah salah satu negara Asia Selatan yang berpenduduk besar.", "Asia Selatan"),
        ("Ketegangan di Timur Tengah meningkat sejak pekan lalu.", "Timur Tengah"),
        ("Delegasi itu berkeliling Amerika Latin selama dua pekan.", "Amerika Latin"),
        ("Negara-negara Eropa Timur menambah anggaran pertahanan.", "Eropa Timur"),
        ("Tensions in the Middle East rose after the strike.", "Middle East"),
    ],
)
def test_ner_filters_world_regions_are_places_without_a_state(recognizer, sentence, region):
    mention = next(m for m in recognizer.tag(sentence) if m.text == region)
    assert mention.type == "LOC" and mention.actor is None


@pytest.mark.parametrize(
    "sentence, name, state",
    [
        ("Presiden Cyril Ramaphosa kembali ke Afrika Selatan pada Minggu.", "Afrika Selatan", "ZAF"),
        ("Kunjungan itu berlanjut ke Korea Selatan.", "Korea Selatan", "KOR"),
        ("Banjir melanda Jakarta Selatan pada Senin pagi.", "Jakarta Selatan", "IDN"),
        ("Gubernur negara bagian Wisconsin menandatangani aturan itu.", "Wisconsin", "USA"),
    ],
)
def test_ner_filters_states_and_places_keep_their_state(recognizer, sentence, name, state):
    mention = next(m for m in recognizer.tag(sentence) if m.text.endswith(name))
    assert mention.type == "LOC" and mention.actor is not None and mention.actor.country == state


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Kapolda Papua Irjen Patrige Renwarin membenarkan kejadian itu.",
            {("Papua", "LOC"), ("Patrige Renwarin", "PER")},
        ),
        ("Ketua KPK Komjen Firli Bahuri hadir dalam rapat itu.", {("KPK", "ORG"), ("Firli Bahuri", "PER")}),
        (
            "Kabid Humas Polda Sumut Kombes Hadi Wahyudi menjelaskan kronologinya.",
            {("Polda Sumut", "ORG"), ("Hadi Wahyudi", "PER")},
        ),
    ],
)
def test_ner_filters_a_second_title_starts_a_new_name(recognizer, sentence, expected):
    assert tagged(recognizer, sentence) == expected


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Koalisi itu terdiri dari beberapa lembaga, seperti KontraS dan lainnya.", "KontraS"),
        ("Video itu diunggah ke YouTube pada Selasa malam.", "YouTube"),
    ],
)
def test_ner_filters_words_with_inner_capitals_are_names(recognizer, sentence, name):
    assert name in {m.text for m in recognizer.tag(sentence)}


@pytest.mark.parametrize(
    "text",
    [
        "Menteri Luar Negeri Iran Hossein Amir-Abdollahian tiba di Islamabad. Ia bertemu Jilani di kota Rawalpindi.",
        "Militer Israel menyerang Gaza pada Selasa. Sebelah Selatan kota itu rusak berat, kata Hamdan.",
        "The film \"Road House\" was shown in London. Sharif said the talks went well.",
    ],
)
def test_ner_filters_pipeline_and_tag_agree(recognizer, text):
    """The stage and `kronik tag` share one path: without generic mentions, they find the same names."""
    cut = text.index(". ") + 1
    sentences = (Sentence(0, 0, cut, text[:cut]), Sentence(1, cut + 1, len(text), text[cut + 1 :]))
    article = recognizer(Article(id="a", raw_text=text, text=text, language="id", sentences=sentences))
    staged = {(m.start, m.end, m.type) for m in article.entities if not m.rule.startswith("generic:")}
    assert staged == {(m.start, m.end, m.type) for m in recognizer.tag(text)}


@pytest.mark.parametrize(
    "sentence, not_a_name",
    [
        ("Sejak 1957 sekolah itu dipimpin oleh H.", "H"),
        ("Pelajaran diberikan mulai dari Kelas X sampai kelas terakhir.", "Kelas X"),
        ("Band itu menutup tahun dengan Tour 8 Kota di Jawa.", "Tour 8"),
        ("Dana pembangunan berasal dari Pemerintah dan sumbangan warga.", "Pemerintah"),
        ("Surat itu dikeluarkan oleh Rektor pada Senin.", "Rektor"),
        ("Ia meminjam uang dari Kantong pribadinya.", "Kantong"),
    ],
)
def test_ner_filters_no_person_is_a_letter_a_number_or_a_common_word(recognizer, sentence, not_a_name):
    assert not any(m.type == "PER" and m.text == not_a_name for m in recognizer.tag(sentence))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Ia bertemu dengan Raden Mas Sutarjo di Solo.", "Raden Mas Sutarjo"),
        ("Surat itu dikirim oleh M Adhiya Rahman kepada panitia.", "M Adhiya Rahman"),
        ("Lagu itu dinyanyikan bersama Dewi Lestari.", "Dewi Lestari"),
    ],
)
def test_ner_filters_names_after_a_preposition_are_people(recognizer, sentence, name):
    assert any(m.type == "PER" and m.text == name for m in recognizer.tag(sentence))


def test_ner_filters_a_common_word_is_no_short_form_of_a_name(recognizer):
    text = "Fasilitasnya: Ruang BK, Ruang guru, Ruang musik dan Kantin."
    assert not any(m.type == "PER" and m.text == "Ruang" for m in recognizer.tag(text))


@pytest.mark.parametrize(
    "sentence, abbreviation, name",
    [
        ("Tugas itu termasuk OMSP (operasi militer selain perang) menurut undang-undang.", "OMSP", None),
        ("Mereka menolak KKN (korupsi, kolusi, dan nepotisme) di daerah.", "KKN", None),
        ("Perkara itu ditangani KPK (Komisi Pemberantasan Korupsi) sejak Mei.", "KPK", "ORG"),
    ],
)
def test_ner_filters_an_acronym_spelled_out_in_lower_case_is_no_name(recognizer, sentence, abbreviation, name):
    found = {m.text: m.type for m in recognizer.tag(sentence)}
    assert found.get(abbreviation) == name


@pytest.mark.parametrize(
    "sentence, group",
    [
        ("Pemberontak M23 menarik pasukannya dari kota itu.", "M23"),
        ("Serangan itu diklaim gerilyawan FARC pada Senin.", "FARC"),
        ("The attack was claimed by rebels M23 on Monday.", "M23"),
    ],
)
def test_ner_filters_a_rebel_group_after_its_noun_is_an_organisation(recognizer, sentence, group):
    assert any(m.type == "ORG" and m.text == group for m in recognizer.tag(sentence))


@pytest.mark.parametrize(
    "sentence, people",
    [
        ("Band itu terdiri dari Rendra (vokal), Tomi Haris (gitar) dan Ucok (drum).", {"Rendra", "Tomi Haris", "Ucok"}),
        ("Polisi menangkap Sukarjo (45) dan Wartini (32 tahun) di rumahnya.", {"Sukarjo", "Wartini"}),
        ("The band was Reed (vocals) and Tomlin (drums).", {"Reed", "Tomlin"}),
        ("Wiratmo Sukito (lahir 12 Mei 1950) merupakan salah seorang pendiri partai itu.", {"Wiratmo Sukito"}),
        ("Meyda Sefira adalah seorang pemeran dan penyanyi.", {"Meyda Sefira"}),
    ],
)
def test_ner_filters_an_age_a_role_or_an_introduction_makes_a_person(recognizer, sentence, people):
    assert people <= {m.text for m in recognizer.tag(sentence) if m.type == "PER"}


def test_ner_filters_a_number_in_parentheses_after_a_place_is_no_age(recognizer):
    mentions = recognizer.tag("Pasal 5 (2) berlaku di Kabupaten Sleman (2024).")
    assert not any(m.type == "PER" for m in mentions)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Kantor itu pindah ke Jalan Jenderal Sudirman pada 2019.", "Jalan Jenderal Sudirman"),
        ("Peziarah memadati Makam Sunan Kudus setiap malam Jumat.", "Makam Sunan Kudus"),
        ("Desa itu terdiri dari dukuh Tempel dan dukuh Sarwono.", "Sarwono"),
    ],
)
def test_ner_filters_places_named_after_people_are_places(recognizer, sentence, place):
    assert any(m.type == "LOC" and m.text == place for m in recognizer.tag(sentence))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Sejak 2019 ia menjadi drumer band The Lazy Crows asal Bandung.", "The Lazy Crows"),
        ("Konser itu juga menampilkan The Jenggala Sisters dan dua penyanyi lokal.", "The Jenggala Sisters"),
        ("Ia sempat bekerja sebagai editor di The Jakarta Weekly sebelum pindah ke Medan.", "The Jakarta Weekly"),
        ("Last year she toured Europe with The Salt Harbour Trio.", "The Salt Harbour Trio"),
    ],
)
def test_ner_filters_a_name_led_by_an_article_is_an_organisation(recognizer, sentence, name):
    found = tagged(recognizer, sentence)
    assert (name, "ORG") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said the talks would resume on Monday.",  # a sentence's first word is no name's article
        'Ia bermain dalam film The Quiet Lantern karya sutradara muda itu.',  # a work, no organisation
    ],
)
def test_ner_filters_an_article_starts_no_name_at_a_sentence_start_or_in_a_title(recognizer, sentence):
    assert not any(m.text.startswith("The ") and m.type == "ORG" for m in recognizer.tag(sentence))


@pytest.mark.parametrize(
    "sentence, club",
    [
        ("Musim lalu ia bergabung dengan Aston Villa setelah tiga tahun di Belgia.", "Aston Villa"),
        ("Gelandang itu hengkang dari Persikota lalu bergabung dengan Rangers Bintaro.", "Rangers Bintaro"),
        ("Bek muda itu kini memperkuat Barca Junior di kompetisi usia muda.", "Barca Junior"),
        ("In 2015 the striker joined Aston Villa on a free transfer.", "Aston Villa"),
    ],
)
def test_ner_filters_what_a_player_joins_is_an_organisation(recognizer, sentence, club):
    found = tagged(recognizer, sentence)
    assert (club, "ORG") in found


def test_ner_filters_joining_a_person_by_full_name_keeps_the_person(recognizer):
    found = tagged(recognizer, "Di panggung itu ia bergabung dengan Budi Santoso untuk lagu penutup.")
    assert ("Budi Santoso", "PER") in found


@pytest.mark.parametrize(
    "sentence, place, state",
    [
        ("Ia menjadi finalis lomba debat tingkat DKI Jakarta tahun lalu.", "DKI Jakarta", "IDN"),
        ("Wisatawan memadati DI Yogyakarta selama libur panjang.", "DI Yogyakarta", "IDN"),
        ("Gedung itu dibangun pada masa pemerintahan Hindia Belanda.", "Hindia Belanda", "NLD"),
    ],
)
def test_ner_filters_provinces_and_the_colony_by_their_usual_names(recognizer, sentence, place, state):
    mention = next(m for m in recognizer.tag(sentence) if m.text == place)
    assert mention.type == "LOC" and mention.actor is not None and mention.actor.country == state


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Klub itu lolos ke Liga Champions musim depan.", set()),  # a competition, no entity
        ("Ia mencetak sepuluh gol di Liga Inggris musim lalu.", {("Inggris", "LOC")}),
        ("Liga Arab mengecam serangan itu.", {("Liga Arab", "ORG")}),  # a body the KB knows, not a competition
        ("Sekjen Liga Arab Ahmed Aboul Gheit tiba di Kairo.", {("Liga Arab", "ORG"), ("Ahmed Aboul Gheit", "PER"), ("Kairo", "LOC")}),
    ],
)
def test_ner_filters_a_league_is_a_competition_unless_the_kb_knows_the_body(recognizer, sentence, expected):
    assert tagged(recognizer, sentence) == expected


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("Tahun 1998 ia ikut mendirikan Sanggar Cipta Rasa bersama dua kawannya.", "Sanggar Cipta Rasa"),
        ("Album itu dirilis di bawah naungan Gema Nada Records.", "Gema Nada Records"),
        ("In 2004 she co-founded Blue Lantern with two classmates.", "Blue Lantern"),
        ("Surat itu dikirim oleh Kementrian Pendayagunaan Aparatur Negara.", "Kementrian Pendayagunaan Aparatur Negara"),
    ],
)
def test_ner_filters_what_is_founded_or_shelters_a_work_is_an_organisation(recognizer, sentence, body):
    assert (body, "ORG") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Setelah musim yang buruk itu, Degradasi membuat klub tersebut kehilangan sponsor.", "Degradasi"),
        ("Ia pindah ke kota lain ( Sekarang menjadi ibu kota kabupaten ) pada 1990.", "Sekarang"),
    ],
)
def test_ner_filters_a_common_word_doing_something_is_no_person(recognizer, sentence, word):
    assert word not in {m.text for m in recognizer.tag(sentence)}


def test_ner_filters_a_name_that_is_also_a_word_still_acts(recognizer):
    found = tagged(recognizer, "Di album itu, Anggun menulis dua lagu berbahasa Prancis.")
    assert ("Anggun", "PER") in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ia juga menyanyi dalam bahasa Tamil dan berbahasa Marathi.", set()),  # languages, no entity
        ("Buku itu diterjemahkan ke bahasa Indonesia tahun lalu.", {("Indonesia", "LOC")}),  # a state stays a place
    ],
)
def test_ner_filters_a_language_after_its_noun_is_no_entity(recognizer, sentence, expected):
    assert tagged(recognizer, sentence) == expected
