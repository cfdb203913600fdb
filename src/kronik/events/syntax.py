"""Function words of a language (`lang/<code>/syntax.yaml`) and what they tell about an event phrase:
whether it happened (modality) and where its actor and recipient stand (roles)."""

from __future__ import annotations

from dataclasses import dataclass

from kronik.events.lexicon import Token
from kronik.lang import load_entries

MODALITY_WINDOW = 3  # words before the event phrase in which a negation or future marker applies


@dataclass(frozen=True)
class Syntax:
    words: dict[str, frozenset[str]]  # kind -> surface forms (lower-case)
    anaphor_after: bool  # Indonesian "serangan itu" (after) vs English "that attack" (before)

    @classmethod
    def load(cls, language: str) -> Syntax:
        kinds: dict[str, set[str]] = {}
        anaphor_after = True
        for entry in load_entries(language, "syntax"):
            forms = {str(w).lstrip("=").lower() for w in entry["words"]}
            kinds.setdefault(entry["kind"], set()).update(forms)
            if entry["kind"] == "anaphor":
                anaphor_after = entry.get("position", "after") == "after"
        return cls({k: frozenset(v) for k, v in kinds.items()}, anaphor_after)

    def has(self, kind: str, token: Token | None) -> bool:
        return token is not None and token.lower in self.words.get(kind, frozenset())

    def breaks_clause(self, token: Token) -> bool:
        """A comma, a semicolon or a clause word ("yang", "which"): the clause before it ends there."""
        return token.text in (",", ";") or self.has("clause", token)

    def modality(self, tokens: tuple[Token, ...], first: int) -> str:
        """'asserted', 'negated', 'modal', 'hypothetical', 'future' or 'denied' for an event phrase at `first`."""
        clause_start = self.clause_start(tokens, first)
        window = tokens[max(clause_start, first - MODALITY_WINDOW) : first]
        if any(self.has("negation", t) for t in window):
            return "negated"
        inherited = self._joined_modality(tokens, first)
        if inherited is not None:
            return inherited
        if any(self.has("modal", t) for t in window) or first > 0 and self.has("purpose", tokens[first - 1]):
            return "modal"
        before = tokens[clause_start:first]
        if any(self.has("hypothetical", t) for t in before):
            return "hypothetical"
        if any(self.has("denial", t) for t in before) and not self.is_joined_verb(tokens, first):
            return "denied"  # "membantah tuduhan itu dan menuduh ...": the joined verb is the speaker's own act
        if any(self.has("future", t) for t in window):
            return "future"
        return "asserted"

    def undergoes(self, tokens: tuple[Token, ...], first: int) -> bool:
        """The subject before an event noun at `first` undergoes it: a receiving verb right before it ("menerima
        ancaman bom") or a word of harm shortly before it ("tewas dalam serangan")."""
        start = self.clause_start(tokens, first)
        near = tokens[max(start, first - 2) : first]
        return any(self.has("receive", t) for t in near) or any(
            self.has("suffer", t) for t in tokens[max(start, first - MODALITY_WINDOW) : first]
        )

    def inert_subject(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A noun that cannot act ("Piagam PBB", "konstitusi") shortly before the verb at `first` is its subject."""
        start = self.clause_start(tokens, first)
        return any(self.has("inert_head", t) for t in tokens[max(start, first - MODALITY_WINDOW) : first])

    def clause_start(self, tokens: tuple[Token, ...], index: int) -> int:
        for i in range(index - 1, -1, -1):
            if self.has("clause", tokens[i]):
                return i + 1
        return 0

    def is_anaphoric(self, tokens: tuple[Token, ...], first: int, last: int) -> bool:
        """True when the event noun points back to an event already told ("serangan itu", "that attack")."""
        if self.anaphor_after:
            return last + 1 < len(tokens) and self.has("anaphor", tokens[last + 1])
        return first > 0 and self.has("anaphor", tokens[first - 1])

    def points_back(self, token: Token) -> bool:
        """A pronoun ("ia", "mereka", "he") or a word carrying a pronoun suffix ("pihaknya")."""
        if self.has("connective", token):  # "awalnya", "sebelumnya": adverbs, no pronoun
            return False
        return self.has("pronoun", token) or token.lower.endswith(tuple(self.words.get("pronoun_suffix", ())))

    def is_noun_form(self, token: Token) -> bool:
        """A noun rather than a verb, where the language data says how to tell: in Indonesian an affixed noun
        ("serangan", "penyerangan", "pengebom") or a bare root ("bom", "agresi", "demo"), which is a noun unless
        listed as a root verb ("tewas", "sepakat"); a verb carries a verbal prefix ("menyerang", "diserang")."""
        lower = self.without_pronoun_suffix(token.lower)  # "serangannya" is "serangan" + "-nya"
        if any(lower == token.lemma + suffix for suffix in self.words.get("noun_suffix", ())):
            return True  # "tembakan" is "tembak" + "-an", though it ends like the verb "kerahkan"
        if lower == token.lemma and token.root:  # a bare root
            return bool(self.words.get("root_verb")) and lower not in self.words["root_verb"]
        if lower == token.lemma and lower.startswith(tuple(self.words.get("verb_prefix", ()))):
            return False  # an affixed verb the stemmer could not take apart ("menandatangani")
        if lower.startswith(tuple(self.words.get("verb_prefix", ()))) or lower.endswith(
            tuple(self.words.get("verb_suffix", ()))  # "kerahkan", headline style
        ):
            return False
        return self.is_agent_noun(token) or lower.endswith(tuple(self.words.get("noun_suffix", ())))

    def is_noun_at(self, tokens: tuple[Token, ...], index: int) -> bool:
        """`is_noun_form`, or, where the language lists determiners (English), an uninflected word shortly after
        a determiner or a possessive ("the air strike", "Israel's strike", "its attacks"): a noun, not a verb."""
        token = tokens[index]
        if self.is_noun_form(token):
            return True
        if not self.words.get("determiner"):
            return False
        for distance, previous in enumerate(reversed(tokens[max(0, index - 3) : index]), 1):
            if self.breaks_clause(previous):
                return False
            bare = token.lower == token.lemma and not self.has("past_form", token)
            if self.is_determiner(previous) and (bare or distance == 1):
                return True
        return False

    def is_framed(self, tokens: tuple[Token, ...], first: int) -> bool:
        """An event noun shortly after a word that sets a time frame ("during the ASEAN summit", "amid talks")."""
        return any(self.has("frame", t) for t in tokens[max(0, first - MODALITY_WINDOW) : first])

    def is_determiner(self, token: Token) -> bool:
        """ "the", "its", or a possessive ("Israel's")."""
        return self.has("determiner", token) or (
            bool(self.words.get("determiner")) and token.lower.endswith(("'s", "’s"))
        )

    def after_determiners(self, tokens: tuple[Token, ...], index: int) -> int:
        """The first index from `index` on that is not a determiner ("by the KPK" -> "KPK")."""
        while index < len(tokens) and self.has("determiner", tokens[index]):
            index += 1
        return index

    def is_participle_clause(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A verb right after a subordinator with no subject of its own ("after accusing Tehran", "setelah
        menuduh Teheran"): it shares the subject of the main clause. Where the language gives participle
        suffixes (English "-ing"), the verb must carry one."""
        index = self._before_adverbs(tokens, first)
        if index < 0 or not self.has("subordinator", tokens[index]):
            return False
        suffixes = tuple(self.words.get("participle_suffix", ()))
        return not suffixes or tokens[first].lower.endswith(suffixes)

    def is_off_topic(self, tokens: tuple[Token, ...]) -> bool:
        """A sentence about sport ("the striker scored twice"): one word of kind `sport`, or two distinct of kind
        `sport_hint` (words like "goal" or "match" that also turn up in politics)."""
        if any(self.has("sport", t) for t in tokens):
            return True
        return len({t.lower for t in tokens if self.has("sport_hint", t)}) >= 2

    def without_pronoun_suffix(self, lower: str) -> str:
        for suffix in self.words.get("pronoun_suffix", ()):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 3:
                return lower[: -len(suffix)]
        return lower

    def is_agent_noun(self, token: Token) -> bool:
        """A noun for the doer, not the deed ("pengebom", "penyerang"): never an event by itself."""
        lower = token.lower
        return (
            lower != token.lemma
            and lower.startswith(tuple(self.words.get("agent_prefix", ())))
            and not lower.endswith(tuple(self.words.get("noun_suffix", ())))
        )

    def after_light_verb(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A verb like "melancarkan" shortly before the event noun makes it an event ("melancarkan serangan"),
        also when the noun is the second of two joined ones ("melakukan penetapan tersangka dan penahanan")."""
        return self.light_verb_index(tokens, first) is not None

    def light_verb_index(self, tokens: tuple[Token, ...], first: int) -> int | None:
        """The light verb whose object is the event noun at `first`; not one whose object is another noun the
        event noun is the complement of ("menyampaikan keberatan atas penangkapan": the objection is told)."""
        reach = MODALITY_WINDOW
        if first > 0 and self.has("conjunction", tokens[first - 1]):
            reach += MODALITY_WINDOW
        start = max(self.clause_start(tokens, first), first - reach)
        for index in range(first - 1, start - 1, -1):
            if self.has("light_verb", tokens[index]):
                return index
            if self.has("recipient", tokens[index]):
                return None
        return None

    def is_verb_form(self, token: Token) -> bool:
        """An inflected verb where the language marks verbs by prefix ("menyerang", "dibebaskan")."""
        lower = token.lower
        prefixes = tuple(self.words.get("verb_prefix", ()))
        return bool(prefixes) and lower != token.lemma and len(lower) > 5 and lower.startswith(prefixes)

    def splits_clause(self, tokens: tuple[Token, ...], index: int) -> bool:
        """Whether the word at `index` starts a new clause; not the relative of a headless relative that names
        the object ("terhadap apa yang mereka sebut markas teroris": "what they call")."""
        if not self.has("clause", tokens[index]):
            return False
        return not (index > 0 and self.has("relative", tokens[index]) and self.has("free_relative", tokens[index - 1]))

    def is_comma_joined_verb(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A verb right after a comma with no subject of its own ("X menelepon Y, menyerukan ...", "X, dalam
        pertemuan dengan Y, mendesak ..."): it shares the subject of the clause before the comma."""
        index = self._before_adverbs(tokens, first)
        prefixes = tuple(self.words.get("verb_prefix", ()))
        return index > 0 and tokens[index].text == "," and bool(prefixes) and tokens[first].lower.startswith(prefixes)

    def is_joined_verb(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A verb right after a coordinator ("... dan memperingatkan", "... lalu juga menuduh"): it shares the
        subject of the verb before it."""
        index = self._before_adverbs(tokens, first)
        return index >= 0 and self.has("coordinator", tokens[index])

    def _joined_modality(self, tokens: tuple[Token, ...], first: int) -> str | None:
        """A verb joined to the one before it ("untuk melacak dan menangkap", "tidak menembak dan menangkap")
        shares its negation, purpose, condition or future; None where there is nothing to share."""
        index = self._before_adverbs(tokens, first)
        if index < 0 or not self.has("coordinator", tokens[index]) or not self.words.get("verb_prefix"):
            return None
        for previous in range(index - 1, max(-1, index - 5), -1):
            token = tokens[previous]
            if self.breaks_clause(token):
                return None
            inflected = token.lower != token.lemma or previous == index - 1  # the stemmer misses some loans
            if inflected and len(token.lower) > 5 and token.lower.startswith(tuple(self.words["verb_prefix"])):
                found = self.modality(tokens, previous)
                return found if found in ("negated", "modal", "hypothetical", "future") else None
        return None

    def _before_adverbs(self, tokens: tuple[Token, ...], first: int) -> int:
        """The index of the word before `first`, adverbs ("juga", "then") stepped over; -1 if there is none."""
        index = first - 1
        while index >= 0 and self.has("adverb", tokens[index]):
            index -= 1
        return index

    def is_relative_passive(self, tokens: tuple[Token, ...], index: int) -> bool:
        """A passive verb right after a relative pronoun ("kelompok yang didukung Iran"): an attribute."""
        return index > 0 and self.has("relative", tokens[index - 1]) and self.is_passive(tokens, index)

    def is_passive(self, tokens: tuple[Token, ...], index: int) -> bool:
        token = tokens[index]
        for prefix in self.words.get("passive_prefix", ()):
            if token.lower.startswith(prefix) and token.lemma != token.lower and len(token.lower) > len(prefix) + 3:
                return not token.lemma.startswith(prefix)
            if token.lower.startswith(prefix) and not token.root and len(token.lower) > len(prefix) + 3:
                return True  # a passive the stemmer could not take apart ("ditandatangani")
        if self.words.get("passive_aux") and index > 0:
            previous = tokens[index - 1]
            participle = token.lower.endswith(("ed", "en")) or self.has("irregular_participle", token)
            return self.has("passive_aux", previous) and participle
        return False
