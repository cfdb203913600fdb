"""Corpus stages: near-duplicates and stories, over the whole set of processed articles.

They work on blocks (an LSH band, an actor, a pair of states, a date window), so they scale by grouping,
not by comparing all pairs.
"""

from kronik.corpus.duplicates import DuplicateFinder, Fingerprint, find_duplicates, jaccard, word_shingles
from kronik.corpus.profiles import ActorWeights, ArticleProfile
from kronik.corpus.stories import LinkEvidence, StoryLinker, assign_stories

__all__ = [
    "ActorWeights",
    "ArticleProfile",
    "DuplicateFinder",
    "Fingerprint",
    "LinkEvidence",
    "StoryLinker",
    "assign_stories",
    "find_duplicates",
    "jaccard",
    "word_shingles",
]
