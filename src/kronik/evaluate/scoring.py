"""Scoring system output against a gold set, following `FORMAT.md` ("Scoring rules") literally.

Inputs are the export shapes: gold articles (`gold.jsonl`), mentions, articles and entities (`kronik export`).
Readings where FORMAT.md leaves room, fixed here so every run scores the same way:

- Dates. A predicted date agrees with a gold date when it is at least as precise and equal at the gold's
  precision ("2024-01" agrees with "2024-01-16"; "2024-01-16" does not agree with "2024-01"). A mention's
  `date_precision` ("day"|"month"|"year"), when given, truncates its date first. A null gold date agrees only
  with a null predicted date (this matters only for the first, date-preferring matching pass).
- Participants of CONSULT/AGREE/COOPERATE are matched one-to-one: two gold participants need two distinct
  predicted participants (gold [IRN, PAK] against predicted [IRN] does not match; nor do gold {code IRN} and
  {code IRNGOV, name X} against a single predicted Iranian actor), and one of the two must be a gold actor.
- Gold events without `required` count as required. Mentions of articles absent from the gold are not scored.
- Date, mode and sector accuracy are taken over the pairs of the country-level matching.
- Sector: in a matched pair, a gold `code` spec with a sector (code longer than three letters) is paired with
  the predicted actors on its side (participants pooled for CONSULT/AGREE/COOPERATE) that match it at country
  level, narrowed to those matching its name when it has one and some do; the spec is counted when it has
  such a candidate and is correct when a candidate's `sector` equals the gold sector.
- Alias merging: gold entities are the same entity when they share a normalised form (canonical name or
  alias), across all articles. Such an entity written in two or more distinct normalised forms is counted.
  Each (article, form) is resolved to the predicted entities listing that article whose name or alias has
  the same normalised form, or, when none does, that match it by the name rules. The entity is merged when
  at least two distinct forms resolve and every resolved form resolves to one and the same predicted entity.
- Cleaning: snippets and cleaned text are compared after collapsing whitespace (and Unicode NFC); the checks
  of a gold article with no predicted article all fail.
- Stories and duplicates: unordered pairs of gold articles; gold duplicate pairs are {id, duplicate_of}.
- A ratio whose denominator is zero is None; F1 is None when precision or recall is None.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from scipy.cluster.hierarchy import DisjointSet

from kronik.errors import KronikError
from kronik.evaluate.names import NameMatcher, normalise

log = logging.getLogger(__name__)

RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}
LEVELS = ("country", "named")

Record = dict[str, Any]
SpecTest = Callable[[Record, Record], bool]


# --- input -----------------------------------------------------------------------------------------------


def load_jsonl(path: str | Path) -> list[dict]:
    """The objects of a JSONL file, one per non-blank line; KronikError E301 names the file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KronikError("E301", f"{path}: cannot read: {exc}") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KronikError("E301", f"{path}:{number}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(record, dict):
            raise KronikError("E301", f"{path}:{number}: expected a JSON object, got {type(record).__name__}")
        records.append(record)
    return records


def _check_gold(gold: list[Record]) -> None:
    seen: set[str] = set()
    for number, article in enumerate(gold, 1):
        article_id = article.get("id")
        if not isinstance(article_id, str) or not article_id:
            raise KronikError("E302", f"gold article {number}: missing 'id'")
        if article_id in seen:
            raise KronikError("E302", f"gold article {article_id!r}: duplicate id")
        seen.add(article_id)
        for index, event in enumerate(article.get("events") or [], 1):
            where = f"gold article {article_id!r} event {index}"
            if not event.get("category"):
                raise KronikError("E302", f"{where}: missing 'category'")
            if not isinstance(event.get("actors"), list) or not isinstance(event.get("recipients", []), list):
                raise KronikError("E302", f"{where}: 'actors' and 'recipients' must be lists")
            for spec in event["actors"] + (event.get("recipients") or []):
                if not isinstance(spec, dict) or not (spec.get("code") or spec.get("group")):
                    raise KronikError("E302", f"{where}: actor spec {spec!r} needs a 'code' or a 'group'")


def _check_mentions(mentions: list[Record]) -> None:
    for number, mention in enumerate(mentions, 1):
        if not mention.get("article_id") or not mention.get("category"):
            raise KronikError("E303", f"mention {number}: missing 'article_id' or 'category'")


# --- rules -----------------------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def predicted_date(mention: Record) -> str | None:
    """The mention's date, cut to its `date_precision` when that is coarser than the written date."""
    date = mention.get("date")
    if not date:
        return None
    length = PRECISION_LENGTH.get(str(mention.get("date_precision") or "").lower(), 10)
    return str(date)[: min(length, 10)]


def date_agrees(gold_date: str | None, predicted: str | None) -> bool:
    """Whether a predicted date agrees with the gold date at the gold's precision (null only with null)."""
    if not gold_date:
        return not predicted
    return bool(predicted) and len(predicted) >= len(gold_date) and predicted[: len(gold_date)] == gold_date


def _forms(record: Record, name_key: str) -> list[str]:
    return [record.get(name_key) or "", *(record.get("aliases") or [])]


def spec_matches(spec: Record, actor: Record, matcher: NameMatcher, named: bool = False) -> bool:
    """Whether a gold actor spec matches a predicted actor (country level, or named when `named`)."""
    if spec.get("group"):
        return matcher.match_any(_forms(spec, "group"), _forms(actor, "name"))
    code = str(spec.get("code") or "")
    if not code or (actor.get("country") or "") != code[:3]:
        return False
    if named and spec.get("name"):
        return matcher.match_any(_forms(spec, "name"), _forms(actor, "name"))
    return True


def _reciprocal_match(gold: Record, mention: Record, test: SpecTest) -> bool:
    actors = gold["actors"]
    participants = actors + (gold.get("recipients") or [])
    predicted = (mention.get("actors") or []) + (mention.get("recipients") or [])
    edges = [[j for j, actor in enumerate(predicted) if test(spec, actor)] for spec in participants]
    for i in range(len(actors)):
        for j in edges[i]:
            if len(participants) < 2:
                return True
            if any(other != j for k, row in enumerate(edges) if k != i for other in row):
                return True
    return False


def _side_match(specs: list[Record], actors: list[Record], test: SpecTest) -> bool:
    return any(test(spec, actor) for spec in specs for actor in actors)


def event_matches(gold: Record, mention: Record, test: SpecTest) -> bool:
    """Whether a mention matches a gold event of the same article, with `test` deciding spec matches."""
    if gold["category"] != mention.get("category"):
        return False
    if gold["category"] in RECIPROCAL:
        return _reciprocal_match(gold, mention, test)
    if not _side_match(gold["actors"], mention.get("actors") or [], test):
        return False
    recipients = gold.get("recipients") or []
    return not recipients or _side_match(recipients, mention.get("recipients") or [], test)


def match_article(gold_events: list[Record], mentions: list[Record], test: SpecTest) -> dict[int, int]:
    """Greedy one-to-one matching of one article: gold event index -> mention index.

    Two passes over the gold events (required first, then optional, each in article order), each event taking
    the first free matching mention in output order; the first pass takes only mentions whose date agrees.
    """
    order = [i for i, g in enumerate(gold_events) if g.get("required", True) is not False]
    order += [i for i, g in enumerate(gold_events) if g.get("required", True) is False]
    candidates = {i: [j for j, m in enumerate(mentions) if event_matches(gold_events[i], m, test)] for i in order}
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for dates_must_agree in (True, False):
        for i in order:
            if i in pairs:
                continue
            for j in candidates[i]:
                if j in taken:
                    continue
                if dates_must_agree and not date_agrees(gold_events[i].get("date"), predicted_date(mentions[j])):
                    continue
                pairs[i] = j
                taken.add(j)
                break
    return pairs


# --- events ----------------------------------------------------------------------------------------------


def _tally(found: dict[str, int]) -> Record:
    precision = _ratio(found["tp_predictions"], found["predictions"])
    recall = _ratio(found["tp_gold"], found["gold_required"])
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall), **found}


