"""From a `RawArticle` to an `Article`: main text (from HTML with trafilatura), title, outlet, url, and the
publication date with where it came from (`given`, `url`, `html-meta`, `dateline` or `unknown`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import trafilatura

from kronik.calendar import month_names, weekday_names
from kronik.clean import RuleSet, normalise_spaces
from kronik.records import Article, RawArticle

log = logging.getLogger(__name__)

DATELINE_LINES = 4  # a dateline is among the first few non-empty lines
TITLE_LINES = 4  # so is a headline in plain text
SECOND_LEVEL = ("co", "or", "go", "ac", "web", "my", "sch", "net", "com", "org")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),  # /2024/01/20/
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$|\d)"),  # /20240120/
    re.compile(r"/(\d{2})/(\d{2})/(\d{2})/"),  # /16/02/15/ (yy/mm/dd, as republika writes it)
)
_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|pubdate|publishdate|"""
    r"""datePublished|date|dc\.date|content_PublishedDate)["'][^>]*content=["']([^"']+)["']""",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"\b([A-Za-z0-9-]{3,}\.(?:co\.id|com|co|id|net|org|news))\b", re.IGNORECASE)
_OUTLET_IN_PARENS = re.compile(r"^[^\n()]{2,40}\(([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})\)\s*[-–—]")
_OUTLET_AFTER_CITY = re.compile(r"^[A-Z][A-Za-z .]{1,30}, ([A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+){0,2}) [-–—] ")
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:]\s+")


@dataclass(frozen=True)
class DateWords:
    """Month and weekday names of some languages, compiled into dateline patterns."""

    months: dict[str, int]
    written: re.Pattern[str]  # "Rabu, 4 November 2015", "18 Februari 2016,"
    numeric: re.Pattern[str]  # "Jakarta, Kamis (19/6/2025) -"


@lru_cache(maxsize=8)
def _date_words(languages: tuple[str, ...]) -> DateWords:
    months = month_names(languages)
    month_alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    weekday_alt = "|".join(sorted(map(re.escape, weekday_names(languages)), key=len, reverse=True))
    written = re.compile(
        rf"^(?:[A-Z][A-Za-z .]{{1,30}},\s*)?(?:(?:{weekday_alt}),?\s+)?(\d{{1,2}})\s+({month_alt})\.?\s+(\d{{4}})"
        rf"(?=\s*(?:[,|\-–—]|\d{{1,2}}[:.]\d{{2}}|$))",
        re.IGNORECASE,
    )
    numeric = re.compile(
        rf"^[A-Z][A-Za-z .]{{1,30}},\s*(?:(?:{weekday_alt})\s*)?\((\d{{1,2}})/(\d{{1,2}})/(\d{{4}})\)\s*[-–—]",
        re.IGNORECASE,
    )
    return DateWords(months, written, numeric)


@lru_cache(maxsize=8)
def _rules(languages: tuple[str, ...]) -> RuleSet:
    return RuleSet.load(languages)


URL_LINE = re.compile(r"https?://[^\s/]+\.[^\s/]+/\S*")


def to_article(raw: RawArticle, languages: tuple[str, ...]) -> Article:
    """Build the `Article` for one input record, inferring what the record does not give."""
    languages = tuple(languages)
    page = _extract_html(raw.html) if raw.html is not None and not raw.text else None
    raw_text = raw.text if raw.text else (page.text if page else "")
    url = raw.url or (page.url if page else None) or url_in_text(raw_text)
    title = raw.title or (clean_title(page.title, url, page.sitename) if page and page.title else None)
    if title is None:
        title = headline_from_text(raw_text, languages)
    published, source = infer_published(raw, url, page, raw_text, languages)
    outlet = raw.outlet or outlet_from_url(url) or outlet_from_text(raw_text)
    return Article(
        id=raw.id,
        raw_text=raw_text,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_source=source,
        origin=raw.origin,
    )


@dataclass(frozen=True)
class Page:
    """What trafilatura found in an HTML page."""

    text: str
    title: str | None
    url: str | None
    sitename: str | None
    date: dt.date | None


def _extract_html(html: str) -> Page:
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises many kinds of errors on broken pages  # noqa: BLE001
        log.warning("HTML extraction failed: %s", exc)
        document = None
    if document is None:
        return Page("", None, None, None, _date_from_meta(html))
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta_date = _date_from_meta(html) or parse_date(data.get("date"))
    return Page(
        text=data.get("text") or "",
        title=data.get("title"),
        url=data.get("url"),
        sitename=data.get("sitename"),
        date=meta_date,
    )


