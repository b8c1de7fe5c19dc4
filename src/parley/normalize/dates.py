"""Resolve date phrases ("Friday", "mid-February", "June 10-12") to intervals of days.

An event record must say when the event *happens*, but news text says it relative to the
article: "will meet Friday", "launched in February". Everything here is computed from the
publication date and the tense of the clause only, never from today's date, so re-running
the pipeline years later gives the same answer. A phrase that is not understood with
confidence resolves to None: a wrong date is worse than none.

The module is a table of regexes (`_RULES`), one small handler per phrase family. The first
handler that returns a span wins; `dateparser` is consulted only for full explicit dates that
no regex recognised at all.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Literal

import dateparser

from parley.models import DateSpan

Tense = Literal["past", "present", "future"]

_Span = tuple[date, date, str]  # start, end (inclusive), granularity
_Days = tuple[date, date]

_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_STEP: dict[str | None, int] = {"last": -1, "this": 0, "the": 0, "next": 1, None: 0}
# fmt: off
_SMALL = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
))}
_TENS = {w: 10 * i for i, w in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
), start=2)}
# Words that only introduce the date; "since" and "between" change meaning, so they are rules.
_LEAD_WORDS = frozenset((
    "on", "in", "during", "by", "around", "about", "at", "from", "over", "for", "the", "of",
    "throughout", "circa",
))
# fmt: on
_REWRITES = (  # synonyms folded so the rules below only know last/this/next
    (re.compile(r"\b(?:this )?(?:coming|following)\b"), "next"),
    (re.compile(r"\b(?:this past|previous)\b"), "last"),
)
_CHARS = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2019": "'", "\xa0": " "})

_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WD = "(?:" + "|".join(_WEEKDAYS) + ")"
_NUM = r"(?P<n>\d+|an?|[a-z]+(?:-[a-z]+)?)"
_UNIT = r"(?P<unit>day|week|month|year|decade)(?P<plural>s)?"
_REL = r"(?:(?P<rel>last|this|next) )?"
_YEAR_SUFFIX = r"(?: (?:of )?(?:(?P<year>[12]\d{3})|(?P<yrel>last|this|next|the) year))?"
_TIME_OF_DAY = r"(?: (?:morning|afternoon|evening|night))?"
_YEAR4 = re.compile(r"\b[12]\d{3}\b")
_MONTH_WORD = re.compile(rf"\b{_MON}\b")
_SEP = r"(?:-| (?:to|through|thru|until|till) )"
_RANGE_SEP = re.compile(_SEP)


def _mon(name: str) -> str:
    return rf"(?P<{name}>{_MON})"


def _day(name: str) -> str:
    return rf"(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class _Ctx:
    pub: date
    tense: Tense
    lead: frozenset[str]  # introductory words stripped from the phrase ("in", "over"...)


def resolve_date(phrase: str, published: date, tense: Tense = "past") -> DateSpan | None:
    """Resolve `phrase` against the publication date, or None when not confidently possible.

    `tense` is that of the clause holding the event: "Friday" in "will meet Friday" is the
    next Friday, in "met Friday" the last one. The result is an inclusive interval with a
    granularity (day, week, month, season, quarter, year, decade, range).
    """
    try:
        span = _resolve(phrase, published, tense)
    except (ValueError, OverflowError):  # "February 30", "5000 years ago": not a calendar day
        return None
    if span is None:
        return None
    start, end, granularity = span
    return DateSpan(start=start, end=end, text=phrase, granularity=granularity)


def _resolve(phrase: str, pub: date, tense: Tense) -> _Span | None:
    """Run the rule table; handlers recurse here for sub-phrases ("early" + "this June")."""
    core, lead = _clean(phrase)
    ctx = _Ctx(pub, tense, lead)
    matched = False
    for pattern, handler in _RULES:
        m = pattern.fullmatch(core)
        if m:
            matched = True
            span = handler(m, ctx)
            if span is not None:
                return span
    return None if matched else _explicit_by_dateparser(core, ctx)


def _clean(phrase: str) -> tuple[str, frozenset[str]]:
    """Lower-case, unify dashes and quotes, drop possessives and introductory words."""
    text = phrase.lower().translate(_CHARS).replace(",", " ").replace(".", "")
    text = re.sub(r"(?<=[a-z1-9])'s$", "", text.strip(" ;:!?()\"'"))  # "1970's" is a decade
    text = re.sub(r"\s*-\s*", "-", " ".join(text.split()))
    for pattern, word in _REWRITES:
        text = pattern.sub(word, text)
    words = text.split()
    lead = []
    while len(words) > 1 and words[0] in _LEAD_WORDS:
        lead.append(words.pop(0))
    return " ".join(words), frozenset(lead)


# -- calendar arithmetic ------------------------------------------------------------------


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m0 + 1, min(d.day, calendar.monthrange(y, m0 + 1)[1]))


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    return _add_months(d, n * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit])


def _period(d: date, unit: str, step: int = 0) -> _Days:
    """The calendar unit (ISO week, month, quarter, year...) holding `d`, moved by `step`."""
    if unit == "day":
        d += timedelta(days=step)
        return d, d
    if unit == "week":
        monday = d - timedelta(days=d.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    size = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    index = (d.year * 12 + d.month - 1) // size + step
    start = date(index * size // 12, index * size % 12 + 1, 1)
    return start, _add_months(start, size) - timedelta(days=1)


def _day_or_none(y: int, m: int, d: int) -> date | None:
    return date(y, m, d) if 1 <= d <= calendar.monthrange(y, m)[1] else None


def _month_number(name: str) -> int:
    return _MONTH_ABBR.index(name[:3]) + 1


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    tens, _, ones = word.partition("-")
    if tens in _TENS and (not ones or 0 < _SMALL.get(ones, 0) < 10):
        return _TENS[tens] + _SMALL.get(ones, 0)
    return _SMALL.get(word)


def _pick(spans: list[_Days | None], pub: date, how: str) -> _Days | None:
    """Choose among the previous, current and next occurrence of a yearless date.

    past: the latest that has begun by publication; future: the earliest not yet over;
    last/next: strictly before/after publication; present: the one holding publication,
    else the current one (`spans[1]`).
    """
    valid = [s for s in spans if s is not None]
    if how == "past":
        return max((s for s in valid if s[0] <= pub), default=None)
    if how == "future":
        return min((s for s in valid if s[1] >= pub), default=None)
    if how == "last":
        return max((s for s in valid if s[1] < pub), default=None)
    if how == "next":
        return min((s for s in valid if s[0] > pub), default=None)
    return next((s for s in valid if s[0] <= pub <= s[1]), spans[1])


def _choose(
    m: re.Match[str],
    ctx: _Ctx,
    span_of: Callable[[int], _Days | None],
    this_is_present: bool = False,
) -> _Days | None:
    """Place a month/day/season in a year: an explicit one, "last year", or by tense.

    "this June" is this year's June whatever the tense; "this winter" follows the tense,
    as the winter of this calendar year has two halves.
    """
    groups = m.groupdict()
    if groups.get("year"):
        return span_of(int(groups["year"]))
    if groups.get("yrel"):
        return span_of(ctx.pub.year + _STEP[groups["yrel"]])
    rel = groups.get("rel")
    how = rel if rel in ("last", "next") else ctx.tense
    if rel == "this" and this_is_present:
        how = "present"
    return _pick([span_of(ctx.pub.year + k) for k in (-1, 0, 1)], ctx.pub, how)


# -- handlers, one per phrase family --------------------------------------------------------


def _since(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "since X": from the start of X up to publication."""
    span = _resolve(m["rest"], ctx.pub, "past")
    return (span[0], ctx.pub, "range") if span and span[0] <= ctx.pub else None


