"""Tests for kronik.langid: lingua restricted to the run's languages, a default when unsure."""

import pytest

from kronik.errors import KronikError
from kronik.langid import LanguageDetector
from kronik.records import Article


@pytest.fixture(scope="module")
def detector():
    return LanguageDetector(("id", "en"), default="id")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Menteri Luar Negeri Indonesia bertemu mitranya dari Malaysia untuk membahas perbatasan kedua negara.", "id"),
        ("The foreign ministers of Indonesia and Malaysia met on Monday to discuss the border between them.", "en"),
        ("OK", "id"),
        ("", "id"),
    ],
)
def test_langid_detects_or_defaults(detector, text, expected):
    assert detector.detect(text) == expected


def test_langid_stage_assigns_language(detector):
    article = Article(id="a", raw_text="", text="The army withdrew its troops from the border region after talks.")
    assert detector(article).language == "en"


def test_langid_single_language_always_default():
    detector = LanguageDetector(("en",), default="en")
    assert detector.detect("Presiden Prabowo meresmikan bendungan baru di Jawa Tengah hari ini.") == "en"


@pytest.mark.parametrize("languages, default", [(("id", "en"), "fr"), (("id", "xx"), "id")])
def test_langid_rejects_bad_arguments(languages, default):
    with pytest.raises(KronikError):
        LanguageDetector(languages, default)
