"""The date filter's vocabulary and its checks: precisions as analysts type them, and windows
that cannot hold any event."""

from __future__ import annotations

from datetime import date

import pytest

from parley.store import EventFilter, FilterError
from parley.store.filters import (
    DEFAULT_STATUS,
    STATED_PRECISIONS,
    nearest,
    parse_precisions,
    parse_statuses,
    split_values,
)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Day", " window "], ("day", "window")),
        (["window,day", "day"], ("day", "window")),
        (["stated"], STATED_PRECISIONS),
        (["undated,stated"], (*STATED_PRECISIONS, "undated")),
        ([], None),
        ([""], None),
    ],
)
def test_parse_precisions(values: list[str], expected: tuple[str, ...] | None) -> None:
    assert parse_precisions(values) == expected


@pytest.mark.parametrize("values", [["fortnight"], ["day,minute"]])
def test_unknown_precisions_are_named_with_the_known_ones(values: list[str]) -> None:
    with pytest.raises(ValueError, match="unknown date precision") as raised:
        parse_precisions(values)
    assert "stated" in str(raised.value) and "window" in str(raised.value)


def test_the_filter_refuses_an_unknown_precision() -> None:
    with pytest.raises(ValueError, match="unknown date precision 'fortnight'"):
        EventFilter(precision=("fortnight",))


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match=r"since \(2020-02-01\) is after until \(2020-01-31\)"):
        EventFilter(since=date(2020, 2, 1), until=date(2020, 1, 31))
    assert EventFilter(since=date(2020, 1, 31), until=date(2020, 1, 31)).since == date(2020, 1, 31)


# Issue 16: a filter that names nothing is an error that says what it might have meant, and
# every code is read in any case, one or several at a time.


@pytest.mark.parametrize(
    ("fields", "field", "suggestion"),
    [
        ({"event": "PROTESTS"}, "event", "did you mean PROTEST?"),
        ({"event": "assualt"}, "event", "did you mean ASSAULT?"),
        ({"status": "happened"}, "status", "occurred, planned, failed, hypothetical, negated"),
        ({"status": "planed"}, "status", "did you mean planned?"),
    ],
)
def test_unknown_codes_are_named_with_the_nearest(
    fields: dict[str, str], field: str, suggestion: str
) -> None:
    with pytest.raises(FilterError) as raised:
        EventFilter(**fields)
    assert raised.value.field == field
    value = next(iter(fields.values()))
    assert f"unknown {field} '{value}'".lower() in str(raised.value).lower()
    assert suggestion in str(raised.value)


def test_codes_are_read_in_any_case_one_or_several() -> None:
    filters = EventFilter(
        event="protest", status=("Occurred", "PLANNED"), actor=(" usa", "tur", "USA")
    )
    assert filters.event == ("PROTEST",)
    assert filters.status == ("occurred", "planned")
    assert filters.actor == ("USA", "TUR")  # stripped, upper case, each once, in order
    assert EventFilter(actor=("", " ")).actor is None  # blank form fields do not filter


def test_between_takes_two_different_parties() -> None:
    assert EventFilter(between=("usa", "irn")).between == ("USA", "IRN")
    for pair in (("USA", "usa"), ("USA",)):
        with pytest.raises(FilterError, match="two different parties"):
            EventFilter(between=pair)


def test_an_unknown_sort_is_refused() -> None:
    assert EventFilter(sort="-date").sort == "-date"
    with pytest.raises(FilterError, match="unknown sort 'newest'"):
        EventFilter(sort="newest")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], DEFAULT_STATUS),
        ([""], DEFAULT_STATUS),
        (["planned,failed"], ("planned", "failed")),
        (["planned", "ALL"], None),
        (["all"], None),
    ],
)
def test_status_defaults_to_what_happened(
    values: list[str], expected: tuple[str, ...] | None
) -> None:
    assert parse_statuses(values) == expected


def test_values_split_on_commas() -> None:
    assert split_values(["USA, TUR", "IRN", " "]) == ("USA", "TUR", "IRN")


def test_nearest_puts_prefixes_first() -> None:
    assert nearest("PROTESTS", ["PROTEST", "PROTECT"])[0] == "PROTEST"
    assert nearest("xyz", ["PROTEST"]) == []
