from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.errors import KronikError
from kronik.ner.lexicon import PersonNames
from kronik.ner.features import SpanContext, WordEvidence, span_features
from kronik.ner.typer import CASING_CLASSES, LABELS, SpanModel, read_casing, write_weights


def context_of(words, gaps=None):
    gaps = gaps or [""] * (len(words) + 1)
    return SpanContext(tuple(words), tuple(gaps), tuple(i == 0 for i in range(len(words))))


EVIDENCE = WordEvidence(frozenset({"budi"}), frozenset({"santoso"}), {"rumah": "lower", "jakarta": "cap", "sang": "mixed"})


@pytest.mark.parametrize(
    "words, start, end, present, absent",
    [
        (["kata", "Budi", "Santoso", "kemarin"], 1, 3, {"first_name", "last_name", "some_name", "case=unseen"}, {"case=cap"}),
        (["warga", "Jakarta", "datang"], 1, 2, {"case=cap", "before=warga"}, {"first_name", "last_name"}),
        (["dalam", "film", "Rumah", "Dara"], 2, 4, {"case=lower", "case=unseen", "before=film", "before=dalam"}, {"some_name"}),
        (["Sang", "Budi"], 0, 2, {"case=mixed", "some_name"}, {"first_name", "last_name"}),
    ],
)
def test_ner_model_word_evidence_features(words, start, end, present, absent):
    features = set(span_features(context_of(words), start, end, lambda word: False, EVIDENCE))
    assert present <= features
    assert not absent & features


def test_ner_model_window_stops_at_punctuation_and_capitals():
    context = SpanContext(("lagu", "Budi", "dan", "Ari"), ("", "", "", ",", ""), (True, False, False, False))
    assert "before=dan" not in span_features(context, 3, 4, lambda word: False, EVIDENCE)  # comma before "Ari"
    assert not [f for f in span_features(context_of(["Kata", "Budi"]), 1, 2, lambda w: False, EVIDENCE) if f.startswith("before=")]


def test_ner_model_without_evidence_has_no_evidence_features():
    features = span_features(context_of(["kata", "Budi"]), 1, 2, lambda word: False)
    assert not [f for f in features if f.startswith(("case=", "before=", "first_name", "last_name", "some_name"))]


def test_ner_model_reads_casing_table(tmp_path: Path):
    path = tmp_path / "casing.tsv"
    path.write_text("# note\nrumah\tlower\njakarta\tcap\n", encoding="utf-8")
    assert read_casing(path) == {"rumah": "lower", "jakarta": "cap"}
    path.write_text("rumah\tLOWER\n", encoding="utf-8")
    with pytest.raises(KronikError):
        read_casing(path)


def test_ner_model_loads_from_folder_and_classifies(tmp_path: Path):
    write_weights(tmp_path / "ner_model_types.tsv", [("first_name", "PER", 3.0), ("case=lower", "NONE", 3.0)], "test")
    (tmp_path / "ner_model_casing.tsv").write_text("rumah\tlower\n", encoding="utf-8")
    model = SpanModel.load(tmp_path, people=PersonNames(frozenset({"budi"}), frozenset()))
    assert model.evidence.casing == {"rumah": "lower"}
    is_common = lambda word: False  # noqa: E731
    assert model.classify(context_of(["kata", "Rumah"]), 1, 2, is_common).label == "NONE"
    assert model.classify(context_of(["kata", "Budi"]), 1, 2, is_common).label == "PER"


def test_ner_model_packaged_files_load():
    model = SpanModel.load()
    assert model.typer.weights and model.evidence.casing and model.evidence.first
    assert set(model.evidence.casing.values()) <= set(CASING_CLASSES)
    assert {label for weights in model.typer.weights.values() for label in weights} <= set(LABELS)
    assert any(feature.startswith("case=") for feature in model.typer.weights)


def test_ner_model_packaged_model_calls_a_capitalised_common_word_no_name():
    words = ["Warga", "berkumpul", "di", "Kelurahan", "Sukamaju", "kemarin"]
    assert MODEL.classify(context_of(words), 0, 1, lambda word: word in {"warga"}).label == "NONE"


def test_ner_model_packaged_model_reads_name_evidence():
    """A first and last name of the names list make a run more of a person than the same run without."""
    features = span_features(context_of(["oleh", "Budi", "Santoso"]), 1, 3, lambda word: False, MODEL.evidence)
    bare = [f for f in features if f not in ("first_name", "last_name", "some_name")]
    assert "first_name" in features
    assert MODEL.typer.scores(features)["PER"] > MODEL.typer.scores(bare)["PER"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Budi", "rumah", "Jakarta", "di", "kata", "Xq", "SMAN"]), min_size=1, max_size=6), st.data())
def test_ner_model_probability_is_a_probability(words, data):
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    result = MODEL.classify(context_of(words), start, end, lambda word: False)
    assert result.label in LABELS and 0.25 <= result.probability <= 1.0


MODEL = SpanModel.load()
