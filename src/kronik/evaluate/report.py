"""A readable plain-text rendering of an evaluation report (the dict `scoring.evaluate` returns)."""

from __future__ import annotations

from typing import Any

SUMMARY = (
    ("date accuracy", "date_accuracy", "date_agreeing", "date_pairs"),
    ("mode accuracy", "mode_accuracy", "mode_correct", "mode_pairs"),
    ("sector accuracy", "sector_accuracy", "sector_correct", "sector_specs"),
    ("entity recall", "entity_recall", "entities_found", "gold_entities"),
    ("alias merging", "alias_merging", "aliases_merged", "alias_entities"),
    ("cleaning", "cleaning", "cleaning_passed", "cleaning_checks"),
)


def _figure(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def _event_row(label: str, figures: dict[str, Any]) -> str:
    return (f"{label:<14} {_figure(figures.get('precision'))} {_figure(figures.get('recall'))} "
            f"{_figure(figures.get('f1'))} {figures.get('tp_predictions', 0):>5}/{figures.get('predictions', 0):<5} "
            f"{figures.get('tp_gold', 0):>5}/{figures.get('gold_required', 0):<5}")


def _event_table(title: str, rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    header = f"{title:<14} {'prec':>6} {'recall':>6} {'f1':>6} {'correct/pred':>11} {'found/req':>11}"
    return [header, "-" * len(header), *(_event_row(label, figures) for label, figures in rows)]


def format_report(report: dict) -> str:
    """The report as plain text: event scores (country and named, overall and per category), then the rest."""
    counts = report.get("counts", {})
    lines = [f"kronik evaluation over {report.get('articles', 0)} gold articles", ""]
    for level in ("country", "named"):
        rows = [("ALL", report["events"][level])]
        rows += [(category, levels[level]) for category, levels in report.get("per_category", {}).items()
                 if level in levels]
        lines += _event_table(f"events/{level}", rows) + [""]
    for label, key, numerator, denominator in SUMMARY:
        fraction = f"{counts.get(numerator, 0)}/{counts.get(denominator, 0)}"
        lines.append(f"{label:<17} {_figure(report.get(key))}  ({fraction})")
    for label, key, prefix in (("stories", "stories", "story"), ("duplicates", "duplicates", "duplicate")):
        figures = report.get(key, {})
        pairs = f"gold {counts.get(prefix + '_pairs_gold', 0)}, predicted {counts.get(prefix + '_pairs_predicted', 0)}"
        lines.append(f"{label:<17} precision {_figure(figures.get('precision')).strip()}, "
                     f"recall {_figure(figures.get('recall')).strip()}  (pairs: {pairs})")
    if counts.get("unscored_mentions"):
        lines.append(f"({counts['unscored_mentions']} mentions of articles absent from the gold were not scored)")
    return "\n".join(lines)
