"""Short forms within one article: "Jilani" takes the actor of "Jalil Abbas Jilani", and every person's actor
lists the written forms the article uses for it."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from kronik.gazetteer import TOKEN, fold
from kronik.ner.filters import UNSURE_RULE
from kronik.records import EntityMention


def resolve_short_forms(mentions: list[EntityMention]) -> list[EntityMention]:
    """Within one article, guessed mentions and new people whose words all occur in a fuller person mention
    ("Jilani" in "Jalil Abbas Jilani") take its actor; every person's actor lists the forms it goes by."""
    people = [m for m in mentions if m.type == "PER" and m.actor is not None and m.rule != UNSURE_RULE]
    full_forms = sorted(people, key=lambda m: (-len(m.text.split()), m.actor.id.startswith("new:")))
    resolved: list[EntityMention] = []
    for mention in mentions:
        guessed = mention.rule.startswith(("name:", "context:person", "context:place", "title:"))
        if guessed or (mention.type == "PER" and mention.actor is not None and mention.actor.id.startswith("new:")):
            fuller = _fuller_form(mention, full_forms)
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

def _fuller_form(mention: EntityMention, full_forms: list[EntityMention]) -> EntityMention | None:
    words = {fold(w) for w in TOKEN.findall(mention.text)}
    if not words:
        return None
    for candidate in full_forms:
        if candidate is mention or len(candidate.text) <= len(mention.text):
            continue
        candidate_words = {fold(w) for w in TOKEN.findall(candidate.text)}
        candidate_parts = candidate_words | {p for w in candidate_words for p in w.split("-")}
        if words <= candidate_parts:
            return candidate
    return None


__all__ = ["resolve_short_forms"]
