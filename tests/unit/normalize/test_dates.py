"""Tests for the temporal normaliser: a table of resolved phrases, then properties.

The table pins the behaviour that downstream scoring relies on (tense decides which
"Friday"; month and year boundaries; leap days), and the property tests check invariants
over publication dates the table does not reach.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.models import DateSpan
from parley.normalize.dates import (
    is_narrative,
    modifies_like_a_name,
    resolve_after,
    resolve_date,
)

# phrase, published, tense, expected start, expected end (None, None: unresolvable)
ROWS: list[tuple[str, str, str, str | None, str | None]] = [
    # weekdays: past on or before publication, future strictly after, present on or after
    ("Friday", "2022-05-31", "future", "2022-06-03", "2022-06-03"),
    ("Wednesday", "2022-05-31", "past", "2022-05-25", "2022-05-25"),
    ("Monday", "2019-10-10", "past", "2019-10-07", "2019-10-07"),
    ("Saturday", "2019-10-10", "past", "2019-10-05", "2019-10-05"),
    ("Thursday", "2019-10-10", "past", "2019-10-10", "2019-10-10"),
    ("Thursday", "2019-10-10", "future", "2019-10-17", "2019-10-17"),
    ("Thursday", "2019-10-10", "present", "2019-10-10", "2019-10-10"),
    ("Friday", "2019-10-10", "present", "2019-10-11", "2019-10-11"),
    ("on Monday", "2022-05-31", "past", "2022-05-30", "2022-05-30"),
    ("Monday's", "2022-05-31", "future", "2022-06-06", "2022-06-06"),
    ("Monday\u2019s", "2022-05-31", "past", "2022-05-30", "2022-05-30"),
    ("last Thursday", "2022-05-31", "past", "2022-05-26", "2022-05-26"),
    ("last Friday", "2019-10-11", "past", "2019-10-04", "2019-10-04"),
    ("last Thursday", "2020-01-10", "past", "2020-01-02", "2020-01-02"),
    ("last Monday", "2023-03-14", "past", "2023-03-06", "2023-03-06"),
    ("next Friday", "2019-10-10", "past", "2019-10-11", "2019-10-11"),
    ("this Friday", "2022-05-31", "future", "2022-06-03", "2022-06-03"),
    ("this Friday", "2022-05-31", "past", "2022-05-27", "2022-05-27"),
    ("Sunday", "2021-01-01", "past", "2020-12-27", "2020-12-27"),
    ("Tuesday", "2020-12-30", "future", "2021-01-05", "2021-01-05"),
    ("Monday last week", "2022-05-31", "past", "2022-05-23", "2022-05-23"),
    ("Friday night", "2022-05-31", "past", "2022-05-27", "2022-05-27"),
    ("Thursday, January 28, 2016", "2022-05-31", "past", "2016-01-28", "2016-01-28"),
    ("Friday, January 28, 2016", "2022-05-31", "past", None, None),  # weekday disagrees
    # relative days
    ("yesterday", "2021-01-01", "past", "2020-12-31", "2020-12-31"),
    ("today", "2022-05-31", "present", "2022-05-31", "2022-05-31"),
    ("tomorrow", "2020-02-28", "future", "2020-02-29", "2020-02-29"),
    ("tomorrow", "2019-02-28", "future", "2019-03-01", "2019-03-01"),
    ("last night", "2022-03-01", "past", "2022-02-28", "2022-02-28"),
    # ISO weeks and weekends
    ("last week", "2021-01-01", "past", "2020-12-21", "2020-12-27"),
    ("this week", "2022-05-31", "past", "2022-05-30", "2022-06-05"),
    ("next week", "2019-12-30", "future", "2020-01-06", "2020-01-12"),
    ("the following week", "2022-05-31", "future", "2022-06-06", "2022-06-12"),
    ("In the following week", "2022-05-31", "future", "2022-06-06", "2022-06-12"),
    ("this weekend", "2022-05-31", "future", "2022-06-04", "2022-06-05"),
    ("this weekend", "2022-06-05", "past", "2022-06-04", "2022-06-05"),
    ("last weekend", "2022-05-31", "past", "2022-05-28", "2022-05-29"),
    ("the weekend", "2022-06-01", "future", "2022-06-04", "2022-06-05"),
    ("the weekend", "2022-06-01", "past", "2022-05-28", "2022-05-29"),
    # months
    ("next month", "2019-12-15", "future", "2020-01-01", "2020-01-31"),
    ("last month", "2020-01-10", "past", "2019-12-01", "2019-12-31"),
    ("this month", "2020-02-10", "past", "2020-02-01", "2020-02-29"),
    ("February", "2020-03-05", "past", "2020-02-01", "2020-02-29"),
    ("in February", "2022-05-31", "past", "2022-02-01", "2022-02-28"),
    ("February", "2022-05-31", "future", "2023-02-01", "2023-02-28"),
    ("December", "2020-01-10", "past", "2019-12-01", "2019-12-31"),
    ("May", "2022-05-31", "future", "2022-05-01", "2022-05-31"),
    ("June", "2022-05-31", "present", "2022-06-01", "2022-06-30"),
    ("last June", "2022-06-20", "past", "2021-06-01", "2021-06-30"),
    ("in November 2019", "2022-05-31", "past", "2019-11-01", "2019-11-30"),
    ("May 2019", "2022-05-31", "past", "2019-05-01", "2019-05-31"),
    ("by December 2023", "2022-05-31", "future", "2023-12-01", "2023-12-31"),
    # month and day
    ("January 2", "2022-05-31", "past", "2022-01-02", "2022-01-02"),
    ("December 20", "2022-05-31", "past", "2021-12-20", "2021-12-20"),
    ("December 20", "2022-05-31", "future", "2022-12-20", "2022-12-20"),
    ("August 27", "2019-08-27", "past", "2019-08-27", "2019-08-27"),
    ("March 20 last year", "2020-01-10", "past", "2019-03-20", "2019-03-20"),
    ("September 19, 2018", "2022-05-31", "past", "2018-09-19", "2018-09-19"),
    ("Sept. 19, 2018", "2022-05-31", "past", "2018-09-19", "2018-09-19"),
    ("January 28, 2016", "2022-05-31", "future", "2016-01-28", "2016-01-28"),
    ("28 January 2016", "2022-05-31", "past", "2016-01-28", "2016-01-28"),
    ("January the 28th, 2016", "2022-05-31", "past", "2016-01-28", "2016-01-28"),  # dateparser
    ("the 15th of June", "2022-05-31", "future", "2022-06-15", "2022-06-15"),
    ("February 29", "2021-03-01", "past", "2020-02-29", "2020-02-29"),
    ("February 30", "2021-03-01", "past", None, None),
    ("2016-01-28", "2022-05-31", "past", "2016-01-28", "2016-01-28"),
    # day ranges
    ("June 10-12", "2022-05-31", "future", "2022-06-10", "2022-06-12"),
    ("June 10\u201312", "2022-05-31", "future", "2022-06-10", "2022-06-12"),
    ("June 10-12", "2022-05-31", "past", "2021-06-10", "2021-06-12"),
    ("June 10-12", "2022-06-11", "future", "2022-06-10", "2022-06-12"),
    ("from June 10 to 12", "2022-05-31", "future", "2022-06-10", "2022-06-12"),
    ("between May 3 and 5", "2022-05-31", "past", "2022-05-03", "2022-05-05"),
    ("December 30 to January 2", "2022-05-31", "past", "2021-12-30", "2022-01-02"),
    ("June 10-12, 2019", "2022-05-31", "future", "2019-06-10", "2019-06-12"),
    ("June to August 2020", "2022-05-31", "past", "2020-06-01", "2020-08-31"),
    ("2015-2017", "2022-05-31", "past", "2015-01-01", "2017-12-31"),
    ("2018-19", "2022-05-31", "past", "2018-01-01", "2019-12-31"),  # a season, a budget year
    ("2019/20", "2022-05-31", "past", "2019-01-01", "2020-12-31"),
    ("2018-22", "2022-05-31", "past", None, None),  # not consecutive: no season
    # parts of a period
    ("mid-February", "2022-05-31", "past", "2022-02-11", "2022-02-20"),
    ("in mid-February", "2022-05-31", "past", "2022-02-11", "2022-02-20"),
    ("early June", "2022-06-20", "past", "2022-06-01", "2022-06-10"),
    ("late February 2020", "2022-05-31", "past", "2020-02-21", "2020-02-29"),
    ("the end of this month", "2022-05-10", "past", "2022-05-22", "2022-05-31"),
    ("Around the end of this month", "2022-05-25", "future", "2022-05-25", "2022-05-31"),
    ("the beginning of next month", "2022-05-31", "future", "2022-06-01", "2022-06-10"),
    ("late 2019", "2022-05-31", "past", "2019-09-01", "2019-12-31"),
    ("early 2019", "2022-05-31", "past", "2019-01-01", "2019-04-30"),
    ("since early this June", "2022-06-20", "past", "2022-06-01", "2022-06-20"),
    ("late Monday", "2022-05-31", "past", "2022-05-30", "2022-05-30"),  # a part of a day
    ("early on Friday", "2022-05-31", "past", "2022-05-27", "2022-05-27"),
    ("early Friday morning", "2022-05-31", "future", "2022-06-03", "2022-06-03"),
    ("earlier this month", "2022-05-31", "past", "2022-05-01", "2022-05-31"),
    ("later this month", "2022-05-10", "future", "2022-05-10", "2022-05-31"),
    ("earlier this year", "2022-05-31", "past", "2022-01-01", "2022-05-31"),
    # durations and "ago"
    ("four months ago", "2022-05-31", "past", "2022-01-01", "2022-01-31"),
    ("two years ago", "2022-05-31", "past", "2020-01-01", "2020-12-31"),
    ("a month ago", "2020-03-31", "past", "2020-02-01", "2020-02-29"),
    ("3 weeks ago", "2022-05-31", "past", "2022-05-09", "2022-05-15"),
    ("twenty-five years ago", "2022-05-31", "past", "1997-01-01", "1997-12-31"),
    ("over two years", "2022-05-31", "past", "2020-05-31", "2022-05-31"),
    ("for seventeen years", "2022-05-31", "past", "2005-05-31", "2022-05-31"),
    ("seventeen years", "2022-05-31", "past", None, None),  # '... years in jail': an amount
    ("the last four years", "2022-05-31", "past", "2018-05-31", "2022-05-31"),
    ("over the last four years", "2022-05-31", "present", "2018-05-31", "2022-05-31"),
    ("in two days", "2022-05-31", "future", "2022-06-02", "2022-06-02"),
    ("the next two weeks", "2022-05-31", "future", "2022-05-31", "2022-06-14"),
    # years, decades, seasons, quarters
    ("in 2015", "2022-05-31", "past", "2015-01-01", "2015-12-31"),
    ("2017", "2022-05-31", "future", "2017-01-01", "2017-12-31"),
    ("last year", "2020-01-10", "past", "2019-01-01", "2019-12-31"),
    ("this year", "2022-05-31", "past", "2022-01-01", "2022-12-31"),
    ("next year", "2019-12-31", "future", "2020-01-01", "2020-12-31"),
    ("the 1970s", "2022-05-31", "past", "1970-01-01", "1979-12-31"),
    ("summer", "2022-05-31", "past", "2021-06-01", "2021-08-31"),
    ("summer", "2022-05-31", "future", "2022-06-01", "2022-08-31"),
    ("last summer", "2022-07-15", "past", "2021-06-01", "2021-08-31"),
    ("winter", "2020-01-10", "past", "2019-12-01", "2020-02-29"),
    ("winter 2019-20", "2022-05-31", "past", "2019-12-01", "2020-02-29"),
    ("the third quarter", "2022-05-31", "future", "2022-07-01", "2022-09-30"),
    ("Q3 2021", "2022-05-31", "past", "2021-07-01", "2021-09-30"),
    ("the first quarter of 2020", "2022-05-31", "past", "2020-01-01", "2020-03-31"),
    ("last quarter", "2022-01-15", "past", "2021-10-01", "2021-12-31"),
    # day of month
    ("on the 15th", "2022-05-31", "past", "2022-05-15", "2022-05-15"),
    ("on the 15th", "2022-05-31", "future", "2022-06-15", "2022-06-15"),
    ("on the 31st", "2022-03-05", "past", None, None),  # February has no 31st
    ("since 2015", "2022-05-31", "past", "2015-01-01", "2022-05-31"),
    # not resolvable with confidence
    ("soon", "2022-05-31", "future", None, None),
    ("recent", "2022-05-31", "past", None, None),
    ("at the time", "2022-05-31", "past", None, None),
    ("8:30 p.m.", "2022-05-31", "past", None, None),
    ("the future", "2022-05-31", "future", None, None),
    ("a few days ago", "2022-05-31", "past", None, None),
    ("the day before", "2022-05-31", "past", None, None),
    ("Jan-2016", "2022-05-31", "past", None, None),
    ("", "2022-05-31", "past", None, None),
    ("the past decades", "2022-05-31", "past", None, None),
]


@pytest.mark.parametrize(("phrase", "published", "tense", "start", "end"), ROWS)
def test_resolve_table(
    phrase: str, published: str, tense: str, start: str | None, end: str | None
) -> None:
    span = resolve_date(phrase, date.fromisoformat(published), tense)  # type: ignore[arg-type]
    if start is None:
        assert span is None
        return
    assert span is not None, phrase
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)
    assert span.text == phrase


@pytest.mark.parametrize(
    ("phrase", "granularity"),
    [
        ("Friday", "day"),
        ("last week", "week"),
        ("in February", "month"),
        ("summer", "season"),
        ("Q3 2021", "quarter"),
        ("2017", "year"),
        ("the 1970s", "decade"),
        ("June 10-12", "range"),
    ],
)
def test_granularity(phrase: str, granularity: str) -> None:
    span = resolve_date(phrase, date(2022, 5, 31), "future")
    assert span is not None and span.granularity == granularity


# -- properties --------------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Feb", "Sept.")  # fmt: skip
NUMBERS = ("a", "one", "two", "four", "seventeen", "twenty-five", "3", "12")
UNITS = ("day", "days", "week", "weeks", "month", "months", "year", "years", "decade")

published_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
tenses = st.sampled_from(("past", "present", "future"))
years = st.integers(1950, 2040).map(str)
days = st.integers(1, 31).map(str)
rels = st.sampled_from(("", "last ", "this ", "next ", "on ", "the following "))
weekday = st.builds(lambda r, w, s: f"{r}{w}{s}", rels, st.sampled_from(WEEKDAYS),
                    st.sampled_from(("", "'s", " night")))  # fmt: skip
month = st.builds(lambda r, m, y: f"{r}{m}{y}", st.sampled_from(("", "last ", "this ", "in ")),
                  st.sampled_from(MONTHS), st.one_of(st.just(""), years.map(" {}".format),
                                                     st.just(" last year")))  # fmt: skip
month_day = st.one_of(
    st.builds("{} {}".format, st.sampled_from(MONTHS), days),
    st.builds("{} {}, {}".format, st.sampled_from(MONTHS), days, years),
    st.builds("the {}th of {}".format, days, st.sampled_from(MONTHS)),
    st.builds("{} {}-{}".format, st.sampled_from(MONTHS), days, days),
    st.builds("between {} {} and {}".format, st.sampled_from(MONTHS), days, days),
)
season = st.builds("{}{}".format, st.sampled_from(("", "last ", "this ", "next ")),
                   st.sampled_from(("spring", "summer", "autumn", "fall", "winter")))  # fmt: skip
fixed = st.sampled_from((
    "yesterday", "today", "tomorrow", "last week", "this week", "next week", "the following week",
    "this weekend", "last weekend", "the weekend", "last month", "this month", "next month",
    "last year", "this year", "next year", "earlier this month", "later this month",
    "earlier this year", "later this week", "the end of this month", "the third quarter",
    "Q1 2020", "the first half of 2020", "on the 15th", "on the 31st", "the 1970s", "2019-20",
))  # fmt: skip
duration = st.one_of(
    st.builds("{} {} ago".format, st.sampled_from(NUMBERS), st.sampled_from(UNITS)),
    st.builds(
        "{}{} {}".format,
        st.sampled_from(("", "over ", "in ", "over the last ", "next ")),
        st.sampled_from(NUMBERS),
        st.sampled_from(UNITS),
    ),
)
simple = st.one_of(weekday, month, month_day, season, fixed, duration, years)
part = st.builds("{} {}".format, st.sampled_from(("early", "mid-", "late", "end of", "since")),
                 st.one_of(month, season, years, fixed))  # fmt: skip
phrases = st.one_of(simple, part, st.builds("{} to {}".format, simple, simple))


@settings(max_examples=400, deadline=None)
@given(phrase=phrases, published=published_dates, tense=tenses)
def test_spans_are_ordered(phrase: str, published: date, tense: str) -> None:
    span = resolve_date(phrase, published, tense)  # type: ignore[arg-type]
    if span is not None:
        assert span.start <= span.end
        assert span.text == phrase


@settings(max_examples=200, deadline=None)
@given(index=st.integers(0, 6), published=published_dates)
def test_bare_weekday_lands_on_that_weekday(index: int, published: date) -> None:
    past = resolve_date(WEEKDAYS[index], published, "past")
    future = resolve_date(WEEKDAYS[index], published, "future")
    assert past is not None and future is not None
    assert past.start == past.end and past.start.weekday() == index
    assert timedelta(0) <= published - past.start <= timedelta(days=6)
    assert future.start == future.end and future.start.weekday() == index
    assert timedelta(days=1) <= future.start - published <= timedelta(days=7)


@pytest.mark.parametrize(
    ("phrase", "anchor", "start", "end"),
    [
        ("the following day", "2020-01-08", "2020-01-09", "2020-01-09"),
        ("two days later", "2020-02-28", "2020-03-01", "2020-03-01"),
        ("the following week", "2022-06-03", "2022-06-06", "2022-06-12"),
        ("the next month", "2019-12-15", "2020-01-01", "2020-01-31"),
        ("earlier that day", "2020-01-02", "2020-01-02", "2020-01-02"),
        ("later that evening", "2020-01-02", "2020-01-02", "2020-01-02"),
        ("by the evening hours", "2020-11-14", "2020-11-14", "2020-11-14"),
        ("the same day", "2020-11-14", "2020-11-14", "2020-11-14"),
    ],
)
def test_narrative_phrases_count_from_the_previous_event(
    phrase: str, anchor: str, start: str, end: str
) -> None:
    assert is_narrative(phrase)
    day = date.fromisoformat(anchor)
    span = resolve_after(phrase, DateSpan(day, day, "on Tuesday", "day"))
    assert span is not None
    assert (span.start, span.end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_that_day_needs_a_day_to_point_back_to() -> None:
    month = DateSpan(date(2020, 1, 1), date(2020, 1, 31), "in January", "month")
    assert resolve_after("that day", month) is None
    assert resolve_after("the following month", month).start == date(2020, 2, 1)


@pytest.mark.parametrize(
    ("phrase", "names"),
    [
        ("the 2020", True),
        ("November 13", True),
        ("13 November", True),
        ("Nov. 13", True),
        ("Sunday", False),
        ("November 13, 2019", False),
        ("last week", False),
    ],
)
def test_a_year_or_a_day_of_a_month_can_modify_a_noun(phrase: str, names: bool) -> None:
    assert modifies_like_a_name(phrase) is names
