"""Article profiles for story linking: noise actors weigh little or nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik.corpus.profiles import ActorWeights, build_profile, joined_states, weighted_jaccard
from kronik.records import Actor, Article, EntityMention

IRAN = Actor("IRN", "Iran", "state", "IRN", aliases=("Teheran",))
PAKISTAN = Actor("PAK", "Pakistan", "state", "PAK", aliases=("Islamabad",))
MINISTER = Actor("kb:hossein-amir-abdollahian", "Hossein Amir-Abdollahian", "person", "IRN", "GOV")
WEIGHTS = ActorWeights()


def mention(actor: Actor, text: str | None = None, rule: str = "name:sequence", at: int = 0) -> EntityMention:
    text = text or actor.name
    kind = "LOC" if actor.kind == "state" else "PER" if actor.kind == "person" else "ORG"
    return EntityMention(at, at + len(text), text, kind, actor, rule)


def profile(*mentions: EntityMention):
    return build_profile(Article(id="a", raw_text="", entities=tuple(mentions)), WEIGHTS)


@pytest.mark.parametrize(("name", "expected"), [
    ("Iran-Pakistan", ["IRN", "PAK"]),
    ("Teheran-Islamabad", ["IRN", "PAK"]),
    ("Iran - Pakistan", ["IRN", "PAK"]),
    ("Iran-Kurdistan", ["new:x"]),  # a part that names no state of the article: left as it is
    ("Amir-Abdollahian", ["new:x"]),
])
def test_profiles_hyphen_joined_states_are_those_states(name, expected):
    states = {"iran": IRAN, "pakistan": PAKISTAN, "teheran": IRAN, "islamabad": PAKISTAN}
    assert [a.id for a in joined_states(Actor("new:x", name, "organization"), states)] == expected


def test_profiles_a_joined_name_counts_for_its_states_not_as_an_actor():
    found = profile(mention(IRAN), mention(PAKISTAN), mention(Actor("new:iran-pakistan", "Iran-Pakistan", "organization")))
    assert set(found.actors) == {"IRN", "PAK"}


def test_profiles_generic_bodies_are_left_out():
    police = Actor("new:generic-police", "polisi", "organization", None, "COP")
    assert "new:generic-police" not in profile(mention(police, rule="generic:generic-police"), mention(MINISTER)).actors


@pytest.mark.parametrize(("actor", "times", "expected"), [
    (Actor("new:serukan-upaya-bersama", "Serukan Upaya Bersama", "organization"), 1, WEIGHTS.other * WEIGHTS.unconfirmed),
    (Actor("new:serukan-upaya-bersama", "Serukan Upaya Bersama", "organization"), 2, WEIGHTS.other),
    (MINISTER, 1, WEIGHTS.other),  # the KB knows it
    (Actor("kb:reuters", "Reuters", "organization", "GBR", "MED"), 1, WEIGHTS.state),  # news media weigh as states
    (IRAN, 1, WEIGHTS.state),
])
def test_profiles_weights(actor, times, expected):
    found = profile(*(mention(actor, at=i * 50) for i in range(times)))
    assert found.actors[actor.id] == pytest.approx(expected)


weights = st.dictionaries(st.sampled_from("abcdef"), st.floats(0.0, 2.0), max_size=6)


@given(weights, weights)
def test_profiles_weighted_jaccard_is_symmetric_and_bounded(left, right):
    assert weighted_jaccard(left, right) == weighted_jaccard(right, left)
    assert 0.0 <= weighted_jaccard(left, right) <= 1.0
