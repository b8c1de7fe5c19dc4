"""The questions analysts ask of a store (issue 16), on the hand-built `analyst_corpus` of
tests/conftest.py: either side, between two parties, newest first, what happened apart from
what did not, months side by side with the empty ones, a period summary, the agenda, one
event in full, and exports that name their sources."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.store import Comparison, EventFilter, ExportFormat, StatsBy, Store
from parley.store.filters import DEFAULT_STATUS

OCCURRED = EventFilter(status=DEFAULT_STATUS)


@pytest.fixture(scope="module")
def store(analyst_corpus: Any) -> Any:
    with Store.open(analyst_corpus.path) as opened:
        yield opened


def _names(analyst_corpus: Any, events: list[Any]) -> list[str]:
    by_id = {event.id: name for name, event in analyst_corpus.events.items()}
    return [by_id[e.id] for e in events]


def test_between_finds_co_actors_and_either_direction(store: Store, analyst_corpus: Any) -> None:
    """`--actor USA --recipient TUR --event CONSULT` missed every Trump–Erdogan call, stored
    with both as actors; `between` finds them, and directed events both ways."""
    directed = EventFilter(actor="USA", recipient="TUR", event="CONSULT")
    assert store.query_events(directed) == []
    calls = EventFilter(between=("USA", "TUR"), event="CONSULT", status=DEFAULT_STATUS)
    assert _names(analyst_corpus, store.query_events(calls)) == ["call", "meeting"]
    both_ways = EventFilter(between=("usa", "irn"), status=DEFAULT_STATUS)
    assert _names(analyst_corpus, store.query_events(both_ways)) == ["accusation", "sanctions"]


def test_newest_first(store: Store, analyst_corpus: Any) -> None:
    """ "When did they last meet?" is the first row, not the oldest meeting."""
    latest = EventFilter(between=("USA", "TUR"), event="CONSULT", sort="-date", limit=1)
    assert _names(analyst_corpus, store.query_events(latest)) == ["meeting"]


def test_repeated_values_mean_any_of_them(store: Store, analyst_corpus: Any) -> None:
    either = store.query_events(EventFilter(actor=("IRN", "TUR"), status=DEFAULT_STATUS))
    assert _names(analyst_corpus, either) == ["detentions", "call", "meeting", "accusation"]
    kinds = EventFilter(event=("accuse", "SANCTION"))
    assert _names(analyst_corpus, store.query_events(kinds)) == ["accusation", "sanctions"]


def test_party_is_either_side_as_the_actor_counts_are(store: Store) -> None:
    """The actor list counted both sides while the filter matched one: "USA · 310" found
    295. `party` matches what `events` counts, `actor` what `as_actor` counts."""
    for count in store.actors(OCCURRED):
        either = EventFilter(party=count.id, status=DEFAULT_STATUS)
        assert store.count_events(either) == count.events, count
        acting = EventFilter(actor=count.id, status=DEFAULT_STATUS)
        assert store.count_events(acting) == count.as_actor, count
        receiving = EventFilter(recipient=count.id, status=DEFAULT_STATUS)
        assert store.count_events(receiving) == count.as_recipient, count


def test_country_is_where_it_happened(store: Store, analyst_corpus: Any) -> None:
    found = store.query_events(EventFilter(country="tur", status=DEFAULT_STATUS))
    assert _names(analyst_corpus, found) == ["detentions"]


def test_stats_count_what_happened_by_default_and_say_the_rest(store: Store) -> None:
    _, rows = store.stats(StatsBy.status, EventFilter())
    assert {row[0]: row[1] for row in rows} == {"occurred": 5, "planned": 2, "negated": 1}
    _, rows = store.stats(StatsBy.category, OCCURRED)
    assert dict((r[0], r[1]) for r in rows) == {
        "CONSULT": 2,
        "COERCE": 1,
        "ACCUSE": 1,
        "SANCTION": 1,
    }


def test_months_are_filled_and_compared_side_by_side(store: Store) -> None:
    columns, rows = store.stats(StatsBy.month, OCCURRED)
    assert columns == ["month", "events", "clusters"]
    assert [(r[0], r[1]) for r in rows] == [
        ("2020-01", 2),
        ("2020-02", 0),
        ("2020-03", 2),
        ("2020-04", 0),
        ("2020-05", 1),
    ]
    both = EventFilter(party=("TUR", "IRN"), status=DEFAULT_STATUS)
    columns, rows = store.stats(StatsBy.month, both, Comparison(("TUR", "IRN"), None))
    assert columns == ["month", "TUR", "IRN"]
    assert rows == [
        ("2020-01", 2, 0),
        ("2020-02", 0, 0),
        ("2020-03", 1, 1),
        ("2020-04", 0, 0),
        ("2020-05", 0, 1),
    ]
    _, actors = store.stats(StatsBy.month, both, Comparison(("TUR", "IRN"), "actor"))
    assert actors[-1] == ("2020-03", 1, 1)  # Iran accused; Erdogan met


def test_stats_limit(store: Store) -> None:
    _, rows = store.stats(StatsBy.dyad, OCCURRED, limit=2)
    assert len(rows) == 2 and rows[0][2] >= rows[1][2]


def test_network_draws_a_party_acting_on_itself(store: Store) -> None:
    """Domestic events (Turkish police detaining Turkish protesters) were hidden."""
    dyads = {(d.source, d.target, d.directed): d for d in store.network(OCCURRED).dyads}
    assert dyads["TUR", "TUR", True].weight == 1


def test_places_say_how_much_of_the_selection_they_place(store: Store) -> None:
    places = store.places(OCCURRED)
    assert (places.located, places.total) == (2, 5)
    assert {p.name for p in places.places} == {"Ankara", "Washington"}


def test_period_summary(store: Store, analyst_corpus: Any) -> None:
    found = store.period_summary(
        EventFilter(since=date(2020, 3, 1), until=date(2020, 6, 30), status=DEFAULT_STATUS)
    )
    assert (found.events, found.clusters, found.documents) == (3, 3, 2)
    assert found.statuses == {"occurred": 3, "planned": 2}
    assert [(p.party, p.events) for p in found.new_parties] == [("IRN", 2)]
    assert {row[0] for row in found.categories} == {"CONSULT", "ACCUSE", "SANCTION"}
    assert all(s.source_count >= 1 for s in found.most_sourced)
    assert store.period_summary(OCCURRED).new_parties == []  # nothing to compare with


def test_agenda_links_plans_to_their_outcome_and_flags_the_overdue(
    store: Store, analyst_corpus: Any
) -> None:
    agenda = store.agenda(EventFilter())
    assert agenda.as_of == date(2020, 6, 1)  # the latest news in the store, not today
    assert [(item.event.id, item.state) for item in agenda.items] == [
        (analyst_corpus.events["plan"].id, "occurred"),
        (analyst_corpus.events["deal"].id, "overdue"),
    ]
    occurrence = agenda.items[0].occurrence
    assert occurrence is not None and occurrence.id == analyst_corpus.events["meeting"].id
    earlier = store.agenda(EventFilter(), as_of=date(2020, 3, 1))
    assert [item.state for item in earlier.items] == ["occurred", "upcoming"]
    assert store.agenda(EventFilter(party="IRN")).items[0].event.event == "AGREE"


def test_event_detail(store: Store, analyst_corpus: Any) -> None:
    plan = analyst_corpus.events["plan"]
    assert store.matching_event_ids(plan.id[:6]) == [plan.id]
    assert store.matching_event_ids(plan.id[:3]) == []  # too short to mean one event
    detail = store.event_detail(plan.id)
    assert detail is not None
    assert detail.document.url == "https://news.example/talks"
    assert detail.document.title == "Trump and Erdogan talk"
    assert [e.event for e in detail.siblings] == ["CONSULT", "CONCEDE", "COERCE"]
    assert [r.event.id for r in detail.outcomes] == [analyst_corpus.events["meeting"].id]
    meeting = store.event_detail(analyst_corpus.events["meeting"].id)
    assert meeting is not None and [r.event.id for r in meeting.plans] == [plan.id]
    assert store.event_detail("no-such-event") is None


@pytest.mark.parametrize("dyadic", [False, True])
def test_exports_carry_provenance_and_no_goldstein_for_what_did_not_happen(
    store: Store, analyst_corpus: Any, tmp_path: Path, dyadic: bool
) -> None:
    output = tmp_path / "events.csv"
    store.export(EventFilter(), ExportFormat.csv, output, dyadic=dyadic)
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    scale = "goldstein" if dyadic else "event_scale"
    by_id = {row["event_id" if dyadic else "id"]: row for row in rows}
    negated = by_id[analyst_corpus.events["no_concession"].id]
    assert negated["status"] == "negated" and negated[scale] == ""  # was 5.0
    planned = by_id[analyst_corpus.events["plan"].id]
    assert planned[scale] == "1.0"
    for row in rows:
        assert row["source_url"].startswith("https://news.example/"), row
        assert row["source_title"] and row["published"] and int(row["source_count"]) >= 1


def test_jsonl_export_names_the_document(store: Store, tmp_path: Path) -> None:
    output = tmp_path / "events.jsonl"
    store.export(EventFilter(event="CONCEDE"), ExportFormat.jsonl, output)
    (record,) = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert record["event_scale"] is None
    assert record["document"] == {
        "url": "https://news.example/talks",
        "title": "Trump and Erdogan talk",
        "source": "Example Wire",
        "published": "2020-01-10",
    }
