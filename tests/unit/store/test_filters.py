"""The date filter's vocabulary and its checks: precisions as analysts type them, and windows
that cannot hold any event."""

from __future__ import annotations

from datetime import date

import pytest

from parley.store import EventFilter
from parley.store.filters import STATED_PRECISIONS, parse_precisions


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
