"""The domestic setting stage: actors without a country placed in the state a story takes place in."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik.config import Config
from kronik.errors import KronikError
from kronik.records import Actor, Article, EntityMention
from kronik.setting import MIN_PLACED, DomesticSetting, domestic_state, place_actor

KPK = Actor("kb:kpk", "Komisi Pemberantasan Korupsi", "organization", "IDN", "JUD")
INDONESIA = Actor("IDN", "Indonesia", "state", "IDN")
ISRAEL = Actor("ISR", "Israel", "state", "ISR")
LEBANON = Actor("LBN", "Lebanon", "state", "LBN")
SUSPECT = Actor("new:rudi-hartono", "Rudi Hartono", "person")
LAWYER_FIRM = Actor("new:kantor-hukum-sinar", "Kantor Hukum Sinar", "organization")
PROSECUTORS = Actor("new:kejaksaan-negeri-garut", "Kejaksaan Negeri Garut", "organization", None, "JUD")
UNHCR = Actor("kb:unhcr", "UNHCR", "organization", None, "IGO")
REBELS = Actor("new:front-merdeka", "Front Merdeka", "group")


def mention(actor, at=0):
    return EntityMention(at, at + len(actor.name), actor.name, "PER" if actor.kind == "person" else "ORG", actor)


def article(*actors):
    return Article(id="t", raw_text="", entities=tuple(mention(a, i * 100) for i, a in enumerate(actors)))


@pytest.mark.parametrize(
    "actors, expected",
    [
        ([KPK] * 4 + [INDONESIA] * 2, "IDN"),  # every placed mention is Indonesian
        ([KPK] * 8 + [ISRAEL] * 2, "IDN"),  # 0.8 of them
        ([ISRAEL] * 5 + [LEBANON] * 4, None),  # an international story
        ([KPK] * (MIN_PLACED - 1), None),  # too few to tell
        ([SUSPECT] * 10, None),  # nothing placed at all
    ],
)
def test_setting_domestic_state(actors, expected):
    assert domestic_state(article(*actors).entities, 0.8) == expected


@pytest.mark.parametrize(
    "actor, country, sector",
    [
        (SUSPECT, "IDN", "CVL"),  # a person given no office is a private person
        (PROSECUTORS, "IDN", "JUD"),  # a body keeps the sector its name gave it
        (LAWYER_FIRM, "IDN", None),  # a body with no sector gets none
        (UNHCR, None, "IGO"),  # international bodies are not placed in a state
        (REBELS, None, None),  # nor are armed groups
        (ISRAEL, "ISR", None),  # an actor with a country keeps it
    ],
)
def test_setting_place_actor(actor, country, sector):
    placed = place_actor(actor, "IDN")
    assert (placed.country, placed.sector) == (country, sector)
    assert placed.id == actor.id and placed.name == actor.name


def test_setting_stage_places_unknown_people_in_a_domestic_story():
    result = DomesticSetting(0.8)(article(KPK, KPK, INDONESIA, KPK, KPK, SUSPECT, PROSECUTORS, UNHCR))
    by_id = {m.actor.id: m.actor for m in result.entities}
    assert by_id[SUSPECT.id].country == "IDN"
    assert by_id[PROSECUTORS.id].country == "IDN"
    assert by_id[UNHCR.id].country is None


def test_setting_stage_leaves_international_stories_alone():
    story = article(ISRAEL, ISRAEL, ISRAEL, LEBANON, LEBANON, SUSPECT)
    assert DomesticSetting(0.8)(story) == story


@pytest.mark.parametrize("share", [0.0, 0.5, 1.2])
def test_setting_share_is_validated_by_config(share):
    with pytest.raises(KronikError) as error:
        Config(domestic_share=share)
    assert error.value.code == "E016"


ACTORS = st.sampled_from([KPK, INDONESIA, ISRAEL, LEBANON, SUSPECT, LAWYER_FIRM, PROSECUTORS, UNHCR, REBELS])


@given(st.lists(ACTORS, max_size=20))
def test_setting_only_fills_missing_countries_and_is_idempotent(actors):
    stage = DomesticSetting(0.8)
    once = stage(article(*actors))
    assert stage(once) == once
    for before, after in zip(article(*actors).entities, once.entities):
        if before.actor.country:
            assert after == before
        else:
            assert dataclasses.replace(after.actor, country=None, sector=before.actor.sector) == before.actor


def test_setting_in_the_pipeline_places_a_suspect_of_a_domestic_story():
    from kronik import api
    from kronik.records import RawArticle

    text = (
        "Jakarta - Komisi Pemberantasan Korupsi (KPK) menahan Bambang Sulistyo dalam perkara suap proyek jalan "
        "di Kabupaten Garut. Juru bicara KPK mengatakan Bambang Sulistyo ditahan selama 20 hari. "
        "Kejaksaan Agung dan Polri mendukung langkah KPK, sementara DPR meminta KPK menuntaskan perkara itu."
    )
    processed = api.process([RawArticle(id="garut", text=text, published="2025-03-04")], Config(show_progress=False))
    suspect = [m.actor for m in processed.articles[0].entities if m.text == "Bambang Sulistyo"]
    assert suspect and all(a.country == "IDN" and a.sector == "CVL" for a in suspect)
