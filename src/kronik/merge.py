"""Merging event mentions across articles into events, keeping the sources' disagreements.

Mentions are grouped within a story (articles without a story form a story of their own) and a category, then
joined when their participants are compatible: their actor sides share a side and their recipient sides share
one; a mention without recipients joins the one group its actors and date fit ("Iran struck" joins "Iran
struck Jaish al-Adl", but not when Iran also struck someone else about then). A side is an actor's
country — or its id for non-state groups and actors without a country. For the reciprocal categories
(CONSULT, AGREE, COOPERATE) sides are ignored: all participants form one set. Within such a group, day-precise
dates no more than `date_window_days` apart (chained) are one event; a coarser date (month, year) joins the one
event it contains, an undated mention the group's only event; anything ambiguous stays an event of its own
rather than being merged by guess. Comparisons are all-pairs only within one (story, category) block.

An event carries the mention fields (the date is the most common value, ties to the most precise, then the earliest), the article its
evidence comes from, `num_articles`, `num_sources`, `article_ids`, `mentions` and `disagreements`: for date,
mode, location country and fatalities, every value sources gave and the articles that gave it, whenever they
conflict. The fatalities are the count most sources state, ties to the higher count.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scipy.cluster.hierarchy import DisjointSet

RECIPROCAL_CATEGORIES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
DEFAULT_DATE_WINDOW_DAYS = 2


@dataclass(frozen=True)
class Source:
    """What merging needs to know about an article."""

    article_id: str
    story_id: str | None
    outlet: str | None
    published: str | None


def sources_from_articles(articles: Iterable[dict[str, Any]]) -> dict[str, Source]:
    """Article dicts (FORMAT.md `export articles` shape) -> Source by article id."""
    return {a["id"]: Source(a["id"], a.get("story_id"), a.get("outlet"), a.get("published")) for a in articles}


def story_of(source: Source | None, article_id: str) -> str:
    """The merge scope of an article: its story, or the article alone."""
    if source is not None and source.story_id:
        return source.story_id
    return f"article:{article_id}"


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value covers (None when unparseable)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def merge_events(
    mentions: list[dict[str, Any]],
    sources: dict[str, Source],
    date_window_days: int = DEFAULT_DATE_WINDOW_DAYS,
) -> list[dict[str, Any]]:
    """Merge FORMAT.md mention dicts into event dicts, ordered by story, date (undated last) and category."""
    ordered = sorted(mentions, key=lambda m: _source_order(sources.get(m["article_id"]), m["article_id"]))
    blocks: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for mention in ordered:
        story = story_of(sources.get(mention["article_id"]), mention["article_id"])
        blocks.setdefault((story, mention["category"]), []).append(mention)
    events = [
        _event(cluster, sources)
        for block in blocks.values()
        for group in _participant_groups(block, date_window_days)
        for cluster in _date_clusters(group, date_window_days)
    ]
    return sorted(events, key=_event_order)


def _source_order(source: Source | None, article_id: str) -> tuple[str, str]:
    return (source.published or "9999") if source else "9999", article_id


def _side(actor: dict[str, Any]) -> str:
    if actor.get("kind") == "group" or not actor.get("country"):
        return actor["id"]
    return actor["country"]


def _sides(mention: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    actors = frozenset(_side(a) for a in mention["actors"])
    recipients = frozenset(_side(a) for a in mention["recipients"])
    if mention["category"] in RECIPROCAL_CATEGORIES:
        return actors | recipients, frozenset()
    return actors, recipients


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b) or (not a and not b)


def _dates_agree(a: dict[str, Any], b: dict[str, Any], window_days: int) -> bool:
    """Two mentions' dates are within the window of each other (an undated mention agrees with any)."""
    first, second = date_span(a.get("date")), date_span(b.get("date"))
    if first is None or second is None:
        return True
    return (second[0] - first[1]).days <= window_days and (first[0] - second[1]).days <= window_days


