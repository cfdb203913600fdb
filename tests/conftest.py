"""Fixtures that many test modules share, built once per test session: the knowledge base, the entity
recogniser with the packaged data, and the event coder's lemmatizer and function-word syntax per language.
A module that needs other arguments (its own name list, say) defines its own fixture of the same name."""

from __future__ import annotations

import pytest

from kronik.entities import EntityRecognizer
from kronik.events.lexicon import Lemmatizer, tokenize
from kronik.events.syntax import Syntax
from kronik.knowledge import KnowledgeBase


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(("id", "en"))


@pytest.fixture(scope="session")
def recognizer(kb) -> EntityRecognizer:
    return EntityRecognizer(kb, ("id", "en"))


@pytest.fixture(scope="session")
def tools():
    """Per language code: the event coder's lemmatizer and syntax."""
    return {code: (Lemmatizer(code), Syntax.load(code)) for code in ("id", "en")}


@pytest.fixture(scope="session")
def tokenized(tools):
    """tokenized(language, text) -> (the text's event tokens, that language's syntax)."""

    def tokenized(language: str, text: str):
        lemmatize, syntax = tools[language]
        return tokenize(text, 0, lemmatize), syntax

    return tokenized
