"""`events_page` finds its page and total in one pass: the same page as `sourced_events` and
the same total as `count_events`, whatever the filter, sort and offset."""

from __future__ import annotations

from typing import Any

import pytest

from parley.store import EventFilter, Store

FILTERS = [
    EventFilter(limit=2),
    EventFilter(limit=3, offset=2, sort="-date"),
    EventFilter(actor="USA", limit=1),
    EventFilter(q="the", limit=50),
    EventFilter(limit=5, offset=10_000),  # past the end: no events, the total still
    EventFilter(event="ASSAULT", q="no such words"),  # nothing matches
]


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_a_page_and_its_total_are_those_of_the_separate_queries(
    analyst_corpus: Any, filters: EventFilter
) -> None:
    """On the analyst corpus: linked events, so the pages carry clusters of several sources."""
    with Store.open(analyst_corpus.path, read_only=True) as store:
        page = store.events_page(filters)
        assert page.events == store.sourced_events(filters)
        assert page.total == store.count_events(filters)
