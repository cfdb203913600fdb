"""People named without a full name: initials, lists of names, titles standing alone for their holder."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.ner.cues import Token
from kronik.ner.initials import looks_like_initials
from kronik.records import Article, Sentence
from mentions import find, tagged


def stage(recognizer, text, day=dt.date(2025, 6, 2), language="id"):
    article = Article(id="a", raw_text=text, text=text, language=language,
                      sentences=(Sentence(0, 0, len(text), text),), published=day)
    return recognizer(article).entities


@pytest.mark.parametrize(
    "sentence, initials",
    [
        ("Polisi menangkap seorang pria berinisial RMP di rumahnya di Bandung.", ["RMP"]),
        ("Kejaksaan Negeri Kuningan menahan tersangka MY dan IP pada Senin.", ["MY", "IP"]),
        ("Tiga orang ditetapkan sebagai tersangka, yakni MY, MF, dan IP.", ["MY", "MF", "IP"]),
        ("Tersangka RMP dan AS ditahan di rumah tahanan negara.", ["RMP", "AS"]),
        ("Saksi AR memberikan keterangan di depan majelis hakim.", ["AR"]),
        ("Penyidik juga memeriksa korban berinisial DN, seorang pelajar.", ["DN"]),
        ("Police arrested a man identified only as RMP on Monday.", ["RMP"]),
        ("Three people were named as suspects, namely MY, MF and IP.", ["MY", "MF", "IP"]),
    ],
)
def test_entities_people_initials_are_persons(recognizer, sentence, initials):
    mentions = stage(recognizer, sentence)
    for text in initials:
        mention = find(mentions, text)
        assert mention is not None and mention.type == "PER", [(m.text, m.type) for m in mentions]
        assert mention.actor.kind == "person"
        assert find(recognizer.tag(sentence), text) is not None


@pytest.mark.parametrize(
    "sentence, acronym, kind",
    [
        ("Anggaran itu diaudit oleh BPK dan BPKP pekan lalu.", "BPKP", "ORG"),
        ("Rombongan AS tiba di Jakarta pada Senin.", "AS", "LOC"),
        ("Tiga lembaga hadir, yakni KPK, Polri, dan Kejaksaan Agung.", "KPK", "ORG"),
    ],
)
def test_entities_people_acronyms_without_person_cue_stay_what_they_are(recognizer, sentence, acronym, kind):
    mention = find(stage(recognizer, sentence), acronym)
    assert mention is not None and mention.type == kind


def test_entities_people_names_in_a_list_after_yakni_are_persons(recognizer):
    text = "Dua saksi dihadirkan, yaitu Sutrisno Wibowo dan Marlina Hutapea."
    mentions = stage(recognizer, text)
    assert {m.text for m in mentions if m.type == "PER"} >= {"Sutrisno Wibowo", "Marlina Hutapea"}


@pytest.mark.parametrize(
    "sentence, span, actor_id, country, day",
    [
        ("Menlu AS mengecam serangan itu dalam pernyataan tertulis.", "Menlu AS", "kb:marco-rubio", "USA", dt.date(2025, 6, 2)),
        ("Panglima TNI meninjau lokasi banjir di Bekasi.", "Panglima TNI", "kb:agus-subiyanto", "IDN", dt.date(2025, 6, 2)),
        ("Presiden Iran menolak tuduhan itu pada Selasa.", "Presiden Iran", "kb:masoud-pezeshkian", "IRN", dt.date(2025, 6, 2)),
        ("Perdana Menteri Pakistan bertemu Presiden Prabowo di Jakarta.", "Perdana Menteri Pakistan", "kb:shehbaz-sharif", "PAK", dt.date(2025, 6, 2)),
        ("Kapolri memimpin apel pasukan di Monas.", "Kapolri", "kb:listyo-sigit-prabowo", "IDN", dt.date(2025, 6, 2)),
    ],
)
def test_entities_people_title_alone_names_its_holder_on_the_day(recognizer, sentence, span, actor_id, country, day):
    mention = find(stage(recognizer, sentence, day), span)
    assert mention is not None and mention.type == "PER"
    assert mention.actor.id == actor_id and mention.actor.country == country
    assert find(recognizer.tag(sentence), span) is None  # a title is no proper name for NER


def test_entities_people_title_holder_depends_on_the_date(recognizer):
    before = find(stage(recognizer, "Menteri Pertahanan AS tiba di Manila.", dt.date(2024, 6, 1)), "Menteri Pertahanan AS")
    after = find(stage(recognizer, "Menteri Pertahanan AS tiba di Manila.", dt.date(2025, 6, 1)), "Menteri Pertahanan AS")
    assert before.actor.id == "kb:lloyd-austin" and after.actor.id == "kb:pete-hegseth"


def test_entities_people_title_without_known_holder_is_a_person_of_that_state(recognizer):
    mention = find(stage(recognizer, "Presiden Iran menolak tuduhan itu.", day=None), "Presiden Iran")
    assert mention.actor.kind == "person" and mention.actor.country == "IRN" and mention.actor.sector == "GOV"


def test_entities_people_parenthetical_title_is_an_alias_of_the_name(recognizer):
    text = "Menteri Luar Negeri Amerika Serikat (Menlu AS) Marco Rubio tiba di Jakarta."
    for day in (dt.date(2025, 6, 2), None):
        mentions = stage(recognizer, text, day)
        assert find(mentions, "Menlu AS").actor.id == "kb:marco-rubio"
        assert find(mentions, "Menteri Luar Negeri Amerika Serikat").actor.id == "kb:marco-rubio"


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("Presiden Iran Masoud Pezeshkian berpidato di depan parlemen.", "Masoud Pezeshkian"),
        ("Presiden Prabowo Subianto membuka sidang kabinet.", "Prabowo Subianto"),
    ],
)
def test_entities_people_title_before_a_name_still_names_that_person(recognizer, sentence, span):
    mentions = stage(recognizer, sentence)
    assert find(mentions, span).type == "PER"
    assert not any(m.rule.startswith("generic:title-holder") for m in mentions)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabc.", min_size=1, max_size=8))
def test_entities_people_initials_are_two_to_five_capital_letters(word):
    letters = word.replace(".", "")
    token = Token(0, len(word), word, word.lower())
    assert looks_like_initials(token) == (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper())


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["tersangka", "yakni", "MY", "AS", ",", " ", "dan", "Menlu", "Presiden", "Iran", "(", ")"]),
                max_size=16).map(" ".join))
def test_entities_people_offsets_match_text_with_titles_and_initials(recognizer, text):
    for mention in stage(recognizer, text):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "sentence, holder",
    [
        ("Kejaksaan memeriksa mantan Direktur Utama Pertamina Karen Agustiawan.", "Karen Agustiawan"),
        ("Polisi memeriksa Direktur Utama PT Sinar Jaya Rudi Hartono kemarin.", "Rudi Hartono"),
        ("Presiden Direktur PT Maju Bersama Sinta Dewi membuka pabrik baru.", "Sinta Dewi"),
    ],
)
def test_entities_people_a_full_title_is_no_name(recognizer, sentence, holder):
    found = tagged(recognizer, sentence)
    assert (holder, "PER") in found
    assert not {text for text, kind in found if kind == "PER" and text in ("Utama", "Direktur")}


@pytest.mark.parametrize(
    "sentence, person, name, nickname",
    [
        ('Bassis Andreas "Flick" Morgenstern bergabung dengan band itu pada 1985.', 'Andreas "Flick" Morgenstern', "Andreas Morgenstern", "Flick"),
        ('Gitaris Reza "Kribo" Hutapea tampil di Medan.', 'Reza "Kribo" Hutapea', "Reza Hutapea", "Kribo"),
        ("Ia memerankan Robert William \u201cBobby\u201d Lincoln dalam film itu.", "Robert William \u201cBobby\u201d Lincoln", "Robert William Lincoln", "Bobby"),
        ('The drummer Thomas " Big Tom " Ashcroft left the band.', 'Thomas " Big Tom " Ashcroft', "Thomas Ashcroft", "Big Tom"),
    ],
)
def test_entities_people_a_quoted_nickname_between_names_is_one_person(recognizer, sentence, person, name, nickname):
    mention = find(stage(recognizer, sentence), person)
    assert mention is not None and mention.type == "PER", [(m.text, m.type) for m in stage(recognizer, sentence)]
    assert mention.actor.name == name and nickname in mention.actor.aliases
    assert (person, "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, apart",
    [
        ('Penyanyi Rina "Pelangi" Malaysia meraih penghargaan.', ("Malaysia", "LOC")),  # a state ends no name
        ('Lagu "Pelangi" dinyanyikan Rina di Bandung.', ("Rina", "PER")),  # no name before the quotes
    ],
)
def test_entities_people_quotes_before_a_state_or_after_no_name_join_nothing(recognizer, sentence, apart):
    found = tagged(recognizer, sentence)
    assert apart in found
    assert not any('"' in text for text, _ in found)


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Warga Medan, Rosmala br Sitepu, menerima bantuan itu.", "Rosmala br Sitepu"),
        ("Kepala sekolah Ulina boru Ginting membuka acara.", "Ulina boru Ginting"),
    ],
)
def test_entities_people_batak_boru_joins_a_woman_s_name_and_clan(recognizer, sentence, person):
    assert (person, "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("Lagu Together We Can menjadi hit pada tahun itu.", "Together We Can"),
        ("Album Way Of Love dirilis pada 2004.", "Way Of Love"),
        ("Ia menulis Cinta Untuk Mama saat berusia 20 tahun.", "Cinta Untuk Mama"),
        ("The band released My Lady in 1998.", "My Lady"),
    ],
)
def test_entities_people_words_of_a_work_s_title_name_no_person(recognizer, sentence, title):
    assert not any(kind == "PER" and title in text for text, kind in tagged(recognizer, sentence))


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Gelandang Emre Can mencetak gol kedua.", "Emre Can"),  # "Can" is a surname, not a title word
        ("Jennifer Love Hewitt hadir di Jakarta.", "Jennifer Love Hewitt"),
    ],
)
def test_entities_people_names_like_title_words_stay_names(recognizer, sentence, person):
    assert (person, "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Pada tahun 1830 Pangeran Arya Kusuma ditangkap di Magelang.", "Pangeran Arya Kusuma"),
        ("Warga masih menziarahi makam Sunan Wiralaga di bukit itu.", "Sunan Wiralaga"),
        ("Wakil gubernur itu, Mayjen Tengku Amiruddin Syah, membuka rapat.", "Tengku Amiruddin Syah"),
        ("Peran Sir Toby Belch dimainkan oleh aktor muda.", "Sir Toby Belch"),
        ("Ia menjadi selir Raden Mas Sutowijoyo setelah perang.", "Raden Mas Sutowijoyo"),
    ],
)
def test_entities_people_a_title_of_nobility_is_part_of_the_name(recognizer, sentence, person):
    assert (person, "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Ratu Belanda mengunjungi Jakarta pekan lalu.", "Belanda"),  # a title and a state: no name to keep it
        ("Sultan Brunei menerima tamu dari Malaysia.", "Brunei"),
    ],
)
def test_entities_people_a_title_of_nobility_before_a_state_stays_out(recognizer, sentence, place):
    assert (place, "LOC") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("I Ketut Sudarsana membuka pameran lukisan di Ubud.", "I Ketut Sudarsana"),
        ("Penari Ni Wayan Sukerti tampil di Denpasar.", "Ni Wayan Sukerti"),
        ("Bupati Tabanan itu menyerahkan bantuan kepada I Nyoman Pasek.", "I Nyoman Pasek"),
    ],
)
def test_entities_people_a_balinese_name_keeps_its_i_or_ni(recognizer, sentence, person):
    assert (person, "PER") in tagged(recognizer, sentence)


def test_entities_people_a_balinese_name_start_is_evidence_of_a_person(recognizer):
    sentence = "Bayi itu kemudian diberi nama I Gusti Kompyang Sumertha oleh kakeknya."
    assert ("I Gusti Kompyang Sumertha", "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("Ia kemudian menjadi Komandan Batalyon 7 Resimen 21 di Magelang.", "7"),
        ("Tahun itu ia diangkat menjadi Pangdam II di Palembang.", "II"),
    ],
)
def test_entities_people_a_number_after_a_title_is_no_person(recognizer, sentence, number):
    assert (number, "PER") not in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Rapat dibuka oleh Kaur Keuangan Siti Mardiyah di balai desa.", "Siti Mardiyah"),
        ("Data itu dicatat Kasi Pemerintahan Hadi Purnomo setiap bulan.", "Hadi Purnomo"),
        ("Pesawat itu diterbangkan oleh Capt Wirawan dan Kopilot Hendarto.", "Hendarto"),
        ("Keluarga Wiryosaputro menempati rumah itu sejak 1950.", "Wiryosaputro"),
        ("Menurut Mbah Karto, mata air itu tidak pernah kering.", "Karto"),
    ],
)
def test_entities_people_village_offices_crew_and_kin_are_titles(recognizer, sentence, person):
    assert (person, "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, name, kind",
    [
        ("Formasi band itu: Andra (vokal), Derry (drum) dan Tomi (bas).", "Derry", "PER"),  # a role in parentheses
        ("Derry adalah drummer yang bergabung pada 2004.", "Derry", "PER"),  # described by an occupation
        ("Ia lahir di Derry pada 1970.", "Derry", "LOC"),
    ],
)
def test_entities_people_a_town_s_name_described_as_a_person_is_one(recognizer, sentence, name, kind):
    assert (name, kind) in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Surat itu ditandatangani Budi Santoso SH di kantornya.", "Budi Santoso"),
        ("Sambutan disampaikan Dewi Anggraini MPd selaku kepala sekolah.", "Dewi Anggraini"),
        ("The award went to Major General Lachlan Hartley CB last year.", "Lachlan Hartley"),
        ("Rapat dipimpin Ustadz Syamsul Huda di pondok itu.", "Syamsul Huda"),
    ],
)
def test_entities_people_a_degree_after_a_name_and_a_title_before_it_stay_out(recognizer, sentence, person):
    assert (person, "PER") in tagged(recognizer, sentence)


def test_entities_people_a_name_s_own_capitals_stay_in_it(recognizer):
    assert ("Mahfud MD", "PER") in tagged(recognizer, "Menko Polhukam Mahfud MD memberikan keterangan.")


@pytest.mark.parametrize(
    "sentence, person, absent",
    [
        ("Acara dibuka Kepala Sekolah Bapak Drs. H. Sumarno di aula.", "Sumarno", "Drs"),
        ("Ia bertemu Prof. Dr. Ir. Wiryawan Hadikusumo, M.Sc. di Bogor.", "Wiryawan Hadikusumo", "M.Sc"),
        ("Sambutan dibacakan oleh Hj. Siti Marfuah dan KH. Abdul Karim.", "Abdul Karim", "KH"),
        ("Berkas itu ditandatangani Rudi Hartanto, S.H., M.H. kemarin.", "Rudi Hartanto", "S.H"),
    ],
)
def test_entities_people_titles_and_degrees_written_short_frame_the_name(recognizer, sentence, person, absent):
    mentions = stage(recognizer, sentence)
    assert find(mentions, person).type == "PER"
    assert find(mentions, absent) is None


def test_entities_people_an_acronym_that_is_also_a_degree_stays_a_body(recognizer):
    mentions = stage(recognizer, "Gugatan itu ditolak Mahkamah Agung (MA) pekan lalu.")
    assert find(mentions, "MA").actor.id == find(mentions, "Mahkamah Agung").actor.id
