"""Language knowledge kept as data: `lang/<code>/<name>.yaml`.

Every file is a mapping with a `description` and a list of `entries`; every entry has an `id` (unique in its
file) and an `example` written for the project. What else an entry holds depends on the file (see each
file's description). The engine never hard-codes words of a language: it reads them from here.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from kronik.errors import KronikError


def available_languages() -> tuple[str, ...]:
    root = resources.files("kronik.lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


def data_files(code: str) -> tuple[str, ...]:
    folder = resources.files("kronik.lang") / code
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml")))


@lru_cache(maxsize=None)
def load_entries(code: str, name: str) -> tuple[dict[str, Any], ...]:
    """The entries of `lang/<code>/<name>.yaml` (an empty tuple when the language has no such file)."""
    path = resources.files("kronik.lang") / code / f"{name}.yaml"
    if not path.is_file():
        return ()
    return read_entries(path, f"lang/{code}/{name}.yaml")


def read_entries(path: Traversable, label: str) -> tuple[dict[str, Any], ...]:
    """The checked entries of one data file (`label` names it in errors): each has a unique id and an example."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KronikError("E401", f"{label}: cannot read: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise KronikError("E402", f"{label}: expected a mapping with a list 'entries'")
    seen: set[str] = set()
    for number, entry in enumerate(data["entries"], 1):
        if not isinstance(entry, dict) or "id" not in entry or "example" not in entry:
            raise KronikError("E403", f"{label}: entry {number} needs an 'id' and an 'example'")
        if entry["id"] in seen:
            raise KronikError("E404", f"{label}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
    return tuple(data["entries"])


def load_all(name: str, languages: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    """The entries of one file name across several languages, each entry tagged with its `lang`."""
    return tuple({**entry, "lang": code} for code in languages for entry in load_entries(code, name))


def home_state(code: str) -> str | None:
    """The state whose press writes in language `code` (`home-state` in `lang/<code>/aliases.yaml`), if any."""
    return next((str(e["state"]) for e in load_entries(code, "aliases") if e.get("kind") == "home-state"), None)
