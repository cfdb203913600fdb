from hypothesis import given
from hypothesis import strategies as st

from kronik.gazetteer import common_words, fold, load_data_entries, name_key, places, slug, state_names


def test_gazetteer_state_names_cover_pycountry_babel_and_supplement():
    names = state_names(("id", "en"))
    sources = {n.source.split(":")[0] for n in names}
    assert {"pycountry", "babel", "supplement"} <= sources
    assert any(n.state == "PRK" and n.name == "Korut" for n in names)


def test_gazetteer_places_include_cities_and_indonesian_regions():
    found = places(common_words(("id",)))
    by_name = {(p.name, p.country) for p in found}
    assert ("Surabaya", "IDN") in by_name and ("Karachi", "PAK") in by_name
    assert any(p.kind == "region" and p.country == "IDN" for p in found)


def test_gazetteer_supplement_entries_name_states_and_examples():
    for entry in load_data_entries("state_names_supplement"):
        assert len(entry["state"]) == 3 and entry["example"].strip()


@given(st.text())
def test_gazetteer_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), max_size=40))
def test_gazetteer_name_key_ignores_case_and_accents(text):
    assert name_key(text.upper()) == name_key(text.lower()) or not text.isascii()


def test_gazetteer_slug_is_stable():
    assert slug("Hossein Amir-Abdollahian") == "hossein-amir-abdollahian"
