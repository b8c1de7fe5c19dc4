"""GET /api/timeline on the hand-dated store of tests/conftest.py: counts apart for events the
text dates and events in a story window, an axis over the bulk of the events with the 1948
outlier counted at its edge, and the date filters read as everywhere else."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _timeline(client: TestClient, **params: Any) -> dict[str, Any]:
    """The timeline of events of every status (the store has one hypothetical) unless
    `status` is given."""
    params.setdefault("status", "all")
    response = client.get("/api/timeline", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _bars(body: dict[str, Any]) -> list[tuple[str, dict[str, int], dict[str, int], dict[str, int]]]:
    return [(b["start"], b["stated"], b["window"], b["precision"]) for b in body["buckets"]]


def test_axis_covers_the_bulk_and_counts_the_outlier(dated_client: TestClient) -> None:
    body = _timeline(dated_client)
    assert (body["first"], body["last"]) == ("2019-01-01", "2020-02-03")
    assert (body["before"], body["after"]) == (1, 0)  # the state founded in 1948
    assert (body["stated"], body["window"], body["undated"]) == (5, 2, 1)
    assert body["interval"] == "week"  # 398 days on the axis
    assert _bars(body) == [
        ("2018-12-31", {"3": 1}, {}, {"range": 1}),
        ("2019-12-23", {}, {"3": 1}, {"window": 1}),
        ("2019-12-30", {"2": 1}, {}, {"year": 1}),
        ("2020-01-06", {}, {"4": 1}, {"window": 1}),
        ("2020-01-13", {"1": 1}, {}, {"day": 1}),
        ("2020-02-03", {"1": 1}, {}, {"day": 1}),
    ]
    on_axis = sum(b["total"] for b in body["buckets"])
    assert on_axis + body["before"] + body["after"] == body["stated"] + body["window"]


def test_full_axis_keeps_every_dated_event(dated_client: TestClient) -> None:
    body = _timeline(dated_client, axis="full")
    assert (body["first"], body["last"], body["before"], body["after"]) == (
        "1948-05-14",
        "2020-02-03",
        0,
        0,
    )
    assert body["interval"] == "year"
    assert [b["start"] for b in body["buckets"]] == ["1948-01-01", "2019-01-01", "2020-01-01"]
    assert body["buckets"][-1]["stated"] == {"1": 2, "2": 1}
    assert body["buckets"][-1]["window"] == {"4": 1}


def test_a_chosen_interval_is_kept(dated_client: TestClient) -> None:
    body = _timeline(dated_client, interval="month")
    assert body["interval"] == "month"
    assert [b["start"] for b in body["buckets"]] == [
        "2019-01-01",
        "2019-12-01",
        "2020-01-01",
        "2020-02-01",
    ]


def test_january_inside_and_overlapping(dated_client: TestClient) -> None:
    january = {"since": "2020-01-01", "until": "2020-01-31"}
    inside = _timeline(dated_client, **january)
    assert (inside["stated"], inside["window"], inside["undated"]) == (1, 1, 0)
    assert (inside["first"], inside["last"], inside["interval"]) == (
        "2020-01-10",
        "2020-01-15",
        "day",
    )
    assert _bars(inside) == [
        ("2020-01-10", {}, {"4": 1}, {"window": 1}),
        ("2020-01-15", {"1": 1}, {}, {"day": 1}),
    ]

    overlapping = _timeline(dated_client, **january, overlap="true")
    assert (overlapping["stated"], overlapping["window"], overlapping["undated"]) == (3, 2, 0)
    # Of five events, the 2019-2021 range starts a year before the rest: off the axis.
    assert (overlapping["first"], overlapping["before"]) == ("2019-12-28", 1)


def test_precision_filter_empties_a_class(dated_client: TestClient) -> None:
    windows = _timeline(dated_client, precision="window")
    assert (windows["stated"], windows["window"], windows["undated"]) == (0, 2, 0)
    assert all(not b["stated"] for b in windows["buckets"])
    undated = _timeline(dated_client, precision="undated")
    assert (undated["buckets"], undated["first"], undated["undated"]) == ([], None, 1)


def test_events_carry_their_precision(dated_client: TestClient, dated_corpus: Any) -> None:
    response = dated_client.get("/api/events", params={"limit": 50, "status": "all"})
    assert response.status_code == 200
    by_id = {record["id"]: record["date_precision"] for record in response.json()["events"]}
    assert by_id == {
        event.id: event.date.granularity if event.date else None
        for event in dated_corpus.events.values()
    }


def test_events_and_summary_read_dates_the_same_way(
    dated_client: TestClient, dated_corpus: Any
) -> None:
    january = {"since": "2020-01-01", "until": "2020-01-31"}
    for overlap, expected in (
        ("false", {"day", "window"}),
        ("true", {"day", "year", "range", "window", "straddling"}),
    ):
        params = {**january, "overlap": overlap}
        events = dated_client.get("/api/events", params=params).json()
        assert {r["id"] for r in events["events"]} == dated_corpus.ids(*expected)
        summary = dated_client.get("/api/summary", params=params).json()
        assert summary["events"] == len(expected)


def test_contradictory_dates_are_422_with_a_reason(dated_client: TestClient) -> None:
    response = dated_client.get(
        "/api/timeline", params={"since": "2020-02-01", "until": "2020-01-31"}
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "since (2020-02-01) is after until (2020-01-31): no event lies in that window"
    }
