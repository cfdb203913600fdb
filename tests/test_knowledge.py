import datetime as dt

import pytest

from kronik.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load(("id", "en"))


@pytest.mark.parametrize(
    "name, code",
    [("Iran", "IRN"), ("AS", "USA"), ("Amerika Serikat", "USA"), ("Korut", "PRK"), ("Korsel", "KOR"),
     ("Tiongkok", "CHN"), ("RI", "IDN"), ("Palestina", "PSE"), ("Gedung Putih", "USA"), ("Kremlin", "RUS"),
     ("Teheran", "IRN"), ("Islamabad", "PAK"), ("Inggris", "GBR"), ("Rusia", "RUS"), ("Jerman", "DEU")],
)
def test_knowledge_find_state_by_name_short_form_and_seat(kb, name, code):
    assert kb.find_state(name).id == code


def test_knowledge_state_has_names_in_both_languages(kb):
    iran = kb.state("IRN")
    assert iran.kind == "state" and iran.country == "IRN"
    assert "Amerika Serikat" in kb.state("USA").aliases


@pytest.mark.parametrize(
    "alias, actor_id",
    [("Amirabdollahian", "kb:hossein-amir-abdollahian"), ("Jaish ul-Adl", "kb:jaish-al-adl"),
     ("Hizbullah", "kb:hezbollah"), ("PBB", "kb:united-nations"), ("Kejagung", "kb:kejagung"),
     ("Densus 88", "kb:densus-88"), ("Pasukan Pertahanan Israel", "kb:idf"), ("Garda Revolusi", "kb:irgc")],
)
def test_knowledge_find_actor_by_alias(kb, alias, actor_id):
    assert kb.find_actor(alias).id == actor_id


@pytest.mark.parametrize(
    "country, role, day, actor_id",
    [("IRN", "foreign_minister", dt.date(2024, 1, 19), "kb:hossein-amir-abdollahian"),
     ("IRN", "foreign_minister", dt.date(2025, 6, 1), "kb:abbas-araghchi"),
     ("PAK", "foreign_minister", dt.date(2024, 1, 29), "kb:jalil-abbas-jilani"),
     ("IDN", "head_of_state", dt.date(2024, 1, 1), "kb:joko-widodo"),
     ("IDN", "head_of_state", dt.date(2025, 1, 1), "kb:prabowo-subianto"),
     ("USA", "head_of_state", dt.date(2023, 5, 5), "kb:joe-biden")],
)
def test_knowledge_role_holder_on_a_day(kb, country, role, day, actor_id):
    assert kb.role_holder(country, role, day).id == actor_id


def test_knowledge_unknown_names_return_none(kb):
    assert kb.find_state("Atlantis Raya") is None
    assert kb.find_actor("Seseorang Tak Dikenal") is None
