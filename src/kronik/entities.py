"""Find named entities (people, organisations, places) and resolve them to actors.

How it works, per sentence: split into word tokens; walk them, matching (longest first) generic phrases
("militer Israel"), names the knowledge base knows (states, seats of government, places, curated actors),
and runs of capitalised words. A capitalised run is read with the cue words of `lang/<code>/entity_cues.yaml`:
titles before a person ("Menteri Luar Negeri Iran Hossein Amir-Abdollahian"), words that start an
organisation ("Kementerian ...") or a place ("Selat ..."), and the lower-case words just before the run
("kelompok", "ujar", "di"). Afterwards, within one article, short forms ("Jilani") take the actor of the
fullest form that contains them.

Every mention records the rule that found it; rules starting with "generic:" name an actor without a proper
name and are left out of `tag` and of NER scoring.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from kronik.gazetteer import TOKEN, fold, slug
from kronik.knowledge import KnowledgeBase, NameEntry
from kronik.ner.cues import Cue, CueBook, Token
from kronik.ner.features import SpanContext
from kronik.ner.filters import UNSURE_RULE, Candidate, MentionFilter
from kronik.ner.initials import PersonLists, looks_like_initials
from kronik.ner.shortforms import resolve_short_forms
from kronik.ner.titles import STATE_USES, TitleHolders, join_parenthetical
from kronik.ner.lexicon import DISTRICT, REGENCY, VILLAGE, PersonNames, RegionNames
from kronik.ner.typer import SpanTyper
from kronik.records import Actor, Article, EntityMention

log = logging.getLogger(__name__)

LIST_RULE = "context:person-list"  # a name in a list after "yakni", "yaitu": a person in the pipeline, not in `tag`
SENTENCE_END = re.compile(r"[.!?\n:\"“”]\s*$")


@dataclass
class Piece:
    """A part of a capitalised run: a known name, a cue-led name, or unknown words."""

    tokens: list[Token]
    kind: str  # known, org, loc, region, unknown
    entries: tuple[NameEntry, ...] = ()
    cue: Cue | None = None


class EntityRecognizer:
    """Stage "entities": finds PER/ORG/LOC mentions and resolves them to actors."""

    name = "entities"
    version = "0.1.0"
    requires = ("text", "sentences", "language")
    assigns = ("entities",)

    def __init__(
        self,
        kb: KnowledgeBase,
        languages: tuple[str, ...],
        person_names: PersonNames | None = None,
        regions: RegionNames | None = None,
    ):
        self.kb = kb
        self.languages = languages
        self.cues = CueBook(languages)
        self.person_names = person_names or PersonNames.load()
        self.regions = regions or (RegionNames.load() if "id" in languages else RegionNames({}))
        place_nouns = frozenset(key[0] for key in self.cues.by_kind["place_noun"] if len(key) == 1)
        self.person_lists = PersonLists(self.cues)
        self.title_holders = TitleHolders(kb)
        self.filter = MentionFilter(SpanTyper.load(), self.cues.is_common, place_nouns)

    def __call__(self, article: Article) -> Article:
        spans = [(s.start, s.end) for s in article.sentences] or [(0, len(article.text))]
        return dataclasses.replace(article, entities=tuple(self.recognise(article.text, spans, day=article.published)))

    def tag(self, text: str) -> list[EntityMention]:
        """Named entities in raw text (no sentence split needed): no generic ("generic:") mentions, and no
        capitalised run without evidence of a type ("name:unsure"), nor one read as a person only for standing in a
        list after "yakni" (`LIST_RULE`; on NERGrit's encyclopedic text such lists are as often works or places; on
        news they are people: dev2 alias merging 0.840 without the rule, 0.852 with it)."""
        mentions = self.recognise(text, [(0, len(text))], keep_unsure=False)
        return [m for m in mentions if not m.rule.startswith("generic:") and m.rule != LIST_RULE]

    def recognise(
        self, text: str, spans: list[tuple[int, int]], keep_unsure: bool = True, day: dt.date | None = None
    ) -> list[EntityMention]:
        """The mentions in the sentences `spans` of `text` (generic ones included) that pass the filter.

        The pipeline keeps unsure mentions (capitalised runs typed PER without evidence: no cue, no known first
        or last name): an event needs its actors, and on news those runs are mostly names (dev2 entity recall
        0.963 with them, 0.933 without). `tag` leaves them out: on NERGrit's encyclopedic text they are mostly
        titles of works and foreign phrases (valid F1 0.553 -> 0.607)."""
        context, candidates = self.candidates(text, spans, day)
        return self.filter.apply(text, context, candidates, keep_unsure)

    def candidates(
        self, text: str, spans: list[tuple[int, int]] | None = None, day: dt.date | None = None
    ) -> tuple[SpanContext, list[Candidate]]:
        """Every mention the rules find in the sentences `spans` of `text` (default: all of it, one sentence),
        short forms resolved, with the tokens they cover as the span typer sees them. `day`: the publication
        date, on which a title standing alone ("Menlu AS") names its holder."""
        sentences = [self._tokens(text, start, end) for start, end in spans or [(0, len(text))]]
        found = [m for tokens in sentences for m in self._find(text, tokens, day)]
        mentions = join_parenthetical(text, resolve_short_forms(found))
        tokens = [token for sentence in sentences for token in sentence]
        first_token = {token.start: i for i, token in enumerate(tokens)}
        last_token = {token.end: i for i, token in enumerate(tokens)}
        found = [Candidate(m, first_token[m.start], last_token[m.end] + 1) for m in mentions]
        return span_context(text, tokens), found

    @staticmethod
    def _tokens(text: str, start: int, end: int) -> list[Token]:
        tokens: list[Token] = []
        previous_end = start
        for match in TOKEN.finditer(text, start, end):
            initial = not tokens or bool(SENTENCE_END.search(text[previous_end : match.start()]))
            word = _without_possessive(match.group())  # "Indonesia's" -> "Indonesia"
            tokens.append(Token(match.start(), match.start() + len(word), word, fold(word), initial))
            previous_end = match.end()
        return tokens

    def _find(self, text: str, tokens: list[Token], day: dt.date | None) -> list[EntityMention]:
        found: list[EntityMention] = []
        i = 0
        while i < len(tokens):
            generic = self._generic(text, tokens, i)
            if generic is not None:
                found.append(generic[0])
                i = generic[1]
                continue
            if self._starts_name(tokens, i):
                stop = self._run_end(text, tokens, i)
                found.extend(self._read_run(text, tokens, i, stop, day))
                i = max(stop, i + 1)
            else:
                i += 1
        return found

    def _starts_name(self, tokens: list[Token], i: int) -> bool:
        token = tokens[i]
        return token.capitalised or (
            "-" in token.text and token.key.split("-")[0] in self.cues.particles and token.text.split("-")[1][:1].isupper()
        )

    def _run_end(self, text: str, tokens: list[Token], i: int) -> int:
        """One past the last token of the capitalised run starting at i."""
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end : tokens[j].start]
            previous = tokens[j - 1]
            if gap != " " and not (gap == ". " and len(previous.text) == 1 and previous.capitalised):
                break
            if self._starts_name(tokens, j) or tokens[j].text.isdigit() and len(tokens[j].text) <= 3:
                j += 1
            elif tokens[j].key in self.cues.particles and j + 1 < len(tokens) and tokens[j + 1].capitalised:
                j += 1
            else:
                break
        while j > i + 1 and not self._starts_name(tokens, j - 1) and not tokens[j - 1].text.isdigit():
            j -= 1
        return j

    def _generic(self, text: str, tokens: list[Token], i: int) -> tuple[EntityMention, int] | None:
        """A body of a state without a proper name: "militer Israel" (or "Israeli forces"); or a body of people
        named by a common noun alone ("polisi", "prosecutors", "mahasiswa"), left for the setting stage to place."""
        for kind in ("generic", "body"):
            found = self._generic_of_state(text, tokens, i, kind)
            if found is not None:
                return found
        length, cue = self.cues.match("body", tokens, i)
        if cue is None or tokens[i].capitalised and not tokens[i].initial:
            return None
        if i + length < len(tokens) and self._starts_name(tokens, i + length):
            return None  # "Jaksa Agung ...", "Polisi Iran": a title or a name follows
        if self.cues.before("body_head_before", tokens, i) or self.cues.match("body_head_after", tokens, i + length)[0]:
            return None  # "kantor polisi", "police station": the body word names a thing of the body
        span = tokens[i : i + length]
        name = text[span[0].start : span[-1].end]
        actor = Actor(id=f"new:{cue.id}", name=name, kind="organization", country=None, sector=cue.sector, aliases=())
        return self._mention(text, span, "ORG", actor, f"generic:{cue.id}"), i + length

    def _generic_of_state(self, text: str, tokens: list[Token], i: int, kind: str) -> tuple[EntityMention, int] | None:
        length, cue = self.cues.match(kind, tokens, i)
        if cue is not None:
            state_length, entry = self._known(tokens, i + length, len(tokens), states_only=True)
            if entry is not None:
                stop = i + length + state_length
                return self._generic_mention(text, tokens[i:stop], cue, entry), i + length
        state_length, entry = self._known(tokens, i, len(tokens), states_only=True)
        if entry is not None and entry.use == "adjective":
            length, cue = self.cues.match(kind, tokens, i + state_length)
            if cue is not None:
                stop = i + state_length + length
                return self._generic_mention(text, tokens[i:stop], cue, entry), stop
        return None

    def _generic_mention(self, text: str, span: list[Token], cue: Cue, entry: NameEntry) -> EntityMention:
        state = self.kb.state(entry.actor_id)
        actor = dataclasses.replace(state, sector=cue.sector, aliases=())
        return EntityMention(span[0].start, span[-1].end, text[span[0].start : span[-1].end], "ORG", actor, f"generic:{cue.id}")

    def _known(
        self, tokens: list[Token], i: int, stop: int, states_only: bool = False
    ) -> tuple[int, NameEntry | None]:
        """Longest name the KB knows starting at token i (case rules applied): (length, entry)."""
        if i >= stop or not self._starts_name(tokens, i):
            return 0, None
        for end in range(min(stop, i + self.kb.max_key_length), i, -1):
            entries = self.kb.lookup(tuple(t.key for t in tokens[i:end]))
            for entry in entries:
                if states_only and entry.use not in ("name", "short", "adjective"):
                    continue
                if entry.exact_case and " ".join(t.text for t in tokens[i:end]) != " ".join(TOKEN.findall(entry.surface)):
                    continue
                if not tokens[end - 1].capitalised and not tokens[end - 1].text.isdigit() and entry.use != "actor":
                    continue
                return end - i, entry
        return 0, None

    # --- reading a capitalised run ---

    def _read_run(self, text: str, tokens: list[Token], i: int, stop: int, day: dt.date | None = None) -> list[EntityMention]:
        i = self._skip_openers(tokens, i, stop)
        if i >= stop:
            return []
        if stop - i == 1 and looks_like_initials(tokens[i]):
            known = self._known(tokens, i, stop)[0] > 0  # looked up only for a word that could be initials
            if self.person_lists.initials_of_person(text, tokens, i, known):
                return [self._person(text, tokens[i:stop], None, None, "context:initials")]  # "berinisial AS"
        if stop - i == 1 and self._spoken_by(tokens, i):
            return [self._person(text, tokens[i:stop], None, None, "context:speaker")]  # "kata Rano"
        title_country, title_cue, role_cue, title_start = None, None, None, i
        while i < stop:
            length, cue = self.cues.match("title", tokens, i, stop)
            known_length, _ = self._known(tokens, i, stop)
            if cue is None or known_length > length:
                break
            title_cue = cue if cue.sector or title_cue is None else title_cue
            title_country = title_country or cue.country
            role_cue = role_cue or (cue if cue.role else None)
            i += length
        pieces = self._pieces(tokens, i, stop)
        holder = self._title_holder(text, tokens, title_start, stop, pieces, role_cue or title_cue, title_country, day)
        for index, piece in enumerate(pieces[1:], 1):
            at = tokens.index(piece.tokens[0])
            if piece.kind == "unknown" and self.cues.match("title", tokens, at, stop)[0]:
                # "Kapolda Papua Irjen X": the first title goes with the place; the second starts a new name
                left = self._emit(text, tokens, i, pieces[:index], None, title_country)
                return left + self._read_run(text, tokens, at, stop, day)
        if holder is not None:
            return [holder] + self._emit(text, tokens, i, pieces, None, title_country)
        return self._emit(text, tokens, i, pieces, title_cue, title_country)

    def _title_holder(self, text, tokens, start, stop, pieces, cue, country, day) -> EntityMention | None:
        """A run that is only a title and its state ("Menlu AS", "Panglima TNI") stands for the holder."""
        if cue is None or start == stop or not (cue.role or cue.sector):
            return None
        named = [p for p in pieces if p.kind != "break"]
        if len(named) > 1 or named and not (named[0].kind == "known" and named[0].entries[0].use in STATE_USES):
            return None
        if named and named[0].tokens[-1] is not tokens[stop - 1]:
            return None
        state = named[0].entries[0].actor_id if named else country
        if state is None or state not in self.kb.states or pieces and pieces[0].tokens[0] is tokens[start]:
            return None
        return self.title_holders.mention(text, tokens[start].start, tokens[stop - 1].end, cue, state, day)

    def _spoken_by(self, tokens: list[Token], i: int) -> bool:
        """A lone capitalised word after a speech verb ("kata Rano", "said Rano") names the speaker, even where a
        town has that name; not a state, a curated actor, or an acronym."""
        cue = self.cues.before("person_before", tokens, i)
        if cue is None or cue.id != "before-person-speech" or tokens[i].text.isupper() or self.cues.is_common(tokens[i].key):
            return False
        return all(entry.use in ("city", "region") for entry in self.kb.lookup((tokens[i].key,)))

    def _skip_openers(self, tokens: list[Token], i: int, stop: int) -> int:
        """Drop capitalised words that do not start a name: weekdays, months, sentence openers."""
        while i < stop:
            length, _ = self.cues.match("function_word", tokens, i, stop)
            if length and not self.cues.match("region", tokens, i, stop)[0] and not _is_acronym(tokens[i]):
                i += length
                continue
            token = tokens[i]
            if token.key in self.cues.breakers:
                i += 1
                continue
            if token.initial and self.cues.is_common(token.key) and not token.text.isupper():
                known, _ = self._known(tokens, i, stop)
                title, _ = self.cues.match("title", tokens, i, stop)
                heads = self.cues.match("org_head", tokens, i, stop)[0] + self.cues.match("loc_head", tokens, i, stop)[0]
                if not (known or title or heads) and (stop - i == 1 or self._known(tokens, i + 1, stop)[0]):
                    i += 1
                    continue
            break
        return i

    def _pieces(self, tokens: list[Token], i: int, stop: int) -> list[Piece]:
        pieces: list[Piece] = []
        while i < stop:
            if tokens[i].key in self.cues.breakers:
                pieces.append(Piece([tokens[i]], "break"))
                i += 1
                continue
            length, entry = self._known(tokens, i, stop)
            org_length, org_cue = self.cues.match("org_head", tokens, i, stop)
            loc_length, loc_cue = self.cues.match("loc_head", tokens, i, stop)
            region_length, region_cue = self.cues.match("region", tokens, i, stop)
            if region_cue is not None and region_length >= max(length, org_length, loc_length):
                pieces.append(Piece(tokens[i : i + region_length], "region", cue=region_cue))  # never a state
                i += region_length
            elif entry is not None and length >= max(org_length, loc_length):
                if entry.type == "LOC":
                    while i + length < stop and self.cues.match("loc_tail", tokens, i + length, stop)[0]:
                        length += 1
                    if length > 1 and not self.kb.lookup(tuple(t.key for t in tokens[i : i + length])):
                        pieces.append(Piece(tokens[i : i + length], "loc", cue=Cue("loc-tail", "loc_tail"), entries=(entry,)))
                        i += length
                        continue
                pieces.append(Piece(tokens[i : i + length], "known", self.kb.lookup(tuple(t.key for t in tokens[i : i + length]))))
                i += length
            elif org_cue is not None or loc_cue is not None:
                kind, cue, head = ("org", org_cue, org_length) if org_length >= loc_length else ("loc", loc_cue, loc_length)
                end = self._cue_led_end(tokens, i + head, stop)
                if end == i + head and end == stop and self._class_noun(tokens[i:end]):
                    pieces.append(Piece(tokens[i:end], "break"))  # "SMK", "Fakultas": a kind, not a name
                elif end == i + head and head == 1 and end < stop or end == i + head and head == 1 and kind == "loc":
                    pieces.append(Piece(tokens[i:end], "unknown"))
                else:
                    pieces.append(Piece(tokens[i:end], kind, cue=cue))
                i = end
            else:
                if pieces and pieces[-1].kind == "unknown":
                    pieces[-1].tokens.append(tokens[i])
                else:
                    pieces.append(Piece([tokens[i]], "unknown"))
                i += 1
        return pieces

    def _class_noun(self, span: list[Token]) -> bool:
        """Cue words alone that name a kind of institution: common words ("Fakultas") or "SMK", "PT"."""
        if self.cues.match("class_noun", span, 0)[0] == len(span):
            return True
        return all(self.cues.is_common(t.key) and not t.text.isupper() for t in span)

    def _cue_led_end(self, tokens: list[Token], i: int, stop: int) -> int:
        """Where an organisation or place name led by a cue word ends: at a title, or after a known name."""
        while i < stop:
            if self.cues.match("title", tokens, i, stop)[0] and i + 1 < stop:
                return i
            length, _ = self._known(tokens, i, stop)
            if length:
                i += length
                while i < stop and self.cues.match("loc_tail", tokens, i, stop)[0]:
                    i += 1
                if i < stop and not self.cues.match("org_tail", tokens, i, stop)[0]:
                    return i
                continue
            i += 1
        return i

    def _emit(
        self, text: str, tokens: list[Token], start_index: int, pieces: list[Piece], title: Cue | None, country: str | None
    ) -> list[EntityMention]:
        pieces = self._merge_place_names_into_names([p for p in pieces if p.kind != "break"])
        if not pieces:
            return []
        last = pieces[-1]
        ends_as_org = self.cues.match("org_tail", last.tokens, len(last.tokens) - 1)[0] and title is None
        if ends_as_org and (len(pieces) > 1 or last.kind == "unknown" and len(last.tokens) > 1):
            merged = [t for p in pieces for t in p.tokens]
            if merged[0].initial and len(merged) > 2 and self.cues.is_common(merged[0].key):
                merged = merged[1:]  # a capitalised sentence opener: "Penerbangan Susi Air ..."
            return [self._mention(text, merged, "ORG", self._new_actor(text, merged, "organization", None, None), "org:tail")]
        found: list[EntityMention] = []
        place_country = country
        for index, piece in enumerate(pieces):
            final = index == len(pieces) - 1
            if piece.kind == "known":
                entry = piece.entries[0]
                if title is not None and final and entry.type != "PER" and len(piece.tokens) == 1 and entry.use in ("city", "region"):
                    found.append(self._person(text, piece.tokens, title, place_country))
                    continue
                found.append(self._known_mention(text, piece, title if final else None))
                if entry.type == "LOC" or entry.use == "actor":
                    place_country = self._actor_of(entry).country or place_country
                continue
            if piece.kind == "org":
                sector = piece.cue.sector if piece.cue else None
                cue_country = piece.cue.country if piece.cue else None
                org_country = self._country_within(piece.tokens) or cue_country or (country if title is None else None)
                actor = self._new_actor(text, piece.tokens, "organization", org_country, sector)
                found.append(self._mention(text, piece.tokens, "ORG", actor, f"org:{piece.cue.id}"))
                place_country = org_country or place_country
                continue
            if piece.kind == "region":
                found.append(self._mention(text, piece.tokens, "LOC", None, f"loc:{piece.cue.id}"))
                continue
            if piece.kind == "loc":
                actor = self._state_actor(self._country_within(piece.tokens) or (piece.entries[0].actor_id if piece.entries else None))
                found.append(self._mention(text, piece.tokens, "LOC", actor, f"loc:{piece.cue.id}"))
                continue
            found.append(self._unknown(text, tokens, piece, title if final or index == 0 else None, place_country))
        return [m for m in found if m is not None]

    @staticmethod
    def _merge_place_names_into_names(pieces: list[Piece]) -> list[Piece]:
        """A city name next to unknown capitalised words is part of a name ("Barack Obama", not Obama city)."""
        merged: list[Piece] = []
        for piece in pieces:
            is_city = piece.kind == "known" and piece.entries[0].use in ("city", "region")
            if merged and merged[-1].kind == "unknown" and (is_city or piece.kind == "unknown"):
                merged[-1].tokens.extend(piece.tokens)
            elif merged and is_city is False and piece.kind == "unknown" and merged[-1].kind == "known" and merged[-1].entries[0].use in ("city", "region"):
                merged[-1] = Piece(merged[-1].tokens + piece.tokens, "unknown")
            else:
                merged.append(Piece(list(piece.tokens), piece.kind, piece.entries, piece.cue))
        return merged

    def _unknown(self, text: str, tokens: list[Token], piece: Piece, title: Cue | None, country: str | None) -> EntityMention | None:
        span = piece.tokens
        if title is not None:
            return self._person(text, span, title, country)
        first = tokens.index(span[0])
        acronym = len(span) == 1 and span[0].text.isupper() and len(span[0].text) >= 2
        role_before = self.cues.before("person_before", tokens, first)
        if self.cues.before("group_before", tokens, first) is not None:
            return self._mention(text, span, "ORG", self._new_actor(text, span, "group", country, None), "context:group")
        if acronym or len(span) > 1 and _is_acronym(span[0]) and not self.cues.is_common(span[0].key):
            if role_before is not None and role_before.id == "before-person-role":
                return self._person(text, span, None, country, "context:person")
            return self._mention(text, span, "ORG", self._new_actor(text, span, "organization", country, None), "name:acronym")
        if self.cues.before("loc_before", tokens, first) is not None and role_before is None:
            return self._mention(text, span, "LOC", self._state_actor(country), "context:place")
        after = first + len(span)
        if role_before is not None or after < len(tokens) and tokens[after].text.islower() and self.cues.match("person_after", tokens, after)[0]:
            return self._person(text, span, None, country, "context:person")
        listed = self.person_lists.in_name_list(text, tokens, first)  # "yakni Budi Santoso, ..."
        return self._by_lexicon(text, span, country, listed)

    def _by_lexicon(self, text: str, span: list[Token], country: str | None, listed: bool = False) -> EntityMention:
        """An unknown run with no cue: an Indonesian regency or district, a person's name (a known first or
        last name), a village, or else a person unsure (dropped by the filter unless a fuller form in the
        article is a person)."""
        keys = [t.key for t in span]
        level = self.regions.level(keys)
        person = self.person_names.is_person(keys)
        if level in (REGENCY, DISTRICT) or level == VILLAGE and not person:
            return self._mention(text, span, "LOC", self._state_actor("IDN"), f"place:id-{level}")
        if person:
            return self._person(text, span, None, country, "name:sequence" if len(span) > 1 else "name:single")
        return self._person(text, span, None, country, LIST_RULE if listed else UNSURE_RULE)

    # --- building mentions and actors ---

    def _person(self, text: str, span: list[Token], title: Cue | None, country: str | None, rule: str | None = None) -> EntityMention:
        name = text[span[0].start : span[-1].end]
        actor = self.kb.find_actor(name)
        if actor is None or actor.kind != "person":
            sector = title.sector if title else None
            actor = Actor(id=f"new:{slug(name)}", name=name, kind="person", country=country, sector=sector, aliases=(name,))
        return self._mention(text, span, "PER", actor, rule or (f"title:{title.id}" if title else "name:person"))

    def _known_mention(self, text: str, piece: Piece, title: Cue | None) -> EntityMention:
        entry = piece.entries[0]
        actor = self._actor_of(entry)
        kind = entry.type
        if title is not None and kind != "PER" and entry.use == "actor":
            kind = entry.type
        return self._mention(text, piece.tokens, kind, actor, entry.rule)

    def _actor_of(self, entry: NameEntry) -> Actor:
        return self.kb.actor(entry.actor_id)

    def _state_actor(self, code: str | None) -> Actor | None:
        return self.kb.states.get(code) if code else None

    def _country_within(self, span: list[Token]) -> str | None:
        for i in range(len(span)):
            length, entry = self._known(span, i, len(span))
            if entry is not None:
                return self._actor_of(entry).country
        return None

    def _new_actor(self, text: str, span: list[Token], kind: str, country: str | None, sector: str | None) -> Actor:
        name = text[span[0].start : span[-1].end]
        known = self.kb.find_actor(name)
        if known is not None:
            return known
        return Actor(id=f"new:{slug(name)}", name=name, kind=kind, country=country, sector=sector, aliases=(name,))

    def _mention(self, text: str, span: list[Token], kind: str, actor: Actor | None, rule: str) -> EntityMention:
        return EntityMention(span[0].start, span[-1].end, text[span[0].start : span[-1].end], kind, actor, rule)


def _without_possessive(word: str) -> str:
    """A capitalised word without its English possessive ending: "Gaza's" -> "Gaza", "Korea’s" -> "Korea"."""
    if len(word) > 3 and word[:1].isupper() and word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


def _is_acronym(token: Token) -> bool:
    return token.text.isupper() and len(token.text) >= 2 and token.text.isalpha()


def span_context(text: str, tokens: list[Token]) -> SpanContext:
    """The word tokens of `text` with the punctuation between them, for the span typer."""
    bounds = [0] + [b for token in tokens for b in (token.start, token.end)] + [len(text)]
    gaps = tuple("".join(text[bounds[k] : bounds[k + 1]].split()) for k in range(0, len(bounds), 2))
    return SpanContext(tuple(t.text for t in tokens), gaps, tuple(t.initial for t in tokens))


def entity_summary(mention: EntityMention) -> dict[str, Any]:
    """A plain dict of a mention, for the CLI and benchmarks."""
    actor = mention.actor
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "type": mention.type,
        "rule": mention.rule,
        "actor": None if actor is None else {"id": actor.id, "name": actor.name, "country": actor.country, "sector": actor.sector},
    }