def _empty_tally() -> dict[str, int]:
    return {"tp_predictions": 0, "predictions": 0, "tp_gold": 0, "gold_required": 0}


def _score_level(
    gold: list[Record], by_article: dict[str, list[Record]], test: SpecTest
) -> tuple[Record, dict[str, Record], list[tuple[Record, Record]]]:
    overall = _empty_tally()
    per_category: dict[str, dict[str, int]] = defaultdict(_empty_tally)
    matched: list[tuple[Record, Record]] = []
    for article in gold:
        events, mentions = article.get("events") or [], by_article.get(article["id"], [])
        pairs = match_article(events, mentions, test)
        for mention in mentions:
            for tally in (overall, per_category[mention["category"]]):
                tally["predictions"] += 1
        for i, event in enumerate(events):
            required = event.get("required", True) is not False
            tallies = (overall, per_category[event["category"]])
            for tally in tallies:
                tally["gold_required"] += required
                if i in pairs:
                    tally["tp_predictions"] += 1
                    tally["tp_gold"] += required
            if i in pairs:
                matched.append((event, mentions[pairs[i]]))
    return _tally(overall), {cat: _tally(t) for cat, t in sorted(per_category.items())}, matched


def _sector_checks(gold: Record, mention: Record, matcher: NameMatcher) -> list[bool]:
    if gold["category"] in RECIPROCAL:
        sides = [(gold["actors"] + (gold.get("recipients") or []),
                  (mention.get("actors") or []) + (mention.get("recipients") or []))]
    else:
        sides = [(gold["actors"], mention.get("actors") or []),
                 (gold.get("recipients") or [], mention.get("recipients") or [])]
    checks = []
    for specs, actors in sides:
        for spec in specs:
            code = str(spec.get("code") or "")
            if len(code) <= 3:
                continue
            candidates = [a for a in actors if spec_matches(spec, a, matcher)]
            if not candidates:
                continue
            candidates = [a for a in candidates if spec_matches(spec, a, matcher, named=True)] or candidates
            checks.append(any((a.get("sector") or "") == code[3:] for a in candidates))
    return checks


