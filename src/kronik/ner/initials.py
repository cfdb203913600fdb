"""People named by their initials, in a list of names, as speakers or with their age or role in parentheses:
"tersangka berinisial RMP", "yakni MY, MF, dan IP", "kata Rano", "Budi (45)", "Tomi (gitar)".

Indonesian crime reporting names suspects, witnesses and victims by their initials. Written in capitals they
look like the acronyms of organisations, so the recogniser asks this module first: an all-capitals word is a
person's initials when a cue word of kind `initials_before` (lang/<code>/entity_cues.yaml: "berinisial",
"tersangka", "saksi") comes just before it, or just before the list it belongs to ("tersangka MY dan IP").
After a cue of kind `list_before` ("yakni", "yaitu", "antara lain") short initials in a list are people too
(longer names in such lists are left to the name list: on encyclopedic text they are as often works or places).
"""

from __future__ import annotations

import re

from kronik.knowledge import KnowledgeBase
from kronik.ner.cues import CueBook, Token

MAX_INITIALS = 5  # letters of initials after a strong cue ("berinisial ABCDE")
MAX_LIST_INITIALS = 3  # after "yakni" a longer capitals word is more likely an organisation's acronym
LIST_JOINERS = frozenset({"dan", "serta", "atau", "and", "or", "&"})
LIST_GAPS = frozenset({",", ";"})
AGE = re.compile(r"\s*\(\s*\d{1,3}\s*(?:tahun|thn|th)?\s*\)")  # "Budi (45)", "Siti (32 tahun)"
OPENING = re.compile(r"\s*\(\s*")
PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def looks_like_initials(token: Token, limit: int = MAX_INITIALS) -> bool:
    """Two to `limit` capital letters, nothing else ("RMP", "MY"); dotted forms ("M.Y") count too."""
    letters = token.text.replace(".", "")
    return 2 <= len(letters) <= limit and letters.isalpha() and letters.isupper()


class PersonLists:
    """Reads the context of a capitalised word for the cues that make initials and list items people."""

    def __init__(self, cues: CueBook, kb: KnowledgeBase | None = None):
        self.cues = cues
        self.kb = kb

    def spoken_by(self, tokens: list[Token], i: int) -> bool:
        """A lone capitalised word after a speech verb ("kata Rano", "said Rano") names the speaker, even where a
        town has that name; not a state, a curated actor, or an acronym."""
        cue = self.cues.before("person_before", tokens, i)
        if cue is None or cue.id != "before-person-speech" or tokens[i].text.isupper() or self.cues.is_common(tokens[i].key):
            return False
        entries = self.kb.lookup((tokens[i].key,)) if self.kb is not None else ()
        return all(entry.use in ("city", "region") for entry in entries)

    def described_as_person(self, text: str, tokens: list[Token], i: int) -> bool:
        """The name ending with token i is said to be a person by what follows it: an age or a role in
        parentheses, or an introduction ("Budi (45)", "Tomi (gitar)", "X adalah seorang penyanyi")."""
        return self._in_parentheses(text, tokens, i) or self._introduced(text, tokens, i)

    def _in_parentheses(self, text: str, tokens: list[Token], i: int) -> bool:
        """An age ("Budi (45)") or a role of kind `person_in_parentheses` ("Tomi (gitar)", "Reed (vocals)") in
        parentheses right after the name."""
        end = tokens[i].end
        if AGE.match(text, end):
            return True
        opening = OPENING.match(text, end)
        after = i + 1
        if opening is None or after >= len(tokens) or tokens[after].start != opening.end():
            return False
        return tokens[after].text.islower() and self.cues.match("person_in_parentheses", tokens, after)[0] > 0

    def _introduced(self, text: str, tokens: list[Token], i: int) -> bool:
        """An introduction as a person after the name, perhaps past a parenthesis: "X adalah seorang penyanyi",
        "X (lahir 1990) merupakan salah seorang pendiri" (kind `person_described`)."""
        after, end = i + 1, tokens[i].end
        bracket = PARENTHESIS.match(text, end)
        if bracket is not None:
            after = next((k for k in range(after, len(tokens)) if tokens[k].start >= bracket.end()), len(tokens))
            end = bracket.end()
        if after >= len(tokens) or text[end : tokens[after].start].strip(" ,"):
            return False
        return self.cues.match("person_described", tokens, after)[0] > 0

    def list_head(self, text: str, tokens: list[Token], i: int) -> int:
        """The first word of the list token i ends ("MY, MF, dan IP": the index of MY); i if it is in none.
        Items are capitalised words joined by commas and "dan"."""
        head = i
        while head > 0:
            previous = head - 1
            gap = "".join(text[tokens[previous].end : tokens[head].start].split())
            if gap in LIST_GAPS and _item(tokens[previous]):
                head = previous
            elif not gap and _item(tokens[previous]) and not tokens[head].initial:
                head = previous  # a word of a name of several words ("Budi Santoso")
            elif not gap and tokens[previous].key in LIST_JOINERS and previous > 0 and _item(tokens[previous - 1]):
                between = "".join(text[tokens[previous - 1].end : tokens[previous].start].split())
                if between not in ("",) + tuple(LIST_GAPS):
                    break
                head = previous - 1
            else:
                break
        return head

    def initials_of_person(self, text: str, tokens: list[Token], i: int, known: bool = False) -> bool:
        """Whether the capitals word at i is a person's initials by its context. A word the knowledge base
        knows (`known`: "AS", "KPK") is initials only after a strong cue ("berinisial AS", "tersangka AS")."""
        if not looks_like_initials(tokens[i]):
            return False
        head = self.list_head(text, tokens, i)
        if known and any(not (looks_like_initials(t) or t.text.islower() or t.initial) for t in tokens[head:i]):
            head = i  # a KB name is initials only in a list of initials ("Tersangka RMP dan AS"), not a headline's run
        if known and head == i and i > 0 and tokens[i - 1].capitalised and not tokens[i - 1].initial:
            return False  # "Diperiksa KPK": a capitalised cue word in a headline
        if any(self.cues.before("initials_before", tokens, k) is not None for k in range(head, i + 1)):
            return True  # "tersangka MY dan IP", "Tersangka RMP dan MY"
        if head != i and any(self._person_title_before(tokens, k) for k in range(head, i)):
            return True
        return not known and self.in_name_list(text, tokens, i) and looks_like_initials(tokens[i], MAX_LIST_INITIALS)

    def in_name_list(self, text: str, tokens: list[Token], i: int) -> bool:
        """Whether token i is an item of a list after "yakni", "yaitu", "antara lain"."""
        head = self.list_head(text, tokens, i)
        return self.cues.before("list_before", tokens, head) is not None

    def _person_title_before(self, tokens: list[Token], head: int) -> bool:
        for length in range(min(3, head), 0, -1):
            found, cue = self.cues.match("title", tokens, head - length, head)
            if found == length and cue is not None:
                return True
        return False


def _item(token: Token) -> bool:
    return token.capitalised


__all__ = ["PersonLists", "looks_like_initials"]
