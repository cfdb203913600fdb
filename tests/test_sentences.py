"""Tests for kronik.sentences: offsets that point into the text, abbreviations, numbers, quotes."""

from hypothesis import given
from hypothesis import strategies as st

import pytest

from kronik.records import Article
from kronik.sentences import SentenceSplitter


@pytest.fixture(scope="module")
def splitter():
    return SentenceSplitter(("id", "en"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prof. Dr. Budi tiba di Jl. Merdeka No. 5 pukul 08.00 WIB. Dia disambut warga.",
         ["Prof. Dr. Budi tiba di Jl. Merdeka No. 5 pukul 08.00 WIB.", "Dia disambut warga."]),
        ("Jumlahnya 1.500 orang, naik 3,5 persen. Data itu dirilis 19.1.2024 lalu.",
         ["Jumlahnya 1.500 orang, naik 3,5 persen.", "Data itu dirilis 19.1.2024 lalu."]),
        ("Polisi memeriksa Andi dkk. pada Rabu (18/6/2025). Mereka dibebaskan.",
         ["Polisi memeriksa Andi dkk. pada Rabu (18/6/2025).", "Mereka dibebaskan."]),
        ('Dia berkata, "Kami siap." Menlu lalu pergi.', ['Dia berkata, "Kami siap."', "Menlu lalu pergi."]),
        ("Juru bicara menyatakan “Kami menolak.” Rapat pun bubar.",
         ["Juru bicara menyatakan “Kami menolak.”", "Rapat pun bubar."]),
        ('"Kami menolak," kata Menlu. "Itu tidak adil."', ['"Kami menolak," kata Menlu.', '"Itu tidak adil."']),
        ("Brigjen. Pol. A. Rahman dan Kol. Iwan hadir. Acara usai.",
         ["Brigjen. Pol. A. Rahman dan Kol. Iwan hadir.", "Acara usai."]),
        ("Delegasi A.S. hadir. Mr. Smith met officials in the U.S. capital.",
         ["Delegasi A.S. hadir.", "Mr. Smith met officials in the U.S. capital."]),
        ("Dia menunggu... Lalu dia pergi! Kenapa? Tidak jelas.",
         ["Dia menunggu...", "Lalu dia pergi!", "Kenapa?", "Tidak jelas."]),
        ("Rapat (dipimpin H. Ahmad. Ini catatan) berlangsung lama. Hasilnya nihil.",
         ["Rapat (dipimpin H. Ahmad. Ini catatan) berlangsung lama.", "Hasilnya nihil."]),
        ("Judul tanpa titik\nParagraf kedua dimulai. Lalu kalimat lain.",
         ["Judul tanpa titik", "Paragraf kedua dimulai.", "Lalu kalimat lain."]),
        ("Harga naik menjadi Rp 1.250.000 per ton. Pedagang mengeluh.",
         ["Harga naik menjadi Rp 1.250.000 per ton.", "Pedagang mengeluh."]),
    ],
)
def test_sentences_split_cases(splitter, text, expected):
    assert [s.text for s in splitter.split(text)] == expected


def test_sentences_stage_assigns_indexed_sentences(splitter):
    article = Article(id="a", raw_text="", text="Satu kalimat. Dua kalimat.\n\nTiga.", language="id")
    sentences = splitter(article).sentences
    assert [s.index for s in sentences] == [0, 1, 2]
    assert all(article.text[s.start : s.end] == s.text for s in sentences)


TEXT = st.text(alphabet=st.sampled_from(list("ab AB.!?\n\"”()1,")), max_size=200)


@given(TEXT)
def test_sentences_offsets_point_into_text(text):
    splitter = SentenceSplitter(("id", "en"))
    sentences = splitter.split(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert "\n" not in sentence.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    assert "".join(text.split()) == "".join("".join(s.text for s in sentences).split())
