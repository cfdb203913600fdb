"""Names an article introduces for an actor it has just named (for `corpus.aliases`).

- `introduced`: a name in brackets right after another: initials or a nickname after a person ("Luqman Hakim
  (LM)", "Budi Santoso (Bule)"), a translation after an organisation, as many words long ("Komite Keamanan
  Nasional (National Security Committee)");
- `nickname`: a name after a link word of `lang/<code>/aliases.yaml` ("Budi Santoso alias Bule", "... atau
  yang akrab disapa Bule"); links marked `persons_only` ("atau") join only a person's full name and one word;
- `initials-prefix`: initials the text uses for a person ("Saudara YW") that begin with the initials of exactly
  one person the article names by a shorter name ("Yudi"), when no person of the article has exactly those.

Each gives (long actor id, short actor id, rule) pairs; `corpus.aliases` merges a short id only where every
article that introduces it agrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kronik.corpus.abbreviations import initials, initials_only
from kronik.gazetteer import fold
from kronik.knowledge import is_curated
from kronik.lang import available_languages, load_all
from kronik.records import Actor, Article, EntityMention
from kronik.serialize import named_mentions

OPEN = re.compile(r"\s*\(\s*")
CLOSE = re.compile(r"\s*\)")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NicknameLinks:
    """Link words between a name and another name it goes by, folded; `persons_only` ones apart."""

    any_kind: frozenset[str]
    persons_only: frozenset[str]

    @classmethod
    def load(cls, languages: Iterable[str] | None = None) -> NicknameLinks:
        entries: Iterable[Mapping] = load_all("aliases", tuple(languages or available_languages()))
        links = [e for e in entries if e.get("kind") == "nickname-link"]
        return cls(
            frozenset(normal(w) for e in links if not e.get("persons_only") for w in e["words"]),
            frozenset(normal(w) for e in links if e.get("persons_only") for w in e["words"]),
        )


def normal(words: str) -> str:
    return SPACES.sub(" ", fold(words).strip(" ,"))


def introductions(article: Article, links: NicknameLinks) -> list[tuple[str, str, str]]:
    """(long id, short id, rule) for every name the article introduces for another."""
    named = list(named_mentions(sorted(article.entities, key=lambda m: (m.start, m.end))))  # in text order
    found: list[tuple[str, str, str]] = []
    for left, right in zip(named, named[1:]):
        rule = introduction_rule(article.text, left, right, links)
        if rule is not None:
            found.append((left.actor.id, right.actor.id, rule))
    found.extend(initials_prefixes(named))
    return found


def introduction_rule(text: str, left: EntityMention, right: EntityMention, links: NicknameLinks) -> str | None:
    long, short = left.actor, right.actor
    if long.id == short.id or "state" in (long.kind, short.kind) or is_curated(short.id):
        return None
    gap = text[left.end : right.start]
    if OPEN.fullmatch(gap) and CLOSE.match(text, right.end):
        return "introduced" if fits_brackets(long, short, left.text, right.text) else None
    link = normal(gap)
    if not link or link not in links.any_kind | links.persons_only:
        return None
    if long.kind != "person" or len(left.text.split()) < 2 or len(right.text.split()) != 1:
        return None
    return "nickname" if short.kind == "person" or initials_only(short) else None


def fits_brackets(long: Actor, short: Actor, long_text: str, short_text: str) -> bool:
    """A person's initials or one-word nickname, or an organisation's name in as many words (a translation)."""
    if long.kind == "person":
        return len(long_text.split()) >= 2 and len(short_text.split()) == 1 and (short.kind == "person" or initials_only(short))
    if short.kind == "person" or initials_only(short):
        return False  # an abbreviation after a body is the abbreviation rule's
    words = len(long_text.split())
    return words >= 2 and len(short_text.split()) == words


def initials_prefixes(named: Sequence[EntityMention]) -> list[tuple[str, str, str]]:
    """Initials ("YW") beginning with the initials of exactly one person named by a shorter name ("Yudi")."""
    people = {m.actor.id: m.actor for m in named if m.actor.kind == "person" and not initials_only(m.actor)}
    called_persons = {m.actor.id for m in named if m.type == "PER"}  # initials the text uses for a person
    found = []
    for short in {m.actor.id: m.actor for m in named if initials_only(m.actor) and m.actor.id in called_persons}.values():
        letters = fold(short.name)
        exact = [p for p in people.values() if initials(p.name) == letters]
        begun = [p for p in people.values() if letters.startswith(initials(p.name)) and initials(p.name) != letters]
        if not exact and len(begun) == 1 and not is_curated(short.id):
            found.append((begun[0].id, short.id, "initials-prefix"))
    return found
