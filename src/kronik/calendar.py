"""Month and weekday names from the language data (`lang/<code>/calendar.yaml`)."""

from __future__ import annotations

from kronik.lang import load_all


def month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-cased month name or abbreviation -> month number (1-12)."""
    return _names("month", languages)


def weekday_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-cased weekday name -> Python weekday number (0 = Monday)."""
    return _names("weekday", languages)


def _names(kind: str, languages: tuple[str, ...]) -> dict[str, int]:
    return {
        name.lower(): entry["number"]
        for entry in load_all("calendar", languages)
        if entry["kind"] == kind
        for name in entry["names"]
    }