def _date_from_meta(html: str) -> dt.date | None:
    match = _META_DATE.search(html[:200_000])
    return parse_date(match.group(1)) if match else None


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date in a timestamp as written ("2024-01-20", "2024-01-20T10:00:00+07:00", "2024-01-20 10:00")."""
    if not value:
        return None
    match = _ISO_DATE.search(str(value))
    if not match:
        return None
    return _make_date(*match.groups())


def _make_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def infer_published(
    raw: RawArticle, url: str | None, page: Page | None, text: str, languages: tuple[str, ...]
) -> tuple[dt.date | None, str]:
    """The publication date and its source, trying the given value, the URL, the page metadata, the dateline."""
    given = parse_date(raw.published)
    if given is not None:
        return given, "given"
    if raw.published:
        log.warning("%s: cannot read published date %r", raw.origin or raw.id, raw.published)
    from_url = date_from_url(url)
    if from_url is not None:
        return from_url, "url"
    if page is not None and page.date is not None:
        return page.date, "html-meta"
    from_text = date_from_dateline(text, languages)
    if from_text is not None:
        return from_text, "dateline"
    return None, "unknown"


def url_in_text(text: str) -> str | None:
    """The article's own address where a saved page kept it on a line of its own (a dated news URL)."""
    for line in text.splitlines():
        line = line.strip()
        if URL_LINE.fullmatch(line) and date_from_url(line) is not None:
            return line
    return None


def date_from_url(url: str | None) -> dt.date | None:
    """A date written in a URL path: /2024/01/20/, /read/2015/11/05/, /16/02/15/ (yy/mm/dd)."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if match:
            year, month, day = match.groups()
            year = int(year) + 2000 if len(year) == 2 else int(year)
            found = _make_date(year, month, day)
            if found is not None and found.year >= 1995:
                return found
    return None


def date_from_dateline(text: str, languages: tuple[str, ...]) -> dt.date | None:
    """A date that opens one of the first lines: "18 Februari 2016,", "Jakarta, Kamis (19/6/2025) -"."""
    words = _date_words(tuple(languages))
    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        written = words.written.search(line)
        if written:
            day, month, year = written.groups()
            found = _make_date(year, words.months[month.lower()], day)
            if found is not None:
                return found
        numeric = words.numeric.search(line)
        if numeric:
            day, month, year = numeric.groups()
            found = _make_date(year, month, day)
            if found is not None:
                return found
    return None


def registered_domain(url: str | None) -> str | None:
    """"news.detik.com" -> "detik.com", "nasional.republika.co.id" -> "republika.co.id"."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def outlet_from_url(url: str | None) -> str | None:
    return registered_domain(url)


def outlet_from_text(text: str) -> str | None:
    """The outlet named in the dateline: "JAKARTA, KOMPAS.com -", "(ANTARA News) -", "Jakarta, IDN Times -"."""
    for line in [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]:
        head = line[:120]
        dash = re.search(r"\s[-–—]\s?", head)
        if dash:
            domain = _DOMAIN.search(head[: dash.start() + 1])
            if domain:
                return domain.group(1).lower()
        for pattern in (_OUTLET_IN_PARENS, _OUTLET_AFTER_CITY):
            match = pattern.search(head)
            if match:
                return match.group(1)
    return None


def clean_title(title: str, url: str | None, sitename: str | None) -> str:
    """A page title without the site's name: "X - Kompas.com Regional" -> "X", "X | Republika Online" -> "X"."""
    title = normalise_spaces(title)
    site_keys = _site_keys(url, sitename)
    while True:
        separators = list(_TITLE_SEPARATOR.finditer(title))
        if not separators or not _names_site(title[separators[-1].end() :], site_keys):
            return title
        title = title[: separators[-1].start()].strip()


def _site_keys(url: str | None, sitename: str | None) -> set[str]:
    keys: set[str] = set()
    domain = registered_domain(url)
    if domain:
        keys.add(domain.split(".")[0])
    if sitename:
        keys.add(_squash(sitename.split(".")[0]))
    return {key for key in keys if len(key) >= 3}


def _names_site(part: str, site_keys: set[str]) -> bool:
    squashed = _squash(part)
    if len(part.split()) > 5 or not squashed:
        return False
    if _DOMAIN.search(part) or re.search(r"(?i)\b(?:online|news|\.com)\b", part):
        return True
    first = _squash(part.split()[0])
    return any(key in squashed or (len(first) >= 4 and first in key) for key in site_keys)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def headline_from_text(text: str, languages: tuple[str, ...]) -> str | None:
    """In plain text, the first short line that is not site furniture and reads like a headline."""
    rules = _rules(tuple(languages))
    furniture = rules.line + rules.cut_after + rules.related
    lines = [normalise_spaces(line) for line in text.splitlines()]
    candidates = [line for line in lines if line and not any(rule.pattern.fullmatch(line) for rule in furniture)]
    for line in candidates[:TITLE_LINES]:
        if _reads_like_headline(line, languages):
            return line
    return None


def _reads_like_headline(line: str, languages: tuple[str, ...]) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 25 or len(line) > 200 or line.endswith((".", ",", ":")):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or date_from_dateline(line, languages) is not None:
        return False
    return outlet_from_text(line) is None
