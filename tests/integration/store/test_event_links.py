"""Linking events across documents: one cluster per real-world event, plans to what happened.

(Named for what it checks rather than `test_resolve.py`, which tests/integration/actors/ already
uses: two test modules of one basename cannot both be collected without packages.)

The first tests code articles written here with the real pipeline and read the links back from
the DuckDB file; the rest give `resolve` hand-made facts, one rule at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from parley.batch import ingest
from parley.pipeline import Pipeline
from parley.resolve import PLANNED_OF, resolve
from parley.store import EventFacts, EventFilter, ExportFormat, Store

ARTICLES = [
    {
        "id": "wire-a",
        "published": "2022-06-04",
        "text": "TOKYO (Wire) -- Japanese Foreign Minister Yoshimasa Hayashi met Chinese Foreign "
        "Minister Wang Yi in Beijing on Friday, the Foreign Ministry said. The two ministers "
        "discussed maritime security.",
    },
    {
        "id": "paper-b",
        "published": "2022-06-05",
        "text": "BEIJING (Daily) -- Chinese Foreign Minister Wang Yi held talks with his Japanese "
        "counterpart Yoshimasa Hayashi in Beijing on Friday, state media reported.",
    },
    {
        "id": "plan-c",
        "published": "2022-06-01",
        "text": "TOKYO (Wire) -- Japanese Foreign Minister Yoshimasa Hayashi will meet Chinese "
        "Foreign Minister Wang Yi in Beijing on Friday, officials said.",
    },
    {
        "id": "other-d",
        "published": "2022-06-10",
        "text": "WASHINGTON (Wire) -- The United States imposed new sanctions on Russia on "
        "Thursday over its invasion of Ukraine, the Treasury Department said.",
    },
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def linked(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store of the four articles, ingested (and so resolved) once for this module."""
    folder = tmp_path_factory.mktemp("links")
    corpus = folder / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "links.duckdb"
    with Store.open(path) as store:
        summary = ingest([corpus], store, pipeline)
    assert (summary.new, summary.failed) == (4, 0)
    yield path


def _exported(path: Path, tmp: Path) -> list[dict[str, Any]]:
    output = tmp / "events.jsonl"
    with Store.open(path) as store:
        store.export(EventFilter(), ExportFormat.jsonl, output)
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def _meetings(records: list[dict[str, Any]], status: str) -> list[dict[str, Any]]:
    """CONSULT records naming both ministers."""
    return [
        r
        for r in records
        if r["event"] == "CONSULT"
        and r["status"] == status
        and {"Yoshimasa Hayashi", "Wang Yi"} <= {a.get("name") for a in r["actor"]}
    ]


def test_two_reports_of_one_meeting_share_a_cluster(linked: Path, tmp_path: Path) -> None:
    records = _exported(linked, tmp_path)
    reports = _meetings(records, "occurred")
    assert sorted(r["doc_id"] for r in reports) == ["paper-b", "wire-a"], records
    assert reports[0]["date"] == reports[1]["date"] == "2022-06-03"
    cluster_ids = {r["cluster_id"] for r in reports}
    assert len(cluster_ids) == 1
    (cluster_id,) = cluster_ids
    assert all(r["source_count"] == 2 for r in reports)

    members = [r for r in records if r["cluster_id"] == cluster_id]
    assert cluster_id == min(r["id"] for r in members), "the id is the smallest member id"
    with Store.open(linked) as store:
        found = store.query_events(EventFilter(cluster=cluster_id))
    assert sorted(e.id for e in found) == sorted(r["id"] for r in members)


def test_pages_and_exports_count_the_same_sources(linked: Path, tmp_path: Path) -> None:
    """The dashboard's page counts the sources of its own events only (for speed); it must
    agree with `event_clusters`, which exports read."""
    exported = {r["id"]: (r["cluster_id"], r["source_count"]) for r in _exported(linked, tmp_path)}
    with Store.open(linked) as store:
        paged = {
            s.event.id: (s.cluster_id, s.source_count) for s in store.sourced_events(EventFilter())
        }
    assert paged == exported
    assert max(count for _, count in paged.values()) == 2


def test_unrelated_events_stay_alone(linked: Path, tmp_path: Path) -> None:
    records = _exported(linked, tmp_path)
    others = [r for r in records if r["doc_id"] == "other-d"]
    assert others, "nothing coded from the sanctions article"
    assert all(r["cluster_id"] == r["id"] and r["source_count"] == 1 for r in others)


def test_planned_meeting_is_linked_to_the_meeting(linked: Path, tmp_path: Path) -> None:
    records = _exported(linked, tmp_path)
    (plan,) = _meetings(records, "planned")
    assert (plan["doc_id"], plan["date"]) == ("plan-c", "2022-06-03")
    occurred_cluster = _meetings(records, "occurred")[0]["cluster_id"]
    conn = duckdb.connect(str(linked), read_only=True)
    try:
        links = conn.execute(
            "SELECT event_id, cluster_id FROM event_links WHERE role = ?", [PLANNED_OF]
        ).fetchall()
    finally:
        conn.close()
    assert (plan["id"], occurred_cluster) in links


