from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.errors import KronikError
from kronik.ner.features import SpanContext, span_features
from kronik.ner.typer import LABELS, SpanTyper, write_weights


def context_of(words, gaps=None):
    gaps = gaps or [""] * (len(words) + 1)
    return SpanContext(tuple(words), tuple(gaps), tuple(i == 0 for i in range(len(words))))


@pytest.mark.parametrize(
    "words, gaps, start, end, present, absent",
    [
        (["kata", "Bhosle", "kemarin"], None, 1, 2, {"w=bhosle", "p1=kata", "n1=kemarin", "len=1", "shape=title"}, {"initial"}),
        (["Road", "House", "diputar"], ['"', "", '"', ""], 0, 2, {"lp=\"", "rp=\"", "initial", "len=2"}, {"p1=road"}),
        (["di", "SMAN", "3"], None, 1, 3, {"shape=caps", "shape=digit", "last=3"}, set()),
    ],
)
def test_ner_typer_span_features_describe_words_shape_and_context(words, gaps, start, end, present, absent):
    features = set(span_features(context_of(words, gaps), start, end, lambda word: word in {"kata", "road", "house"}))
    assert present <= features
    assert not absent & features


def test_ner_typer_classifies_by_summed_weights(tmp_path: Path):
    path = tmp_path / "weights.tsv"
    write_weights(path, [("p1=kata", "PER", 2.0), ("p1=di", "LOC", 2.0), ("common=all", "NONE", 3.0)], "test")
    typer = SpanTyper.load(path)
    assert typer.classify(["p1=kata", "bias"]).label == "PER"
    assert typer.classify(["p1=di"]).label == "LOC"
    assert typer.classify(["p1=kata", "common=all"]).label == "NONE"


def test_ner_typer_rejects_malformed_weights(tmp_path: Path):
    path = tmp_path / "weights.tsv"
    path.write_text("p1=kata\tPERSON\t1.0\n", encoding="utf-8")
    with pytest.raises(KronikError):
        SpanTyper.load(path)


def test_ner_typer_packaged_model_loads_with_known_labels():
    typer = SpanTyper.load()
    assert typer.weights
    assert {label for weights in typer.weights.values() for label in weights} <= set(LABELS)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["bias", "len=1", "shape=title", "p1=di", "p1=kata", "w=jakarta", "unseen"]), max_size=8))
def test_ner_typer_probability_is_a_probability(features):
    result = SpanTyper.load().classify(features)
    assert result.label in LABELS and 0.25 <= result.probability <= 1.0
