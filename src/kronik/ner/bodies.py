"""Bodies named without a proper name: "militer Israel", "Israeli forces", "polisi", "prosecutors".

A cue word of kind `generic` or `body` (lang/<code>/entity_cues.yaml) next to a state's name names a body of
that state (the state's actor with the cue's sector); a `body` word alone ("polisi", "mahasiswa") names a body
the setting stage places later. These mentions' rules start with "generic:": the pipeline's events see them,
`EntityRecognizer.tag` and NER scoring do not.
"""

from __future__ import annotations

import dataclasses

from kronik.knowledge import KnowledgeBase, NameEntry
from kronik.ner.cues import Cue, CueBook, Token
from kronik.ner.names import NameFinder
from kronik.records import Actor, EntityMention


class GenericBodies:
    """Finds generic bodies at a token; built once from the KB, the cue words and the name finder."""

    def __init__(self, kb: KnowledgeBase, cues: CueBook, names: NameFinder):
        self.kb = kb
        self.cues = cues
        self.names = names
        self.first_keys = frozenset(key[0] for kind in ("generic", "body") for key in cues.by_kind[kind])

    def at(self, text: str, tokens: list[Token], i: int) -> tuple[EntityMention, int] | None:
        """A body starting at token i and the index after it, or None."""
        if tokens[i].key not in self.first_keys and not self.names.starts_name(tokens, i):
            return None  # neither a cue word nor a state's name can start here
        for kind in ("generic", "body"):
            found = self._of_state(text, tokens, i, kind)
            if found is not None:
                return found
        length, cue = self.cues.match("body", tokens, i)
        if cue is None or tokens[i].capitalised and not tokens[i].initial:
            return None
        if i + length < len(tokens) and self.names.starts_name(tokens, i + length):
            return None  # "Jaksa Agung ...", "Polisi Iran": a title or a name follows
        if self.cues.before("body_head_before", tokens, i) or self.cues.match("body_head_after", tokens, i + length)[0]:
            return None  # "kantor polisi", "police station": the body word names a thing of the body
        span = tokens[i : i + length]
        name = text[span[0].start : span[-1].end]
        actor = Actor(id=f"new:{cue.id}", name=name, kind="organization", country=None, sector=cue.sector, aliases=())
        return EntityMention(span[0].start, span[-1].end, name, "ORG", actor, f"generic:{cue.id}"), i + length

    def _of_state(self, text: str, tokens: list[Token], i: int, kind: str) -> tuple[EntityMention, int] | None:
        """ "militer Israel" (cue, then state) or "Israeli forces" (state adjective, then cue)."""
        length, cue = self.cues.match(kind, tokens, i)
        if cue is not None:
            state_length, entry = self.names.known(tokens, i + length, len(tokens), states_only=True)
            if entry is not None:
                stop = i + length + state_length
                return self._mention(text, tokens[i:stop], cue, entry), i + length
        state_length, entry = self.names.known(tokens, i, len(tokens), states_only=True)
        if entry is not None and entry.use == "adjective":
            length, cue = self.cues.match(kind, tokens, i + state_length)
            if cue is not None:
                stop = i + state_length + length
                return self._mention(text, tokens[i:stop], cue, entry), stop
        return None

    def _mention(self, text: str, span: list[Token], cue: Cue, entry: NameEntry) -> EntityMention:
        state = self.kb.state(entry.actor_id)
        actor = dataclasses.replace(state, sector=cue.sector, aliases=())
        return EntityMention(span[0].start, span[-1].end, text[span[0].start : span[-1].end], "ORG", actor, f"generic:{cue.id}")


__all__ = ["GenericBodies"]
