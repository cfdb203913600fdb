"""Short forms within one article: "Jilani" takes the actor of "Jalil Abbas Jilani", and every person's actor
lists the written forms the article uses for it; an acronym in parentheses after a name is that name's."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable

from kronik.gazetteer import TOKEN, fold
from kronik.ner.filters import UNSURE_RULE
from kronik.records import EntityMention
from kronik.spelling import Transliteration

ACRONYM_RULE = "name:acronym"
MIN_SPELLING_WORD = 4  # letters of a word compared by its spelling key: shorter ones are too easily alike
OPENING = re.compile(r" ?\( ?$")  # between a name and its acronym
CLOSING = re.compile(r" ?\)")
LOWER_EXPANSION = re.compile(r"\s*\(\s*([a-z][a-z-]*(?:,?\s+[a-z][a-z-]*)+)\s*\)")  # "OMSP (operasi militer selain perang)"


def resolve_short_forms(
    mentions: list[EntityMention], spelling: Transliteration | None = None, is_common: Callable[[str], bool] | None = None
) -> list[EntityMention]:
    """Within one article, guessed mentions and new people whose words all occur in a fuller person mention
    ("Jilani" in "Jalil Abbas Jilani"), or with `spelling` are spellings of its words ("Henry" in "Henri Lumban
    Raja"), take its actor; every person's actor lists the forms it goes by. A guessed common word is no short
    form ("Ruang" of "Ruang BK"): with `is_common`, it is left as it is."""
    people = [m for m in mentions if m.type == "PER" and m.actor is not None and m.rule != UNSURE_RULE]
    ordered = sorted(people, key=lambda m: (-len(m.text.split()), m.actor.id.startswith("new:")))
    full_forms = [(m, _parts(m.text, spelling)) for m in ordered]
    resolved: list[EntityMention] = []
    for mention in mentions:
        guessed = mention.rule.startswith(("name:", "context:person", "context:place", "title:"))
        new_person = mention.type == "PER" and mention.actor is not None and mention.actor.id.startswith("new:")
        if (guessed or new_person) and not (is_common and all(is_common(fold(w)) for w in TOKEN.findall(mention.text))):
            fuller = _fuller_form(mention, full_forms, spelling)
            if fuller is not None:
                rule = "coref:" + fuller.rule if mention.rule in ("name:single", UNSURE_RULE) else mention.rule
                mention = dataclasses.replace(mention, type="PER", actor=fuller.actor, rule=rule)
        resolved.append(mention)
    forms: dict[str, list[str]] = defaultdict(list)
    for mention in resolved:
        if mention.actor is not None and mention.type == "PER":
            forms[mention.actor.id].append(mention.text)
    final = []
    for mention in resolved:
        actor = mention.actor
        if actor is not None and actor.id in forms:
            aliases = tuple(dict.fromkeys(actor.aliases + tuple(f for f in forms[actor.id] if f != actor.name)))
            mention = dataclasses.replace(mention, actor=dataclasses.replace(actor, aliases=aliases))
        final.append(mention)
    return sorted(final, key=lambda m: (m.start, -m.end))


def _fuller_form(
    mention: EntityMention, full_forms: list[tuple[EntityMention, set[str]]], spelling: Transliteration | None
) -> EntityMention | None:
    words = {fold(w) for w in TOKEN.findall(mention.text)}
    if spelling is not None and len(words) == 1 and len(next(iter(words))) >= MIN_SPELLING_WORD:
        words = {spelling.word_key(next(iter(words)))}  # "Henry": "henri"
    if not words:
        return None
    for candidate, parts in full_forms:
        if candidate is mention or len(candidate.text) <= len(mention.text):
            continue
        if words <= parts:
            return candidate
    return None


def _parts(name: str, spelling: Transliteration | None = None) -> set[str]:
    """The folded words of a name and the parts of its hyphenated words ("Amir-Abdollahian"), with `spelling`
    also their spelling keys ("henri" for "Henry")."""
    words = {fold(w) for w in TOKEN.findall(name)}
    parts = words | {p for w in words for p in w.split("-")}
    return parts | {spelling.word_key(p) for p in parts if len(p) >= MIN_SPELLING_WORD} if spelling else parts


def spelled_out_in_lower_case(text: str, acronym: str, end: int) -> bool:
    """The acronym ending at `end` is followed by its words in lower case in parentheses ("OMSP (operasi
    militer selain perang)", "KKN (korupsi, kolusi, nepotisme)"): an abbreviation of common nouns, no name.
    The first word starts with the acronym's first letter."""
    found = LOWER_EXPANSION.match(text, end)
    return found is not None and found.group(1)[0] == acronym[0].lower()


def parenthetical_acronyms(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """An acronym in parentheses right after a name ("Universitas Kristen Indonesia (UKI)") is that name's
    short form: it takes the name's type and actor. After words that are no name ("Kurikulum Berbasis Kompetensi
    (KBK)") it is unsure: the pipeline keeps it, `tag` does not. Mentions sorted by start."""
    result = list(mentions)
    for index, mention in enumerate(result):
        opening = OPENING.search(text, max(0, mention.start - 3), mention.start)
        if mention.rule != ACRONYM_RULE or opening is None or not CLOSING.match(text, mention.end):
            continue
        named = next((m for m in result[:index] if m.end == opening.start() and not m.rule.startswith("generic:")), None)
        if named is None:
            result[index] = dataclasses.replace(mention, rule=UNSURE_RULE)
        elif named.rule == UNSURE_RULE:
            result[index] = dataclasses.replace(mention, type=named.type, rule=UNSURE_RULE)
        else:
            result[index] = dataclasses.replace(mention, type=named.type, actor=named.actor, rule="coref:" + named.rule)
    return result


__all__ = ["parenthetical_acronyms", "resolve_short_forms", "spelled_out_in_lower_case"]
