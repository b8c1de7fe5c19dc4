"""Where a timeline's axis should run, and how wide its bars should be.

A corpus about 2022 that mentions one event "in 1948" would, drawn over its full range, be a
74-year axis with all of its news in one bar. The axis therefore covers the bulk of the
events: dates at either end are left off it (and counted at its edges) when they are few and
far from the rest. Pure functions of the per-day counts the store returns, so the
rule is tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Interval = Literal["day", "week", "month", "year"]

OUTLIER_SHARE = 20
"""At most one dated event in this many (5 %) is left off the axis, however far it lies..."""
OUTLIER_MIN_EVENTS = 5
"""...and none until there are this many: with fewer events there is no bulk to speak of."""
OUTLIER_MIN_GAP = timedelta(days=90)
"""A day this close to the axis is kept on it, however short the axis: a week of news and an
event a month before it stay on one axis."""

_DAY_BARS_UP_TO = timedelta(days=120)
_WEEK_BARS_UP_TO = timedelta(days=730)
_MONTH_BARS_UP_TO = timedelta(days=366 * 12)


@dataclass(frozen=True)
class Axis:
    """The days a timeline draws (`first` to `last`, inclusive) and the dated events left off
    it, `before` and `after`."""

    first: date
    last: date
    before: int
    after: int


def bulk_axis(days: list[tuple[date, int]]) -> Axis | None:
    """The axis over the bulk of the events counted per day in `days` (sorted by day, counts
    above 0); None without any.

    The bulk is the shortest run of days that leaves out no more than one event in
    `OUTLIER_SHARE` (none below `OUTLIER_MIN_EVENTS` events); a day left out then comes back
    while it lies within `OUTLIER_MIN_GAP`, or within the axis' own span, of the axis, so
    only what would more than double the axis stays off it. A dense cluster is never cut
    into, and two clusters of similar size are both kept.
    """
    if not days:
        return None
    total = sum(n for _, n in days)
    allowance = max(1, total // OUTLIER_SHARE) if total >= OUTLIER_MIN_EVENTS else 0
    low, high = _shortest_run(days, allowance)
    while True:
        reach = max(OUTLIER_MIN_GAP, days[high][0] - days[low][0])
        if low > 0 and days[low][0] - days[low - 1][0] <= reach:
            low -= 1
        elif high < len(days) - 1 and days[high + 1][0] - days[high][0] <= reach:
            high += 1
        else:
            break
    before = sum(n for _, n in days[:low])
    after = sum(n for _, n in days[high + 1 :])
    return Axis(days[low][0], days[high][0], before, after)


def _shortest_run(days: list[tuple[date, int]], allowance: int) -> tuple[int, int]:
    """The first and last index of the shortest run of `days` outside which lie at most
    `allowance` events; of runs as short, the one holding the most events."""
    suffix = [0] * (len(days) + 1)  # suffix[j]: events on days[j:]
    for j in range(len(days) - 1, -1, -1):
        suffix[j] = suffix[j + 1] + days[j][1]
    best: tuple[timedelta, int, int, int] | None = None
    left_out = 0  # events on days[:low]
    high = 0
    for low in range(len(days)):
        if left_out > allowance:
            break
        # The last day kept: the earliest that leaves few enough events out after it. It
        # only moves forward as `low` does, so the whole search is one pass.
        high = max(high, low)
        while left_out + suffix[high + 1] > allowance:
            high += 1
        candidate = (days[high][0] - days[low][0], left_out + suffix[high + 1], low, high)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
        left_out += days[low][1]
    assert best is not None  # low = 0 is always a candidate
    return best[2], best[3]


def interval_for(first: date, last: date) -> Interval:
    """A bar width that gives readable bars for an axis from `first` to `last`: days up to
    four months, weeks up to two years, months up to twelve years, years beyond."""
    span = last - first
    if span <= _DAY_BARS_UP_TO:
        return "day"
    if span <= _WEEK_BARS_UP_TO:
        return "week"
    if span <= _MONTH_BARS_UP_TO:
        return "month"
    return "year"
