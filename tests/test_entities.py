import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.records import Article, Sentence
from mentions import find, tagged


@pytest.mark.parametrize(
    "sentence, text, kind, country",
    [
        ("Menteri Luar Negeri Iran Hossein Amir-Abdollahian tiba di Islamabad.", "Hossein Amir-Abdollahian", "PER", "IRN"),
        ("Menteri Luar Negeri Iran Hossein Amir-Abdollahian tiba di Islamabad.", "Islamabad", "LOC", "PAK"),
        ("Kementerian Luar Negeri Pakistan memanggil kuasa usaha Iran.", "Kementerian Luar Negeri Pakistan", "ORG", "PAK"),
        ("Serangan itu diklaim oleh kelompok Jaish al-Adl pada Selasa.", "Jaish al-Adl", "ORG", None),
        ("Presiden Prabowo Subianto menerima Perdana Menteri Anwar Ibrahim di Jakarta.", "Anwar Ibrahim", "PER", "MYS"),
        ("Juru bicara Kementerian Luar Negeri Iran Esmaeil Baghaei membantah laporan itu.", "Esmaeil Baghaei", "PER", "IRN"),
        ("Kapal tanker itu melintasi Selat Hormuz pada pagi hari.", "Selat Hormuz", "LOC", None),
        ("Pemeriksaan berlangsung di Gedung Merah Putih KPK, Jakarta Selatan.", "Jakarta Selatan", "LOC", "IDN"),
        ("Sekretariat ASEAN menerbitkan laporan tahunan di Jakarta.", "Sekretariat ASEAN", "ORG", None),
        ("Menteri Luar Negeri Rusia Sergey Lavrov tiba kemarin.", "Sergey Lavrov", "PER", "RUS"),
    ],
)
def test_entities_tag_finds_typed_resolved_mentions(recognizer, sentence, text, kind, country):
    mention = find(recognizer.tag(sentence), text)
    assert mention is not None, [m.text for m in recognizer.tag(sentence)]
    assert mention.type == kind and sentence[mention.start : mention.end] == text
    assert mention.actor is None or mention.actor.country == country or country is None


@pytest.mark.parametrize(
    "sentence, word",
    [("Namun, Selasa itu pertemuan ditunda hingga Januari.", "Namun"),
     ("Namun, Selasa itu pertemuan ditunda hingga Januari.", "Selasa"),
     ("Namun, Selasa itu pertemuan ditunda hingga Januari.", "Januari"),
     ("Menurut sumber itu, rapat ditunda.", "Menurut"),
     ("Sementara itu, harga minyak naik.", "Sementara")],
)
def test_entities_skip_confusable_words(recognizer, sentence, word):
    assert all(word not in m.text for m in recognizer.tag(sentence))


def test_entities_generic_phrases_are_in_the_stage_but_not_in_tag(recognizer):
    text = "Militer Israel menyerang Gaza, sementara warga Palestina mengungsi."
    article = Article(id="a", raw_text=text, text=text, language="id",
                      sentences=(Sentence(0, 0, len(text), text),))
    generic = [m for m in recognizer(article).entities if m.rule.startswith("generic:")]
    assert {(m.actor.country, m.actor.sector) for m in generic} == {("ISR", "MIL"), ("PSE", "CVL")}
    assert not any(m.rule.startswith("generic:") for m in recognizer.tag(text))


def test_entities_short_forms_take_the_actor_of_the_full_form(recognizer):
    text = ("Juru bicara Kepolisian Iran Reza Bahrampour menyatakan situasi terkendali. "
            "Bahrampour menambahkan bahwa dua orang ditahan, ujar Bahrampour.")
    mentions = [m for m in recognizer.tag(text) if "Bahrampour" in m.text]
    assert len(mentions) == 3
    assert len({m.actor.id for m in mentions}) == 1
    assert set(mentions[0].actor.aliases) >= {"Reza Bahrampour", "Bahrampour"}


def test_entities_short_forms_spelled_otherwise_take_the_actor_of_the_full_form(recognizer):
    text = ("Pengacaranya, Henri Siregar, mengatakan kliennya kooperatif. "
            "Henry mengatakan pemeriksaan berlangsung delapan jam. Henk tidak hadir.")
    actors = {m.text: m.actor.id for m in recognizer.tag(text) if m.type == "PER"}
    assert actors["Henry"] == actors["Henri Siregar"]  # "y" and "i" spell one name
    assert actors.get("Henk") != actors["Henri Siregar"]


