"""Where the timeline's axis runs: over the bulk of the events, with the few far outside it
counted at its edges, and bars as wide as its span calls for."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from parley.store.axis import Axis, bulk_axis, interval_for


def _run(first: str, days: int, per_day: int = 1) -> list[tuple[date, int]]:
    start = date.fromisoformat(first)
    return [(start + timedelta(days=i), per_day) for i in range(days)]


def _day(text: str, n: int = 1) -> list[tuple[date, int]]:
    return [(date.fromisoformat(text), n)]


def test_no_days_no_axis() -> None:
    assert bulk_axis([]) is None


def test_one_outlying_year_is_left_off_and_counted() -> None:
    days = _day("1948-05-14") + _run("2022-05-01", 30)
    assert bulk_axis(days) == Axis(date(2022, 5, 1), date(2022, 5, 30), before=1, after=0)


def test_a_far_future_plan_is_left_off_after() -> None:
    days = _run("2022-05-01", 30) + _day("2031-01-01", 1)
    assert bulk_axis(days) == Axis(date(2022, 5, 1), date(2022, 5, 30), before=0, after=1)


def test_outliers_on_both_sides() -> None:
    days = _day("1990-01-01") + _run("2022-05-01", 45) + _day("2040-06-01")
    assert bulk_axis(days) == Axis(date(2022, 5, 1), date(2022, 6, 14), before=1, after=1)


def test_at_most_one_event_in_twenty_is_left_off() -> None:
    # 40 events: two may go, the third stays on the axis however far it lies.
    days = _day("1900-01-01") + _day("1950-01-01") + _day("1990-01-01") + _run("2022-05-01", 37)
    assert bulk_axis(days) == Axis(date(1990, 1, 1), date(2022, 6, 6), before=2, after=0)


def test_too_few_events_keep_their_full_range() -> None:
    days = _day("1948-05-14") + _run("2022-05-01", 3)
    assert bulk_axis(days) == Axis(date(1948, 5, 14), date(2022, 5, 3), before=0, after=0)


def test_a_day_near_the_bulk_stays_on_the_axis() -> None:
    # Twenty events on one day and one five weeks later: a short axis, but not a broken one.
    days = _day("2022-05-25", 20) + _day("2022-07-01")
    assert bulk_axis(days) == Axis(date(2022, 5, 25), date(2022, 7, 1), before=0, after=0)


def test_an_outlier_within_the_axis_own_span_stays() -> None:
    # Two years of news and one event a year before them: it does not double the axis.
    days = _day("2019-01-01") + _run("2020-01-01", 730)
    axis = bulk_axis(days)
    assert axis is not None and (axis.first, axis.before) == (date(2019, 1, 1), 0)


def test_two_clusters_are_both_kept() -> None:
    days = _run("2015-01-01", 50) + _run("2022-01-01", 50)
    assert bulk_axis(days) == Axis(date(2015, 1, 1), date(2022, 2, 19), before=0, after=0)


def test_a_busy_outlying_day_is_not_an_outlier() -> None:
    # Five events on one day in 1948 are a quarter of the 20: a cluster, not a stray.
    days = _day("1948-05-14", 5) + _run("2022-05-01", 15)
    assert bulk_axis(days) == Axis(date(1948, 5, 14), date(2022, 5, 15), before=0, after=0)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2022-05-01", "2022-05-01", "day"),
        ("2022-05-01", "2022-08-29", "day"),
        ("2022-05-01", "2022-08-30", "week"),
        ("2022-01-01", "2023-12-31", "week"),
        ("2022-01-01", "2024-01-02", "month"),
        ("2010-01-01", "2021-12-31", "month"),
        ("1990-01-01", "2022-12-31", "year"),
    ],
)
def test_interval_for_the_span(first: str, last: str, expected: str) -> None:
    assert interval_for(date.fromisoformat(first), date.fromisoformat(last)) == expected
