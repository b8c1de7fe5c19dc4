"""Small real stores built by hand, for tests in every layer (store, CLI, API, dashboard): one
whose events' date intervals are of every shape (`dated_corpus`), and one with the questions
analysts ask of a store (`analyst_corpus`).

The dated store is one story published on 20 January 2020 with an event of each shape a
date filter for January 2020 must tell apart: a day inside it, a year and a multi-year range
spanning it, a story window inside it and one straddling its start, a day in February, a day
in 1948 (an outlier for the timeline's axis), and an undated hypothetical. Spans are found
with `str.index`, so every evidence span is exactly where the text says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.models import DateSpan, Document, Entity, Event, Evidence, Place
from parley.resolve import resolve_store
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


_TALKS = (
    "ANKARA - President Donald Trump spoke with President Recep Tayyip Erdogan by phone on "
    "Thursday. The United States did not lift its tariffs on Turkey. The two leaders will "
    "meet in Washington in the first week of March. Turkish police detained forty protesters "
    "in Ankara on Wednesday."
)
_MEETING = (
    "WASHINGTON - Trump met Erdogan at the White House on Wednesday. Iran accused the United "
    "States of meddling on Wednesday."
)
_LATE = (
    "TEHRAN - Iran and the United States will sign a prisoner deal in April, officials said "
    "in March. The United States imposed sanctions on Iran on May 20."
)
ANKARA = Place("Ankara", "TUR", 39.92, 32.85, "323786", precision="city")
WASHINGTON = Place("Washington", "USA", 38.895, -77.037, "4140963", precision="city")


@dataclass(frozen=True)
class AnalystCorpus:
    """The stored file and its events by name (see `analyst_corpus`)."""

    path: Path
    events: dict[str, Event]

    def ids(self, *names: str) -> list[str]:
        return [self.events[name].id for name in names]


def _party(text: str, phrase: str, **fields: str) -> Entity:
    start = text.index(phrase)
    return Entity(phrase, start=start, end=start + len(phrase), **fields)


def _analyst_event(doc_id: str, text: str, sentence: str, category: str, **fields: Any) -> Event:
    start = text.index(sentence)
    first, last, precision = fields.pop("dates")
    span = DateSpan(date.fromisoformat(first), date.fromisoformat(last), "", precision)
    return Event(
        doc_id=doc_id,
        event=category,
        text=sentence,
        evidence=Evidence(start, start + len(sentence)),
        date=span,
        confidence=0.8,
        **fields,
    )


def _analyst_documents() -> list[tuple[Document, dict[str, Event]]]:
    talks = Document(
        "talks",
        _TALKS,
        date(2020, 1, 10),
        "given",
        "Trump and Erdogan talk",
        "https://news.example/talks",
        "Example Wire",
    )
    meeting = Document(
        "meeting",
        _MEETING,
        date(2020, 3, 5),
        "given",
        "Trump meets Erdogan",
        "https://news.example/meeting",
        "Example Daily",
    )
    late = Document(
        "late",
        _LATE,
        date(2020, 6, 1),
        "given",
        "A deal that did not come",
        "https://news.example/late",
        "Example Wire",
    )
    trump = {"country": "USA", "sector": "GOV", "name": "Donald Trump"}
    erdogan = {"country": "TUR", "sector": "GOV", "name": "Recep Tayyip Erdogan"}
    t, m, lt = _TALKS, _MEETING, _LATE
    return [
        (
            talks,
            {
                "call": _analyst_event(
                    "talks",
                    t,
                    "President Donald Trump spoke with President Recep Tayyip Erdogan "
                    "by phone on Thursday.",
                    "CONSULT",
                    status="occurred",
                    quad_code=1,
                    event_scale=1.0,
                    dates=("2020-01-09", "2020-01-09", "day"),
                    actor=[
                        _party(t, "Donald Trump", **trump),
                        _party(t, "Recep Tayyip Erdogan", **erdogan),
                    ],
                ),
                "no_concession": _analyst_event(
                    "talks",
                    t,
                    "The United States did not lift its tariffs on Turkey.",
                    "CONCEDE",
                    status="negated",
                    quad_code=2,
                    event_scale=5.0,
                    dates=("2020-01-03", "2020-01-10", "window"),
                    actor=[_party(t, "The United States", country="USA")],
                    recipient=[_party(t, "Turkey", country="TUR")],
                ),
                "plan": _analyst_event(
                    "talks",
                    t,
                    "The two leaders will meet in Washington in the first week of March.",
                    "CONSULT",
                    status="planned",
                    quad_code=1,
                    event_scale=1.0,
                    dates=("2020-03-02", "2020-03-08", "week"),
                    event_loc=WASHINGTON,
                    actor=[Entity("Trump", **trump), Entity("Erdogan", **erdogan)],
                ),
                "detentions": _analyst_event(
                    "talks",
                    t,
                    "Turkish police detained forty protesters in Ankara on Wednesday.",
                    "COERCE",
                    status="occurred",
                    quad_code=4,
                    event_scale=-5.0,
                    dates=("2020-01-08", "2020-01-08", "day"),
                    event_loc=ANKARA,
                    actor=[_party(t, "Turkish police", country="TUR", sector="COP")],
                    recipient=[_party(t, "forty protesters", country="TUR", sector="CVL")],
                ),
            },
        ),
        (
            meeting,
            {
                "meeting": _analyst_event(
                    "meeting",
                    m,
                    "Trump met Erdogan at the White House on Wednesday.",
                    "CONSULT",
                    status="occurred",
                    quad_code=1,
                    event_scale=1.0,
                    dates=("2020-03-04", "2020-03-04", "day"),
                    event_loc=WASHINGTON,
                    actor=[_party(m, "Trump", **trump), _party(m, "Erdogan", **erdogan)],
                ),
                "accusation": _analyst_event(
                    "meeting",
                    m,
                    "Iran accused the United States of meddling on Wednesday.",
                    "ACCUSE",
                    status="occurred",
                    quad_code=3,
                    event_scale=-2.0,
                    dates=("2020-03-04", "2020-03-04", "day"),
                    actor=[_party(m, "Iran", country="IRN")],
                    recipient=[_party(m, "the United States", country="USA")],
                ),
            },
        ),
        (
            late,
            {
                "deal": _analyst_event(
                    "late",
                    lt,
                    "Iran and the United States will sign a prisoner deal in April, "
                    "officials said in March.",
                    "AGREE",
                    status="planned",
                    quad_code=1,
                    event_scale=3.0,
                    dates=("2020-04-01", "2020-04-30", "month"),
                    actor=[
                        _party(lt, "Iran", country="IRN"),
                        _party(lt, "the United States", country="USA"),
                    ],
                ),
                "sanctions": _analyst_event(
                    "late",
                    lt,
                    "The United States imposed sanctions on Iran on May 20.",
                    "SANCTION",
                    status="occurred",
                    quad_code=4,
                    event_scale=-4.0,
                    dates=("2020-05-20", "2020-05-20", "day"),
                    actor=[_party(lt, "The United States", country="USA")],
                    recipient=[_party(lt, "Iran", country="IRN")],
                ),
            },
        ),
    ]


@pytest.fixture(scope="session")
def analyst_corpus(tmp_path_factory: pytest.TempPathFactory) -> AnalystCorpus:
    """Three stories of January to June 2020 with what analysts ask of them: a Trump–Erdogan
    call coded with both as actors, a negated CONCEDE (coded with Goldstein +5), a planned
    meeting that a later story reports as held, a planned deal nobody reports (overdue), a
    domestic event (Turkey on Turkey), and months without events (February, April); linked
    and with its people registry built, as ingest leaves a store. Tests only read it."""
    path = tmp_path_factory.mktemp("analyst") / "analyst.duckdb"
    events: dict[str, Event] = {}
    with Store.open(path) as store:
        run = store.start_run("test", "none", "none")
        for document, named in _analyst_documents():
            store.save_document(document, list(named.values()), run)
            events.update(named)
        store.finish_run(run, 3, len(events))
        resolve_store(store)
        store.refresh_people()
    return AnalystCorpus(path, events)