def _pair_accuracies(matched: list[tuple[Record, Record]], matcher: NameMatcher) -> dict[str, int]:
    counts = dict.fromkeys(("date_pairs", "date_agreeing", "mode_pairs", "mode_correct",
                            "sector_specs", "sector_correct"), 0)
    for gold, mention in matched:
        if gold.get("date"):
            counts["date_pairs"] += 1
            counts["date_agreeing"] += date_agrees(gold["date"], predicted_date(mention))
        if gold.get("mode"):
            counts["mode_pairs"] += 1
            counts["mode_correct"] += str(mention.get("mode") or "").lower() == str(gold["mode"]).lower()
        checks = _sector_checks(gold, mention, matcher)
        counts["sector_specs"] += len(checks)
        counts["sector_correct"] += sum(checks)
    return counts


# --- entities --------------------------------------------------------------------------------------------


def _entities_by_article(entities: list[Record]) -> dict[str, list[Record]]:
    by_article: dict[str, list[Record]] = defaultdict(list)
    for index, entity in enumerate(entities):
        entity = {**entity, "id": entity.get("id") if entity.get("id") is not None else f"#{index}"}
        for article_id in entity.get("article_ids") or []:
            by_article[article_id].append(entity)
    return by_article


def _entity_recall(gold: list[Record], by_article: dict[str, list[Record]], matcher: NameMatcher) -> dict[str, int]:
    total = found = 0
    for article in gold:
        predicted = by_article.get(article["id"], [])
        for entity in article.get("entities") or []:
            total += 1
            found += any(matcher.match_any(_forms(entity, "name"), _forms(p, "name")) for p in predicted)
    return {"gold_entities": total, "entities_found": found}


def same_entity_groups(gold: list[Record]) -> list[list[tuple[str, list[str]]]]:
    """Gold entities across the corpus grouped when they share a normalised form: [(article_id, forms)]."""
    nodes = [(a["id"], [f for f in _forms(e, "name") if normalise(f)])
             for a in gold for e in a.get("entities") or []]
    joined = DisjointSet(range(len(nodes)))
    first_with_form: dict[str, int] = {}
    for i, (_, forms) in enumerate(nodes):
        for form in forms:
            joined.merge(i, first_with_form.setdefault(normalise(form), i))
    groups: dict[int, list[tuple[str, list[str]]]] = defaultdict(list)
    for i, node in enumerate(nodes):
        groups[joined[i]].append(node)
    return list(groups.values())


def _resolve_form(form: str, predicted: list[Record], matcher: NameMatcher) -> set[str]:
    key = normalise(form)
    exact = {p["id"] for p in predicted if key in {normalise(f) for f in _forms(p, "name") if f}}
    return exact or {p["id"] for p in predicted if matcher.match_any([form], _forms(p, "name"))}


def _alias_merging(gold: list[Record], by_article: dict[str, list[Record]], matcher: NameMatcher) -> dict[str, int]:
    counted = merged = 0
    for group in same_entity_groups(gold):
        if len({normalise(f) for _, forms in group for f in forms}) < 2:
            continue
        counted += 1
        resolved_forms: set[str] = set()
        resolved_ids: set[str] = set()
        for article_id, forms in group:
            for form in forms:
                ids = _resolve_form(form, by_article.get(article_id, []), matcher)
                if ids:
                    resolved_forms.add(normalise(form))
                    resolved_ids |= ids
        merged += len(resolved_forms) >= 2 and len(resolved_ids) == 1
    return {"alias_entities": counted, "aliases_merged": merged}


# --- articles --------------------------------------------------------------------------------------------


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _cleaning(gold: list[Record], articles: dict[str, Record]) -> dict[str, int]:
    checks = passed = 0
    for article in gold:
        predicted = articles.get(article["id"])
        text = _collapse(predicted.get("text") or "") if predicted else None
        for snippets, wanted in ((article.get("must_include") or [], True), (article.get("must_exclude") or [], False)):
            for snippet in filter(None, map(_collapse, snippets)):
                checks += 1
                passed += text is not None and (snippet in text) == wanted
    return {"cleaning_checks": checks, "cleaning_passed": passed}