def _between(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "between May 3 and 5" is the range "May 3 to 5"."""
    return _resolve(f"{m['a']} to {m['b']}", ctx.pub, ctx.tense)


def _relative_day(m: re.Match[str], ctx: _Ctx) -> _Span:
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
    day = ctx.pub + timedelta(days=offset[(m["word"] or m["word2"]).split()[0]])
    return day, day, "day"


def _iso(m: re.Match[str], ctx: _Ctx) -> _Span:
    day = date(int(m["year"]), int(m["month"]), int(m["day"]))
    return day, day, "day"


def _day_range(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "June 10-12", "30 June to 2 July": the year is that of the end day."""
    m1 = _month_number(m["month"])
    m2 = _month_number(m.groupdict().get("month2") or m["month"])
    d1, d2 = int(m["d1"]), int(m["d2"])

    def span_of(y: int) -> _Days | None:
        start, end = _day_or_none(y - (m2 < m1), m1, d1), _day_or_none(y, m2, d2)
        return (start, end) if start and end and start <= end else None

    days = _choose(m, ctx, span_of)
    return (*days, "range") if days else None


def _range(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "X to Y" for any two resolvable phrases, tried at each separator.

    One side is resolved against publication, the other against it: the side with an
    explicit year if any, else the end in past tense and the start otherwise.
    """
    text = m[0]
    for sep in _RANGE_SEP.finditer(text):
        left, right = text[: sep.start()], text[sep.end() :]
        left_year, right_year = bool(_YEAR4.search(left)), bool(_YEAR4.search(right))
        if right_year and not left_year and _YEAR4.fullmatch(right):
            continue  # "Jan-2016" labels a month of 2016; it is not January to December
        if (right_year and not left_year) or (left_year == right_year and ctx.tense == "past"):
            b = _resolve(right, ctx.pub, ctx.tense)
            a = _resolve(left, b[0], "past") if b else None
        else:
            a = _resolve(left, ctx.pub, ctx.tense)
            b = _resolve(right, a[1], "future") if a else None
        if a and b and a[0] <= b[1]:
            return a[0], b[1], "range"
    return None


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Span:
    """Past: on or before publication; future: strictly after; present: on or after.

    "last Friday" is the Friday of the previous calendar week (news say "Friday" for the
    latest one, so "last" points further back); "next" is strictly after; "this Friday"
    is on or after unless the clause is in the past tense.
    """
    target, pub = _WEEKDAYS.index(m["wd"]), ctx.pub
    week, rel = m.groupdict().get("week"), m.groupdict().get("rel")
    if rel == "last":
        week = "last"
    if week:  # "Monday last week"
        day = _period(pub, "week", _STEP[week])[0] + timedelta(days=target)
        return day, day, "day"
    back, ahead = (pub.weekday() - target) % 7, (target - pub.weekday()) % 7
    if rel == "last" or (rel != "next" and ctx.tense == "past"):
        day = pub - timedelta(days=back or (7 if rel == "last" else 0))
    elif rel == "next" or (rel is None and ctx.tense == "future"):
        day = pub + timedelta(days=ahead or 7)
    else:  # present tense, or "this Friday" outside the past tense
        day = pub + timedelta(days=ahead)
    return day, day, "day"


def _weekday_prefix(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "Friday, June 3": resolve the date, and refuse it if the weekday disagrees."""
    span = _resolve(m["rest"], ctx.pub, ctx.tense)
    if span and span[2] == "day" and span[0].weekday() == _WEEKDAYS.index(m["wd"]):
        return span
    return None


def _weekend(m: re.Match[str], ctx: _Ctx) -> _Span:
    """Saturday-Sunday of an ISO week; a bare "weekend" is the nearest on the tense's side."""
    pub = ctx.pub
    if m["rel"]:
        saturday = _period(pub, "week", _STEP[m["rel"]])[0] + timedelta(days=5)
    elif ctx.tense == "past":
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    else:
        saturday = pub + timedelta(days=(6 - pub.weekday()) % 7 - 1)
    return saturday, saturday + timedelta(days=1), "range"


def _earlier_later(m: re.Match[str], ctx: _Ctx) -> _Span:
    start, end = _period(ctx.pub, m["unit"])
    return (start, ctx.pub, "range") if m["when"] == "earlier" else (ctx.pub, end, "range")


def _relative_period(m: re.Match[str], ctx: _Ctx) -> _Span:
    """ "last week", "this month", "next year"; a bare "the year" is this one."""
    return *_period(ctx.pub, m["unit"], _STEP[m["rel"]]), m["unit"]


_PART_INDEX = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1}
_PARTS = {  # unit -> (step, (first, last) offsets of early / mid / late)
    "week": ("day", ((0, 2), (2, 4), (4, 6))),
    "month": ("day", ((0, 9), (10, 19), (20, 30))),
    "quarter": ("month", ((0, 0), (1, 1), (2, 2))),
    "season": ("month", ((0, 0), (1, 1), (2, 2))),
    "year": ("month", ((0, 3), (4, 7), (8, 11))),
    "decade": ("year", ((0, 3), (4, 6), (7, 9))),
}


def _part(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "mid-February", "end of this month", "late 2019": about a third of the unit; a
    part of a day ("late Monday", "early on Tuesday") is that day.

    In the future tense a part already under way starts at publication ("will meet around
    the end of this month", published on the 25th, is the 25th to the 31st).
    """
    base = _resolve(m["rest"], ctx.pub, ctx.tense)
    if base is not None and base[2] == "day":  # "late Monday" is still Monday
        return base
    if base is None or base[2] not in _PARTS:
        return None
    start, end, unit = base
    step, bounds = _PARTS[unit]
    if m["part"] == "end of":  # the mirror of "beginning of": its window, counted from the end
        s, e = _shift(end + timedelta(days=1), step, -(bounds[0][1] + 1)), end
    else:
        first, last = bounds[_PART_INDEX.get(m["part"], 2)]
        s = _shift(start, step, first)
        e = min(end, _shift(start, step, last + 1) - timedelta(days=1))
    if ctx.tense == "future" and s < ctx.pub <= e:
        s = ctx.pub
    return s, e, "range"


def _month_day(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    month, day = _month_number(m["month"]), int(m["day"])

    def span_of(y: int) -> _Days | None:
        d = _day_or_none(y, month, day)
        return (d, d) if d else None

    days = _choose(m, ctx, span_of)
    return (*days, "day") if days else None


def _month(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    month = _month_number(m["month"])
    days = _choose(
        m, ctx, lambda y: (date(y, month, 1), _month_end(y, month)), this_is_present=True
    )
    return (*days, "month") if days else None


def _day_of_month(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "on the 15th": this month's if on the tense's side of publication, else the adjacent."""
    months = [_add_months(ctx.pub.replace(day=1), k) for k in (-1, 0, 1)]
    days = [_day_or_none(d.year, d.month, int(m["day"])) for d in months]
    chosen = _pick([(d, d) if d else None for d in days], ctx.pub, ctx.tense)
    return (*chosen, "day") if chosen else None


_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """Northern-hemisphere seasons; "winter 2019" is Dec 2018-Feb 2019 (the year of January).

    "winter 2019-20" names both years and is Dec 2019-Feb 2020.
    """
    first = _SEASON_MONTH[m["season"]]

    def span_of(y: int) -> _Days:
        start = date(y - (first == 12), first, 1)
        return start, _add_months(start, 3) - timedelta(days=1)

    if m["y2"]:
        if first != 12 or int(m["y2"]) % 100 != (int(m["year"]) + 1) % 100:
            return None
        return *span_of(int(m["year"]) + 1), "season"
    days = _choose(m, ctx, span_of)
    return (*days, "season") if days else None


_ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}


def _quarter(m: re.Match[str], ctx: _Ctx) -> _Span:
    """ "Q3 2021", "the third quarter" (of the publication year), "the first half of 2020"."""
    year = int(m["year"]) if m["year"] else ctx.pub.year + _STEP[m["yrel"]]
    groups = m.groupdict()
    if "half" in groups:
        half = _ORDINAL.get(groups["half"]) or int(groups["h"])
        start = date(year, 6 * half - 5, 1)
        return start, _add_months(start, 6) - timedelta(days=1), "range"
    quarter = _ORDINAL.get(m["q"]) or int(m["q"])
    return *_period(date(year, 3 * quarter, 1), "quarter"), "quarter"


def _year(m: re.Match[str], ctx: _Ctx) -> _Span:
    year = int(m["year"])
    return date(year, 1, 1), date(year, 12, 31), "year"


def _split_year(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "the 2018-19 season", "fiscal 2019/20": a season or budget year across two calendar
    years, which are consecutive or it is no such thing."""
    year = int(m["year"])
    if int(m["y2"]) != (year + 1) % 100:
        return None
    return date(year, 1, 1), date(year + 1, 12, 31), "range"


def _decade(m: re.Match[str], ctx: _Ctx) -> _Span:
    year = int(m["decade"])
    return date(year, 1, 1), date(year + 9, 12, 31), "decade"


def _count(n_text: str | None, unit: str) -> tuple[str, int] | None:
    """(unit, n) of "four months", with decades counted as years; None if not a number."""
    n = _number(n_text) if n_text else None
    if not n:
        return None
    return ("year", 10 * n) if unit == "decade" else (unit, n)


def _ago(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "four months ago": the calendar month (day, week, year) that far back."""
    count = _count(m["n"], m["unit"])
    if count is None:
        return None
    unit, n = count
    return *_period(_shift(ctx.pub, unit, -n), unit), unit


def _duration(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """ "over the last four years": a stretch of time ending (or, ahead, starting) at publication.

    Backwards unless the phrase says "next" or the clause is in the future tense; in the
    future tense "in two days" is the point two days ahead, not the stretch up to it. A
    bare count with no word to place it ("10 years in jail", "a strike that could last
    two weeks") is an amount of time, not a time.
    """
    if m["dir"] is None and not ctx.lead:
        return None
    implicit_one = m["dir"] == "past" and not m["plural"]  # "the past week"
    count = _count(m["n"] or ("1" if implicit_one else None), m["unit"])
    if count is None:
        return None
    unit, n = count
    if m["dir"] is None and ctx.tense == "future" and "in" in ctx.lead and "over" not in ctx.lead:
        return *_period(_shift(ctx.pub, unit, n), unit), unit
    if m["dir"] == "next" or (m["dir"] is None and ctx.tense == "future"):
        return ctx.pub, _shift(ctx.pub, unit, n), "range"
    return _shift(ctx.pub, unit, -n), ctx.pub, "range"


def _explicit_by_dateparser(text: str, ctx: _Ctx) -> _Span | None:
    """Last resort for full dates in unusual word order ("the 28th of January, 2016").

    Only phrases naming a month and a four-digit year are passed, only absolute parsers are
    enabled, and day, month and year are all required, so nothing comes from today's date.
    """
    years = _YEAR4.findall(text)
    if not years or not _MONTH_WORD.search(text):
        return None
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(ctx.pub.year, ctx.pub.month, ctx.pub.day),
            "PREFER_DATES_FROM": "past" if ctx.tense == "past" else "future",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    if parsed is None or str(parsed.year) not in years:
        return None
    return parsed.date(), parsed.date(), "day"


_Handler = Callable[[re.Match[str], _Ctx], _Span | None]
# Order matters: specific shapes before the generic "X to Y" and the catch-all duration; a
# handler returning None lets the next matching rule try.
_RULE_SOURCES: tuple[tuple[str, _Handler], ...] = (
    (r"since (?P<rest>.+)", _since),
    (r"between (?P<a>.+) and (?P<b>.+)", _between),
    (
        rf"(?P<word>today|yesterday|tomorrow){_TIME_OF_DAY}"
        r"|(?P<word2>tonight|this morning|this afternoon|this evening|last night)",
        _relative_day,
    ),
    (r"(?P<year>[12]\d{3})-(?P<month>\d{2})-(?P<day>\d{2})", _iso),
    (rf"{_mon('month')} {_day('d1')}{_SEP}{_day('d2')}{_YEAR_SUFFIX}", _day_range),
    (rf"{_day('d1')}{_SEP}{_day('d2')} (?:of )?{_mon('month')}{_YEAR_SUFFIX}", _day_range),
    (rf"{_mon('month')} {_day('d1')}{_SEP}{_mon('month2')} {_day('d2')}{_YEAR_SUFFIX}", _day_range),
    (rf"{_day('d1')} {_mon('month')}{_SEP}{_day('d2')} {_mon('month2')}{_YEAR_SUFFIX}", _day_range),
    (r"(?P<year>[12]\d{3})[-/](?P<y2>\d{2})", _split_year),
    (rf".+{_SEP}.+", _range),
    (rf"{_REL}(?P<wd>{_WD}){_TIME_OF_DAY}", _weekday),
    (rf"(?P<wd>{_WD}) (?P<week>last|this|next) week", _weekday),
    (rf"(?P<wd>{_WD}) (?P<rest>.+)", _weekday_prefix),
    (rf"{_REL}weekend", _weekend),
    (r"(?P<when>earlier|later) this (?P<unit>week|month|year)", _earlier_later),
    (r"(?:(?P<rel>last|this|next) )?(?P<unit>week|month|quarter|year)", _relative_period),
    (r"(?P<part>early|mid|late|beginning of|start of|middle of|end of)[- ](?P<rest>.+)", _part),
    (rf"{_mon('month')} {_day('day')}{_YEAR_SUFFIX}", _month_day),
    (rf"{_day('day')} (?:of )?{_mon('month')}{_YEAR_SUFFIX}", _month_day),
    (rf"{_REL}{_mon('month')}{_YEAR_SUFFIX}", _month),
    (r"(?P<day>\d{1,2})(?:st|nd|rd|th)", _day_of_month),
    (
        rf"{_REL}(?P<season>spring|summer|autumn|fall|winter)"
        r"(?: (?:of )?(?P<year>[12]\d{3})(?:-(?P<y2>\d{2}|\d{4}))?"
        r"| (?P<yrel>last|this|next) year)?",
        _season,
    ),
    (rf"q(?P<q>[1-4]){_YEAR_SUFFIX}", _quarter),
    (rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter{_YEAR_SUFFIX}", _quarter),
    (rf"(?:(?P<half>first|second|1st|2nd) half|h(?P<h>[12])){_YEAR_SUFFIX}", _quarter),
    (r"(?P<year>[12]\d{3})", _year),
    (r"(?P<decade>[12]\d{2}0)'?s", _decade),
    (rf"{_NUM} {_UNIT} ago", _ago),
    (rf"(?:(?P<dir>last|past|next) )?(?:{_NUM} )?{_UNIT}", _duration),
)
_RULES = tuple((re.compile(source), handler) for source, handler in _RULE_SOURCES)


_NARRATIVE = re.compile(
    r"^(?:on |in |during |by )?"
    r"(?:(?:the )?(?:following|next|subsequent) (?P<unit>day|week|month|year)"
    r"|the day after"
    r"|(?P<n>a|an|one|two|three|four|five|six|seven|\d+) (?P<unit2>day|week|month)s? later"
    r"|(?P<same>(?:(?:earlier|later) )?(?:that|the same|that same)"
    r" (?:day|morning|afternoon|evening|night)"
    r"|the (?:morning|afternoon|evening)(?: hours)?))$",
    re.IGNORECASE,
)
_FEW = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}


def modifies_like_a_name(phrase: str) -> bool:
    """Whether a date phrase can name a thing as its modifier: a year or a day of a month
    ('the 2020 election', 'the November 13 deadline'), not a weekday ('Sunday Presidents'
    is a misparse)."""
    return _MODIFYING_DATE.fullmatch(" ".join(phrase.lower().split())) is not None


_MODIFYING_DATE = re.compile(
    rf"(?:the )?(?:\d{{4}}(?:'s)?|{_MON}\.? \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}} {_MON})"
)


def names_a_day(phrase: str) -> bool:
    """Whether a phrase the model calls a time of day names its day ('Monday night',
    'last night'), as against a clock time alone ('9 a.m.', '1625 UTC')."""
    return _DAY_OF_TIME.search(phrase.lower()) is not None


_DAY_OF_TIME = re.compile(
    rf"\b(?:{_WD}|tonight|yesterday|today|tomorrow|last night"
    r"|this (?:morning|afternoon|evening))\b"
)


def is_narrative(phrase: str) -> bool:
    """'the following day', 'two days later': counted from the story's previous event,
    not from publication."""
    return _NARRATIVE.match(phrase.strip()) is not None


def resolve_after(phrase: str, anchor: DateSpan) -> DateSpan | None:
    """A narrative phrase resolved against `anchor`, the date of the event told before:
    'that day' and 'by the evening hours' are its day, when it has one."""
    match = _NARRATIVE.match(phrase.strip())
    if match is None:
        return None
    if match["same"]:
        same = anchor.granularity == "day"
        return DateSpan(anchor.start, anchor.start, phrase, "day") if same else None
    unit = match["unit"] or match["unit2"] or "day"
    count = (
        int(match["n"]) if match["n"] and match["n"].isdigit() else _FEW.get(match["n"] or "a", 1)
    )
    if unit == "day":
        day = anchor.start + timedelta(days=count)
        return DateSpan(day, day, phrase, "day")
    start, end = _period(_shift(anchor.start, unit, count), unit)
    return DateSpan(start, end, phrase, unit)


# -- numbers that are not dates -------------------------------------------------------------

_CANDIDATE = re.compile(r"(?<![\d.,])\d{3,4}(?!\d|[.,]\d)")  # a number that could be a year
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*\.?|\S")
_WINDOW = 80  # characters read on each side of the number; the cues are its next few words
_MAX_CUE = 3  # words in the longest cue ("as many as")
_DATE_WORD = re.compile(
    rf"\b(?:{_MON}|{_WD}|spring|summer|autumn|fall|winter|early|mid|late|end|beginning|start"
    r"|middle|quarter|half|q[1-4]|h[12])\b"
)
_OPENING = "([{\"'“‘«-–—"
_CLOSING = ")]}\"'”’».,;:!?"
_Words = frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class _Cues:
    """The cue words of `data/dates/not_dates.json` (its README says what each list is for),
    each as a tuple of words so that a cue may be several ("local time", "at least")."""

    time_zones: _Words
    clock_words: _Words
    clock_before: _Words
    clock_after_at: _Words
    numbered: _Words
    number_signs: _Words
    count_before: _Words
    counted: _Words
    counted_compound: _Words
    currency: _Words
    measure_signs: _Words
    date_prefixes: _Words
    year_prepositions: _Words
    clause_openers: _Words
    connectors: _Words

    @property
    def symbols(self) -> frozenset[str]:
        """Signs that belong to a number's phrase ("$", "#", "%", "-") and so do not end it."""
        signs = self.currency | self.measure_signs | self.number_signs | self.connectors
        return frozenset(w[0] for w in signs if len(w) == 1 and not w[0][0].isalnum())

    @property
    def abbreviations(self) -> frozenset[str]:
        """Cue words written with a full stop ("No.", "Art."), which end no sentence."""
        words = self.numbered | self.number_signs | self.currency
        return frozenset(w[0] for w in words if w[0].endswith("."))


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    source = resources.files("parley.data").joinpath("dates", "not_dates.json")
    raw: dict[str, list[str]] = json.loads(source.read_text("utf-8"))
    return _Cues(**{name: frozenset(tuple(w.split()) for w in ws) for name, ws in raw.items()})


def is_date_phrase(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, a phrase the parser tagged as a date, may be one.

    The parser tags many numbers as dates, and a four-digit one reads as a year: "(1625 UTC)"
    is a time of day, "2240 attendees" a count, "1260 kilometers" a measure, "Directive
    2000" and "Flight 1549" the names of a law and a flight, "Su-1980" and "2019-nCoV" codes.
    Only the words touching the number tell them from "in 1625", so they are read here,
    against the cue words of `data/dates/not_dates.json`. False when they show the number
    is not a date; True otherwise, and for any phrase without a three- or four-digit number
    (what such a phrase means is `resolve_date`'s business).
    """
    numbers = list(_CANDIDATE.finditer(text, start, end))
    if not numbers or _dated_by_phrase(text[start : numbers[0].start()]):
        return True
    head, tail = numbers[0], numbers[-1]
    left = text[max(0, head.start() - _WINDOW) : head.start()].rsplit("\n", 1)[-1]
    right = text[tail.end() : tail.end() + _WINDOW].split("\n", 1)[0]
    left_glue = left.rsplit(None, 1)[-1] if left[-1:].strip() else ""  # touching the number
    right_glue = right.split(None, 1)[0] if right[:1].strip() else ""
    first, last = int(head[0]), int(tail[0])
    if not (_date_glue_before(left_glue, first) and _date_glue_after(right_glue, last)):
        return False
    cues = _cues()
    before = [] if left_glue else _words_before(left, cues)
    after = [] if right_glue else _words_after(right, cues)
    return not (
        _names_or_counts(before, cues)
        or _clock_time(before, first, after, cues)
        or _counts(before, after, cues)
    )


def _date_glue_before(glue: str, year: int) -> bool:
    """What is written against the number on its left without a space leaves it a year:
    nothing, a bracket, "mid-", "2015-" (a range) or "28/01/" (a day and month); not
    "$", "#", "Su-" or "555-"."""
    core = glue.lstrip(_OPENING)
    if not core:
        return True
    prefix = re.fullmatch(r"([^\W\d_]+)[-–]", core)
    if prefix:
        return (prefix[1].lower(),) in _cues().date_prefixes
    earlier = re.fullmatch(r"(\d{4})[-–/]", core)
    if earlier:
        return 0 < year - int(earlier[1]) < 100
    return re.fullmatch(r"(?:\d{1,2}[-/.]){1,2}", core) is not None


def _date_glue_after(glue: str, year: int) -> bool:
    """The same on the right: nothing, a stop or bracket, "s" or "'s", "-19" or "-2020" (a
    range), "-05-12" (a month and day) or a word like "-era"; not "-member", "-nCoV",
    "/43/EC", "Z", "th" or "%"."""
    core = glue.rstrip(_CLOSING)
    if core in ("", "s", "'s", "’s"):
        return True
    later = re.fullmatch(r"[-–/](\d{2}|\d{4})", core)
    if later:
        value = int(later[1])
        return 0 < (value - year) % 100 <= 10 if len(later[1]) == 2 else 0 < value - year < 100
    if re.fullmatch(r"[-/.]\d{1,2}[-/.]\d{1,2}", core):
        return True
    word = re.fullmatch(r"[-–]([a-z]+)(?:-.*)?", core)
    cues = _cues()
    return word is not None and not any(
        (word[1],) in words for words in (cues.counted, cues.counted_compound, cues.clock_words)
    )


def _words_before(left: str, cues: _Cues) -> list[str]:
    """The last few words of the clause before the number, in text order."""
    words: list[str] = []
    for token in reversed(_TOKEN.findall(left)[-2 * _MAX_CUE :]):
        ends_sentence = token.endswith(".") and token.lower() not in cues.abbreviations
        if ends_sentence or not (token[0].isalnum() or token in cues.symbols):
            break
        words.insert(0, token)
    return words[-_MAX_CUE:]


def _words_after(right: str, cues: _Cues) -> list[str]:
    """The first few words of the clause after the number, past an alternative ("or 3000")."""
    words: list[str] = []
    for token in _TOKEN.findall(right)[: 2 * _MAX_CUE]:
        if not (token[0].isalnum() or token in cues.symbols):
            break
        words.append(token.rstrip(".") if len(token) > 1 else token)
        if token.endswith(".") and token.lower() not in cues.abbreviations:
            break
    if len(words) > 1 and (words[0].lower(),) in cues.connectors and words[1][0].isdigit():
        words = words[2:]  # "2000 or 3000 likes", "1600 to 1800 GMT"
    return words[:_MAX_CUE]


def _dated_by_phrase(head: str) -> bool:
    """The phrase itself makes its number a year: it puts a month, weekday, season or part
    of a period before it ("September 2015", "late 2019", "the first quarter of 2020")."""
    return _DATE_WORD.search(head.lower()) is not None


def _begins(words: list[str], cues: _Words) -> bool:
    lower = tuple(w.lower() for w in words)
    return any(lower[:n] in cues for n in range(1, min(len(lower), _MAX_CUE) + 1))


def _ends(words: list[str], cues: _Words) -> bool:
    lower = tuple(w.lower() for w in words)
    return any(lower[-n:] in cues for n in range(1, min(len(lower), _MAX_CUE) + 1))


def _names_or_counts(before: list[str], cues: _Cues) -> bool:
    """ "Directive 2000", "Flight No. 1549", "Section 1983", "at least 2000", "$ 2020"."""
    named = (cues.numbered, cues.number_signs, cues.currency)
    return any(_ends(before[-1:], words) for words in named) or _ends(before, cues.count_before)


def _clock_time(before: list[str], number: int, after: list[str], cues: _Cues) -> bool:
    """ "(1625 UTC)", "1800 hours", "1700 local time"; "at 1625" with nothing after it but
    the day ("at 1625 on Friday"), when it can be a time of day."""
    if after and ((after[0],) in cues.time_zones or _begins(after, cues.clock_words)):
        return True
    hhmm = number // 100 < 24 and number % 100 < 60
    return (
        hhmm
        and _ends(before[-1:], cues.clock_before)
        and (not after or _begins(after[:1], cues.clock_after_at))
    )


def _counts(before: list[str], after: list[str], cues: _Cues) -> bool:
    """ "2240 attendees", "2741 confirmed cases", "1260 kilometers", "1010 ± 195"; but
    "since 2019 people have..." and a clause opening "In 2019 police..." are years."""
    if not after:
        return False
    if _begins(after[:1], cues.measure_signs):
        return True
    opener = len(before) == 1 and _begins(before, cues.clause_openers)
    if opener or _ends(before[-1:], cues.year_prepositions):
        return False
    if _begins(after, cues.counted):
        return True
    # a word between ("2741 confirmed cases"), unless a preposition made the number a year
    # ("founded the party in 2004 with supporters")
    timed = _ends(before[-1:], cues.clause_openers)
    return not timed and after[0].isalpha() and _begins(after[1:], cues.counted)
