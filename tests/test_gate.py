"""The evaluation gate reads pinned figures and names each one that fell."""

import json

import pytest

from kronik.errors import KronikError
from kronik.evaluate.gate import check_baseline

REPORT = {"events": {"country": {"f1": 0.5}}, "cleaning": 1.0, "date_accuracy": None}


@pytest.mark.parametrize(
    "pinned,failures",
    [
        ({"events.country.f1": 0.5, "cleaning": 1.0}, []),
        ({"events.country.f1": 0.51}, ["events.country.f1 = 0.5 < 0.51"]),
        ({"date_accuracy": 0.1}, ["date_accuracy = None < 0.1"]),
    ],
)
def test_gate_failures_listed(tmp_path, pinned, failures):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"dev": pinned}))
    assert check_baseline(REPORT, path, "dev") == failures


def test_gate_unknown_key_and_figure(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"dev": {"events.nope": 1}}))
    with pytest.raises(KronikError, match="E312"):
        check_baseline(REPORT, path, "dev2")
    with pytest.raises(KronikError, match="E310"):
        check_baseline(REPORT, path, "dev")