def _grouped_pairs(labels: Iterable[tuple[str, Any]]) -> set[frozenset[str]]:
    groups: dict[Any, list[str]] = defaultdict(list)
    for article_id, label in labels:
        if label is not None:
            groups[label].append(article_id)
    return {frozenset(pair) for ids in groups.values() for pair in combinations(sorted(set(ids)), 2)}


Pairs = set[frozenset[str]]


def _pair_score(gold_pairs: Pairs, predicted_pairs: Pairs, name: str) -> tuple[Record, dict]:
    common = len(gold_pairs & predicted_pairs)
    scores = {"precision": _ratio(common, len(predicted_pairs)), "recall": _ratio(common, len(gold_pairs))}
    counts = {f"{name}_pairs_gold": len(gold_pairs), f"{name}_pairs_predicted": len(predicted_pairs),
              f"{name}_pairs_common": common}
    return scores, counts


def _article_pairs(gold: list[Record], articles: dict[str, Record]) -> tuple[Record, Record, dict]:
    ids = [a["id"] for a in gold]
    known = set(ids)
    predicted = [articles[i] for i in ids if i in articles]
    stories, story_counts = _pair_score(
        _grouped_pairs((a["id"], a.get("story")) for a in gold),
        _grouped_pairs((a["id"], a.get("story_id")) for a in predicted), "story")

    def duplicate_pairs(records: Iterable[Record]) -> set[frozenset[str]]:
        return {frozenset((r["id"], r["duplicate_of"])) for r in records
                if r.get("duplicate_of") in known and r["duplicate_of"] != r["id"]}

    duplicates, duplicate_counts = _pair_score(duplicate_pairs(gold), duplicate_pairs(predicted), "duplicate")
    return stories, duplicates, {**story_counts, **duplicate_counts}


# --- report ----------------------------------------------------------------------------------------------


def evaluate(
    gold: list[dict], mentions: list[dict], articles: list[dict], entities: list[dict], matcher: NameMatcher
) -> dict:
    """Score system output (mentions, articles, entities) against gold articles; a JSON-ready report."""
    _check_gold(gold)
    _check_mentions(mentions)
    gold_ids = {a["id"] for a in gold}
    by_article: dict[str, list[Record]] = defaultdict(list)
    for mention in mentions:
        if mention["article_id"] in gold_ids:
            by_article[mention["article_id"]].append(mention)
    unscored = len(mentions) - sum(map(len, by_article.values()))
    if unscored:
        log.warning("%d mentions belong to articles absent from the gold set and are not scored", unscored)

    tests: dict[str, SpecTest] = {
        "country": lambda spec, actor: spec_matches(spec, actor, matcher),
        "named": lambda spec, actor: spec_matches(spec, actor, matcher, named=True),
    }
    events: dict[str, Record] = {}
    per_category: dict[str, dict[str, Record]] = defaultdict(dict)
    matched_pairs: list[tuple[Record, Record]] = []
    for level in LEVELS:
        overall, categories, matched = _score_level(gold, by_article, tests[level])
        events[level] = overall
        for category, figures in categories.items():
            per_category[category][level] = figures
        if level == "country":
            matched_pairs = matched

    predicted_entities = _entities_by_article(entities)
    predicted_articles = {a["id"]: a for a in articles if a.get("id") is not None}
    counts = {
        "unscored_mentions": unscored,
        **_pair_accuracies(matched_pairs, matcher),
        **_entity_recall(gold, predicted_entities, matcher),
        **_alias_merging(gold, predicted_entities, matcher),
        **_cleaning(gold, predicted_articles),
    }
    stories, duplicates, pair_counts = _article_pairs(gold, predicted_articles)
    counts.update(pair_counts)
    return {
        "articles": len(gold),
        "events": events,
        "date_accuracy": _ratio(counts["date_agreeing"], counts["date_pairs"]),
        "mode_accuracy": _ratio(counts["mode_correct"], counts["mode_pairs"]),
        "sector_accuracy": _ratio(counts["sector_correct"], counts["sector_specs"]),
        "entity_recall": _ratio(counts["entities_found"], counts["gold_entities"]),
        "alias_merging": _ratio(counts["aliases_merged"], counts["alias_entities"]),
        "cleaning": _ratio(counts["cleaning_passed"], counts["cleaning_checks"]),
        "stories": stories,
        "duplicates": duplicates,
        "per_category": dict(sorted(per_category.items())),
        "counts": counts,
    }
