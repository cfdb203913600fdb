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

from kronik.knowledge import KNOWN_PLACE_RULE, NEW_PREFIX, KnowledgeBase, NameEntry, new_actor
from kronik.ner.bodies import GenericBodies, carry_body_states
from kronik.ner.cues import Cue, CueBook, Token
from kronik.ner.described import described_type, named_type
from kronik.ner.features import SpanContext
from kronik.ner.filters import (
    ACTING_RULE, PLACE_CONTEXT_RULE, PLACE_NOUN_RULE, PREPOSITION_RULE, ROLE_RULE, ROMAN_NUMERAL, UNSURE_RULE, Candidate,
    MentionFilter, span_context,
)
from kronik.ner.headlines import headline_mentions
from kronik.ner.initials import PersonLists, looks_like_initials
from kronik.ner.lists import propagate_list_types
from kronik.ner.shortforms import parenthetical_acronyms, resolve_short_forms, spelled_out_in_lower_case
from kronik.ner.titles import STATE_USES, TitleHolders, join_parenthetical, performer_of_title
from kronik.ner.names import NameFinder, is_acronym, join_name_suffixes, join_nicknames
from kronik.ner.orgs import MATCH_RULE, OrganisationCues
from kronik.ner.lexicon import DISTRICT, REGENCY, VILLAGE, PersonNames, RegionNames
from kronik.ner.typer import SpanModel
from kronik.records import Actor, Article, EntityMention
from kronik.spelling import Transliteration

log = logging.getLogger(__name__)

HONORIFIC_TITLE = "title-honorific"  # "Prof.", "Bapak", "Haji": a title of the person, of no office or region
OCCUPATION_TITLE = "title-occupation"  # "Aktris", "Penyanyi" written before a name
NOBILITY_TITLE = "title-nobility"  # "Pangeran", "Sunan", "Tengku": a title that is part of the person's name
CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")  # "TransTV", "KontraS", "MotoGP": a brand or a body
CAMEL_PERSON_PREFIXES = ("Mc", "Mac", "De", "Di", "Du", "Le", "La", "Da")  # "McCartney", "DiCaprio": people
CAMEL_RULE = "name:camel"
HEAD_TITLE = "title-head"  # "Ketua", "Kepala", "Direktur": before an acronym, the head of that body ("Ketua BPD")
JURISDICTION_TITLES = (HEAD_TITLE, "title-regional-police", "title-prosecutor")  # "Bupati Ngada": a place after it
ROLE_CUES = ("before-person-occupation", "before-person-named")  # "penyanyi", "sebagai": a person's name after it
LIST_RULE = "context:person-list"  # a name in a list after "yakni", "yaitu": a person in the pipeline, not in `tag`
LOC_END_RULE = "loc:end"  # a run ending with a word that ends a place name: "Hawkesbury River"
TOWN_PERSON_RULE = "context:person-town"  # a town's name that is a person's name, acting as a person
TOWN_POPULATION = 500_000  # a place with more people is a place even as a subject ("Paris mengecam")
PREPOSITION_CUE = "before-person-preposition"  # "dari", "dengan": as often before a place
SURNAME_RULE = "name:surname"  # given names before the surname of a famous person: another person of that name
ARTICLE_RULE = "name:article"  # a run led by an article inside a sentence: a band, a company, a venue
TEAM_KINDS = ("club", "team")  # known organisations a word of sport in the sentence makes of a contested name
MIN_TAIL_WORD = 3  # letters of a lower-case word taken as the last word of a place's name ("rejo")
TAIL_STOPPERS = ("particle", "person_before", "person_after", "loc_before")  # cue kinds no place name ends with
MAX_ACRONYM_GAP = 4  # characters between a name and its acronym: " (", " ( "
ADMINISTRATIVE_CLASS = "class-administrative"  # "RT", "SK", "UU": a span they start names no entity


