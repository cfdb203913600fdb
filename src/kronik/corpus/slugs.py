"""Readable story ids: the two most frequent actors and the earliest month, e.g. "iran-pakistan-2024-01"."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from kronik.corpus.profiles import ArticleProfile
from kronik.records import Article

NOT_ALNUM = re.compile(r"[^a-z0-9]+")
UNDATED = "undated"


def slugify(text: str) -> str:
    """ASCII, lower-case, words joined by '-': "Amir-Abdollahian, Hossein" -> "amir-abdollahian-hossein"."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return NOT_ALNUM.sub("-", ascii_text).strip("-")


def leading_actors(profiles: Sequence[ArticleProfile], count: int = 2) -> list[str]:
    """Names of the actors most articles mention (then most mentions, then name), best first."""
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    names: dict[str, str] = {}
    for profile in profiles:
        articles.update(profile.mentions.keys())
        mentions.update(profile.mentions)
        for actor_id, name in profile.names.items():
            names[actor_id] = min(name, names.get(actor_id, name))
    ranked = sorted(articles, key=lambda a: (-articles[a], -mentions[a], names[a], a))
    chosen = []
    for actor_id in ranked:
        slug = slugify(names[actor_id])
        if slug and slug not in chosen:
            chosen.append(slug)
        if len(chosen) == count:
            break
    return chosen


def story_slug(members: Sequence[Article], profiles: Sequence[ArticleProfile]) -> str:
    """Slug for a story whose members are sorted earliest first."""
    parts = sorted(leading_actors(profiles)) or [slugify(members[0].id) or "story"]
    dated = [a.published for a in members if a.published is not None]
    month = min(dated).strftime("%Y-%m") if dated else UNDATED
    return "-".join(parts + [month])


def unique_slugs(slugs: Iterable[str]) -> list[str]:
    """The slugs in order, a clash suffixed -2, -3, ... (the first keeps the bare slug)."""
    taken: set[str] = set()
    result = []
    for slug in slugs:
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        taken.add(candidate)
        result.append(candidate)
    return result
