"""Find an article's publication date in its own opening lines.

Relative dates ("on Friday", "last week") are resolved against the publication date, so a
wrong one silently shifts every event. We therefore accept only a date the article states
near its top, on a line of its own ("May 31, 2022") or in a dateline
("SEOUL, May 31, 2022 (Yonhap) --"), and never fall back to today's date: an article with no
such line gets None and the caller says so.
"""

from __future__ import annotations

import re
from datetime import date

HEAD_CHARS = 600
"""How far into the text a date line may start: past the headline, byline and photo caption."""

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month(group: str) -> str:
    """A month name or abbreviation, in any case, captured as `group`."""
    return (
        rf"(?P<{group}>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
        r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?"
    )


_SPACE = r"[^\S\n]"
"""Whitespace that stays on the line, including the no-break space of web text."""
_WEEKDAY = (
    rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?{_SPACE}+"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_WEEKDAY})?(?:"
    rf"{_month('month')}{_SPACE}+(?P<day>\d{{1,2}}){_ORDINAL},?{_SPACE}+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}}){_ORDINAL}{_SPACE}+{_month('month2')},?{_SPACE}+(?P<year2>\d{{4}})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2}))"
)
_TIME = rf"(?:{_SPACE}*[,|·-]?{_SPACE}*(?:at{_SPACE}+)?\d{{1,2}}[:.]\d{{2}}[^\n]{{0,24}})?"
_LABEL = rf"(?i:(?:published|posted|updated|date)(?:{_SPACE}+on)?{_SPACE}*:?{_SPACE}*)?"

DATE_LINE = re.compile(rf"^{_SPACE}*{_LABEL}{_DATE}{_TIME}{_SPACE}*$", re.MULTILINE)
"""A line that is only a date, perhaps with a weekday, a label and a time of day."""

DATELINE = re.compile(
    rf"^{_SPACE}*[A-Z][A-Z.' -]+(?:,{_SPACE}*[A-Za-z.' ]+)?,{_SPACE}*{_DATE}"
    rf"{_SPACE}*(?:\([^)\n]*\))?{_SPACE}*(?:--|-|–|—)",
    re.MULTILINE,
)
"""A wire-style dateline: "SEOUL, May 31, 2022 (Yonhap) --". Month and day alone do not match."""


def find_publication_date(text: str) -> date | None:
    """Return the date the article's opening states as its own, or None.

    Only the first ``HEAD_CHARS`` characters are searched, so a date quoted in the body
    ("the June 12, 2018 summit") is not mistaken for the publication date.
    """
    head = _head(text)
    for match in sorted(_matches(head), key=lambda m: m.start()):
        found = _to_date(match)
        if found is not None:
            return found
    return None


def publication(
    text: str, given: date | None = None, metadata: date | None = None
) -> tuple[date | None, str | None]:
    """The document's publication date and where it came from, for `Document.published_source`.

    A date the user or the source gave wins, then the page's own metadata, then the text's
    date line; without any of them both are None, and the caller warns rather than guess.
    """
    if given is not None:
        return given, "given"
    if metadata is not None:
        return metadata, "html-metadata"
    found = find_publication_date(text)
    return found, "dateline" if found is not None else None


def _head(text: str) -> str:
    """The opening of `text`, finished to the end of the line that crosses ``HEAD_CHARS``."""
    end = text.find("\n", HEAD_CHARS, HEAD_CHARS + 200)
    return text[: HEAD_CHARS + 200] if end == -1 else text[:end]


def _matches(head: str) -> list[re.Match[str]]:
    return [*DATE_LINE.finditer(head), *DATELINE.finditer(head)]


def _to_date(match: re.Match[str]) -> date | None:
    """The calendar date a match names, or None for an impossible one such as "Feb 30"."""
    parts = match.groupdict()
    if parts["iso_year"]:
        year, month, day = parts["iso_year"], parts["iso_month"], parts["iso_day"]
    elif parts["year"]:
        year, month, day = parts["year"], _month_number(parts["month"]), parts["day"]
    else:
        year, month, day = parts["year2"], _month_number(parts["month2"]), parts["day2"]
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1