@dataclass
class Piece:
    """A part of a capitalised run: a known name, a cue-led name, or unknown words."""

    tokens: list[Token]
    kind: str  # known, org, loc, region, unknown, person (given names and a known surname)
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
        self.person_names = person_names or PersonNames.load()
        model = SpanModel.load(people=self.person_names)
        self.cues = CueBook(languages, self.person_names.not_words(model.evidence.casing))
        self.regions = regions or (RegionNames.load() if "id" in languages else RegionNames({}))
        within = self.cues.words("place_noun")  # a place noun that is part of the name: "desa Kramas"
        self.place_nouns = self.cues.words("place_noun", "place_noun_apart")
        self.name_suffixes = self.cues.words("name_suffix")
        self.degrees = self.cues.words("degree")
        self.person_particles = self.cues.words("person_particle")
        self.names = NameFinder(kb, self.cues, self.regions)
        self.bodies = GenericBodies(kb, self.cues, self.names)
        self.person_lists = PersonLists(self.cues, kb)
        self.title_holders = TitleHolders(kb)
        self.spelling = Transliteration.load()
        self.orgs = OrganisationCues(self.cues, languages)
        self.filter = MentionFilter(model, self.cues.is_common, within, self.cues.words("title_word"))

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
        mentions = self.filter.apply(text, context, candidates, keep_unsure)
        return carry_body_states(join_name_suffixes(text, mentions, self.name_suffixes))

    def candidates(
        self, text: str, spans: list[tuple[int, int]] | None = None, day: dt.date | None = None
    ) -> tuple[SpanContext, list[Candidate]]:
        """Every mention the rules find in the sentences `spans` of `text` (default: all of it, one sentence),
        short forms resolved, with the tokens they cover as the span typer sees them. `day`: the publication
        date, on which a title standing alone ("Menlu AS") names its holder."""
        sentences = [self.names.tokens(text, start, end) for start, end in spans or [(0, len(text))]]
        found = [m for tokens in sentences for m in self._find(text, tokens, day)]
        mentions = parenthetical_acronyms(text, resolve_short_forms(propagate_list_types(text, found, self.cues.is_common), self.spelling, self.cues.is_common))
        mentions = join_nicknames(text, join_parenthetical(text, mentions), self._nicknamed)
        tokens = [token for sentence in sentences for token in sentence]
        first_token = {token.start: i for i, token in enumerate(tokens)}
        last_token = {token.end: i for i, token in enumerate(tokens)}
        found = [Candidate(m, first_token[m.start], last_token[m.end] + 1) for m in mentions]
        return span_context(text, tokens), found

    def _find(self, text: str, tokens: list[Token], day: dt.date | None) -> list[EntityMention]:
        found: list[EntityMention] = []
        headline = self.cues.headline(text, tokens)
        i = 0
        while i < len(tokens):
            i += self.bodies.opener(text, tokens, i, headline)  # "Delapan Nelayan Bengkalis": skip "Delapan"
            generic = self.bodies.at(text, tokens, i, headline)
            if generic is not None:
                found.append(generic[0])
                i = generic[1]
                continue
            end, entry = self.names.known_around_parenthesis(text, tokens, i) if tokens[i].capitalised else (0, None)
            if entry is not None:
                found.append(self._mention(text, [tokens[i], tokens[end - 1]], entry.type, self._actor_of(entry), entry.rule))
                i = end
                continue
            if i and tokens[i - 1].capitalised and self.cues.verb(tokens[i], headline) and not self.names.known(tokens, i, len(tokens))[0]:
                i += 1  # "PBB Serukan Gencatan Senjata": the verb that ended a run starts no name
            elif self.names.starts_name(tokens, i):
                stop = self.names.run_end(text, tokens, i, headline)
                run, stop = self._lower_case_tail(text, tokens, self._read_run(text, tokens, i, stop, day), stop)
                found.extend(run)
                i = max(stop, i + 1)
            else:
                i += 1
        return headline_mentions(self.cues, found, headline)  # capitals are no evidence in a headline

    # --- reading a capitalised run ---

    def _lower_case_tail(
        self, text: str, tokens: list[Token], found: list[EntityMention], stop: int
    ) -> tuple[list[EntityMention], int]:
        """A place led by a place word ("Desa Tawang", "pantai Putat") that ends the run takes a lower-case word
        right after it that is no word of the language: its name's last word written small ("Desa Tawang rejo").
        Returns the mentions and where the run now ends."""
        if not found or stop >= len(tokens) or found[-1].type != "LOC" or found[-1].end != tokens[stop - 1].end:
            return found, stop
        last, word = found[-1], tokens[stop]
        led = last.rule.startswith("loc:loc-") or last.rule == PLACE_NOUN_RULE
        if not led or not word.text.isalpha() or not word.text.islower() or len(word.text) < MIN_TAIL_WORD:
            return found, stop
        if text[last.end : word.start] != " " or text[word.end : word.end + 1] == "." or self.cues.is_common(word.key):
            return found, stop
        if any(self.cues.match(kind, tokens, stop)[0] for kind in TAIL_STOPPERS):
            return found, stop
        return found[:-1] + [dataclasses.replace(last, end=word.end, text=text[last.start : word.end])], stop + 1

    def _read_run(self, text: str, tokens: list[Token], i: int, stop: int, day: dt.date | None = None) -> list[EntityMention]:
        i = self._skip_openers(tokens, i, stop)
        if i >= stop:
            return []
        club, kind = self.kb.contested.get(tuple(t.key for t in tokens[i:stop]), (None, None))
        if club is not None and self.orgs.plays(text, tokens, i, stop, team=kind in TEAM_KINDS):
            return [self._mention(text, tokens[i:stop], "ORG", self.kb.actor(club), MATCH_RULE)]  # "Chelsea ditahan"
        if stop - i == 1 and looks_like_initials(tokens[i]):
            known = self.names.known(tokens, i, stop)[0] > 0  # looked up only for a word that could be initials
            if self.person_lists.initials_of_person(text, tokens, i, known):
                return [self._person(text, tokens[i:stop], None, None, "context:initials")]  # "berinisial AS"
        if stop - i == 1 and self.person_lists.spoken_by(tokens, i):
            return [self._person(text, tokens[i:stop], None, None, "context:speaker")]  # "kata Rano"
        title_country, title_cue, role_cue, title_start = None, None, None, i
        kept = None  # where a title written as part of the name starts ("Pangeran", "Tengku")
        while i < stop:
            length, cue = self.cues.match("title", tokens, i, stop)
            known_length, _ = self.names.known(tokens, i, stop)
            if cue is None or known_length > length:
                after = self._skip_portfolio(tokens, i, stop) if title_cue is not None and kept is None else i
                if after > i and self.cues.match("title", tokens, after, stop)[0]:
                    i = after  # "Kepala Sekolah Bapak Drs. Sumarno": the office, then the holder's own titles
                    continue
                break
            title_cue = cue if cue.sector or title_cue is None else title_cue
            title_country = title_country or cue.country
            role_cue = role_cue or (cue if cue.role else None)
            kept = i if cue.id == NOBILITY_TITLE else None
            i += length
        found: list[EntityMention] = []
        if title_cue is not None and kept is None:
            i = self._skip_portfolio(tokens, i, stop)
            whole = title_cue.id in JURISDICTION_TITLES  # "Bupati Ngada": the region may end the run
            end = self._region_after_title(tokens, i, stop, whole)  # "Bupati Lombok Timur Sukiman Azmy"
            if end and title_cue.id != HONORIFIC_TITLE:  # "Prof. Dr. Bambang Hartono": no office, no region
                found.append(self._mention(text, tokens[i:end], "LOC", self._state_actor("IDN"), "place:id-title"))
                i = end
        pieces = self._pieces(tokens, i, stop, held=title_cue is not None)
        if kept is not None and pieces and self._named_person(pieces[0]):
            pieces[0] = dataclasses.replace(pieces[0], tokens=tokens[kept:i] + pieces[0].tokens)  # "Pangeran Singa Brata"
        holder = self._title_holder(text, tokens, title_start, stop, pieces, role_cue or title_cue, title_country, day)
        for index, piece in enumerate(pieces[1:], 1):
            at = tokens.index(piece.tokens[0])
            if piece.kind == "unknown" and self.cues.match("title", tokens, at, stop)[0]:
                # "Kapolda Papua Irjen X": the first title goes with the place; the second starts a new name
                left = self._emit(text, tokens, pieces[:index], None, title_country)
                return left + self._read_run(text, tokens, at, stop, day)
        if holder is not None:
            return found + [holder] + self._emit(text, tokens, pieces, None, title_country)
        return found + self._emit(text, tokens, pieces, title_cue, title_country)

    @staticmethod
    def _named_person(piece: Piece) -> bool:
        """The piece can be a person's name: unknown words or a person the KB knows."""
        return piece.kind == "unknown" or piece.kind == "known" and piece.entries[0].type == "PER"

    def _skip_portfolio(self, tokens: list[Token], i: int, stop: int) -> int:
        """Capitalised common words after a title name its office, not its holder ("Menteri Pertanian Amran
        Sulaiman", "Kepala Staf", "Ketua Umum"); a person's first name, a name the KB knows, a title or an
        Indonesian region ends them ("Menteri Keuangan Sri Mulyani", "Kepala Sekolah Bapak X", "Bupati Lombok
        Timur X")."""
        while i < stop and tokens[i].capitalised and self.cues.is_common(tokens[i].key) and not tokens[i].text.isupper():
            if self.names.known(tokens, i, stop)[0] or tokens[i].key in self.person_names.first:
                break
            if self.cues.match("title", tokens, i, stop)[0]:
                break  # "Kepala Sekolah Bapak ...": a title of the holder ends the office
            if any(self.regions.level([t.key for t in tokens[i:j]]) for j in range(i + 1, stop + 1)):
                break  # a region of any level, villages too
            i += 1
        return i

    def _region_after_title(self, tokens: list[Token], i: int, stop: int, whole: bool) -> int:
        """Where an Indonesian regency or district the KB does not know ends, when one starts at token i after
        a title and a name follows it (or, with `whole`, when it ends the run); else 0."""
        if self.names.known(tokens, i, stop)[0]:
            return 0
        return next((end for end in range(stop if whole else stop - 1, i, -1) if self._regency(tokens[i:end])), 0)

    def _regency(self, span: list[Token]) -> bool:
        """The words name an Indonesian regency or district (villages are too many to count alone)."""
        return self.regions.level([t.key for t in span]) in (REGENCY, DISTRICT)

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

    def _skip_openers(self, tokens: list[Token], i: int, stop: int) -> int:
        """Drop capitalised words that do not start a name: weekdays, months, sentence openers."""
        while i < stop:
            if self._article_led(tokens, i, stop) or self.cues.match("name_start", tokens, i, stop)[0]:
                break  # "bersama The Cure": inside a sentence, an article starts a name; "I Made Wirata"
            length, _ = self.cues.match("function_word", tokens, i, stop)
            if length and not self.cues.match("region", tokens, i, stop)[0] and not is_acronym(tokens[i]):
                i += length
                continue
            token = tokens[i]
            if token.key in self.cues.breakers:
                i += 1
                continue
            if token.initial and self.cues.is_common(token.key) and not token.text.isupper():
                known, _ = self.names.known(tokens, i, stop)
                title, _ = self.cues.match("title", tokens, i, stop)
                heads = self.cues.match("org_head", tokens, i, stop)[0] + self.cues.match("loc_head", tokens, i, stop)[0]
                group = stop - i > 1 and self.cues.match("group_before", tokens, i, i + 1)[0]  # "Pemberontak M23"
                titled = self.cues.match("title", tokens, i + 1, stop)[0]  # "Peran Sir Toby Belch"
                if not (known or title or heads) and (stop - i == 1 or group or titled or self.names.known(tokens, i + 1, stop)[0]):
                    i += 1
                    continue
            break
        return i

    def _article_led(self, tokens: list[Token], i: int, stop: int) -> bool:
        """An article inside a sentence before more capitalised words: the start of a name ("The Cure")."""
        return stop - i > 1 and not tokens[i].initial and self.cues.match("name_article", tokens, i, i + 1)[0] == 1

    def _article_led_whole(self, tokens: list[Token], pieces: list[Piece]) -> list[Piece]:
        """A run led by an article is one name, known names inside it included ("The Jakarta Weekly"), unless a
        cue word inside it starts a name of its own."""
        if len(pieces) < 2 or pieces[0].kind != "unknown" or not self._article_led(tokens, tokens.index(pieces[0].tokens[0]), len(tokens)):
            return pieces
        if any(p.kind not in ("unknown", "known") for p in pieces):
            return pieces
        return [Piece([t for p in pieces for t in p.tokens], "unknown")]

    def _pieces(self, tokens: list[Token], i: int, stop: int, held: bool = False) -> list[Piece]:
        """The run's tokens [i, stop) cut into known names, cue-led names and unknown words. `held`: the run
        follows a title, so its last words may be the holder's name after the body ("Direktur Utama PT Sinar
        Jaya Rudi Hartono")."""
        pieces: list[Piece] = []
        while i < stop:
            if tokens[i].key in self.cues.breakers:
                pieces.append(Piece([tokens[i]], "break"))
                i += 1
                continue
            length, entry = self.names.known(tokens, i, stop)
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
                end = self._cue_led_end(tokens, i + head, stop, titled=kind == "loc")
                if held and kind == "org" and end == stop:
                    end = self._before_holder(tokens, i + head, end)
                if end == i + head and end == stop and self._class_noun(tokens[i:end]) or self._kind_of_institution(tokens, i, end):
                    pieces.append(Piece(tokens[i:end], "break"))  # "SMK", "Fakultas Hukum": a kind, not a name
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

    def _before_holder(self, tokens: list[Token], first: int, end: int) -> int:
        """Where a body's name after a title ends when an Indonesian full name ends the run: before its last two
        words ("PT Sinar Jaya | Rudi Hartono"), at least one word of the body's own name kept ("Direktur PT Budi
        Santoso" stays a company); else `end`."""
        start = end - 2
        if start <= first or not self.person_names.is_indonesian_name([t.key for t in tokens[start:end]]):
            return end
        return start

    def _class_noun(self, span: list[Token]) -> bool:
        """Cue words alone that name a kind of institution: common words ("Fakultas") or "SMK", "PT"."""
        if self.cues.match("class_noun", span, 0)[0] == len(span):
            return True
        return all(self.cues.is_common(t.key) and not t.text.isupper() for t in span)

    def _kind_of_institution(self, tokens: list[Token], i: int, end: int) -> bool:
        """A `kind_head` word and only common words after it name a kind of institution, not one ("Fakultas
        Hukum", "Sekolah Menengah Atas Negeri"; but "Sekolah Menengah Atas Negeri 48 Jakarta" is one); so does a
        `class_noun` with only common words and numbers after it ("SMAN 1", "SMA Negeri 3": every town has one)."""
        head, _ = self.cues.match("kind_head", tokens, i, end)
        if head and i + head < end and self._common_rest(tokens, i + head, end):
            return not self._abbreviated(tokens, i, end)  # "Sekolah Tinggi Ilmu Ekonomi (STIE)" is one
        head, _ = self.cues.match("class_noun", tokens, i, end)
        return bool(head) and i + head < end and all(self._numbering(tokens, k, end) for k in range(i + head, end))

    @staticmethod
    def _abbreviated(tokens: list[Token], i: int, end: int) -> bool:
        """The word right after tokens [i, end), in parentheses or close by, is their acronym: the initials of their
        capitalised words ("Sekolah Tinggi Teknologi Nuklir (STTN)")."""
        if end >= len(tokens) or not is_acronym(tokens[end]) or tokens[end].start - tokens[end - 1].end > MAX_ACRONYM_GAP:
            return False
        return tokens[end].text.upper() == "".join(t.text[0] for t in tokens[i:end] if t.capitalised).upper()

    def _numbering(self, tokens: list[Token], k: int, end: int) -> bool:
        """A number, a Roman numeral or a common word that names no place: what tells one school of a kind from
        another in a town ("Negeri 3"; not "Malang", "Tugu")."""
        token = tokens[k]
        if token.text.isdigit() or ROMAN_NUMERAL.fullmatch(token.text):
            return True
        named = self.names.known(tokens, k, end)[0] or self.regions.level([token.key]) is not None
        return self.cues.is_common(token.key) and not token.text.isupper() and not named

    def _cue_led_end(self, tokens: list[Token], i: int, stop: int, titled: bool = False) -> int:
        """Where an organisation or place name led by a cue word ends: at a title, or after a known name (not a
        place of data/known_places.tsv, which streets and regencies bear: "Kabupaten Kepulauan Siau Tagulandang
        Biaro"). With
        `titled`, a title right after the cue word belongs to the name: a place named after a person ("Jalan
        Jenderal Sudirman", "Bandara Sultan Hasanuddin", "Makam Sunan Kudus")."""
        first = i
        while i < stop:
            if self.cues.match("title", tokens, i, stop)[0] and i + 1 < stop and not (titled and i == first):
                return i
            length, entry = self.names.known(tokens, i, stop)
            if length and entry is not None and entry.rule.startswith(KNOWN_PLACE_RULE):
                i += length  # a district, island or mountain names streets and regencies: "Jalan Kelud Raya"
                continue
            if length:
                i += length
                while i < stop and self.cues.match("loc_tail", tokens, i, stop)[0]:
                    i += 1
                if i < stop and not self.cues.match("org_tail", tokens, i, stop)[0] and not self._common_rest(tokens, i, stop):
                    return i
                continue
            i += 1
        return i

    def _common_rest(self, tokens: list[Token], i: int, stop: int) -> bool:
        """The rest of a cue-led name is common words ("Partai Indonesia Baru", "Gerakan Aceh Merdeka")."""
        return all(
            self.cues.is_common(t.key) and not t.text.isupper() and not self.names.known(tokens, k, stop)[0]
            for k, t in enumerate(tokens[i:stop], i)
        )

    def _emit(
        self, text: str, tokens: list[Token], pieces: list[Piece], title: Cue | None, country: str | None
    ) -> list[EntityMention]:
        pieces = self._merge_place_names_into_names([p for p in pieces if p.kind != "break"])
        if not pieces:
            return []
        pieces = self._article_led_whole(tokens, pieces)
        pieces = self._without_common_lead(pieces)
        known_lead = pieces[0].kind == "known"  # "Liga Arab": a body the KB knows, not an event
        if self.orgs.names_event([t for p in pieces for t in p.tokens], known_lead):
            return self._inside_event(text, tokens, pieces)  # "MTV Music Award", "Piala FA": an event, no entity
        last = pieces[-1]
        if title is None and self._ends_with("org_tail", pieces):
            merged = [t for p in pieces for t in p.tokens]
            if merged[0].initial and len(merged) > 2 and self.cues.is_common(merged[0].key):
                merged = merged[1:]  # a capitalised sentence opener: "Penerbangan Susi Air ..."
            return [self._mention(text, merged, "ORG", self._new_actor(text, merged, "organization", None, None), "org:tail")]
        if title is None and self._ends_with("loc_end", pieces) and not self._after_work_noun(tokens, tokens.index(pieces[0].tokens[0])):
            merged = [t for p in pieces for t in p.tokens]  # "Hawkesbury River", "Clarke Quay"
            return [self._mention(text, merged, "LOC", self._state_actor(self._country_within(merged)), LOC_END_RULE)]
        if title is None and len(pieces) == 2 and self._named_for_state(pieces[0], last):
            merged = pieces[0].tokens + last.tokens  # "Arema Indonesia", "Liga Indonesia": a body named for its state
            actor = self._new_actor(text, merged, "organization", self._country_within(last.tokens), None)
            return [self._mention(text, merged, "ORG", actor, "org:state-tail")]
        found: list[EntityMention] = []
        place_country = country
        pieces = self._given_names_joined(pieces)
        for index, piece in enumerate(pieces):
            final = index == len(pieces) - 1
            if piece.kind == "person":
                found.append(self._person(text, piece.tokens, title if final else None, place_country, SURNAME_RULE))
                continue
            if piece.kind == "known" and self._person_named_like_town(text, tokens, piece):
                found.append(self._person(text, piece.tokens, None, place_country, TOWN_PERSON_RULE))
                continue
            if piece.kind == "known":
                entry = piece.entries[0]
                town = len(piece.tokens) == 1 and entry.use in ("city", "region")
                if title is not None and final and entry.type != "PER" and town and title.id not in JURISDICTION_TITLES:
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

    def _given_names_joined(self, pieces: list[Piece]) -> list[Piece]:
        """A famous person's surname after unknown given names is one person, not the famous one ("Josep
        Guardiola", "JB Van Dijk"): the pair becomes a piece of kind "person"."""
        joined: list[Piece] = []
        for piece in pieces:
            previous = joined[-1] if joined else None
            surname = piece.kind == "known" and piece.entries[0].use == "known" and piece.entries[0].type == "PER"
            if surname and len(piece.tokens) == 1 and previous is not None and previous.kind == "unknown" and all(
                not self.cues.is_common(t.key) for t in previous.tokens
            ):
                joined[-1] = Piece(previous.tokens + piece.tokens, "person")
                continue
            joined.append(piece)
        return joined

    def _person_named_like_town(self, text: str, tokens: list[Token], piece: Piece) -> bool:
        """A town's name that is also a first or last name, with no place word before it, acting as a person,
        after a person's cue or described as one ("Wright ikut mendirikan", "Elizabeth mengalahkan", "penyanyi
        Madison", "Rizal (gitar)")."""
        word = piece.tokens[0]
        if len(piece.tokens) != 1 or piece.entries[0].use != "city" or not self.person_names.is_person([word.key]):
            return False
        place = self.kb.places.get((word.key,))
        if place is None or place.population > TOWN_POPULATION:
            return False
        first = tokens.index(word)
        if self.cues.before("loc_before", tokens, first) is not None:
            return False
        cue = self.cues.before("person_before", tokens, first)
        after = first + 1
        acting = after < len(tokens) and (self.cues.agent_word(tokens[after]) or self.cues.match("person_after", tokens, after)[0])
        if acting or cue is not None and cue.id != PREPOSITION_CUE:
            return True
        return self._described(text, tokens, first) == "PER"

    def _described(self, text: str, tokens: list[Token], last: int) -> str | None:
        """What the words after the name ending at token `last` say it is: "PER" for an age, a role in parentheses,
        an introduction ("Budi (45)", "Tomi (gitar)", "X adalah seorang") or an occupation after a copula ("X
        adalah pelatih"), else the type a description gives (`kronik.ner.described`: "X adalah desa"), or None."""
        if self.person_lists.described_as_person(text, tokens, last):
            return "PER"
        return described_type(self.cues, text, tokens, last + 1)

    def _inside_event(self, text: str, tokens: list[Token], pieces: list[Piece]) -> list[EntityMention]:
        """The places and bodies the KB knows inside an event's name ("Piala Afrika", "Olimpiade London",
        "Bahasa Indonesia", "Piala Dunia FIFA"); the event itself is no entity."""
        run = [t for p in pieces for t in p.tokens]
        stop = tokens.index(run[-1]) + 1
        found, i = [], tokens.index(run[0]) + self.cues.match("event_head", run, 0)[0]
        while i < stop:
            length, entry = self.names.known(tokens, i, stop)
            if entry is not None and entry.type in ("LOC", "ORG"):
                found.append(self._known_mention(text, Piece(tokens[i : i + length], "known", (entry,)), None))
                i += length
                continue
            region, cue = self.cues.match("region", tokens, i, stop)
            if cue is not None:
                found.append(self._mention(text, tokens[i : i + region], "LOC", None, f"loc:{cue.id}"))
                i += region
                continue
            i += 1
        return found

    def _ends_with(self, kind: str, pieces: list[Piece]) -> bool:
        """The run's last word is a cue of `kind` ("org_tail": "Bali United FC"; "loc_end": "Hawkesbury River")
        that ends a name of more than that word."""
        last = pieces[-1]
        if not self.cues.match(kind, last.tokens, len(last.tokens) - 1)[0]:
            return False
        return len(pieces) > 1 or last.kind == "unknown" and len(last.tokens) > 1

    def _without_common_lead(self, pieces: list[Piece]) -> list[Piece]:
        """Common nouns before a name the KB knows are no part of it ("Pesawat Saudia Airlines", "Kapal X")."""
        if len(pieces) < 2 or pieces[-1].kind != "known" or pieces[-1].entries[0].type == "PER":
            return pieces
        lead = [t for p in pieces[:-1] for t in p.tokens]
        if all(p.kind == "unknown" for p in pieces[:-1]) and all(self.cues.is_common(t.key) and not t.text.isupper() for t in lead):
            return pieces[-1:]
        return pieces

    def _named_for_state(self, head: Piece, state: Piece) -> bool:
        """An unknown word that is no person's name and no common word, then a state's name ("Arema Indonesia")."""
        if head.kind != "unknown" or len(head.tokens) > 2 or state.kind != "known":
            return False
        if not any(e.use in ("name", "short") and e.actor_id in self.kb.states for e in state.entries):
            return False
        keys = [t.key for t in head.tokens]
        if head.tokens[0].initial or self.person_names.is_person(keys) or self.regions.level(keys):
            return False
        return not any(self.cues.is_common(key) for key in keys)

    @staticmethod
    def _merge_place_names_into_names(pieces: list[Piece]) -> list[Piece]:
        """A city name next to unknown capitalised words is part of a name ("Barack Obama", not Obama city); a
        place of several words from data/known_places.tsv is not ("Jalur Gaza", "Pulau Seram")."""
        merged: list[Piece] = []
        for piece in pieces:
            entry = piece.entries[0] if piece.kind == "known" else None
            own = entry is not None and entry.rule.startswith(KNOWN_PLACE_RULE) and len(piece.tokens) > 1
            is_city = entry is not None and entry.use in ("city", "region") and not own
            if merged and merged[-1].kind == "unknown" and (is_city or piece.kind == "unknown"):
                merged[-1].tokens.extend(piece.tokens)
            elif merged and is_city is False and piece.kind == "unknown" and merged[-1].kind == "known" and merged[-1].entries[0].use in ("city", "region"):
                merged[-1] = Piece(merged[-1].tokens + piece.tokens, "unknown")
            else:
                merged.append(Piece(list(piece.tokens), piece.kind, piece.entries, piece.cue))
        return merged

    def _unknown(self, text: str, tokens: list[Token], piece: Piece, title: Cue | None, country: str | None) -> EntityMention | None:
        span = piece.tokens
        head_of_body = title is not None and title.id == HEAD_TITLE and len(span) == 1 and is_acronym(span[0])
        if title is not None and not head_of_body:  # "Ketua BPD": a body; "Saudara YW", "tersangka AS": initials
            if title.id == OCCUPATION_TITLE and all(self.cues.is_common(t.key) for t in span):
                return None  # "Aktor Terbaik": an award, no name
            return self._person(text, span, title, country)
        if all(self._degree(t) and ("." in t.text or not t.text.isupper()) for t in span):
            return None  # "Bambang Hartono, M.Sc.": degrees after a comma name no one (but "MA" is also a court)
        first = tokens.index(span[0])
        acronym = len(span) == 1 and is_acronym(span[0])
        if len(span) == 1 and span[0].text != span[0].text.capitalize() and self.cues.match("class_noun", span, 0)[0]:
            return None  # "CEO", "SDM", "PhD": an abbreviation of a common noun, no name
        if acronym and spelled_out_in_lower_case(text, span[0].text, span[0].end):
            return None  # "OMSP (operasi militer selain perang)": an abbreviation of common nouns
        if ROMAN_NUMERAL.fullmatch(span[0].text) and not self.cues.match("name_start", span, 0)[0]:
            if len(span) == 1:
                return None  # "III", "XII": a numeral (a class, a rank), no name
            span, first = span[1:], first + 1  # "juara III Lomba Fisika": the numeral ends what came before
        if self._administrative(span):
            return None  # "UU Pemilu", "SK Mendiknas", "Warga RT 03": a law, a decree, a neighbourhood unit
        if not acronym and self._after_work_noun(tokens, first):
            return None  # 'film "Lovely Bones"', "serial Prison Break": a title of a work, no name
        if self._article_led(tokens, first, first + len(span)):
            return self._mention(text, span, "ORG", self._new_actor(text, span, "organization", country, None), ARTICLE_RULE)
        role_before = self.cues.before("person_before", tokens, first)
        if self.cues.before("group_before", tokens, first) is not None:
            return self._mention(text, span, "ORG", self._new_actor(text, span, "group", country, None), "context:group")
        org = self.orgs.evidence(text, tokens, first, span, self.person_names)
        if org is not None:  # "Persema Malang", "Hole adalah sebuah band", "mengalahkan Panathinaikos 2 - 0"
            rule, span = org
            return self._mention(text, span, "ORG", self._new_actor(text, span, "organization", country, None), rule)
        if named_type(self.cues, tokens, first) == "LOC":  # "sebuah desa bernama Sukamaju"
            return self._mention(text, span, "LOC", self._state_actor(country), "place:named")
        if acronym or len(span) > 1 and is_acronym(span[0]) and not self.cues.is_common(span[0].key):
            if role_before is not None and role_before.id == "before-person-role" and title is None:
                return self._person(text, span, None, country, "context:person")
            return self._mention(text, span, "ORG", self._new_actor(text, span, "organization", country, None), "name:acronym")
        if self._after_place_noun(text, tokens, first):
            return self._mention(text, span, "LOC", self._state_actor(country), PLACE_NOUN_RULE)
        if self.cues.before("loc_before", tokens, first) is not None and role_before is None:
            if self._regency(span):  # "di Lombok Timur": a regency, though its words are common ones
                return self._mention(text, span, "LOC", self._state_actor("IDN"), "place:id-after-place-word")
            return self._mention(text, span, "LOC", self._state_actor(country), PLACE_CONTEXT_RULE)
        after = first + len(span)
        if role_before is not None and role_before.id == PREPOSITION_CUE and self._regency(span):
            return self._mention(text, span, "LOC", self._state_actor("IDN"), "place:id-preposition")  # "dari Biak"
        if role_before is not None and role_before.id in ROLE_CUES or performer_of_title(text, span):
            return self._person(text, span, None, country, ROLE_RULE)  # "penyanyi Marshanda", 'sebagai "Tsukiko"'
        if role_before is not None and role_before.id == PREPOSITION_CUE:
            return self._person(text, span, None, country, PREPOSITION_RULE)
        if role_before is not None or after < len(tokens) and tokens[after].text.islower() and self.cues.match("person_after", tokens, after)[0]:
            return self._person(text, span, None, country, "context:person")
        described = self._described(text, tokens, after - 1)
        if described == "PER":
            return self._person(text, span, None, country, "context:person-described")  # "Budi (45)", "X adalah seorang"
        if described == "LOC":
            return self._mention(text, span, "LOC", self._state_actor(country), "place:described")  # "X adalah desa"
        listed = self.person_lists.in_name_list(text, tokens, first)  # "yakni Budi Santoso, ..."
        spaced = after < len(tokens) and text[span[-1].end : tokens[after].start] == " "
        acting = spaced and self.cues.agent_word(tokens[after])
        subject = spaced and self.cues.match("subject_after", tokens, after)[0] > 0
        return self._by_lexicon(text, span, country, listed, acting, subject)

    def _administrative(self, span: list[Token]) -> bool:
        """The span starts, perhaps after a capitalised common word opening the sentence, with an abbreviation
        of kind `class-administrative` ("UU ITE", "Warga RT 03 RW 05")."""
        lead = 1 if len(span) > 1 and span[0].initial and self.cues.is_common(span[0].key) else 0
        cue = self.cues.match("class_noun", span, lead)[1]
        return cue is not None and cue.id == ADMINISTRATIVE_CLASS

    def _after_work_noun(self, tokens: list[Token], first: int) -> bool:
        """Right after a noun naming a kind of work ("film", "serial", "berjudul"), past skipped openers ("The")."""
        while first > 0 and tokens[first - 1].capitalised and self.cues.match("function_word", tokens, first - 1)[0]:
            first -= 1
        return self.cues.before("work_before", tokens, first) is not None

    def _after_place_noun(self, text: str, tokens: list[Token], first: int) -> bool:
        """Right after a lower-case place noun ("desa Kutuk", "jalan Menoreh Raya", "stasiun Clarke Quay")."""
        if first == 0:
            return False
        word = tokens[first - 1]
        return word.text.islower() and word.key in self.place_nouns and text[word.end : tokens[first].start] == " "

    def _by_lexicon(
        self, text: str, span: list[Token], country: str | None, listed: bool = False, acting: bool = False,
        subject: bool = False,
    ) -> EntityMention:
        """An unknown run with no cue: an Indonesian regency or district, a person's name (a known first or
        last name, names joined by "bin", "br", a Balinese name), a village, or else a person unsure (dropped by the filter unless a fuller form in the
        article is a person)."""
        keys = [t.key for t in span]
        level = self.regions.level(keys)
        if level == VILLAGE and len(keys) == 1 and self.cues.is_common(keys[0]):
            level = None  # "Ruang", "Jarak", "Pemuda": villages bear common words' names; alone, no evidence
        person = self.person_names.is_person(keys) or any(key in self.person_particles for key in keys[1:-1])
        person = person or 0 < self.cues.match("name_start", span, 0)[0] < len(span)  # "I Gusti Gede Pasekan"
        if level in (REGENCY, DISTRICT) or level == VILLAGE and not person:
            return self._mention(text, span, "LOC", self._state_actor("IDN"), f"place:id-{level}")
        if acting or subject and person:  # "Yanti merupakan ...": a known name as the subject, even first
            return self._person(text, span, None, country, ACTING_RULE)
        if person:
            return self._person(text, span, None, country, "name:sequence" if len(span) > 1 else "name:single")
        if len(span) == 1 and CAMEL_CASE.fullmatch(span[0].text) and not span[0].text.startswith(CAMEL_PERSON_PREFIXES):
            return self._mention(text, span, "ORG", self._new_actor(text, span, "organization", country, None), CAMEL_RULE)
        return self._person(text, span, None, country, LIST_RULE if listed else UNSURE_RULE)

    # --- building mentions and actors ---

    def _person(self, text: str, span: list[Token], title: Cue | None, country: str | None, rule: str | None = None) -> EntityMention:
        while len(span) > 1 and self._degree(span[-1]):
            span = span[:-1]  # "Budi Santoso SH": a degree after the name
        name = text[span[0].start : span[-1].end]
        actor = self.kb.find_actor(name)
        if actor is None or actor.kind != "person":
            sector = title.sector if title else None
            actor = new_actor(name, "person", country, sector)
        return self._mention(text, span, "PER", actor, rule or (f"title:{title.id}" if title else "name:person"))

    def _degree(self, token: Token) -> bool:
        """A degree or honour written after a name, in capitals, dots or not ("SH", "S.H", "M.Sc", "PhD")."""
        return token.key.replace(".", "") in self.degrees and token.text != token.text.capitalize()

    def _nicknamed(self, name: str, first: EntityMention) -> Actor:
        """The actor of a person named with a nickname between the names: the KB's, the first names' if the KB
        knows them, or a new person with the first names' country and sector."""
        known = self.kb.find_actor(name)
        if known is not None and known.kind == "person":
            return known
        if first.actor is not None and not first.actor.id.startswith(NEW_PREFIX):
            return first.actor
        country, sector = (first.actor.country, first.actor.sector) if first.actor else (None, None)
        return new_actor(name, "person", country, sector)

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
            length, entry = self.names.known(span, i, len(span))
            if entry is not None:
                return self._actor_of(entry).country
        return None

    def _new_actor(self, text: str, span: list[Token], kind: str, country: str | None, sector: str | None) -> Actor:
        name = text[span[0].start : span[-1].end]
        known = self.kb.find_actor(name)
        if known is not None:
            return known
        return new_actor(name, kind, country, sector)

    def _mention(self, text: str, span: list[Token], kind: str, actor: Actor | None, rule: str) -> EntityMention:
        return EntityMention(span[0].start, span[-1].end, text[span[0].start : span[-1].end], kind, actor, rule)
