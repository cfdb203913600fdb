"""Records <-> FORMAT.md dicts: exact field sets and lossless round-trips."""

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronik import serialize
from kronik.records import ACTOR_KINDS, SECTORS, Actor, Article, EntityMention, EventMention, Location

ARTICLE_KEYS = {"id", "title", "outlet", "url", "published", "published_source", "language", "text", "story_id",
                "duplicate_of"}
MENTION_KEYS = {"article_id", "event_id", "category", "mode", "context", "actors", "recipients", "date",
                "date_precision", "location", "fatalities", "evidence", "score"}
ACTOR_KEYS = {"id", "name", "aliases", "kind", "country", "sector"}

IRAN = Actor("IRN", "Iran", "state", "IRN")
MINISTER = Actor("kb:amir-abdollahian", "Hossein Amir-Abdollahian", "person", "IRN", "GOV", ("Amirabdollahian",))
SENTENCE = "Menteri Luar Negeri Iran Hossein Amirabdollahian menelepon rekannya dari Pakistan pada Jumat (19/1)."
CALL = EventMention(
    id="e1", category="CONSULT", mode="phone", actors=(MINISTER,), recipients=(Actor("PAK", "Pakistan", "state", "PAK"),),
    sentence_index=0, start=0, end=len(SENTENCE), sentence=SENTENCE, date="2024-01-19", date_precision="day",
    date_text="Jumat (19/1)", context=("diplomatic",), location=None, score=1.5, entry_ids=("id:menelepon",),
)
ARTICLE = Article(
    id="k1", raw_text=SENTENCE, text=SENTENCE, title="Iran dan Pakistan bicara lewat telepon", outlet="Contoh News",
    url="https://contoh.example/k1", published=dt.date(2024, 1, 20), published_source="given", language="id",
    events=(CALL,),
)


@pytest.mark.parametrize(
    ("story_id", "duplicate_of", "published", "expected_published"),
    [("s1", None, dt.date(2024, 1, 20), "2024-01-20"), (None, "k0", None, None), (None, None, None, None)],
)
def test_serialize_article_dict_has_exactly_format_fields(story_id, duplicate_of, published, expected_published):
    article = Article(id="k1", raw_text="x", text="Teks bersih.", published=published)
    data = serialize.article_dict(article, story_id, duplicate_of)
    assert set(data) == ARTICLE_KEYS
    assert (data["story_id"], data["duplicate_of"], data["published"]) == (story_id, duplicate_of, expected_published)
    assert data["text"] == "Teks bersih."


def test_serialize_mention_dicts_have_exactly_format_fields_plus_provenance():
    (data,) = serialize.mention_dicts(ARTICLE)
    assert set(data) == MENTION_KEYS | {"provenance"}
    assert set(data["evidence"]) == {"sentence", "start", "end"}
    assert all(set(actor) == ACTOR_KEYS for actor in data["actors"] + data["recipients"])
    assert data["article_id"] == "k1" and data["event_id"] == "e1"
    assert data["actors"][0]["aliases"] == ["Amirabdollahian"]
    assert data["location"] is None
    assert data["provenance"] == {"entry_ids": ["id:menelepon"], "date_text": "Jumat (19/1)", "sentence_index": 0}


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (None, None),
        (Location("Islamabad", "PAK", 33.69, 73.06), {"name": "Islamabad", "country": "PAK", "lat": 33.69, "lon": 73.06}),
        (Location(None, "IRN"), {"name": None, "country": "IRN", "lat": None, "lon": None}),
    ],
)
def test_serialize_location_dict(location, expected):
    assert serialize.location_dict(location) == expected
    assert serialize.location_from_dict(expected) == location


def test_serialize_article_dict_round_trips_its_fields():
    data = serialize.article_dict(ARTICLE, "s1", None)
    back = serialize.article_from_dict(data)
    assert serialize.article_dict(back, "s1", None) == data


def test_serialize_entity_mention_round_trips_with_and_without_actor():
    for entity in (EntityMention(0, 4, "Iran", "LOC", IRAN, "kb:IRN"), EntityMention(5, 9, "Kota", "LOC")):
        assert serialize.entity_mention_from_dict(serialize.entity_mention_dict(entity)) == entity


texts = st.text(max_size=30)
optional_texts = st.none() | texts
actors = st.builds(
    Actor, id=texts, name=texts, kind=st.sampled_from(ACTOR_KINDS),
    country=st.none() | st.sampled_from(["IRN", "PAK", "IDN"]), sector=st.none() | st.sampled_from(SECTORS),
    aliases=st.lists(texts, max_size=3).map(tuple),
)
coordinates = st.none() | st.floats(-180, 180, allow_nan=False)
locations = st.none() | st.builds(Location, name=optional_texts, country=optional_texts, lat=coordinates, lon=coordinates)
events = st.builds(
    EventMention, id=texts, category=st.sampled_from(["ASSAULT", "CONSULT", "AGREE"]), mode=optional_texts,
    actors=st.lists(actors, max_size=3).map(tuple), recipients=st.lists(actors, max_size=2).map(tuple),
    sentence_index=st.integers(0, 500), start=st.integers(0, 10_000), end=st.integers(0, 10_000), sentence=texts,
    date=st.none() | st.dates().map(dt.date.isoformat), date_precision=st.none() | st.just("day"),
    date_text=optional_texts, context=st.lists(texts, max_size=3).map(tuple), location=locations,
    score=st.none() | st.floats(-10, 10, allow_nan=False), entry_ids=st.lists(texts, max_size=3).map(tuple),
    fatalities=st.none() | st.integers(0, 10**6),
)


@given(events, texts)
def test_serialize_mention_round_trips_through_json(event, article_id):
    data = serialize.mention_dict(article_id, event)
    back = json.loads(json.dumps(data))
    assert back == data
    assert serialize.mention_from_dict(back) == event