def _participant_groups(block: list[dict[str, Any]], window_days: int) -> list[list[dict[str, Any]]]:
    """Split one (story, category) block into groups of mentions with compatible participants.

    Mentions with recipients are joined when actors and recipients overlap (transitively). A mention without
    recipients then joins the one group whose actors overlap its own with a date that agrees (judged on dated
    mentions when both sides have dates); with none or several such groups it
    stays with the other recipient-less mentions of its actors, so it never bridges two distinct events.
    """
    sides = [_sides(m) for m in block]
    joined = DisjointSet(range(len(block)))
    directed = [i for i, (_, recipients) in enumerate(sides) if recipients]
    for n, i in enumerate(directed):
        for j in directed[n + 1:]:
            if _overlap(sides[i][0], sides[j][0]) and _overlap(sides[i][1], sides[j][1]):
                joined.merge(i, j)
    undirected = [i for i, (_, recipients) in enumerate(sides) if not recipients]
    homes: dict[int, int] = {}
    for i in undirected:
        fitting = [j for j in directed if _overlap(sides[i][0], sides[j][0])]
        dated = [j for j in fitting if block[i].get("date") and block[j].get("date")]
        agreeing = [j for j in dated if _dates_agree(block[i], block[j], window_days)]
        if not dated:
            agreeing = fitting
        candidates = {joined[j] for j in agreeing}
        if len(candidates) == 1:
            homes[i] = candidates.pop()
    loose = [i for i in undirected if i not in homes]
    for n, i in enumerate(loose):
        for j in loose[n + 1:]:
            if _overlap(sides[i][0], sides[j][0]):
                joined.merge(i, j)
    for i, home in homes.items():
        joined.merge(i, home)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, mention in enumerate(block):
        groups.setdefault(joined[i], []).append(mention)
    return list(groups.values())


def _date_clusters(group: list[dict[str, Any]], window_days: int) -> list[list[dict[str, Any]]]:
    """Split one group's mentions into events by date agreement (see the module docstring)."""
    days = sorted((m for m in group if m.get("date_precision") == "day" and date_span(m["date"])),
                  key=lambda m: date_span(m["date"])[0])  # type: ignore[index]
    clusters: list[list[dict[str, Any]]] = []
    last: dt.date | None = None
    for mention in days:
        day = date_span(mention["date"])[0]  # type: ignore[index]
        if last is None or (day - last).days > window_days:
            clusters.append([])
        clusters[-1].append(mention)
        last = day
    coarse: dict[str, list[dict[str, Any]]] = {}
    undated: list[dict[str, Any]] = []
    for mention in group:
        if any(mention is m for m in days):
            continue
        span = date_span(mention.get("date"))
        if span is None:
            undated.append(mention)
            continue
        holders = [c for c in clusters if all(span[0] <= date_span(m["date"])[0] <= span[1] for m in c)]
        if len(holders) == 1:
            holders[0].append(mention)
        else:
            coarse.setdefault(mention["date"], []).append(mention)
    clusters.extend(coarse.values())
    if undated:
        if len(clusters) == 1:
            clusters[0].extend(undated)
        else:
            clusters.append(undated)
    return clusters


