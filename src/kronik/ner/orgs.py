"""Evidence that a capitalised run with no cue word inside it names an organisation, or no entity at all.

Read from the cue words of `lang/<code>/entity_cues.yaml`:
- a description right after the name with a group noun ("Hole adalah sebuah band", "Hole is an American rock
  band": `kronik.ner.described`);
- a word of membership or a verb of joining before the name ("vokalis Peterpan", "bergabung dengan Aston Villa");
- a match score right after the name: a team ("mengalahkan Panathinaikos 2 - 0"); a match verb next to a name that
  is also a place or a given name makes it the club the knowledge base knows ("Chelsea ditahan Tottenham"), and so
  does a word of sport (kind `sport_word`) anywhere in the sentence ("gol pertamanya bagi Chelsea");
- a club prefix at the start of the first word ("Persema", "Persib": kind `club_prefix`, with its exceptions);
- a word that ends the name of an event or an award ("MTV Music Award": kind `event_tail`), or starts the name of
  an event, a competition or a language ("Perang Dunia II", "Piala FA": kind `event_head`): no entity.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kronik.gazetteer import fold
from kronik.lang import load_all
from kronik.ner.cues import CueBook, Token
from kronik.ner.described import described_type, named_type

if TYPE_CHECKING:
    from kronik.ner.lexicon import PersonNames

SCORE = re.compile(r"\s*\(?\s*\d{1,2}\s*[-–]\s*\d{1,2}(?!\d)")  # "2 - 0", "3-3"; never a year range "1967 - 1968"
MIN_CLUB_WORD = 6  # letters of a word read as a club name by its prefix ("Persib" yes, "Pers" no)

COPULA_RULE = "context:org-described"
SCORE_RULE = "context:org-score"
CLUB_RULE = "org:club-prefix"
MEMBER_RULE = "context:org-member"
JOIN_RULE = "context:org-joined"
MATCH_RULE = "context:org-match"  # a known club's name that is also a place or a given name, in a match
NAMED_RULE = "context:org-named"  # "band baru yang bernama Cathedral"


class OrganisationCues:
    """Organisation evidence next to and inside an unknown capitalised run; built once per recogniser."""

    def __init__(self, cues: CueBook, languages: tuple[str, ...]):
        self.cues = cues
        self.prefixes: list[tuple[str, frozenset[str]]] = [
            (fold(word), frozenset(fold(e) for e in entry.get("except") or ()))
            for entry in load_all("entity_cues", languages)
            if entry["kind"] == "club_prefix"
            for word in entry["words"]
        ]

    def evidence(
        self, text: str, tokens: list[Token], first: int, span: list[Token], people: PersonNames
    ) -> tuple[str, list[Token]] | None:
        """The rule that makes the unknown run `span` (starting at token `first`) an organisation and the
        tokens it names (a score's first number is left out: "Panathinaikos 2 - 0"), or None."""
        if self.club_named(span):
            return CLUB_RULE, span
        if described_type(self.cues, text, tokens, first + len(span)) == "ORG":
            return COPULA_RULE, span
        keys = [t.key for t in span]
        if named_type(self.cues, tokens, first) == "ORG" and not people.is_person(keys):
            return NAMED_RULE, span
        if self.cues.before("member_before", tokens, first) is not None and not people.is_person(keys):
            return MEMBER_RULE, span  # "keluar dari Gigi", "vokalis Peterpan"
        if self.cues.before("join_before", tokens, first) is not None and not people.is_indonesian_name(keys):
            return JOIN_RULE, span  # "bergabung dengan Aston Villa": a first name ("Aston") is no evidence here
        named = span[:-1] if len(span) > 1 and span[-1].text.isdigit() else span
        if SCORE.match(text, named[-1].end) and not people.is_person([t.key for t in named]):
            return SCORE_RULE, named
        return None

    def plays(self, text: str, tokens: list[Token], first: int, end: int, team: bool = False) -> bool:
        """Tokens [first, end) take part in a match, or join as a team does: a match score after them, a match
        verb right before or after them ("mengalahkan Chelsea", "Chelsea ditahan"), a word of joining before them.
        `team`: they name a sports team, which a word of sport anywhere in the sentence makes them ("gol
        pertamanya bagi Chelsea"), unless a place word comes right before them ("di kota Montpellier")."""
        if SCORE.match(text, tokens[end - 1].end) or self.cues.before("match_verb", tokens, first) is not None:
            return True
        if team and self.cues.before("loc_before", tokens, first) is None and any(
            self.cues.match("sport_word", tokens, k)[0] for k in range(len(tokens))
        ):
            return True
        if self.cues.before("join_before", tokens, first) is not None or self.cues.before("member_before", tokens, first) is not None:
            return True
        return end < len(tokens) and tokens[end].text.islower() and self.cues.match("match_verb", tokens, end)[0] > 0

    def club_named(self, span: list[Token]) -> bool:
        """The first word starts with a club prefix and is no common word ("Persema Malang", "Persekabpas")."""
        word = span[0]
        if len(word.key) < MIN_CLUB_WORD or not word.text[1:].islower() or word.key in self.cues.common:
            return False
        return any(word.key.startswith(prefix) and word.key not in exceptions for prefix, exceptions in self.prefixes)

    def names_event(self, span: list[Token], known_lead: bool = False) -> bool:
        """The run ends with a word that ends an event's or an award's name ("Filmfare Award"), or starts with a
        word that starts the name of an event, a competition or a language ("Piala FA", "Bahasa Jawa"): no entity.
        `known_lead`: the run starts with a name the KB knows, which no event head cuts ("Liga Arab")."""
        if not known_lead and 0 < self.cues.match("event_head", span, 0)[0] < len(span):
            return True
        return len(span) > 1 and self.cues.match("event_tail", span, len(span) - 1)[0] == 1
