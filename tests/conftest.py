"""A small real store whose events' date intervals are built by hand, for the tests of the date
filters and the timeline in every layer (store, CLI, API, dashboard).

One story published on 20 January 2020 with an event of each shape a date filter for January
2020 must tell apart: a day inside it, a year and a multi-year range spanning it, a story
window inside it and one straddling its start, a day in February, a day in 1948 (an outlier
for the timeline's axis), and an undated hypothetical. Spans are found with `str.index`, so
every evidence span is exactly where the text says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from parley.models import DateSpan, Document, Entity, Event, Evidence
from parley.store import Store

JANUARY = (date(2020, 1, 1), date(2020, 1, 31))


@dataclass(frozen=True)
class _Spec:
    sentence: str
    category: str
    quad: int
    dates: tuple[str, str, str] | None  # first day, last day, precision; None: undated


_SPECS = {
    "day": _Spec(
        "Envoys met in Geneva on Wednesday.", "CONSULT", 1, ("2020-01-15",) * 2 + ("day",)
    ),
    "year": _Spec("Germany sends aid all 2020.", "AID", 2, ("2020-01-01", "2020-12-31", "year")),
    "range": _Spec(
        "Protests ran from 2019 to 2021.", "PROTEST", 3, ("2019-01-01", "2021-12-31", "range")
    ),
    "window": _Spec(
        "Rebels attacked a convoy.", "ASSAULT", 4, ("2020-01-10", "2020-01-20", "window")
    ),
    "straddling": _Spec(
        "The ministry accused the rebels.", "ACCUSE", 3, ("2019-12-28", "2020-01-03", "window")
    ),
    "february": _Spec("Talks are due on February 3.", "CONSULT", 1, ("2020-02-03",) * 2 + ("day",)),
    "outlier": _Spec(
        "A state was founded on May 14, 1948.", "AGREE", 1, ("1948-05-14",) * 2 + ("day",)
    ),
    "undated": _Spec("Officials said a truce might follow.", "AGREE", 1, None),
}
TEXT = " ".join(spec.sentence for spec in _SPECS.values())


@dataclass(frozen=True)
class DatedCorpus:
    """The stored file and its events by name (see the module docstring)."""

    path: Path
    events: dict[str, Event]

    def ids(self, *names: str) -> set[str]:
        return {self.events[name].id for name in names}


def _event(spec: _Spec) -> Event:
    start = TEXT.index(spec.sentence)
    span = None
    if spec.dates is not None:
        first, last, precision = spec.dates
        span = DateSpan(date.fromisoformat(first), date.fromisoformat(last), "", precision)
    return Event(
        doc_id="jan-2020",
        event=spec.category,
        status="occurred" if span else "hypothetical",
        text=spec.sentence,
        evidence=Evidence(start, start + len(spec.sentence)),
        actor=[Entity("Officials", country="CHE")],
        quad_code=spec.quad,
        date=span,
    )


@pytest.fixture(scope="session")
def dated_corpus(tmp_path_factory: pytest.TempPathFactory) -> DatedCorpus:
    """A store of the one story and its eight events; tests only read it."""
    path = tmp_path_factory.mktemp("dated") / "dated.duckdb"
    events = {name: _event(spec) for name, spec in _SPECS.items()}
    story = Document("jan-2020", TEXT, date(2020, 1, 20), "given", "A month of news")
    with Store.open(path) as store:
        run = store.start_run("test", "none", "none")
        store.save_document(story, list(events.values()), run)
        store.finish_run(run, 1, len(events))
    return DatedCorpus(path, events)