def _event(cluster: list[dict[str, Any]], sources: dict[str, Source]) -> dict[str, Any]:
    date = _chosen_date(cluster)
    representative = next((m for m in cluster if m.get("date") == date), cluster[0])
    article_ids = sorted({m["article_id"] for m in cluster})
    reciprocal = cluster[0]["category"] in RECIPROCAL_CATEGORIES
    actors = _union_actors(m["actors"] for m in cluster)
    recipients = _union_actors(m["recipients"] for m in cluster)
    if reciprocal:
        actor_ids = {a["id"] for a in actors}
        recipients = [r for r in recipients if r["id"] not in actor_ids]
    location = _chosen_location(cluster)
    refs = [f"{m['article_id']}/{m['event_id']}" for m in cluster]
    source = sources.get(representative["article_id"])
    return {
        "event_id": "ev-" + hashlib.sha1("\n".join(sorted(refs)).encode("utf-8")).hexdigest()[:12],
        "story_id": source.story_id if source else None,
        "article_id": representative["article_id"],
        "category": representative["category"],
        "mode": _most_common([m.get("mode") for m in cluster]),
        "context": list(dict.fromkeys(c for m in cluster for c in m.get("context") or ())),
        "actors": actors,
        "recipients": recipients,
        "date": date,
        "date_precision": next((m["date_precision"] for m in cluster if m.get("date") == date), None),
        "location": location,
        "fatalities": _chosen_fatalities(cluster),
        "evidence": representative["evidence"],
        "score": representative.get("score"),
        "num_articles": len(article_ids),
        "num_sources": len({_outlet(sources.get(a), a) for a in article_ids}),
        "article_ids": article_ids,
        "mentions": [{"article_id": m["article_id"], "event_id": m["event_id"]} for m in cluster],
        "disagreements": _disagreements(cluster),
    }


def _outlet(source: Source | None, article_id: str) -> str:
    return source.outlet if source and source.outlet else f"article:{article_id}"


def _chosen_date(cluster: list[dict[str, Any]]) -> str | None:
    """The most common date; ties go to the most precise, then the earliest."""
    counts = Counter(m["date"] for m in cluster if date_span(m.get("date")))
    if not counts:
        return None
    return min(counts, key=lambda d: (-counts[d], -len(d), date_span(d)[0]))  # type: ignore[index]


def _chosen_location(cluster: list[dict[str, Any]]) -> dict[str, Any] | None:
    located = [m["location"] for m in cluster if m.get("location")]
    if not located:
        return None
    country = _most_common([loc.get("country") for loc in located])
    return next((loc for loc in located if loc.get("country") == country), located[0])


def _chosen_fatalities(cluster: list[dict[str, Any]]) -> int | None:
    """The death count most sources state; ties go to the higher count (later reports tend to count more)."""
    counts = Counter(m["fatalities"] for m in cluster if m.get("fatalities") is not None)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], n))


def _most_common(values: list[Any]) -> Any:
    """The most common non-null value, ties to the first seen; None when all are null."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return max(counts, key=lambda v: counts[v])  # max keeps the first of equal counts (insertion order)


def _union_actors(lists: Iterable[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for actors in lists:
        for actor in actors:
            seen.setdefault(actor["id"], actor)
    return list(seen.values())


def _disagreements(cluster: list[dict[str, Any]]) -> list[dict[str, Any]]:
    fields = {
        "date": lambda m: m.get("date"),
        "mode": lambda m: m.get("mode"),
        "location": lambda m: (m.get("location") or {}).get("country"),
        "fatalities": lambda m: m.get("fatalities"),
    }
    found = []
    for field, value_of in fields.items():
        by_value: dict[str, set[str]] = {}
        for mention in cluster:
            value = value_of(mention)
            if value is not None:
                by_value.setdefault(value, set()).add(mention["article_id"])
        if _conflicting(field, list(by_value)):
            values = sorted(by_value, key=lambda v: (v,) if field == "date" else (-len(by_value[v]), v))
            found.append({"field": field, "values": [{"value": v, "article_ids": sorted(by_value[v])} for v in values]})
    return found


def _conflicting(field: str, values: list[str]) -> bool:
    """Two or more values, and (for dates) two that do not refine each other ("2024-01" vs "2024-01-16" agree)."""
    if field != "date":
        return len(values) > 1
    return any(not (a.startswith(b) or b.startswith(a)) for a in values for b in values)


def _event_order(event: dict[str, Any]) -> tuple[Any, ...]:
    span = date_span(event["date"])
    return (event["story_id"] or "~", event["article_id"] if not event["story_id"] else "",
            span is None, span[0] if span else dt.date.min, event["category"], event["event_id"])