def test_entities_stage_declares_fields_and_offsets_point_into_text(recognizer):
    assert recognizer.name == "entities" and recognizer.assigns == ("entities",)
    text = "Presiden Joko Widodo bertemu Presiden Xi Jinping di Beijing."
    article = Article(id="a", raw_text=text, text=text, language="id", sentences=(Sentence(0, 0, len(text), text),))
    result = recognizer(article)
    assert result.entities and all(text[m.start : m.end] == m.text for m in result.entities)
    assert find(result.entities, "Xi Jinping").actor.id == "kb:xi-jinping"
    assert dataclasses.replace(result, entities=()) == article


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["Iran", "Presiden", "di", "Budi", "al-Adl", "KPK", "Selatan", ".", ",", "-", " ", "Jakarta", "ujar"]), max_size=25).map("".join))
def test_entities_offsets_always_match_text(recognizer, text):
    for mention in recognizer.tag(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.type in ("PER", "ORG", "LOC")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Kapal perang itu berlayar di Laut China Selatan pada Selasa malam.", {("Laut China Selatan", "LOC")}),
        ("Presiden Palestina Mahmoud Abbas bertemu Menteri Luar Negeri Iran Abbas Araghchi di Doha.",
         {("Palestina", "LOC"), ("Mahmoud Abbas", "PER"), ("Iran", "LOC"), ("Abbas Araghchi", "PER"), ("Doha", "LOC")}),
        ("Penyanyi itu merilis lagu \"Bicara Cinta\" pada Januari lalu.", set()),
        ("Film \"The Lovely Bones\" diputar di Jakarta.", {("Jakarta", "LOC")}),
        ("Lagu \"Senja di Pelabuhan Ratu\" diputar di Bandung.", {("Bandung", "LOC")}),  # a place inside a title
        ("\"Kami tiba di Pelabuhan Ratu pagi ini,\" kata Sutrisno.", {("Pelabuhan Ratu", "LOC"), ("Sutrisno", "PER")}),
        ("Dalam wawancara itu Bhosle mengaku lelah.", {("Bhosle", "PER")}),
        ("Rapat digelar di kota Bandung pada Senin.", {("kota Bandung", "LOC")}),
        ("Striker itu bergabung dengan Bali United FC musim lalu.", {("Bali United FC", "ORG")}),
        ("Penerbangan Susi Air tertunda karena cuaca.", {("Susi Air", "ORG")}),
        ("Mereka tinggal di Sebelah Selatan sungai itu.", set()),
        ("Pemerintah menyatakan bahwa Senin depan sekolah libur.", set()),
        ("Siswa SMA Negeri 3 Bandung memenangi lomba.", {("SMA Negeri 3 Bandung", "LOC")}),  # a school is a place
        ("Korban ledakan dibawa ke Rumah Sakit Umum Daerah.", set()),  # a kind of hospital, not one
        ("Ia lulus Sekolah Menengah Atas dan kuliah di Fakultas Hukum.", set()),
        ("Warga RT 03 RW 05 menerima SK bupati pukul 10.00 WIB.", set()),
        ("Ia meraih juara III dalam lomba itu.", set()),
        ("Sungai itu mengalir ke Waduk Jatiluhur.", {("Waduk Jatiluhur", "LOC")}),
        ("Wright juga menulis lagu untuk album itu.", {("Wright", "PER")}),  # a town's name acting as a person
        ("Ia pindah ke Warren bersama keluarganya.", {("Warren", "LOC")}),
        ("Drumer itu bergabung dengan Nidji pada 2005.", {("Nidji", "ORG")}),
        ("Kartowiyono mempelajari silat sejak kecil.", {("Kartowiyono", "PER")}),
        ("Setelah Perang Dunia II ia bermain di final Piala FA.", set()),  # a war and a cup, no entities
        ("Ia fasih berbicara dalam Bahasa Jawa.", {("Jawa", "LOC")}),  # a language, named for a place
        ("Tim itu tersingkir di Piala Afrika dan Olimpiade London.", {("Afrika", "LOC"), ("London", "LOC")}),
        ("Perahu itu menyusuri Hawkesbury River ke utara.", {("Hawkesbury River", "LOC")}),
        ("The boat sailed up the Hawkesbury River.", {("Hawkesbury River", "LOC")}),
        ("Luas sawah itu mencapai 12 Ha.", set()),
        ("PP Muhammadiyah menolak usulan itu.", {("PP Muhammadiyah", "ORG")}),  # "PP" alone is a regulation
        ("Sekretariat ASEAN menerbitkan laporan pada Januari 2024.", {("Sekretariat ASEAN", "ORG")}),
        ("Menteri Pertanian Amran Sulaiman meninjau sawah di Klaten.",  # the office's words are no part of the name
         {("Amran Sulaiman", "PER"), ("Klaten", "LOC")}),
        ("Ia dilantik menjadi Menteri Agama pada Oktober.", set()),  # an office without its holder
        ("Menteri Keuangan Sri Mulyani menjawab pertanyaan itu.", {("Sri Mulyani", "PER")}),
        ("Bupati Lombok Timur Sukiman Azmy membuka acara itu.", {("Lombok Timur", "LOC"), ("Sukiman Azmy", "PER")}),
        ("Banjir melanda desa-desa di Lombok Timur pekan lalu.", {("Lombok Timur", "LOC")}),  # common words, a regency
        ("Ia pernah menjabat Ketua BPD selama dua periode.", {("BPD", "ORG")}),
        ("Penyidik memeriksa Saudara YW pekan lalu.", {("YW", "PER")}),  # initials after an honorific
        ("Bupati Ngada meresmikan jembatan itu.", {("Ngada", "LOC")}),  # the place a regional head heads
        ("Ia diangkat menjadi Gubernur Lampung pada 1966.", {("Lampung", "LOC")}),
        ("Lagu itu memuncaki tangga musik Korea.", {("Korea", "LOC")}),  # a region, not a state, and no person
        ("Bantuan dikirim dari Manggarai ke Kupang.", {("Manggarai", "LOC"), ("Kupang", "LOC")}),
        ("Yanti merupakan anak sulung dari tiga bersaudara.", {("Yanti", "PER")}),  # a listed name as subject
        ("Pemuda merupakan tulang punggung desa itu.", set()),  # a common word as subject is no name
        ("Acara itu disiarkan TransTV pada malam hari.", {("TransTV", "ORG")}),  # a capital inside: a brand
        ("Aktor DiCaprio tiba di Jakarta.", {("DiCaprio", "PER"), ("Jakarta", "LOC")}),
        ("Band itu dibentuk oleh Erik, Fadil, dan Ganis.",  # first names the root list has as rare words
         {("Erik", "PER"), ("Fadil", "PER"), ("Ganis", "PER")}),
        ("Foreign Minister Abbas Araghchi met President Mahmoud Abbas in Doha on Tuesday.",
         {("Abbas Araghchi", "PER"), ("Mahmoud Abbas", "PER"), ("Doha", "LOC")}),
        ("The talks were held in Islamabad, Sharif said.", {("Islamabad", "LOC"), ("Sharif", "PER")}),
        ("The film \"Road House\" was shown in London.", {("London", "LOC")}),
    ],
)
def test_entities_tag_spans_follow_annotation_conventions(recognizer, sentence, expected):
    assert tagged(recognizer, sentence) == expected


