"""Lists of names share a type: in "Jakarta, Bandung, Cimahi dan Garut" or "Dahlan Iskan, Irman Gusman dan
Marzuki Alie" the items with evidence (a KB name, a cue word, a known first name) say what the others are.

A list is three or more mentions joined only by commas, "dan", "serta", "atau", "and", "or" (`JOINERS`). When
every item with evidence has one type and there are at least as many of them as unsure items (`UNSURE_RULE`: a
capitalised run with no evidence), or the first item is a place after a word that leads the whole list ("di
Samas, Kukup dan Krakal", "desa Kramas, Plasan dan Jelok"), the unsure items take that type, with a rule of
`LIST_RULES`; the span typer still checks the persons and places (`filters.GUESSED_RULES`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from kronik.gazetteer import TOKEN, fold
from kronik.ner.filters import PLACE_CONTEXT_RULE, PLACE_NOUN_RULE, UNSURE_RULE
from kronik.records import EntityMention

JOINER = re.compile(r"\s*(?:,\s*(?:(?:dan|serta|atau|and|or)\s+)?|\s(?:dan|serta|atau|and|or)\s)\s*")
MIN_ITEMS = 3  # "A dan B" is as often two kinds of thing ("Bob Dylan dan Nirvana") as one
PLACE_LED_RULES = (PLACE_NOUN_RULE, PLACE_CONTEXT_RULE, "loc:loc-head")  # the first item after, or led by, a place word
LIST_RULES = {"PER": "context:person-listed", "LOC": "context:place-listed", "ORG": "context:org-listed"}


def propagate_list_types(
    text: str, mentions: list[EntityMention], is_common: Callable[[str], bool]
) -> list[EntityMention]:
    """Mentions (sorted by start) with the unsure items of each list typed as its other items are; an item
    with a common word ("Sebelah Barat", "Akhirnya") stays unsure."""
    result = list(mentions)
    for chain in _lists(text, result):
        sure = {result[k].type for k in chain if result[k].rule != UNSURE_RULE}
        unsure = [k for k in chain if result[k].rule == UNSURE_RULE]
        unsure = [k for k in unsure if not any(is_common(fold(word)) for word in TOKEN.findall(result[k].text))]
        placed = result[chain[0]].rule in PLACE_LED_RULES  # "di Samas, Kukup, Krakal": the word leads the list
        if len(chain) < MIN_ITEMS or len(sure) != 1 or not unsure or len(chain) - len(unsure) < len(unsure) and not placed:
            continue
        kind = next(iter(sure))
        for k in unsure:
            mention = result[k]
            actor = mention.actor if kind == "PER" else None
            result[k] = dataclasses.replace(mention, type=kind, actor=actor, rule=LIST_RULES[kind])
    return result


def _lists(text: str, mentions: list[EntityMention]) -> list[list[int]]:
    """Index chains of named (not "generic:") mentions joined by list words, two or more items each."""
    chains: list[list[int]] = []
    current: list[int] = []
    previous: EntityMention | None = None
    for index, mention in enumerate(mentions):
        if mention.rule.startswith("generic:"):
            continue
        if previous is not None and mention.start >= previous.end and JOINER.fullmatch(text[previous.end : mention.start]):
            current.append(index)
        else:
            if len(current) > 1:
                chains.append(current)
            current = [index]
        previous = mention
    if len(current) > 1:
        chains.append(current)
    return chains


__all__ = ["LIST_RULES", "propagate_list_types"]
