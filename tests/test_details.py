"""Stage "details": event locations (with coordinates), fatalities, and the PLOVER score of every event."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik import api
from kronik.events.details import deadly, target_territory
from kronik.events.fatalities import FatalityReader, NumberWords, words_of
from kronik.events.plover import Plover
from kronik.lang import load_entries
from kronik.records import Actor, EventMention, RawArticle

IRAN = Actor("IRN", "Iran", "state", "IRN")
ISRAEL = Actor("ISR", "Israel", "state", "ISR")
HAMAS = Actor("kb:hamas", "Hamas", "group")
CIVILIANS = Actor("new:warga", "warga Palestina", "person", "PSE", "CVL")


def event(category: str, recipients=(), mode=None) -> EventMention:
    return EventMention("e1", category, mode, (ISRAEL,), tuple(recipients), 0, 0, 10, "…")


# --- fatalities --------------------------------------------------------------------------------------------------

FATALITY_CASES = [
    ("id", "Penyergapan di Intan Jaya itu menewaskan sedikitnya 11 petugas.", 11),
    ("id", "Sebanyak 30 orang tewas akibat tembakan di dekat pusat bantuan.", 30),
    ("id", "Dua orang meninggal dunia dalam bentrokan antarwarga itu.", 2),
    ("id", "Dua puluh lima warga tewas dalam serangan udara semalam.", 25),
    ("id", "Jumlah korban tewas akibat pengeboman itu mencapai 1.200 orang.", 1200),
    ("id", "Sebelas orang terluka dan dua orang tewas dalam kerusuhan itu.", 2),
    ("id", "Ledakan itu merusak gedung, namun tidak ada korban jiwa.", 0),
    ("id", "Sebanyak 11 orang terluka dalam bentrokan di Wamena.", None),
    ("id", "Puluhan orang tewas dalam serangan udara di Rafah.", None),
    ("id", "Belasan orang tewas dalam kerusuhan itu.", None),
    ("id", "Polisi menangkap 5 orang yang diduga terlibat penyerangan.", None),
    ("id", "Pada 2024 serangan itu menewaskan warga sipil.", None),
    ("en", "The air strike on the camp killed 12 people.", 12),
    ("en", "Gunmen opened fire on a bus, killing at least 5 passengers.", 5),
    ("en", "Twenty-five civilians died in the shelling of the town.", 25),
    ("en", "The death toll rose to 1,200 on Friday.", 1200),
    ("en", "A police officer was killed in the attack.", 1),
    ("en", "The blast damaged the building, but no one was killed.", 0),
    ("en", "Eleven people were injured in the clashes.", None),
    ("en", "Dozens of people were killed in overnight strikes.", None),
]


@pytest.fixture(scope="module")
def readers() -> dict[str, FatalityReader]:
    return {code: FatalityReader(code) for code in ("id", "en")}


@pytest.mark.parametrize(("language", "sentence", "expected"), FATALITY_CASES)
def test_details_fatalities_read_from_sentence(readers, language, sentence, expected):
    assert readers[language].read(sentence) == expected


def test_details_fatalities_numbers_in_dates_are_no_counts(readers):
    dated = "Serangan itu menewaskan 11 Juni lalu sejumlah warga."
    span = (dated.index("11"), dated.index("11") + len("11 Juni"))
    assert readers["id"].read(dated, 0, [span]) is None
    assert readers["id"].read(dated) == 11  # without the date span, the number would be read as a count


@pytest.mark.parametrize(
    ("language", "words", "value"),
    [("id", "dua belas", 12), ("id", "seratus dua puluh", 120), ("id", "tiga ratus", 300), ("id", "lima ribu", 5000),
     ("en", "three hundred twenty", 320), ("en", "twenty-five", 25), ("en", "two thousand five hundred", 2500)],
)
def test_details_number_words_have_values(language, words, value):
    numbers = NumberWords(language)
    count = numbers.count_at(words_of(words), 0)
    assert count is not None and count.value == value


@given(st.integers(0, 10**6))
def test_details_fatalities_digits_round_trip(number):
    assert FatalityReader("en").read(f"The attack killed {number} people.") == number


@pytest.mark.parametrize(
    ("category", "mode", "counted"),
    [("ASSAULT", None, True), ("ASSAULT", "aerial", True), ("PROTEST", "riot", True), ("PROTEST", "demo", False),
     ("ACCUSE", None, False), ("COERCE", "arrest", False)],
)
def test_details_deadly_categories(category, mode, counted):
    assert deadly(event(category, mode=mode)) is counted


# --- target territory ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("category", "recipients", "expected"),
    [("ASSAULT", (IRAN,), "IRN"), ("COERCE", (CIVILIANS,), "PSE"), ("ASSAULT", (HAMAS,), None),
     ("ACCUSE", (IRAN,), None), ("ASSAULT", (), None)],
)
def test_details_target_territory(category, recipients, expected):
    assert target_territory(event(category, recipients)) == expected


# --- the stage on text ------------------------------------------------------------------------------------------------

LOCATION_CASES = {
    "khan-younis": ("Militer Israel menyerang sebuah rumah di Khan Younis pada Rabu dan menewaskan sedikitnya 11 orang.",
                    "ASSAULT", "PSE", True, 11),
    "balochistan": ("Iran melancarkan serangan drone ke dua pangkalan Jaish al-Adl di provinsi Balochistan, Pakistan.",
                    "ASSAULT", "PAK", False, None),
    "kuningan": ("Polisi menangkap dua tersangka pembakaran kantor desa di Kabupaten Kuningan, Jawa Barat.",
                 "COERCE", "IDN", True, None),
    "geneva": ("Menteri Luar Negeri Iran Abbas Araghchi bertemu dengan Menlu Inggris David Lammy di Jenewa, Swiss.",
               "CONSULT", "CHE", True, None),
    "target": ("Israel melancarkan serangan udara terhadap Iran pada Jumat dini hari.", "ASSAULT", "IRN", False, None),
    "quetta": ("Gunmen loyal to the Baloch Liberation Army attacked a police station in Quetta, killing at least 5 officers.",
               "ASSAULT", "PAK", True, 5),
}


@pytest.fixture(scope="module")
def processed():
    raws = [RawArticle(id=key, text=text, published="2025-06-20") for key, (text, *_rest) in LOCATION_CASES.items()]
    return {a.id: a for a in api.process(raws).articles}


@pytest.mark.parametrize("key", sorted(LOCATION_CASES))
def test_details_location_and_fatalities_of_events(processed, key):
    _text, category, country, has_coordinates, fatalities = LOCATION_CASES[key]
    events = [e for e in processed[key].events if e.category == category]
    assert events, f"no {category} event coded in {key!r}"
    location = events[0].location
    assert location is not None and location.country == country
    assert (location.lat is not None and location.lon is not None) is has_coordinates
    assert events[0].fatalities == fatalities


def test_details_stage_is_registered_after_events(processed):
    stages = processed["target"].stages
    assert stages.index("details") == stages.index("events") + 1


# --- PLOVER scores -----------------------------------------------------------------------------------------------------

CATEGORY_SCORES = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10, "RETREAT": 6.5,
    "REQUEST": 0, "ACCUSE": -3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5, "SANCTION": -6, "MOBILIZE": -5.5,
    "COERCE": -7, "ASSAULT": -9,
}


@pytest.mark.parametrize(("category", "score"), sorted(CATEGORY_SCORES.items()))
def test_details_plover_category_score(category, score):
    assert Plover.load().score(category, None) == score


def test_details_plover_has_all_sixteen_categories():
    assert set(Plover.load().categories) == set(CATEGORY_SCORES)


@pytest.mark.parametrize(
    ("category", "mode", "score"),
    [("CONSULT", "phone", 1.5), ("ACCUSE", "investigate", -3.5), ("ASSAULT", "drone", -9.5), ("SANCTION", "convict", -6),
     ("RETREAT", "release", 6.5), ("ASSAULT", "no-such-mode", -9)],
)
def test_details_plover_mode_score_wins(category, mode, score):
    assert Plover.load().score(category, mode) == score


def test_details_every_coded_event_has_its_plover_score(processed):
    plover = Plover.load()
    events = [e for a in processed.values() for e in a.events]
    assert events
    assert all(e.score == plover.score(e.category, e.mode) for e in events)


# --- data ----------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("name", ["places", "numbers", "fatalities"])
def test_details_language_data_has_kinds_and_words(language, name):
    entries = load_entries(language, name)
    assert entries
    assert all(e.get("kind") and e.get("words") for e in entries)
