"""Unit tests of kronik.events.protest: whose a generic body is, and who a protest is aimed at."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik.events.lexicon import tokenize
from kronik.events.protest import is_generic_body, placed_bodies, protest_roles
from kronik.events.roles import actor_groups, assign_roles
from kronik.events.coder import LanguageRules
from kronik.records import Actor, EntityMention

INDONESIA = Actor("IDN", "Indonesia", "state", "IDN")
ISRAEL = Actor("ISR", "Israel", "state", "ISR")


@pytest.fixture(scope="module")
def rules() -> dict[str, LanguageRules]:
    return {code: LanguageRules(code) for code in ("id", "en")}


@pytest.mark.parametrize(
    "actor, generic",
    [
        (Actor("new:body-police", "Polisi", "organization", None, "COP"), True),
        (Actor("new:body-workers", "buruh", "organization", None, "CVL"), True),
        (Actor("kb:asean", "ASEAN", "organization", None, "IGO"), False),  # an international body is of no place
        (Actor("new:body-police", "Polisi", "organization", "MYS", "COP"), False),  # it has a country already
        (Actor("new:ktt", "KTT", "organization", None, None), False),  # no sector: nobody's body
        (INDONESIA, False),
    ],
)
def test_events_protest_generic_body(actor, generic):
    assert is_generic_body(actor) is generic


def test_events_protest_placed_bodies_take_the_place_country():
    police = Actor("new:body-police", "Polisi", "organization", None, "COP")
    assert placed_bodies((police, ISRAEL), INDONESIA) == (
        Actor("new:body-police", "Polisi", "organization", "IDN", "COP"),
        ISRAEL,
    )
    assert placed_bodies((police,), None) == (police,)


_actors = st.builds(
    Actor,
    id=st.sampled_from(["IDN", "new:body-x", "kb:asean", "new:y"]),
    name=st.text(min_size=1, max_size=5),
    kind=st.sampled_from(["state", "organization", "person", "group"]),
    country=st.sampled_from([None, "IDN", "ISR"]),
    sector=st.sampled_from([None, "COP", "CVL", "IGO", "GOV"]),
)


@given(st.lists(_actors, max_size=4), st.sampled_from([None, INDONESIA, ISRAEL]))
def test_events_protest_placing_keeps_every_actor_and_every_known_country(actors, place):
    placed = placed_bodies(tuple(actors), place)
    assert len(placed) == len(actors)
    for before, after in zip(actors, placed):
        assert after.id == before.id and after.sector == before.sector
        if before.country is not None:
            assert after.country == before.country


def _entities(text: str, spans: list[tuple[str, Actor]]) -> list[EntityMention]:
    found = []
    for surface, actor in spans:
        start = text.index(surface)
        found.append(EntityMention(start, start + len(surface), surface, "ORG", actor))
    return found


@pytest.mark.parametrize(
    "language, text, spans, target",
    [
        (  # the embassy the rally stands at, not the victim named in its object
            "id",
            "Ratusan mahasiswa berdemo di depan Kedutaan Besar Israel di Jakarta menolak serangan ke Rafah.",
            [("mahasiswa", Actor("new:body-students", "mahasiswa", "organization", None, "CVL")),
             ("Kedutaan Besar Israel", Actor("ISR", "Israel", "state", "ISR", "GOV")),
             ("Jakarta", INDONESIA), ("Rafah", Actor("PSE", "Palestina", "state", "PSE"))],
            "ISR",
        ),
        (  # "the government" before any other actor: the state of the place
            "en",
            "Thousands of farmers rallied in Jakarta against the government plan to import rice from Thailand.",
            [("farmers", Actor("new:body-farmers", "farmers", "organization", None, "CVL")),
             ("Jakarta", INDONESIA), ("Thailand", Actor("THA", "Thailand", "state", "THA"))],
            "IDN",
        ),
    ],
)
def test_events_protest_target(rules, language, text, spans, target):
    rule = rules[language]
    tokens = tokenize(text, 0, rule.lemmatize)
    groups = actor_groups(tokens, _entities(text, spans), rule.syntax)
    match = next(m for m in rule.lexicon.find(tokens) if m.pattern.category == "PROTEST")
    roles = protest_roles(assign_roles(match, tokens, groups, rule.syntax, None), match, tokens, groups, rule.syntax)
    assert [a.country for a in roles.recipients] == [target]
    assert all(a.country == "IDN" and a.sector == "CVL" for a in roles.actors)

