"""The event coder stage: phrase dictionaries + roles + modality + dates -> `EventMention`s."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from kronik.dates import DateResolver
from kronik.events.dating import EventDater
from kronik.events.lexicon import Lemmatizer, Lexicon, PatternMatch, Token, parse_alternative, tokenize
from kronik.events.plover import Plover
from kronik.events.protest import placed_bodies, protest_roles
from kronik.events.roles import NOUN_ACTOR_REACH, Group, Roles, actor_groups, assign_roles, noun_agent
from kronik.events.subjects import (
    leading_group,
    noun_subject,
    object_event_doer,
    one_way,
    reacted_event,
    undone_event,
    verb_doer,
)
from kronik.events.syntax import Syntax
from kronik.knowledge import is_curated
from kronik.lang import home_state, load_entries
from kronik.records import Article, EntityMention, EventMention, Location

log = logging.getLogger(__name__)

COOPERATIVE = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT"})  # a future one is an AGREE
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})  # a future one is a THREATEN
FUTURE_KEPT = frozenset({"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"})
TWO_SIDED = frozenset({"CONSULT", "COOPERATE"})  # a meeting or joint action takes two sides
PASSIVE_LIGHT_REACH = 6  # words between an event noun and the passive light verb it is the subject of
BULLETS = ("-", "•", "–", "*", "·")  # list markers: typography, the same in every language


@dataclass(frozen=True)
class ModeCue:
    id: str
    category: str
    mode: str
    window: int
    words: tuple


class LanguageRules:
    """Everything the coder knows of one language, loaded once."""

    def __init__(self, language: str):
        self.language = language
        self.lemmatize = Lemmatizer(language)
        self.lexicon = Lexicon(language, self.lemmatize)
        self.syntax = Syntax.load(language)
        # the state whose press writes in this language: the country of protesters placed nowhere else
        self.home = home_state(language)
        self.mode_cues = tuple(
            ModeCue(
                f"{language}:{e['id']}",
                e["category"],
                e["mode"],
                int(e.get("window", 3)),
                tuple(parse_alternative(str(w), self.lemmatize) for w in e["words"]),
            )
            for e in load_entries(language, "event_modes")
        )

    def mode_for(self, category: str, mode: str | None, tokens: tuple[Token, ...], match: PatternMatch):
        """A mode from nearby words where the phrase gives none (or only a generic one)."""
        for cue in self.mode_cues:
            if cue.category != category:
                continue
            low, high = max(0, match.first - cue.window), min(len(tokens), match.last + cue.window + 1)
            for i in range(low, high):
                if match.first <= i <= match.last and mode is not None:
                    continue
                if any(alt.match_at(tokens, i) for alt in cue.words):
                    return cue.mode, cue.id
        return mode, None


class EventCoder:
    """Stage "events": codes PLOVER events sentence by sentence."""

    name = "events"
    version = "0.1.0"
    requires = ("text", "sentences", "language", "entities", "dates")
    assigns = ("events",)

    def __init__(self, languages: tuple[str, ...], default_language: str, dater: EventDater | None = None):
        self.plover = Plover.load()
        self.rules = {code: LanguageRules(code) for code in languages}
        self.default_language = default_language
        self.dater = dater or EventDater(DateResolver(languages))

    def __call__(self, article: Article) -> Article:
        rules = self.rules.get(article.language or "", self.rules[self.default_language])
        mentions: list[EventMention] = []
        previous_subject: Group | None = None
        repeats: set[int] = set()  # mentions told by a bare event noun without a recipient
        for sentence in article.sentences:
            tokens = tokenize(sentence.text, sentence.start, rules.lemmatize)
            if rules.syntax.is_off_topic(tokens) or _headline_list(sentence.text):
                continue  # sport: "the striker scored" is no political event; a list of other stories' titles
            entities = [e for e in article.entities if sentence.start <= e.start and e.end <= sentence.end]
            groups = actor_groups(tokens, [e for e in entities if _political(e)], rules.syntax)
            matches = rules.lexicon.find(tokens)
            subject: Group | None = None
            verbal: Group | None = None  # the doer of the last verb of this sentence, for a verb joined to it
            coded: dict[int, EventMention] = {}  # this sentence's mentions by the number of their match
            orphan = False  # the last verb had an event noun with no told doer as its subject
            for number, match in enumerate(matches):
                if _yields_to_object(match, matches[number + 1 :], tokens, rules):
                    continue
                if _modifies_noun(match, matches[:number], tokens, rules):
                    continue  # "ancaman bom": the second noun tells what the threat is of, no event of its own
                if _promises_force(match, matches[number + 1 :]) or _caused(match, matches[:number], tokens, groups, rules):
                    continue
                if _invited(match, matches[:number], tokens, groups, rules):
                    continue  # "mengundangnya berkunjung": the visit is what the invitation is for
                doer = noun_subject(match, number, matches, tokens, groups, rules.syntax, coded)
                if orphan and doer is None and rules.syntax.is_joined_verb(tokens, match.first):
                    continue  # "the attack killed three and wounded eleven": the joined verb has no doer either
                if doer is not None and not doer.actors:
                    orphan = True
                    continue  # "serangan drone yang menghantam X" after "mengecam": no doer told
                undone = undone_event(match, tokens, rules.syntax, list(coded.values()))  # in article order
                doer = doer or (Group(-1, -1, undone.actors) if undone else None)
                context = (previous_subject, verbal, doer)
                mention = self._code(article, sentence, tokens, groups, entities, match, rules, context)
                if mention is None:
                    continue
                if undone is not None and _ids(mention.actors) == _ids(undone.actors) and undone.recipients:
                    mention = dataclasses.replace(mention, recipients=undone.recipients)
                reacted = reacted_event(match, number, matches, tokens, rules.syntax, coded)
                if reacted:  # "Penangkapan X oleh polisi Rusia dikecam Uni Eropa": the arresters are condemned
                    mention = dataclasses.replace(mention, recipients=reacted)
                if not mention.recipients:
                    target = object_event_doer(match, matches[number + 1 :], tokens, groups, rules.syntax, mentions)
                    mention = dataclasses.replace(mention, recipients=target)
                if not mention.recipients and (match.pattern.needs_recipient or _counts_witnesses(match, tokens, rules)):
                    continue
                noun = rules.syntax.is_noun_at(tokens, match.head)
                light = noun and rules.syntax.after_light_verb(tokens, match.first)
                if noun and not mention.recipients and not light:
                    repeats.add(len(mentions))
                if light or not noun:  # "mengadakan pertemuan" is as much a verb as "bertemu"
                    verbal = verb_doer(match, mention, tokens, groups, rules.syntax)
                    orphan = False
                if not noun and not match.pattern.reciprocal:  # a meeting's parties are not all its subject
                    subject = subject or verbal
                coded[number] = mention
                mentions.extend(one_way(mention, match, tokens, rules.syntax, TWO_SIDED))
            # who the sentence is about, for a next one opening with "Dia"/"He": the doer of its first verb
            previous_subject = subject or leading_group(tokens, groups, rules.syntax) or previous_subject
        kept = _distinct(_without_repeats(mentions, repeats))
        events = tuple(dataclasses.replace(m, id=f"{article.id}:e{n}") for n, m in enumerate(kept, 1))
        return dataclasses.replace(article, events=events)

    def _code(self, article, sentence, tokens, groups, entities, match, rules, context):
        previous_subject, verbal, doer = context
        if _inside_entity(tokens, match, entities):
            return None
        category = match.pattern.category
        if rules.syntax.is_anaphoric(tokens, match.first, match.last) and category not in ("ACCUSE", "REJECT"):
            return None
        modality = _polar(match.pattern.polarity, _modality(match, tokens, rules.syntax))
        if modality in ("negated", "modal", "hypothetical", "denied"):
            return None
        if not _licensed(match, tokens, groups, rules):
            return None
        if match.pattern.relative_is_attribute and rules.syntax.is_relative_passive(tokens, match.head):
            return None  # "Hizbullah yang didukung Iran" describes the group; it reports no event
        if modality == "future":
            if category in COOPERATIVE:
                category = "AGREE"
            elif category in FORCEFUL:
                category = "THREATEN"
            elif category not in FUTURE_KEPT:
                return None
        if _anaphoric_after_doer(match, tokens, groups, rules) and category not in ("ACCUSE", "REJECT"):
            return None
        roles: Roles = assign_roles(match, tokens, groups, rules.syntax, previous_subject, verbal, doer)
        civil = match.pattern.by_civilians
        if civil and roles.actors and all(a.sector == "CVL" for a in roles.actors):
            category = civil[0]  # "Ratusan nelayan memblokade pelabuhan": citizens who block protest
        if category == "PROTEST":
            roles = protest_roles(roles, match, tokens, groups, rules.syntax, rules.home)
        roles = dataclasses.replace(roles, actors=placed_bodies(roles.actors, roles.location))
        if not roles.actors:
            return None
        if category in TWO_SIDED and len(roles.actors) + len(roles.recipients) < 2 and not _summit_of(match, roles):
            return None  # a meeting, a call or a joint exercise takes two sides; one alone is a topic
        mode = match.pattern.mode if category == match.pattern.category else civil[1] if civil and category == civil[0] else None
        mode, cue_id = rules.mode_for(category, mode, tokens, match)
        start, end = tokens[match.first].start, tokens[match.last].end
        date, precision, date_text = self.dater.date_of(article, start, end, category, future=modality == "future")
        location = (
            Location(roles.location.name, roles.location.country or roles.location.id) if roles.location else None
        )
        entry_ids = (match.pattern.id,) + ((cue_id,) if cue_id else ())
        return EventMention(
            id="",
            category=category,
            mode=mode,
            actors=roles.actors,
            recipients=roles.recipients,
            sentence_index=sentence.index,
            start=sentence.start,
            end=sentence.end,
            sentence=sentence.text,
            date=date,
            date_precision=precision,
            date_text=date_text,
            context=match.pattern.context,
            location=location,
            score=self.plover.score(category, mode),
            entry_ids=entry_ids,
        )


def _licensed(match: PatternMatch, tokens, groups: list[Group], rules: LanguageRules) -> bool:
    """A verb form always counts; a noun form ("serangan", "ancaman") only when it is the object of a light
    verb ("melancarkan serangan"), when its doer follows it ("serangan Israel"), or when its entry says the
    noun itself reports the event (meetings, phone calls)."""
    head = tokens[match.head]
    if rules.syntax.is_agent_noun(head):
        return False
    if not rules.syntax.is_noun_at(tokens, match.head):
        return True
    if rules.syntax.is_framed(tokens, match.first):
        return False  # "during the summit": the noun sets the time of another event
    if match.pattern.noun_ok:
        return True
    if rules.syntax.after_light_verb(tokens, match.first) or _before_passive_light_verb(match, tokens, rules):
        return True
    if noun_agent(match, tokens, groups, rules.syntax)[0] is not None:
        return True  # "the arrest of mourners by Russian police"
    follows = [g for g in groups if match.last < g.first <= match.last + 2]
    return match.pattern.noun_actor_after and bool(follows)


def _summit_of(match: PatternMatch, roles: Roles) -> bool:
    """ "Para pemimpin ASEAN berkumpul dalam KTT": a summit of one international body is a meeting of its members."""
    return match.pattern.mode == "multilateral" and len(roles.actors) == 1 and roles.actors[0].sector == "IGO"


def _before_passive_light_verb(match: PatternMatch, tokens, rules: LanguageRules) -> bool:
    """ "Aksi unjuk rasa pro-Palestina digelar di ...", "a rally against the war was held": the noun is the
    subject of a passive light verb a few words on, with no comma or clause word between."""
    for token in tokens[match.last + 1 : match.last + PASSIVE_LIGHT_REACH + 2]:
        if rules.syntax.breaks_clause(token):
            return False
        if rules.syntax.has("passive_light_verb", token):
            return True
    return False


def _yields_to_object(match: PatternMatch, later: list[PatternMatch], tokens, rules: LanguageRules) -> bool:
    """An order whose object is an event noun ("memerintahkan pengerahan pasukan") reports that event, coded
    from the noun with the one who orders as its actor, rather than a request."""
    if not match.pattern.yields_to_object:
        return False
    following = [m for m in later if match.last < m.first <= match.last + 2]
    return bool(following) and rules.syntax.is_noun_at(tokens, following[0].head)


def _headline_list(text: str) -> bool:
    """ "- Jakarta stocks close higher - Bali airport expands ...": a list of other stories' titles that the
    cleaner left run together; it reports nothing of this story. Two list markers or more, the first leading."""
    stripped = text.lstrip()
    if not stripped.startswith(BULLETS):
        return False
    return any(f" {b} " in stripped for b in BULLETS)


def _modality(match: PatternMatch, tokens, syntax: Syntax) -> str:
    """The event phrase's own modality; for a noun made an event by a light verb, a negation of that verb holds
    too ("belum juga melakukan upaya penahanan")."""
    own = syntax.modality(tokens, match.first)
    light = syntax.light_verb_index(tokens, match.first) if syntax.is_noun_at(tokens, match.head) else None
    if own != "asserted" or light is None:
        return own
    return "negated" if syntax.modality(tokens, light) == "negated" else own


def _invited(match: PatternMatch, earlier: list[PatternMatch], tokens, groups: list[Group], rules: LanguageRules) -> bool:
    """The event right after an invitation and its invitee is what is invited to ("mengundang Presiden Prabowo
    berkunjung ke Tokyo", "invited him to visit"): a plan told by the invitation (an AGREE), no event itself."""
    if not earlier or not earlier[-1].pattern.invites:
        return False
    inviting = earlier[-1]
    between = [
        t for t in tokens[inviting.last + 1 : match.first]
        if not any(g.first <= t.index <= g.last for g in groups) and not rules.syntax.has("purpose", t)
    ]
    return len(between) <= 2 and not any(rules.syntax.breaks_clause(t) for t in between)


def _polar(polarity: str, modality: str) -> str:
    """The modality of an idiom that is an event only when negated ("tidak akan tinggal diam") or only when
    future ("akan merespons dengan tegas"): 'asserted' (or 'future') where it holds, else 'negated'."""
    if polarity == "negative":
        return "future" if modality == "negated" else "negated"
    if polarity == "future" and modality != "future":
        return "negated"
    return modality


def _modifies_noun(match: PatternMatch, earlier: list[PatternMatch], tokens, rules: LanguageRules) -> bool:
    """An event noun right after another ("ancaman bom", "ancaman serangan") says what the first is of."""
    if not earlier or earlier[-1].last + 1 != match.first:
        return False
    return rules.syntax.is_noun_at(tokens, earlier[-1].head) and rules.syntax.is_noun_at(tokens, match.head)


def _promises_force(match: PatternMatch, later: list[PatternMatch]) -> bool:
    """ "berjanji menghancurkan Hamas": a promise of force is a threat, told by the forceful phrase after it."""
    if not match.pattern.force_is_threat:
        return False
    following = [m for m in later if match.last < m.first <= match.last + 3]
    return bool(following) and following[0].pattern.category in FORCEFUL


def _caused(match: PatternMatch, earlier: list[PatternMatch], tokens, groups: list[Group], rules: LanguageRules) -> bool:
    """A causative verb ("mendorong") whose subject is an event reports no act of its own: "Serangan Iran
    mendorong Pakistan menarik duta besarnya", "..., mendorong warga mengungsi" after a use of force."""
    if not match.pattern.causative or not earlier:
        return False
    syntax = rules.syntax
    cause = earlier[-1]
    if match.first - cause.last > 8:
        return False
    previous = tokens[match.first - 1]
    if previous.text == "," or syntax.has("relative", previous):
        return cause.pattern.category in FORCEFUL or syntax.is_noun_at(tokens, cause.head)
    if cause.last < syntax.clause_start(tokens, match.first) - 1:
        return False
    if not syntax.is_noun_at(tokens, cause.head):
        return False
    between = [g for g in groups if cause.last < g.first and g.last < match.first]
    return len(between) <= 1 and all(g.first <= cause.last + 1 + NOUN_ACTOR_REACH for g in between)


def _counts_witnesses(match: PatternMatch, tokens, rules: LanguageRules) -> bool:
    """ "telah memeriksa 65 orang saksi": an agency's count of witnesses heard names no one; left out."""
    if match.pattern.category != "ACCUSE" or match.pattern.mode != "investigate":
        return False
    return any(rules.syntax.has("witness", t) for t in tokens[match.last + 1 : match.last + 5])


def _anaphoric_after_doer(match: PatternMatch, tokens, groups: list[Group], rules: LanguageRules) -> bool:
    """ "Serangan Tel Aviv itu": an event noun whose doer is followed by an anaphor points back to an event told."""
    if not rules.syntax.anaphor_after or not rules.syntax.is_noun_at(tokens, match.head):
        return False
    doer = [g for g in groups if g.first == match.last + 1]
    return bool(doer) and doer[0].last + 1 < len(tokens) and rules.syntax.has("anaphor", tokens[doer[0].last + 1])


def _without_repeats(mentions: list[EventMention], repeats: set[int]) -> list[EventMention]:
    """An event noun with no recipient ("akibat serangan Israel") whose doer has an event of the same category
    with a recipient elsewhere in the article retells that conflict in passing: it is dropped."""
    def told(mention: EventMention) -> bool:
        return any(
            other.category == mention.category and other.recipients and _ids(other.actors) == _ids(mention.actors)
            for other in mentions
        )

    return [m for n, m in enumerate(mentions) if n not in repeats or not told(m)]


def _distinct(mentions: list[EventMention]) -> list[EventMention]:
    """One event per (category, actors, recipients, date) in an article, as the annotation guide counts them.

    A mention that says less than another of the same category and actors (no recipient where the other has
    one, no date where the other has one) is the same event told again, and is dropped; article order is kept.
    """
    def says_more(a: EventMention, b: EventMention) -> bool:  # a covers b
        return (
            a.category == b.category
            and _ids(a.actors) == _ids(b.actors)
            and _ids(b.recipients) <= _ids(a.recipients)
            and (b.date is None or b.date == a.date)
        )

    kept: list[EventMention] = []
    for mention in mentions:
        if any(says_more(other, mention) for other in kept):
            continue
        kept = [other for other in kept if not says_more(mention, other)]
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.sentence_index, m.start))


def _political(entity: EntityMention) -> bool:
    """Whether an entity can take part in an event: a state, a known actor, a group, a body with a sector, or a
    person named in full or tied to a country. Lone unknown capitalised words ("Jemaah", a glued "Israeldi")
    are not, nor news media, which in a news story are the sources that report."""
    actor = entity.actor
    if actor is None or actor.sector == "MED":  # news media are the sources that report, rarely actors
        return False
    if actor.country or is_curated(actor.id) or actor.kind in ("state", "group"):
        return True
    if actor.kind == "organization":
        return actor.sector is not None
    return len(actor.name.split()) >= 2


def _ids(actors) -> frozenset[str]:
    return frozenset(a.id for a in actors)


def _inside_entity(tokens: tuple[Token, ...], match: PatternMatch, entities: list[EntityMention]) -> bool:
    """The event word is part of a name ("Komisi Pemberantasan Korupsi"); not of a name the coder would never
    take for an actor ("KTT" recognised as a body of no country or sector): that one hides no event."""
    head = tokens[match.head]
    return any(e.start <= head.start and head.end <= e.end and (e.actor is None or _political(e)) for e in entities)


__all__ = ["EventCoder", "LanguageRules"]
