"""Who did it, where the roles of one phrase do not say: the doer of a verb whose subject is an event noun, of
an event named as an object, of a release that undoes a detention, who a sentence is about for the next, whom
a passive reaction to an event is aimed at, and each side of a mutual act ("saling menyerang")."""

from __future__ import annotations

import dataclasses

from kronik.events.lexicon import PatternMatch
from kronik.events.roles import Group, group_after, subject_of
from kronik.events.syntax import Syntax
from kronik.records import EventMention

REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})  # said of an event: aimed at its doers
NOUN_SUBJECT_GAP = 4  # words between an event noun and the verb it is the subject of ("serangan drone yang")


def noun_subject(match, number, matches, tokens, groups, syntax: Syntax, coded: dict) -> Group | None:
    """A verb whose subject is an event noun ("serangan drone yang menghantam X", "setelah serangan udara
    menghantam X") takes that event's doer, not the subject of the clause the noun sits in ("Indonesia mengecam
    serangan drone yang ..."): the doer coded for the noun, else a group right after it; an empty group where
    none is told. None where the verb's subject is no event noun."""
    if number == 0 or syntax.is_noun_at(tokens, match.head) or syntax.is_passive(tokens, match.head):
        return None
    noun = matches[number - 1]
    if not syntax.is_noun_at(tokens, noun.head) or noun.pattern.reciprocal:
        return None
    if any(g.first <= noun.head <= g.last for g in groups):
        return None  # "Pasukan Dukungan Cepat (RSF) memobilisasi": the noun is part of a name
    own = group_after(noun.last, groups)
    own = own if own is not None and own.last < match.first else None
    gap = [t for t in tokens[noun.last + 1 : match.first] if own is None or not own.first <= t.index <= own.last]
    if len(gap) > NOUN_SUBJECT_GAP or any(breaks_subject(t, syntax) for t in gap):
        return None
    if any(noun.last < g.first and g.last < match.first and g is not own for g in groups):
        return None
    if number - 1 in coded:
        return Group(-1, -1, coded[number - 1].actors)
    return own or Group(-1, -1, ())


def breaks_subject(token, syntax: Syntax) -> bool:
    """A word between an event noun and a verb that shows the noun is not the verb's subject."""
    if token.text in (",", ";", ":") or syntax.has("clause", token) and not syntax.has("relative", token):
        return True
    if any(syntax.has(kind, token) for kind in ("recipient", "location", "agent", "speech", "light_verb", "coordinator")):
        return True
    return syntax.is_verb_form(token)


def undone_event(match: PatternMatch, tokens, syntax: Syntax, earlier: list[EventMention]) -> EventMention | None:
    """ "Nelayan yang ditahan otoritas Malaysia ... akhirnya dibebaskan": a passive release with no doer of its
    own undoes the detention told before it in the sentence, by the same doer, to the same people."""
    if match.pattern.undoes is None or not syntax.is_passive(tokens, match.head):
        return None
    return next((m for m in reversed(earlier) if m.category == match.pattern.undoes and m.actors), None)


def object_event_doer(match, later, tokens, groups, syntax: Syntax, earlier) -> tuple:
    """The doer of an event named as the object ("mengutuk serangan AS", "mengecam serangan itu") is the one
    acted upon: the group right after the event noun, or, for "serangan itu", the doer of the last such event."""
    following = [m for m in later if match.last < m.first <= match.last + 3]
    if not following or not syntax.is_noun_at(tokens, following[0].head):
        return ()
    noun = following[0]
    doer = [g for g in groups if noun.last < g.first <= noun.last + 2]
    if doer:
        return doer[0].actors
    if syntax.is_anaphoric(tokens, noun.first, noun.last):
        for previous in reversed(earlier):
            if previous.category == noun.pattern.category:
                return previous.actors
    return ()


def verb_doer(match, mention: EventMention, tokens, groups, syntax: Syntax) -> Group:
    """Who did the verb, for a verb joined to it: a meeting's subject rather than all its parties."""
    if match.pattern.reciprocal:
        subject = subject_of(match.first, tokens, groups, syntax)
        if subject is not None:
            return subject
    return Group(-1, -1, mention.actors)


def leading_group(tokens, groups: list[Group], syntax: Syntax) -> Group | None:
    """The first group of a sentence not introduced by a preposition or a speech verb."""
    for group in groups:
        previous = tokens[group.first - 1] if group.first > 0 else None
        if not any(syntax.has(k, previous) for k in ("location", "recipient", "agent", "speech")):
            return group
    return None


def reacted_event(match: PatternMatch, number: int, matches, tokens, syntax: Syntax, coded: dict) -> tuple:
    """A passive reaction ("dikecam", "was condemned") whose subject is an event noun coded just before it, in
    its clause: the reaction is to that event's doers, not to the one it was done to."""
    if match.pattern.category not in REACTIONS or number - 1 not in coded:
        return ()
    if not syntax.is_passive(tokens, match.head):
        return ()
    noun = matches[number - 1]
    if not syntax.is_noun_at(tokens, noun.head) or noun.first < syntax.clause_start(tokens, match.first):
        return ()
    return coded[number - 1].actors


def one_way(mention: EventMention, match: PatternMatch, tokens, syntax: Syntax, two_sided: frozenset) -> list[EventMention]:
    """ "Israel dan Iran saling melancarkan serangan": each side does it to the other, two one-way events (a
    meeting or a joint action is already one event of all its parties)."""
    mutual = any(syntax.has("mutual", t) for t in tokens[max(0, match.first - 2) : match.first])
    if not mutual or match.pattern.reciprocal or mention.category in two_sided:
        return [mention]
    if not {a.id for a in mention.recipients} <= {mention.location.country if mention.location else None}:
        return [mention]  # a recipient of its own, not just the place ("saling menyerang di Gaza")
    if len(mention.actors) < 2:
        return [mention]
    return [
        dataclasses.replace(mention, actors=(actor,), recipients=tuple(a for a in mention.actors if a is not actor))
        for actor in mention.actors
    ]


__all__ = [
    "NOUN_SUBJECT_GAP",
    "breaks_subject",
    "leading_group",
    "noun_subject",
    "object_event_doer",
    "one_way",
    "reacted_event",
    "undone_event",
    "verb_doer",
]
