"""Small article records for tests: sentences split after each full stop, a fixed publication day."""

import datetime as dt
import re

from kronik.records import Article, Sentence

PUB = dt.date(2024, 1, 20)  # a Saturday


def sentences_of(text):
    found, start = [], 0
    for match in re.finditer(r"(?<=\.) ", text):
        found.append(Sentence(len(found), start, match.start(), text[start : match.start()]))
        start = match.end()
    found.append(Sentence(len(found), start, len(text), text[start:]))
    return tuple(found)


def article_of(text, published=PUB):
    return Article(id="t", raw_text=text, text=text, published=published, sentences=sentences_of(text))
