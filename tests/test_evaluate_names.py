"""Name normalisation and matching for the evaluation (FORMAT.md, "Scoring rules")."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik.evaluate.names import NameMatcher, load_honorifics, normalise


@pytest.fixture(scope="module")
def matcher():
    return NameMatcher.for_languages(("id", "en"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Amir-Abdollahian", "amirabdollahian"),
        ("Recep Tayyip Erdoğan", "receptayyiperdogan"),
        ("  H. Anies  Baswedan, S.E. ", "haniesbaswedanse"),
        ("Jaish al-'Adl", "jaishaladl"),
        ("KPK", "kpk"),
        ("Resolusi 2334", "resolusi2334"),
        ("---", ""),
    ],
)
def test_names_normalise_table(name, expected):
    assert normalise(name) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Amir-Abdollahian", "Amirabdollahian", True),  # equal normalised forms
        ("Hossein Amir-Abdollahian", "Hossein Amirabdollahian", True),
        ("Presiden Joko Widodo", "Joko Widodo", True),  # honorific dropped, then token subset
        ("Menteri Luar Negeri Sugiono", "Sugiono", True),  # multi-word title dropped
        ("Brigjen TNI Kristomei Sianturi", "Kristomei Sianturi", True),
        ("President Joko Widodo", "Widodo", True),
        ("Jilani", "Jalil Abbas Jilani", True),  # token rule
        ("Abbas", "Mahmoud Abbas", True),
        ("Jaish al-Adl", "Jaysh al-Adl", True),  # similarity 0.9
        ("Anwar-ul-Haq Kakar", "Anwaar-ul-Haq Kakar", True),
        ("Presiden", "Presiden Prabowo Subianto", False),  # honorific only: no words, no token match
        ("Mr", "Mr Albanese", False),
        ("Iran", "Iraq", False),  # similarity 0.75
        ("Joko Widodo", "Prabowo Subianto", False),
        ("Mahmoud Abbas", "Jalil Abbas Jilani", False),  # sharing one word is not enough
        ("", "", False),  # empty names match nothing
        ("...", "Jokowi", False),
    ],
)
def test_names_match_table(matcher, a, b, expected):
    assert matcher.match(a, b) is expected
    assert matcher.match(b, a) is expected


def test_names_honorific_only_name_matches_itself_by_equality_only(matcher):
    assert matcher.content_words("Presiden") == frozenset()
    assert matcher.match("Presiden", "presiden")
    assert not matcher.match("Presiden", "Wakil Presiden")


def test_names_match_any_skips_empty_and_none(matcher):
    assert matcher.match_any(["Menlu Retno", None, ""], ["", "Retno Marsudi"])
    assert not matcher.match_any([], ["Retno Marsudi"])
    assert not matcher.match_any(["", None], ["", None])


@pytest.mark.parametrize("word", ["Presiden", "Menlu", "Jenderal", "Brigjen", "Ayatollah", "Syekh", "Pak", "Bapak",
                                  "Ibu", "Dr", "Prof", "H.", "Hj.", "President", "Minister", "Mr", "Mrs", "Gen.",
                                  "Sheikh"])
def test_names_honorifics_data_lists_common_titles(word):
    assert normalise(word) in {normalise(w) for w in load_honorifics(("id", "en"))}


def test_names_matcher_rejects_bad_threshold():
    with pytest.raises(ValueError):
        NameMatcher([], threshold=0)


names = st.text(alphabet=st.sampled_from("abcdeé -'.Ü"), max_size=15)


@given(names, names)
def test_names_match_is_symmetric(a, b):
    matcher = NameMatcher(["Pak", "Presiden"])
    assert matcher.match(a, b) == matcher.match(b, a)


@given(names)
def test_names_normalise_is_idempotent_and_matches_itself_when_not_empty(name):
    matcher = NameMatcher(["Pak"])
    assert normalise(normalise(name)) == normalise(name)
    assert matcher.match(name, name) == bool(normalise(name))