def test_resolution_is_the_same_after_a_rerun(
    linked: Path, pipeline: Pipeline, tmp_path: Path
) -> None:
    before = _exported(linked, tmp_path)
    corpus = linked.parent / "articles.jsonl"
    with Store.open(linked) as store:
        summary = ingest([corpus], store, pipeline)
        assert (summary.new, summary.updated, summary.unchanged) == (0, 0, 4)
        assert summary.links == store.link_counts()
    assert _exported(linked, tmp_path) == before


# Rules, on hand-made facts -------------------------------------------------------------------

BASE = EventFacts(
    event_id="e1",
    doc_id="d1",
    category="ACCUSE",
    status="occurred",
    start=date(2022, 6, 3),
    end=date(2022, 6, 3),
    place_country=None,
    published=date(2022, 6, 4),
    actors=frozenset({"USA"}),
    recipients=frozenset({"RUS"}),
)


def _other(**changes: Any) -> EventFacts:
    return replace(BASE, **{"event_id": "e2", "doc_id": "d2", **changes})


@pytest.mark.parametrize(
    "other",
    [
        _other(),
        _other(actors=frozenset({"USA", "GBR"}), recipients=frozenset()),
        _other(start=date(2022, 6, 1), end=date(2022, 6, 5)),
        _other(place_country="UKR"),
    ],
    ids=["same", "overlapping-actors-no-recipient", "overlapping-interval", "one-place"],
)
def test_compatible_reports_cluster(other: EventFacts) -> None:
    assert resolve([BASE, other]).clusters == [["e1", "e2"]]


@pytest.mark.parametrize(
    "other",
    [
        _other(doc_id="d1"),
        _other(category="THREATEN"),
        _other(status="planned"),
        _other(actors=frozenset({"GBR"})),
        _other(recipients=frozenset({"CHN"})),
        _other(start=date(2022, 6, 4), end=date(2022, 6, 4)),
        _other(start=date(2022, 6, 1), end=date(2022, 6, 30)),
        _other(start=None, end=None),
    ],
    ids=[
        "same-document",
        "other-category",
        "other-status",
        "other-actor",
        "other-recipient",
        "other-day",
        "month-long-interval",
        "dated-and-undated",
    ],
)
def test_incompatible_reports_do_not(other: EventFacts) -> None:
    assert resolve([BASE, other]).clusters == []


def test_places_in_two_countries_do_not_cluster() -> None:
    first = replace(BASE, place_country="UKR")
    assert resolve([first, _other(place_country="POL")]).clusters == []


def test_undated_reports_cluster_within_three_days_of_publication() -> None:
    undated = replace(BASE, start=None, end=None)
    near = _other(start=None, end=None, published=date(2022, 6, 7))
    far = _other(event_id="e3", doc_id="d3", start=None, end=None, published=date(2022, 6, 8))
    assert resolve([undated, near]).clusters == [["e1", "e2"]]
    assert resolve([undated, far]).clusters == []


def test_a_cluster_keeps_a_day_common_to_all_its_reports() -> None:
    """Reports two days apart pair up, but a chain of them is not one event."""
    chain = [
        _other(event_id=f"e{n}", doc_id=f"d{n}", start=None, end=None, published=date(2022, 6, day))
        for n, day in enumerate((1, 3, 5, 7, 9))
    ]
    clusters = resolve(chain).clusters
    assert clusters == [["e0", "e1"], ["e2", "e3"]]


def test_reports_sharing_a_day_make_one_cluster_named_by_its_smallest_id() -> None:
    first = replace(BASE, event_id="m", start=date(2022, 6, 1), end=date(2022, 6, 3))
    middle = _other(event_id="b", start=date(2022, 6, 2), end=date(2022, 6, 5))
    last = _other(event_id="z", doc_id="d3", start=date(2022, 6, 3), end=date(2022, 6, 3))
    resolution = resolve([first, middle, last])
    assert resolution.clusters == [["b", "m", "z"]]
    assert sorted(resolution.links()) == [
        ("b", "b", "member"),
        ("m", "b", "member"),
        ("z", "b", "member"),
    ]


def test_plan_links_to_the_cluster_of_what_happened() -> None:
    plan = replace(
        BASE,
        event_id="p",
        status="planned",
        start=date(2022, 6, 1),
        end=date(2022, 6, 7),
        published=date(2022, 5, 30),
    )
    done = _other(event_id="o1")
    again = _other(event_id="o2", doc_id="d3")
    resolution = resolve([plan, done, again])
    assert resolution.clusters == [["o1", "o2"]]
    assert resolution.planned == [("p", "o1")]


@pytest.mark.parametrize(
    "done",
    [
        _other(event_id="o", start=date(2022, 6, 9), end=date(2022, 6, 9)),
        _other(event_id="o", published=date(2022, 5, 29)),
        _other(event_id="o", actors=frozenset({"GBR"})),
        _other(event_id="o", status="negated"),
        _other(event_id="o", doc_id="d1"),
    ],
    ids=[
        "outside-the-interval",
        "reported-before-the-plan",
        "other-actor",
        "not-occurred",
        "same-document",
    ],
)
def test_plan_is_not_linked_to_something_else(done: EventFacts) -> None:
    plan = replace(
        BASE,
        event_id="p",
        status="planned",
        start=date(2022, 6, 1),
        end=date(2022, 6, 7),
        published=date(2022, 5, 30),
    )
    assert resolve([plan, done]).planned == []
