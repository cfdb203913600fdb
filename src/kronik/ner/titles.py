"""A title standing alone for its holder: "Menlu AS", "Presiden Iran", "Panglima TNI", "(Menlu AS)".

News often names an office instead of the person holding it. When a capitalised run is only a title and the
state it belongs to (the state read from the run, or the `country` of the title cue in lang/<code>/
entity_cues.yaml), the run stands for the holder of the title's `role` on the day the article was published,
as the knowledge base knows it (`KnowledgeBase.holders`). Where the KB does not know the holder, or the day is
unknown, the holder is a person of that state with the title's sector. The mention's rule starts with
"generic:" (a title is no proper name): the pipeline's events see it, `tag` and NER scoring do not.

A title in parentheses between a longer title and a name ("Menteri Luar Negeri AS (Menlu AS) Marco Rubio") is
a short form of that person: `join_parenthetical` gives the title mentions the actor of the name after them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from kronik.knowledge import KnowledgeBase, new_actor
from kronik.ner.cues import Cue, Token
from kronik.records import Actor, EntityMention

RULE_PREFIX = "generic:title-holder:"
STATE_USES = ("name", "short", "adjective")
BETWEEN_TITLE_AND_NAME = frozenset(" ()")


class TitleHolders:
    """Resolves a title and a state to the person holding that office on a day; built once from the KB."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def actor(self, name: str, cue: Cue, country: str, day: dt.date | None) -> Actor:
        """The holder of `cue.role` of `country` on `day`, or a person standing for the office."""
        if cue.role and day is not None:
            found = self.kb.holders(cue.role, country, day)
            if found:
                return found[0]
        return new_actor(name, "person", country, cue.sector)

    def mention(self, text: str, start: int, end: int, cue: Cue, country: str, day: dt.date | None) -> EntityMention:
        name = text[start:end]
        return EntityMention(start, end, name, "PER", self.actor(name, cue, country, day), RULE_PREFIX + cue.id)


def is_title_holder(mention: EntityMention) -> bool:
    return mention.rule.startswith(RULE_PREFIX)


def join_parenthetical(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Title mentions followed, across only spaces and parentheses, by a person's name take that person's actor
    ("Menteri Luar Negeri AS (Menlu AS) Marco Rubio": all three name Marco Rubio). Mentions sorted by start."""
    result = list(mentions)
    for index in range(len(result) - 1, -1, -1):
        mention = result[index]
        if not is_title_holder(mention):
            continue
        following = next((m for m in result[index + 1 :] if m.start >= mention.end and m.type == "PER"), None)
        if following is None or following.actor is None:
            continue
        gap = text[mention.end : following.start]
        if gap and set(gap) <= BETWEEN_TITLE_AND_NAME and "(" in text[max(0, mention.start - 1) : following.start]:
            result[index] = dataclasses.replace(mention, actor=following.actor)
    return result


__all__ = ["TitleHolders", "is_title_holder", "join_parenthetical", "performer_of_title"]


def performer_of_title(text: str, span: list[Token]) -> bool:
    """A name in parentheses right after a quoted title: its performer ('"Di Hari Minggu" (Marshanda)')."""
    before = text[max(0, span[0].start - 4) : span[0].start].replace(" ", "")
    return before[-2:] in ('"(', "”(") and text[span[-1].end : span[-1].end + 2].strip()[:1] == ")"