def test_entities_two_abbases_stay_apart(recognizer):
    text = "Mahmoud Abbas menyambut tamunya di Ramallah. Kemudian Abbas Araghchi tiba dari Teheran."
    ids = {m.text: m.actor.id for m in recognizer.tag(text) if m.type == "PER"}
    assert ids["Mahmoud Abbas"] != ids["Abbas Araghchi"]


def test_entities_candidates_map_mentions_to_token_ranges(recognizer):
    text = "Kata Bhosle, \"Road House\" diputar di Jakarta."
    context, candidates = recognizer.candidates(text)
    assert len(context.gaps) == len(context.words) + 1
    for candidate in candidates:
        words = context.words[candidate.start : candidate.end]
        assert " ".join(words) == candidate.mention.text.replace("  ", " ")


@pytest.mark.parametrize(
    "sentence, name, actor_id",
    [
        ("Ketua Umum PBNU menolak rencana itu.", "PBNU", "kb:nahdlatul-ulama"),
        ("Pemadaman listrik oleh PLN berlangsung tiga jam.", "PLN", "kb:pln"),
        ("Tim nasional gagal lolos ke Piala Dunia FIFA tahun ini.", "FIFA", "kb:fifa"),
        ("Laporan Majalah Tempo memicu penyelidikan baru.", "Majalah Tempo", "kb:tempo"),
    ],
)
def test_entities_groups_society_media_and_companies_are_known(recognizer, sentence, name, actor_id):
    found = {m.text: m.actor.id for m in recognizer.tag(sentence) if m.actor is not None}
    assert found.get(name) == actor_id
