"""`kronik eval`: scoring system output against a gold set by the rules of the evaluation format."""

from kronik.evaluate.names import NameMatcher, load_honorifics, normalise
from kronik.evaluate.report import format_report
from kronik.evaluate.scoring import date_agrees, evaluate, load_jsonl, spec_matches

__all__ = [
    "NameMatcher",
    "date_agrees",
    "evaluate",
    "format_report",
    "load_honorifics",
    "load_jsonl",
    "normalise",
    "spec_matches",
]
