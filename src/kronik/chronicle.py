"""A story's chronicle: its merged events as a dated Markdown timeline, every line with its sources.

One section per story (an article without a story is a story of its own): the articles that report it, then
one line per event, sorted by date (undated last): the date, who, what (category and mode), to whom, where
(the place, else the country) and how many were killed when the sources say, the evidence sentence
(shortened) and the sources; where sources disagree, the values and who gave them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from babel.dates import format_date

from kronik.errors import KronikError
from kronik.merge import DEFAULT_DATE_WINDOW_DAYS, date_span, merge_events, sources_from_articles, story_of
from kronik.store import Store

EVIDENCE_MAX_CHARS = 160
DATE_PATTERNS = {"day": "d MMM y", "month": "MMM y", "year": "y"}
SHORT_DATE_PATTERNS = {"day": "d MMM", "month": "MMM y", "year": "y"}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def render_markdown(
    store: Store,
    story_id: str | None = None,
    locale: str = "en",
    date_window_days: int = DEFAULT_DATE_WINDOW_DAYS,
) -> str:
    """The chronicle of one story (or of every story when `story_id` is None) as Markdown."""
    articles = store.articles()
    sources = sources_from_articles(articles)
    events = merge_events(store.mentions(), sources, date_window_days)
    stories = _stories(articles)
    if story_id is not None:
        if story_id not in stories:
            known = ", ".join(sorted(stories)[:10]) or "none"
            raise KronikError("E206", f"{store.path}: no story {story_id!r} (stories: {known})")
        stories = {story_id: stories[story_id]}
    if not events:
        return (
            "# Chronicle\n\nNo events in this database "
            f"({len(articles)} article{'s' if len(articles) != 1 else ''} stored, none with a coded event).\n"
        )
    by_story: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_story.setdefault(story_of(sources.get(event["article_id"]), event["article_id"]), []).append(event)
    outlets = {a["id"]: a.get("outlet") for a in articles}
    sections = [
        _story_section(key, members, by_story.get(key, []), outlets, locale)
        for key, members in stories.items()
        if story_id is not None or by_story.get(key)
    ]
    return "# Chronicle\n\n" + "\n".join(sections)


def _stories(articles: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Story key -> its articles (by publication day, then id), stories in order of their first article."""
    ordered = sorted(articles, key=lambda a: (a.get("published") or "9999", a["id"]))
    stories: dict[str, list[dict[str, Any]]] = {}
    for article in ordered:
        key = article["story_id"] or f"article:{article['id']}"
        stories.setdefault(key, []).append(article)
    return stories


def _story_section(
    key: str, articles: list[dict[str, Any]], events: list[dict[str, Any]], outlets: dict[str, str | None],
    locale: str,
) -> str:
    title = f"Story {key}" if not key.startswith("article:") else f"Article {key[len('article:'):]}"
    lines = [f"## {_escape(title)}", "", "Articles:"]
    lines += [f"- {_article_line(a)}" for a in articles]
    lines += ["", "Timeline:" if events else "No events coded in this story.", ""]
    for event in events:
        lines.append(f"- {_event_line(event, outlets, locale)}")
        lines += [f"  - {_disagreement_line(d, event, outlets, locale)}" for d in event["disagreements"]]
    return "\n".join(lines).rstrip("\n") + "\n"


def _article_line(article: dict[str, Any]) -> str:
    parts = [f"[{_escape(article['id'])}]", _escape(article.get("outlet") or "unknown outlet")]
    if article.get("published"):
        parts.append(article["published"])
    if article.get("title"):
        parts.append(f"“{_escape(article['title'])}”")
    if article.get("duplicate_of"):
        parts.append(f"(duplicate of {_escape(article['duplicate_of'])})")
    return " — ".join(parts)


def _event_line(event: dict[str, Any], outlets: dict[str, str | None], locale: str) -> str:
    date = format_value_date(event["date"], event["date_precision"], locale) if event["date"] else "undated"
    what = event["category"] + (f" ({event['mode']})" if event.get("mode") else "")
    line = f"**{date}** — {_names(event['actors'])} — {what}"
    if event["recipients"]:
        line += f" → {_names(event['recipients'])}"
    if event.get("location") and (event["location"].get("name") or event["location"].get("country")):
        line += f" — in {_escape(event['location'].get('name') or event['location']['country'])}"
    if event.get("fatalities") is not None:
        line += f" — {event['fatalities']} killed"
    line += f" — “{_escape(shorten(event['evidence']['sentence']))}”"
    line += " — sources: " + "; ".join(_source(a, outlets) for a in event["article_ids"])
    return line


def _disagreement_line(
    disagreement: dict[str, Any], event: dict[str, Any], outlets: dict[str, str | None], locale: str
) -> str:
    field = disagreement["field"]
    shown = []
    for item in disagreement["values"]:
        value = item["value"]
        if field == "date":
            value = format_value_date(value, _precision(value), locale, short=True)
        who = ", ".join(_escape(outlets.get(a) or a) for a in item["article_ids"])
        shown.append(f"{_escape(str(value))} ({who})")
    return f"sources differ on {field}: " + ", ".join(shown)


def _names(actors: Iterable[dict[str, Any]]) -> str:
    names = [_escape(a["name"]) for a in actors]
    return ", ".join(names) if names else "(unknown)"


def _source(article_id: str, outlets: dict[str, str | None]) -> str:
    outlet = outlets.get(article_id)
    return f"[{_escape(outlet)}, {_escape(article_id)}]" if outlet else f"[{_escape(article_id)}]"


def _precision(value: str) -> str:
    return {3: "day", 2: "month"}.get(len(value.split("-")), "year")


def format_value_date(value: str, precision: str | None, locale: str = "en", short: bool = False) -> str:
    """A `YYYY[-MM[-DD]]` value in words at its precision ("16 Jan 2024", "Jan 2024"); unparseable as is."""
    span = date_span(value)
    if span is None:
        return value
    patterns = SHORT_DATE_PATTERNS if short else DATE_PATTERNS
    return format_date(span[0], patterns.get(precision or _precision(value), "y-MM-dd"), locale=locale)


def shorten(text: str, limit: int = EVIDENCE_MAX_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _escape(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)
