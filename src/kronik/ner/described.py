"""What a description right after a name says the name is: "Hole adalah sebuah band" (an organisation),
"Sukamaju adalah desa di ..." (a place), "Wiratmo (lahir 1950) adalah penulis" (a person).

The description is a copula (kind `copula` of lang/<code>/entity_cues.yaml, in lower case), an optional article
(`article`: "sebuah", "an"), at most two capitalised words ("is an American rock band") and a lower-case noun:
a group noun (`group_before`) makes an organisation, a kind of place (`place_class`) a place, an occupation
(`occupation`) a person. A parenthesis between the name and the copula is passed
over ("Wiratmo (lahir 1950) adalah").

A name given right after a naming word says so too: "sebuah band bernama X" (an organisation), "sebuah desa
bernama X" (a place).
"""

from __future__ import annotations

import re

from kronik.ner.cues import CueBook, Token

MAX_NAMING_GAP = 3  # lower-case words between a group noun and the naming word ("band projekan dengan nama")
MAX_SKIPPED_CAPITALS = 2  # capitalised words between the article and the noun ("an American rock band")
PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def described_type(cues: CueBook, text: str, tokens: list[Token], i: int) -> str | None:
    """"ORG", "LOC" or "PER" when a description of that type starts at token i (right after a name), else None."""
    if i == 0 or i >= len(tokens):
        return None
    end = tokens[i - 1].end
    bracket = PARENTHESIS.match(text, end)
    if bracket is not None:
        i, end = next((k for k in range(i, len(tokens)) if tokens[k].start >= bracket.end()), len(tokens)), bracket.end()
    if i >= len(tokens) or text[end : tokens[i].start].strip(" ,"):
        return None  # '"Koning Boudewijnstadion") adalah': the name is inside something else
    length, _ = cues.match("copula", tokens, i)
    if not length or not tokens[i].text.islower():
        return None
    i += length
    i += cues.match("article", tokens, i)[0]
    skipped = 0
    while i < len(tokens) and tokens[i].capitalised and skipped < MAX_SKIPPED_CAPITALS:
        i, skipped = i + 1, skipped + 1
    if i >= len(tokens) or not tokens[i].text.islower():
        return None
    if cues.match("group_before", tokens, i)[0]:
        return "ORG"
    if cues.match("place_class", tokens, i)[0]:
        return "LOC"
    return "PER" if cues.match("occupation", tokens, i)[0] else None


def named_type(cues: CueBook, tokens: list[Token], first: int) -> str | None:
    """"ORG" or "LOC" when a naming word (`name_before`: "bernama", "dengan nama", "called") comes right before
    token `first` and a group noun (`group_before`) or a kind of place (`place_class`) a few lower-case words before
    it ("grup musik lagi bernama Sliver", "band projekan dengan nama Hateplow", "sebuah desa bernama Sukamaju");
    else None."""
    start = next((first - n for n in (3, 2, 1) if n <= first and cues.match("name_before", tokens, first - n, first)[0] == n), None)
    if start is None:
        return None
    for at in range(start, max(0, start - MAX_NAMING_GAP - 1), -1):
        if cues.before("group_before", tokens, at) is not None:
            return "ORG"
        if cues.before("place_class", tokens, at) is not None:
            return "LOC"
        if at == 0 or not tokens[at - 1].text.islower():
            return None
    return None


__all__ = ["described_type", "named_type"]
