"""Date filters on a real store: an interval inside the window by default, overlapping it on
request, undated events out whenever a bound is given; the precision filter; and the counts by
precision. The events and their intervals are the `dated_corpus` of tests/conftest.py."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.store import EventFilter, ExportFormat, StatsBy, Store
from parley.store.filters import parse_precisions

JAN_1, JAN_15, JAN_31 = date(2020, 1, 1), date(2020, 1, 15), date(2020, 1, 31)
DATED = ("day", "year", "range", "window", "straddling", "february", "outlier")


@pytest.fixture
def store(dated_corpus: Any) -> Iterator[Store]:
    with Store.open(dated_corpus.path) as opened:
        yield opened


@pytest.mark.parametrize(
    ("filters", "inside", "overlapping"),
    [
        (
            {"since": JAN_1, "until": JAN_31},
            {"day", "window"},
            {"day", "year", "range", "window", "straddling"},
        ),
        (
            {"since": JAN_1},
            {"day", "year", "window", "february"},
            {"day", "year", "range", "window", "straddling", "february"},
        ),
        (
            {"until": JAN_31},
            {"day", "window", "straddling", "outlier"},
            {"day", "year", "range", "window", "straddling", "outlier"},
        ),
        ({"since": JAN_15, "until": JAN_15}, {"day"}, {"day", "year", "range", "window"}),
        ({"since": date(1900, 1, 1), "until": date(2100, 1, 1)}, set(DATED), set(DATED)),
    ],
)
def test_inside_by_default_overlap_on_request(
    store: Store,
    dated_corpus: Any,
    filters: dict[str, date],
    inside: set[str],
    overlapping: set[str],
) -> None:
    for overlap, expected in ((False, inside), (True, overlapping)):
        chosen = EventFilter(**filters, overlap=overlap)
        found = store.query_events(chosen)
        assert {event.id for event in found} == dated_corpus.ids(*expected), (filters, overlap)
        assert store.count_events(chosen) == len(expected)
        assert dated_corpus.events["undated"].id not in {event.id for event in found}


def test_without_bounds_overlap_changes_nothing_and_undated_stay(
    store: Store, dated_corpus: Any
) -> None:
    everything = dated_corpus.ids(*dated_corpus.events)
    for overlap in (False, True):
        assert {e.id for e in store.query_events(EventFilter(overlap=overlap))} == everything


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("day", {"day", "february", "outlier"}),
        ("window", {"window", "straddling"}),
        ("undated", {"undated"}),
        ("year,range", {"year", "range"}),
        ("stated", {"day", "year", "range", "february", "outlier"}),
        ("week", set()),
    ],
)
def test_precision_filter(
    store: Store, dated_corpus: Any, precision: str, expected: set[str]
) -> None:
    chosen = EventFilter(precision=parse_precisions([precision]))
    assert {event.id for event in store.query_events(chosen)} == dated_corpus.ids(*expected)


def test_precision_and_window_combine(store: Store, dated_corpus: Any) -> None:
    chosen = EventFilter(
        since=JAN_1, until=JAN_31, overlap=True, precision=parse_precisions(["stated"])
    )
    found = {event.id for event in store.query_events(chosen)}
    assert found == dated_corpus.ids("day", "year", "range")


def test_stats_and_export_use_the_same_reading(
    store: Store, dated_corpus: Any, tmp_path: Path
) -> None:
    january = EventFilter(since=JAN_1, until=JAN_31)
    columns, rows = store.stats(StatsBy.month, january)
    assert columns == ["month", "events", "clusters"]
    assert rows == [("2020-01", 2, 2)]

    output = tmp_path / "january.csv"
    assert store.export(january, ExportFormat.csv, output) == 2
    with output.open(newline="", encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert {row["id"] for row in exported} == dated_corpus.ids("day", "window")
    assert sorted(row["date_precision"] for row in exported) == ["day", "window"]


def test_stats_by_precision_in_the_order_of_precision(store: Store) -> None:
    columns, rows = store.stats(StatsBy.precision, EventFilter())
    assert columns == ["precision", "events", "clusters"]
    assert rows == [
        ("day", 3, 3),
        ("year", 1, 1),
        ("range", 1, 1),
        ("window", 2, 2),
        ("undated", 1, 1),
    ]
