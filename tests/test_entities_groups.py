"""Civilian groups named by a common noun ("buruh", "nelayan", "junior doctors"): civilian (CVL) bodies, given a
state by a demonym or a state right next to them or by a place after a link word ("di", "asal", "in"), else
left without a country for the setting stage."""

import datetime as dt

import pytest

from kronik.records import Article, Sentence


def bodies(recognizer, text, language):
    article = Article(id="a", raw_text=text, text=text, language=language,
                      sentences=(Sentence(0, 0, len(text), text),), published=dt.date(2025, 6, 2))
    return {m.text: m for m in recognizer(article).entities if m.rule.startswith("generic:")}


@pytest.mark.parametrize(
    "sentence, language, span, country",
    [
        ("Buruh pabrik tekstil mogok kerja menuntut kenaikan upah.", "id", "Buruh pabrik", None),
        ("Ratusan nelayan memblokade pelabuhan perikanan sejak pagi.", "id", "nelayan", None),
        ("Petani sawit memprotes anjloknya harga tandan buah segar.", "id", "Petani sawit", None),
        ("Para pengemudi ojek daring berunjuk rasa di depan kantor aplikator.", "id", "pengemudi ojek daring", None),
        ("Guru honorer mendatangi kantor bupati menuntut pengangkatan.", "id", "Guru honorer", None),
        ("Ribuan warga Iran turun ke jalan memprotes kenaikan harga bensin.", "id", "warga Iran", "IRN"),
        ("Mahasiswa Indonesia di Kairo menggelar doa bersama.", "id", "Mahasiswa Indonesia", "IDN"),
        ("Para dokter di Korea Selatan melanjutkan aksi mogok.", "id", "Para dokter", "KOR"),
        ("Ratusan nelayan asal Bengkalis memblokade alur pelayaran.", "id", "nelayan", "IDN"),
        ("Warga Jakarta mengeluhkan banjir yang tak kunjung surut.", "id", "Warga", "IDN"),
        ("Factory workers walked out over unpaid wages.", "en", "Factory workers", None),
        ("Georgian students rallied outside parliament.", "en", "Georgian students", "GEO"),
        ("Workers in Chile marched on the presidential palace.", "en", "Workers", "CHL"),
        ("Junior doctors in South Korea extended their strike.", "en", "Junior doctors", "KOR"),
        ("Taxi drivers from Jakarta blocked the airport road.", "en", "Taxi drivers", "IDN"),
    ],
)
def test_entities_groups_are_civilian_bodies_with_the_state_next_to_them(recognizer, sentence, language, span, country):
    found = bodies(recognizer, sentence, language)
    assert span in found, sorted(found)
    assert found[span].actor.sector == "CVL" and found[span].actor.country == country
    if country is None:
        assert found[span].actor.kind == "organization"  # the setting stage places it
    else:
        assert found[span].actor.id == country  # the state's actor with the group's sector, as "militer Israel"


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("Guru besar hukum tata negara itu menilai putusan tersebut keliru.", "id"),
        ("Serikat pekerja menolak rancangan aturan itu.", "id"),
        ("Pemerintah menaikkan upah buruh sebesar enam persen.", "id"),
        ("The union defended workers' rights in court.", "en"),
        ("Warga mengungsi ke masjid terdekat.", "id"),  # "warga" alone is too common to be a group
        ("Kedua menteri membahas cara mencegah penangkapan nelayan di perbatasan.", "id"),  # a noun in -an before it
        ("Persoalan buruh migran dibahas dalam pertemuan itu.", "id"),
    ],
)
def test_entities_groups_words_that_only_qualify_a_noun_or_stand_alone_name_no_group(recognizer, sentence, language):
    assert not any(m.rule.startswith("generic:body") for m in bodies(recognizer, sentence, language).values())


@pytest.mark.parametrize(
    "sentence, language, span",
    [
        ("Mahasiswa di Universitas Gadjah Mada menggelar diskusi.", "id", "Mahasiswa"),
        ("Pedagang di Jalan Sudirman menutup kios mereka.", "id", "Pedagang"),
        ("Students at Harvard University protested the decision.", "en", "Students"),
    ],
)
def test_entities_groups_a_name_that_is_no_place_gives_no_state(recognizer, sentence, language, span):
    found = bodies(recognizer, sentence, language)
    assert span in found and found[span].actor.country is None


def test_entities_groups_a_later_bare_group_takes_the_state_of_the_same_group_named_before(recognizer):
    text = "Malaysia detained eight Indonesian fishermen near Melaka. Officials said the fishermen were in good health."
    article = Article(id="a", raw_text=text, text=text, language="en", published=dt.date(2025, 3, 12),
                      sentences=(Sentence(0, 0, 57, text[:57]), Sentence(1, 58, len(text), text[58:])))
    groups = [m for m in recognizer(article).entities if m.rule == "generic:body-fishers"]
    assert [m.text for m in groups] == ["Indonesian fishermen", "fishermen"]
    assert all(m.actor.country == "IDN" and m.actor.sector == "CVL" for m in groups)
