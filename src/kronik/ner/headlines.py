"""Headlines: lines where most words are capitalised (a story's title, a list of other stories' titles).

There capitalisation is no evidence of a name: a run with no other evidence (an unsure run, a name only in a
list) is dropped, and so is a person no KB knows whose name is only common words ("Tersangka Suap Proyek").
Names the KB or the gazetteer knows, and runs with a cue word, stay. The capitalised verbs that end a name
inside a run ("Kemlu Layangkan Nota Protes") are cut by `NameFinder.run_end` with `CueBook.verb` (listed roots
everywhere, affixed forms in headlines only).
"""

from __future__ import annotations

from kronik.gazetteer import TOKEN, fold
from kronik.ner.cues import CueBook
from kronik.ner.filters import UNSURE_RULE
from kronik.records import EntityMention

NO_EVIDENCE_RULES = frozenset({UNSURE_RULE, "context:person-list"})  # runs found by their capitals alone


def headline_mentions(cues: CueBook, found: list[EntityMention], headline: bool) -> list[EntityMention]:
    """The mentions `found` in a sentence, without those a headline's capitals alone made; `headline` is
    `CueBook.headline` of the sentence, which the recogniser has already worked out."""
    if not headline:
        return found
    return [m for m in found if m.rule not in NO_EVIDENCE_RULES and not common_person(cues, m)]


def common_person(cues: CueBook, mention: EntityMention) -> bool:
    """A person no KB knows whose name is only common words."""
    if mention.type != "PER" or mention.rule.startswith("kb:"):
        return False
    return all(cues.is_common(fold(word)) for word in TOKEN.findall(mention.text))


__all__ = ["NO_EVIDENCE_RULES", "common_person", "headline_mentions"]
