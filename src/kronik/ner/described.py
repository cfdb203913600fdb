"""What a description right after a name says the name is: "Hole adalah sebuah band" (an organisation),
"Sukamaju adalah desa di ..." (a place), "Wiratmo (lahir 1950) adalah penulis" (a person).

The description is a copula (kind `copula` of lang/<code>/entity_cues.yaml, in lower case), an optional article
(`article`: "sebuah", "an"), at most two capitalised words ("is an American rock band") and a lower-case noun:
a group noun (`group_before`) makes an organisation, a kind of place (`place_class`) a place, an occupation
(`occupation`) a person. A parenthesis between the name and the copula is passed
over ("Wiratmo (lahir 1950) adalah").
"""

from __future__ import annotations

import re

from kronik.ner.cues import CueBook, Token

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


__all__ = ["described_type"]
