"""A description right after a name says what it names (kronik.ner.described): a group, a place, a person."""

import pytest

from kronik.gazetteer import fold
from kronik.ner.cues import CueBook, Token
from kronik.ner.described import described_type
from mentions import tagged


@pytest.fixture(scope="module")
def cues():
    return CueBook(("id", "en"))


def _after_name(words):
    """The text and tokens of 'Nama' followed by `words`, one space apart."""
    text = " ".join(["Nama", *words])
    tokens, position = [], 0
    for word in text.split(" "):
        tokens.append(Token(position, position + len(word), word, fold(word)))
        position += len(word) + 1
    return text, tokens


@pytest.mark.parametrize(
    "words, expected",
    [
        (["adalah", "sebuah", "band"], "ORG"),
        (["adalah", "grup", "musik"], "ORG"),
        (["is", "an", "American", "rock", "band"], "ORG"),
        (["adalah", "desa", "di", "Kecamatan", "Sukoharjo"], "LOC"),
        (["merupakan", "sebuah", "pulau", "kecil"], "LOC"),
        (["adalah", "nama", "sebuah", "gunung", "di", "Aceh"], "LOC"),
        (["is", "a", "village", "in", "Java"], "LOC"),
        (["adalah", "penyanyi", "asal", "Medan"], "PER"),
        (["(", "lahir", "1950", ")", "adalah", "penulis"], "PER"),
        (["is", "an", "American", "singer"], "PER"),
        (["adalah", "seorang", "penyanyi", "band"], None),  # "seorang" is left to the person's introduction
        (["menulis", "sebuah", "band"], None),
        (["Adalah", "band"], None),
        (["adalah", "sebagai", "penyanyi"], None),  # "sebagai" names a role before a name, no occupation
    ],
)
def test_ner_described_type(cues, words, expected):
    text, tokens = _after_name(words)
    assert described_type(cues, text, tokens, 1) == expected


@pytest.mark.parametrize(
    "sentence, entity",
    [
        ("Sukawening adalah desa di Kecamatan Ciwidey yang terkenal dengan kebun tehnya.", ("Sukawening", "LOC")),
        ("Rantau Panjang merupakan sebuah kelurahan di tepi sungai.", ("Rantau Panjang", "LOC")),
        ("Wardiman ( ) adalah pelatih sepak bola yang lama menangani tim junior.", ("Wardiman", "PER")),
        ("Kinanti Larasati adalah penyanyi yang memulai kariernya di Surabaya.", ("Kinanti Larasati", "PER")),
    ],
)
def test_ner_described_a_described_name_takes_the_type(recognizer, sentence, entity):
    assert entity in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, entity",
    [
        ("Di lereng itu ada sebuah desa kecil bernama Wonokerto yang sejuk.", ("Wonokerto", "LOC")),
        ("Mereka lalu membentuk band baru bernama Senandika.", ("Senandika", "ORG")),
        ("Kampus itu dibuka pada 1958 dengan nama Akademi Niaga Janapriya.", ("Akademi Niaga Janapriya", "ORG")),
    ],
)
def test_ner_described_a_name_given_to_a_place_or_a_group(recognizer, sentence, entity):
    assert entity in tagged(recognizer, sentence)
