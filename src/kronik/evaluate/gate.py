"""The evaluation gate: figures pinned in a baseline file that a build must not fall below.

The baseline file is JSON: {"<set name>": {"<figure path>": minimum, ...}, ...}, a figure path being a dotted
path into the report, e.g. "events.country.f1" or "cleaning". Raising a pinned value as quality rises is
routine; lowering one is a deliberate change explained in its commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kronik.errors import KronikError

TOLERANCE = 1e-9


def figure(report: dict[str, Any], path: str) -> float | None:
    value: Any = report
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KronikError("E310", f"baseline names {path!r}, which the report does not have")
        value = value[part]
    return value


def check_baseline(report: dict[str, Any], baseline_file: Path, key: str) -> list[str]:
    """The figures of `report` below their pinned minimum in `baseline_file[key]` (empty when all pass)."""
    try:
        pinned = json.loads(Path(baseline_file).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KronikError("E311", f"{baseline_file}: cannot read the baseline: {exc}") from exc
    if key not in pinned:
        raise KronikError("E312", f"{baseline_file}: no baseline {key!r} (has: {', '.join(sorted(pinned))})")
    failures = []
    for path, minimum in pinned[key].items():
        value = figure(report, path)
        if value is None or value + TOLERANCE < float(minimum):
            failures.append(f"{path} = {value} < {minimum}")
    return failures
