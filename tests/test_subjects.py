"""Who did it where one phrase's roles do not say (kronik.events.subjects): the words that show an event noun is
not a verb's subject, the group right after a word, the group a sentence is about."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik.events.roles import NOUN_ACTOR_REACH, Group, group_after
from kronik.events.subjects import breaks_subject, leading_group
from kronik.records import Actor


def _group(first: int, last: int, name: str) -> Group:
    return Group(first, last, (Actor(id=name, name=name, kind="state"),))


@pytest.mark.parametrize(
    ("language", "text", "word", "breaks"),
    [
        ("id", "serangan drone yang menghantam pelabuhan", "yang", False),
        ("id", "serangan drone yang menghantam pelabuhan", "drone", False),
        ("id", "serangan itu , lalu pasukan menembak", ",", True),
        ("id", "serangan terhadap kapal itu menewaskan dua orang", "terhadap", True),
        ("en", "the strike that hit the port", "that", False),
        ("en", "the strike on the port killed two", "on", True),
    ],
)
def test_subjects_words_that_break_a_noun_subject(tokenized, language, text, word, breaks):
    tokens, syntax = tokenized(language, text)
    token = next(t for t in tokens if t.lower == word)
    assert breaks_subject(token, syntax) is breaks


@pytest.mark.parametrize(("gap", "found"), [(0, True), (NOUN_ACTOR_REACH, True), (NOUN_ACTOR_REACH + 1, False)])
def test_subjects_group_after_reaches_only_so_far(gap, found):
    group = _group(5 + 1 + gap, 6 + 1 + gap, "ISR")
    assert (group_after(5, [group]) is group) is found


@given(index=st.integers(0, 30), firsts=st.lists(st.integers(0, 40), max_size=5))
def test_subjects_group_after_is_after_the_word(index, firsts):
    groups = [_group(f, f, f"G{f}") for f in firsts]
    found = group_after(index, groups)
    assert found is None or index < found.first <= index + 1 + NOUN_ACTOR_REACH


@pytest.mark.parametrize(
    ("language", "text", "skipped"),
    [
        # a group after a preposition or a speech verb is not who the sentence is about
        ("id", "Kepada Iran , Israel mengirim pesan", 1),
        ("id", "Iran mengirim pesan kepada Israel", 0),
        ("en", "To Iran , Israel sent a message", 1),
    ],
)
def test_subjects_leading_group_skips_prepositions(tokenized, language, text, skipped):
    tokens, syntax = tokenized(language, text)
    names = ("Iran", "Israel")
    groups = [_group(t.index, t.index, t.text) for t in tokens if t.text in names]
    assert leading_group(tokens, groups, syntax) is groups[skipped]
