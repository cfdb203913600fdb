"""Who did it and to whom: actors and recipients of an event phrase from the words around it.

Entities with an actor are first turned into token spans; spans joined by a conjunction ("Iran dan Pakistan",
"AS, Inggris dan Prancis") form one compound group. Then:
- active voice: the actor is the nearest group before the phrase (not one introduced by a preposition of place
  or of the object), the recipient the first group after it in the same clause;
- passive voice ("diserang oleh X", "ditangkap polisi"): the group before is the recipient, the doer follows;
- event nouns that may take their doer after them ("serangan Israel terhadap Iran");
- reciprocal events (meetings, agreements): every group around the phrase is an actor;
- a quote's speaker ("kata Jilani") or the previous sentence's subject when the phrase has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronik.events.lexicon import PatternMatch, Token
from kronik.events.syntax import Syntax
from kronik.records import Actor, EntityMention

NOUN_ACTOR_REACH = 2  # words between an event noun and a doer that follows it ("serangan udara Israel")
NOUN_AGENT_REACH = 8  # words between an event noun and the "by" that brings its doer
PASSIVE_AGENT_REACH = 2  # words between a passive verb and a doer that follows it without "oleh"
# where no recipient is named, the place is the target: a strike "di Iran", a rally "di depan Gedung Putih"
PLACE_IS_TARGET = frozenset({"ASSAULT", "PROTEST", "COERCE", "AID"})


@dataclass(frozen=True)
class Group:
    first: int  # token indices
    last: int
    actors: tuple[Actor, ...]


@dataclass(frozen=True)
class Roles:
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    location: Actor | None = None


def actor_groups(tokens: tuple[Token, ...], entities: list[EntityMention], syntax: Syntax) -> list[Group]:
    """Entities with actors as token spans, adjacent ones joined by conjunctions into compound groups."""
    spans: list[Group] = []
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.actor is None:
            continue
        inside = [t.index for t in tokens if t.start >= entity.start and t.end <= entity.end]
        if inside and inside[0] > 0 and syntax.has("currency", tokens[inside[0] - 1]):
            continue  # "5 juta dolar AS": a currency's country takes no part in the event
        if inside and entity.type == "PER" and spans and _affiliation_before(spans[-1], inside[0], tokens):
            spans[-1] = Group(spans[-1].first, inside[-1], (entity.actor,))  # the holder heads the phrase
        elif inside:
            spans.append(Group(inside[0], inside[-1], (entity.actor,)))
    groups: list[Group] = []
    for span in spans:
        if groups and _joined(groups[-1], span, tokens, syntax):
            previous = groups.pop()
            merged = previous.actors + tuple(a for a in span.actors if a.id not in {p.id for p in previous.actors})
            span = Group(previous.first, span.last, merged)
        elif groups and span.first <= groups[-1].last:
            continue  # overlapping entity: keep the first
        elif groups and span.first == groups[-1].last + 1 and _same_ids(span, groups[-1]):
            previous = groups.pop()  # "Warga Amerika Serikat (AS)": the abbreviation repeats the actor
            span = Group(previous.first, span.last, previous.actors)
        groups.append(span)
    return groups


def _affiliation_before(group: Group, person_first: int, tokens: tuple[Token, ...]) -> bool:
    """`group` is the body or state inside a title that a person right after it holds: "Direktur Utama
    [Pertamina] Karen Agustiawan", "Menteri Luar Negeri [Iran] Abbas Araghchi" (a capitalised title word before
    it, the person right after it): the person, not the body, takes part in the event."""
    return (
        group.last + 1 == person_first
        and group.first > 0
        and len(group.actors) == 1
        and group.actors[0].kind != "person"
        and tokens[group.first - 1].text[:1].isupper()
    )


def _same_ids(span: Group, group: Group) -> bool:
    return {a.id for a in span.actors} <= {a.id for a in group.actors}


def _joined(left: Group, right: Group, tokens: tuple[Token, ...], syntax: Syntax) -> bool:
    between = tokens[left.last + 1 : right.first]
    return 0 < len(between) <= 2 and all(syntax.has("conjunction", t) for t in between)


def assign_roles(
    match: PatternMatch,
    tokens: tuple[Token, ...],
    groups: list[Group],
    syntax: Syntax,
    fallback: Group | None,
    verbal: Group | None = None,
    doer: Group | None = None,
) -> Roles:
    """`fallback`: the previous sentence's subject; `verbal`: the doer of the previous verb of this sentence,
    which a verb joined to it takes ("Khamenei menolak ajakan AS dan memperingatkan ..."); `doer`: the actor
    the coder already knows (the doer of an event noun that is the verb's subject), where the phrase names none
    of its own."""
    location = _location(tokens, groups, syntax)
    if match.pattern.reciprocal:
        parties = _reciprocal(match, tokens, groups, syntax, fallback)
        return Roles(parties, (), location)
    if match.pattern.passive or syntax.is_passive(tokens, match.head):
        recipient = subject_of(match.first, tokens, groups, syntax)
        actor = _passive_agent(match, tokens, groups, syntax) or doer
        return _roles(actor, recipient, location)
    actor = doer
    recipient_from = match.last
    noun = syntax.is_noun_at(tokens, match.head)
    if noun and syntax.undergoes(tokens, match.first):  # "menerima ancaman bom", "tewas dalam serangan Israel"
        recipient = subject_of(match.first, tokens, groups, syntax)
        actor = group_after(match.last, groups, tokens=tokens, syntax=syntax, bare=True)
        return _roles(actor, recipient, location)
    if noun:  # "the arrest of mourners by Russian police"
        actor, object_ = noun_agent(match, tokens, groups, syntax)
        if actor is not None:
            return _roles(actor, object_, location)
    if match.pattern.noun_actor_after and noun:
        actor = group_after(match.last, groups, tokens=tokens, syntax=syntax, bare=True)
        if actor is not None:
            recipient_from = actor.last
    if actor is None and verbal is not None and verbal.actors and syntax.is_joined_verb(tokens, match.first):
        actor = verbal
    if actor is None and syntax.is_comma_joined_verb(tokens, match.first):
        actor = verbal if verbal is not None and verbal.actors else _subject_before_insertion(match.first, tokens, groups, syntax)
    if actor is None and syntax.is_participle_clause(tokens, match.first):
        actor = verbal if verbal is not None and verbal.actors else _main_subject(match.first, tokens, groups, syntax)
    if actor is None and syntax.inert_subject(tokens, match.first):
        return Roles((), (), location)  # "Piagam PBB melarang ...": a text, not an actor, forbids
    if actor is None:
        actor = subject_of(match.first, tokens, groups, syntax) or _speaker(tokens, groups, syntax)
        actor = actor or _carried(match, tokens, syntax, fallback) or _placed_subject(match.first, tokens, groups, syntax)
    recipient = _object(recipient_from, tokens, groups, syntax, actor)
    if recipient is None:  # "gave Hezbollah an ultimatum": the one acted upon inside the phrase
        recipient = _inside(match, groups, actor)
    if recipient is None and match.pattern.category in PLACE_IS_TARGET and location is not None:
        recipient = Group(-1, -1, (location,))
    return _roles(actor, recipient, location)


def _roles(actor: Group | None, recipient: Group | None, location: Actor | None) -> Roles:
    actors = actor.actors if actor else ()
    ids = {(a.id, a.sector) for a in actors}  # citizens may rally against their own state: sectors tell them apart
    recipients = tuple(a for a in (recipient.actors if recipient else ()) if (a.id, a.sector) not in ids)
    return Roles(actors, recipients, location)


def _reciprocal(match, tokens, groups, syntax, fallback) -> tuple[Actor, ...]:
    start = syntax.clause_start(tokens, match.first)
    parties: list[Actor] = []
    subject = subject_of(match.first, tokens, groups, syntax) or _speaker(tokens, groups, syntax)
    subject = subject or _carried(match, tokens, syntax, fallback) or _placed_subject(match.first, tokens, groups, syntax)
    chosen = [subject] if subject else []
    chosen += _parties_after(match, tokens, groups, syntax)
    chosen += [g for g in groups if start <= g.first and g.last < match.first and g is not subject and not _after_location(g, tokens, syntax)]
    for group in chosen:
        for actor in group.actors:
            if actor.id not in {p.id for p in parties}:
                parties.append(actor)
    return tuple(parties)


def subject_of(first: int, tokens: tuple[Token, ...], groups: list[Group], syntax: Syntax) -> Group | None:
    """The nearest group before the phrase at `first` that is not the object of a preposition, nor the modifier
    of a head noun that cannot act ("Piagam PBB melarang", "the UN Charter forbids"): there the subject is
    that noun, not the group."""
    for group in reversed([g for g in groups if g.last < first]):
        previous = tokens[group.first - 1] if group.first > 0 else None
        if syntax.has("inert_head", previous) or (group.last + 1 < first and syntax.has("inert_head", tokens[group.last + 1])):
            return None
        if any(syntax.has(kind, previous) for kind in ("location", "recipient", "agent")):
            continue
        if group.first > 0 and syntax.is_relative_passive(tokens, group.first - 1):
            continue  # the doer inside an attribute ("Houthi yang didukung Iran") is not the subject
        return group
    return None


def _subject_before_insertion(first, tokens, groups, syntax) -> Group | None:
    """ "Retno, dalam pertemuan dengan Menlu Jepang, mendesak ...": the subject before a phrase set off by
    commas that opens with a preposition or a subordinator."""
    commas = [t.index for t in tokens[:first] if t.text == ","]
    if len(commas) < 2 or commas[-2] + 1 >= len(tokens) or not syntax.has("insertion", tokens[commas[-2] + 1]):
        return None
    return subject_of(commas[-2], tokens, groups, syntax)


def _parties_after(match, tokens, groups, syntax) -> list[Group]:
    """The groups after a meeting phrase up to the next comma or semicolon: "bertemu dengan X dan Y" but not
    the object of a verb after a comma ("..., mendesak Israel"), nor one after a frame ("di tengah kebuntuan
    dengan Iran"). Clause words are no limit here: a relative on the meeting noun still names its parties
    ("pembicaraan yang bertujuan mengakhiri perang dengan AS"), and "sementara" is also "interim"."""
    parties: list[Group] = []
    edge = match.last
    for group in (g for g in groups if g.first > match.last):
        gap = tokens[edge + 1 : group.first]
        if any(t.text in (",", ";") or syntax.has("frame", t) for t in gap):
            break
        edge = group.last
        if not _after_location(group, tokens, syntax) and not syntax.has("vicinity", tokens[group.first - 1]):
            parties.append(group)
    return parties


def _placed_subject(first, tokens, groups, syntax) -> Group | None:
    """Where no subject is named, a state after "in" in the subject phrase stands for it ("The military
    government in Myanmar imposed …", "lawmakers in Serbia boycotted …")."""
    start = syntax.clause_start(tokens, first)
    for group in [g for g in groups if start <= g.first and g.last < first]:
        if _after_location(group, tokens, syntax):
            actor = group.actors[0]
            if actor.kind == "state" or actor.country:
                return group
    return None


def _main_subject(first, tokens, groups, syntax) -> Group | None:
    """The subject of the clause a participle clause hangs on: the subject before its subordinator."""
    index = first - 1
    while index >= 0 and not syntax.has("subordinator", tokens[index]):
        index -= 1
    return subject_of(index, tokens, groups, syntax) if index > 0 else None


def _carried(match, tokens, syntax, fallback: Group | None) -> Group | None:
    """The previous sentence's subject, where this clause points back to it ("Ia mengecam …", "Pihaknya …") or
    has no subject of its own; not where a noun the recogniser left unnamed stands there ("Polisi memeriksa …")."""
    if fallback is None:
        return None
    before = tokens[syntax.clause_start(tokens, match.first) : match.first]
    if not before or any(syntax.points_back(t) for t in before):
        return fallback
    return None


def _speaker(tokens, groups, syntax) -> Group | None:
    """The group right after a speech verb ("kata Jilani", "menurut Kemlu", "said Jilani")."""
    for group in groups:
        previous = tokens[group.first - 1] if group.first > 0 else None
        if syntax.has("speech", previous):
            return group
    return None


def _passive_agent(match, tokens, groups, syntax) -> Group | None:
    """The doer of a passive: after "oleh"/"by" (determiners aside: "by the KPK"), or right after the verb."""
    for group in groups:
        if group.first <= match.last:
            continue
        start = group.first - 1
        while start > match.last and syntax.has("determiner", tokens[start]):
            start -= 1
        if syntax.has("agent", tokens[start]) or start - match.last < PASSIVE_AGENT_REACH:
            return group
    return None


def noun_agent(match: PatternMatch, tokens: tuple[Token, ...], groups: list[Group], syntax: Syntax) -> tuple[Group | None, Group | None]:
    """An event noun with its doer after "by" ("the arrest of hundreds of mourners by Russian police"): the
    doer, and the group between the noun and "by" as the one acted upon."""
    for index in range(match.last + 1, min(len(tokens), match.last + NOUN_AGENT_REACH + 1)):
        token = tokens[index]
        if syntax.has("clause", token) or syntax.has("speech", token) or _own_passive(tokens, index, syntax):
            return None, None  # "Serangan Israel ... dikutuk oleh Turki": that "oleh" is the passive verb's
        if syntax.has("agent", token):
            start = syntax.after_determiners(tokens, index + 1)
            doer = next((g for g in groups if g.first == start), None)
            between = [g for g in groups if match.last < g.first and g.last < index]
            return doer, (between[0] if doer and between else None)
    return None, None


def _own_passive(tokens, index, syntax) -> bool:
    """A passive verb with a doer of its own, unlike a light verb's ("Panggilan itu dikirim oleh KPK")."""
    token = tokens[index]
    return syntax.is_passive(tokens, index) and not any(syntax.has(k, token) for k in ("passive_light_verb", "passive_carrier"))


def _inside(match, groups, actor: Group | None) -> Group | None:
    """A group inside the matched phrase, after its first word ("gave Pakistan a loan")."""
    for group in groups:
        if match.head < group.first and group.last <= match.last and not _same(group, actor):
            return group
    return None


def _same(group: Group, other: Group | None) -> bool:
    return other is not None and {a.id for a in group.actors} == {a.id for a in other.actors}


def group_after(index, groups, reach=NOUN_ACTOR_REACH, tokens=(), syntax=None, bare=False) -> Group | None:
    """The first group starting within `reach` words after `index` ("serangan drone Israel"); with `bare`, none
    when a preposition or clause word stands between."""
    for group in groups:
        if index < group.first <= index + reach + 1:
            between = tokens[index + 1 : group.first]
            if bare and any(syntax.has(k, t) for t in between for k in ("recipient", "location", "clause", "agent")):
                return None
            return group
    return None


def _object(index, tokens, groups, syntax, actor: Group | None = None) -> Group | None:
    """The first group after `index` in the same clause, not one after a preposition of place nor one naming
    the actor again ("Turkish police detained Istanbul's mayor"); a relative clause set off by commas
    (", yang dilancarkan bersama Israel,") is stepped over."""
    skipped = _relative_spans(index, tokens, syntax)
    for group in groups:
        if group.first <= index or any(a <= group.first <= b for a, b in skipped):
            continue
        between = [t for t in tokens[index + 1 : group.first] if not any(a <= t.index <= b for a, b in skipped)]
        if any(syntax.splits_clause(tokens, t.index) for t in between):
            return None
        if _after_location(group, tokens, syntax) or _same(group, actor):
            continue
        return group
    return None


def _relative_spans(index, tokens, syntax) -> list[tuple[int, int]]:
    """Token spans of relative clauses between commas after `index`: ", yang … ," / ", which … ,"."""
    spans = []
    for i in range(index + 1, len(tokens) - 1):
        if tokens[i].text == "," and syntax.has("relative", tokens[i + 1]):
            end = next((j for j in range(i + 2, len(tokens)) if tokens[j].text == ","), None)
            if end is not None:
                spans.append((i, end))
    return spans


def _after_location(group: Group, tokens, syntax) -> bool:
    return group.first > 0 and syntax.has("location", tokens[group.first - 1])


def _location(tokens, groups, syntax) -> Actor | None:
    """The first place after a preposition of place; a bare place ("di Jakarta") before a body's building ("di
    depan Kedutaan Besar AS": the embassy stands in Jakarta, not in the United States)."""
    placed = [g.actors[0] for g in groups if _after_location(g, tokens, syntax)]
    placed = [a for a in placed if a.kind == "state" or a.country]
    return next((a for a in placed if a.sector is None), placed[0] if placed else None)
