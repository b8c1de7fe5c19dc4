"""The store on a real DuckDB file: migrations, idempotent saves, queries, error messages."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from parley.errors import StoreError
from parley.models import DateSpan, Document, Entity, Event, Evidence, Place
from parley.store import SCHEMA_VERSION, EventFilter, FilterError, Store

TEXT = (
    "SEOUL - Kim Gunn will meet Sung Kim in Seoul on Friday. "
    "North Korea launched a missile on Wednesday. "
    "The UN Security Council condemned the launch. "
    "Officials said talks might resume."
)


def _span(start: str, end: str | None = None, text: str = "") -> DateSpan:
    first = date.fromisoformat(start)
    return DateSpan(first, date.fromisoformat(end) if end else first, text)


def _doc(text: str = TEXT) -> Document:
    return Document(
        id="herald-1",
        text=text,
        published=date(2022, 5, 31),
        published_source="given",
        title="Envoys to meet",
        url="https://example.org/herald-1",
        source="Example Herald",
    )


def _events(doc_id: str = "herald-1") -> list[Event]:
    consult = Event(
        doc_id=doc_id,
        event="CONSULT",
        status="planned",
        text="Kim Gunn will meet Sung Kim in Seoul on Friday.",
        evidence=Evidence(8, 56),
        actor=[
            Entity("Kim Gunn", country="KOR", sector="GOV", name="Kim Gunn", start=8, end=16),
            Entity("Sung Kim", country="USA", sector="GOV", name="Sung Kim"),
        ],
        mode=["visit"],
        context=["diplomatic"],
        date=_span("2022-06-03", text="Friday"),
        event_loc=Place("Seoul", "KOR", 37.566, 126.978, "1835848"),
        cameo="040",
        quad_code=1,
        event_scale=1.0,
        confidence=0.8612,
        trigger="meet",
        mentions=[Evidence(8, 56)],
    )
    launch = Event(
        doc_id=doc_id,
        event="MOBILIZE",
        status="occurred",
        text="North Korea launched a missile on Wednesday.",
        evidence=Evidence(57, 101),
        actor=[Entity("North Korea", country="PRK", sector="MIL")],
        mode=["weapons"],
        date=_span("2022-05-25", text="Wednesday"),
    )
    condemn = Event(
        doc_id=doc_id,
        event="ACCUSE",
        status="occurred",
        text="The UN Security Council condemned the launch.",
        evidence=Evidence(102, 147),
        actor=[Entity("UN Security Council", org="UNSC")],
        recipient=[Entity("North Korea", country="PRK")],
        mode=["disapprove"],
        date=_span("2022-05-20", "2022-05-31", "this month"),
    )
    talks = Event(
        doc_id=doc_id,
        event="CONSULT",
        status="hypothetical",
        text="Officials said talks might resume.",
        evidence=Evidence(148, 182),
    )
    return [consult, launch, condemn, talks]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "parley.duckdb") as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    run_id = store.start_run("0.1.0", "en_core_web_sm", "abc123")
    store.save_document(_doc(), _events(), run_id)
    other = Document(id="wire-2", text="Russia accused the USA.", published=date(2022, 6, 1))
    accuse = Event(
        doc_id="wire-2",
        event="ACCUSE",
        status="occurred",
        text="Russia accused the USA.",
        evidence=Evidence(0, 23),
        actor=[Entity("Russia", country="RUS")],
        recipient=[Entity("the USA", country="USA")],
        date=_span("2022-06-01"),
    )
    store.save_document(other, [accuse], run_id)
    store.finish_run(run_id, documents=2, events=5)
    return store


def _texts(events: list[Event]) -> list[str]:
    return [event.text for event in events]


def test_open_creates_folder_and_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "parley.duckdb"
    for _ in range(2):
        with Store.open(path) as store:
            assert store.counts() == {"documents": 0, "events": 0, "parties": 0, "runs": 0}
    conn = duckdb.connect(str(path))
    try:
        versions = conn.execute("SELECT version FROM schema_version").fetchall()
    finally:
        conn.close()
    assert versions == [(version,) for version in range(1, SCHEMA_VERSION + 1)]


def test_save_new_then_unchanged_writes_nothing(store: Store) -> None:
    doc = _doc()
    assert store.document_status(doc) == "new"
    assert store.save_document(doc, _events(), "run-1") == "new"
    before = store.counts()
    assert before == {"documents": 1, "events": 4, "parties": 5, "runs": 0}

    assert store.document_status(doc) == "unchanged"
    assert store.save_document(doc, _events()[:1], "run-2") == "unchanged"
    assert store.counts() == before
    assert len(store.query_events(EventFilter())) == 4


def test_changed_text_replaces_old_events(store: Store) -> None:
    store.save_document(_doc(), _events(), "run-1")
    changed = _doc(TEXT + " A correction was appended.")
    assert store.document_status(changed) == "changed"

    assert store.save_document(changed, _events()[1:2], "run-2") == "updated"
    assert store.save_document(changed, _events()[1:2], "run-2") == "unchanged"

    assert store.counts() == {"documents": 1, "events": 1, "parties": 1, "runs": 0}
    assert _texts(store.query_events(EventFilter())) == [_events()[1].text]
    assert store.get_document("herald-1") == changed


def test_stored_events_round_trip(store: Store) -> None:
    events = _events()
    store.save_document(_doc(), events, "run-1")
    by_id = {event.id: event.to_dict() for event in events}

    stored = store.query_events(EventFilter(doc_id="herald-1"))

    assert {event.id: event.to_dict() for event in stored} == by_id


def test_get_document_round_trips_and_misses(store: Store) -> None:
    store.save_document(_doc(), [], "run-1")
    assert store.get_document("herald-1") == _doc()
    assert store.get_document("nope") is None


def test_query_orders_by_date_nulls_last(filled: Store) -> None:
    dates = [
        event.date.start if event.date else None for event in filled.query_events(EventFilter())
    ]
    assert dates == [
        date(2022, 5, 20),
        date(2022, 5, 25),
        date(2022, 6, 1),
        date(2022, 6, 3),
        None,
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(event="CONSULT"), ["CONSULT", "CONSULT"]),
        (EventFilter(status="occurred"), ["ACCUSE", "MOBILIZE", "ACCUSE"]),
        (EventFilter(actor="PRK"), ["MOBILIZE"]),
        (EventFilter(recipient="PRK"), ["ACCUSE"]),
        (EventFilter(actor="UNSC"), ["ACCUSE"]),
        (EventFilter(actor="USA"), ["CONSULT"]),
        (EventFilter(recipient="USA"), ["ACCUSE"]),
        (EventFilter(doc_id="wire-2"), ["ACCUSE"]),
        (EventFilter(event="ACCUSE", actor="RUS"), ["ACCUSE"]),
    ],
)
def test_query_filters(filled: Store, filters: EventFilter, expected: list[str]) -> None:
    found = filled.query_events(filters)
    assert [event.event for event in found] == expected
    assert filled.count_events(filters) == len(expected)


def test_actor_filter_ignores_recipients(filled: Store) -> None:
    found = filled.query_events(EventFilter(actor="USA"))
    assert [event.doc_id for event in found] == ["herald-1"]


def test_since_until_keep_intervals_inside_and_drop_undated(filled: Store) -> None:
    # The ACCUSE interval 2022-05-20..31 ends inside a window starting on its last day, but
    # does not lie inside it.
    since = filled.query_events(EventFilter(since=date(2022, 5, 31)))
    assert [event.event for event in since] == ["ACCUSE", "CONSULT"]

    until = filled.query_events(EventFilter(until=date(2022, 5, 24)))
    assert [event.event for event in until] == []

    window = EventFilter(since=date(2022, 5, 20), until=date(2022, 6, 1))
    assert [event.event for event in filled.query_events(window)] == [
        "ACCUSE",
        "MOBILIZE",
        "ACCUSE",
    ]


def test_overlap_keeps_intervals_that_touch_the_window(filled: Store) -> None:
    since = filled.query_events(EventFilter(since=date(2022, 5, 31), overlap=True))
    assert [event.event for event in since] == ["ACCUSE", "ACCUSE", "CONSULT"]

    until = filled.query_events(EventFilter(until=date(2022, 5, 24), overlap=True))
    assert [event.event for event in until] == ["ACCUSE"]

    window = EventFilter(since=date(2022, 5, 25), until=date(2022, 6, 1), overlap=True)
    assert [event.event for event in filled.query_events(window)] == [
        "ACCUSE",
        "MOBILIZE",
        "ACCUSE",
    ]


def test_limit_and_offset_page_the_ordered_list(filled: Store) -> None:
    everything = _texts(filled.query_events(EventFilter()))
    page = filled.query_events(EventFilter(limit=2, offset=1))
    assert _texts(page) == everything[1:3]
    assert filled.query_events(EventFilter(limit=0)) == []
    assert filled.query_events(EventFilter(offset=10)) == []
    assert filled.count_events(EventFilter(limit=1)) == len(everything)


def test_negative_paging_is_refused() -> None:
    with pytest.raises(ValueError, match="limit"):
        EventFilter(limit=-1)
    with pytest.raises(ValueError, match="offset"):
        EventFilter(offset=-1)


@pytest.mark.parametrize(
    "filters",
    [
        EventFilter(actor="USA' OR 1=1 --"),
        EventFilter(recipient="x'); DROP TABLE events; --"),
        EventFilter(party="USA', 'KOR"),
        EventFilter(between=("USA' OR 1=1 --", "KOR")),
        EventFilter(doc_id="herald-1' OR doc_id LIKE '%"),
    ],
)
def test_sql_looking_values_are_plain_strings(filled: Store, filters: EventFilter) -> None:
    assert filled.query_events(filters) == []
    assert filled.count_events(filters) == 0
    assert filled.counts()["events"] == 5


@pytest.mark.parametrize(
    ("field", "value"), [("event", "' OR ''='"), ("status", 'occurred" OR 1=1')]
)
def test_sql_looking_codes_are_unknown_values(field: str, value: str) -> None:
    with pytest.raises(FilterError, match=f"unknown {field}") as raised:
        EventFilter(**{field: value})
    assert raised.value.field == field


def test_runs_are_recorded(filled: Store) -> None:
    assert filled.counts()["runs"] == 1
    with pytest.raises(StoreError, match="no run"):
        filled.finish_run("missing", documents=0, events=0)


def test_events_of_another_document_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="belongs to document 'other'"):
        store.save_document(_doc(), _events("other"), "run-1")
    assert store.counts()["documents"] == 0


def test_duplicate_events_are_refused_and_nothing_is_written(store: Store) -> None:
    first = _events()[0]
    with pytest.raises(StoreError, match="merge them"):
        store.save_document(_doc(), [first, replace(first, status="occurred")], "run-1")
    assert store.counts() == {"documents": 0, "events": 0, "parties": 0, "runs": 0}


def test_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n", encoding="utf-8")
    with pytest.raises(StoreError) as raised:
        Store.open(path)
    message = str(raised.value)
    assert str(path) in message
    assert "\n" not in message


def test_locked_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as raised:
            Store.open(path)
        assert str(path) in str(raised.value)
    finally:
        holder.communicate(input="", timeout=30)


_HOLD_LOCK = """
import sys, duckdb
conn = duckdb.connect(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
conn.close()
"""
