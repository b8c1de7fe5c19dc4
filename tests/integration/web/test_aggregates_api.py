"""The dashboard's aggregates: actors, timeline, network, places, summary, world, health."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient


def _get(client: TestClient, path: str, **params: Any) -> Any:
    """The answer to `path` over events of every status unless `status` is given."""
    params.setdefault("status", "all")
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_actors_count_events_by_role(client: TestClient) -> None:
    actors = {a["id"]: a for a in _get(client, "/api/actors")["actors"]}
    assert actors["UKR"] == {
        "id": "UKR",
        "name": "Ukraine",
        "kind": "country",
        "events": 3,
        "as_actor": 1,
        "as_recipient": 2,
    }
    assert actors["UNSC"]["kind"] == "org" and actors["UNSC"]["as_actor"] == 1
    assert actors["USA"]["events"] == 2
    ordered = [a["events"] for a in actors.values()]
    assert ordered == sorted(ordered, reverse=True)


def test_actors_follow_the_filters(client: TestClient) -> None:
    actors = _get(client, "/api/actors", event="ASSAULT")["actors"]
    assert {a["id"] for a in actors} == {"RUS", "UKR"}
    assert len(_get(client, "/api/actors", limit=2)["actors"]) == 2


def test_timeline_by_quad_per_month(client: TestClient) -> None:
    body = _get(client, "/api/timeline", interval="month", by="quad")
    assert [s["key"] for s in body["series"]] == ["1", "2", "3", "4"]
    assert (body["stated"], body["window"], body["undated"]) == (6, 0, 1)
    assert (body["first"], body["last"], body["before"], body["after"]) == (
        "2022-02-24",
        "2022-06-03",
        0,
        0,
    )
    assert [(b["start"], b["stated"], b["window"], b["total"]) for b in body["buckets"]] == [
        ("2022-02-01", {"3": 1, "4": 1}, {}, 2),
        ("2022-03-01", {"2": 1}, {}, 1),
        ("2022-05-01", {"3": 1, "4": 1}, {}, 2),
        ("2022-06-01", {"1": 1}, {}, 1),
    ]
    assert all(b["precision"] == {"day": b["total"]} for b in body["buckets"])


def test_timeline_by_category_per_week_and_day(client: TestClient) -> None:
    weeks = _get(client, "/api/timeline", interval="week", by="category")
    assert weeks["buckets"][0] == {
        "start": "2022-02-21",  # the Monday of Thursday 24 February
        "total": 2,
        "stated": {"ASSAULT": 1, "REQUEST": 1},
        "window": {},
        "precision": {"day": 2},
    }
    assert weeks["series"][0] == {"key": "AGREE", "label": "AGREE"}
    days = _get(client, "/api/timeline", interval="day", by="category", actor="RUS")
    assert [(b["start"], b["stated"]) for b in days["buckets"]] == [("2022-02-24", {"ASSAULT": 1})]
    assert days["undated"] == 0


def test_timeline_chooses_its_bars_from_the_span(client: TestClient) -> None:
    assert _get(client, "/api/timeline")["interval"] == "day"  # 24 Feb to 3 June: 99 days


@pytest.mark.parametrize(
    "params", [{"interval": "decade"}, {"by": "actor"}, {"axis": "everything"}]
)
def test_timeline_rejects_unknown_options(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/api/timeline", params=params).status_code == 422


def test_network_has_directed_and_joint_dyads(client: TestClient) -> None:
    body = _get(client, "/api/network")
    edges = {(e["source"], e["target"], e["directed"]): e for e in body["edges"]}
    assert set(edges) == {
        ("UNSC", "PRK", True),
        ("RUS", "UKR", True),
        ("UKR", "NATO", True),
        ("DEU", "UKR", True),
        ("KOR", "USA", False),
        ("CHN", "USA", False),
    }
    assert edges["RUS", "UKR", True]["weight"] == 1 and edges["RUS", "UKR", True]["conflict"] == 1
    assert edges["DEU", "UKR", True]["conflict"] == 0
    nodes = {n["id"]: n for n in body["nodes"]}
    assert (
        nodes["UKR"]["events"] == 3
        and nodes["NATO"]["name"] == "North Atlantic Treaty Organization"
    )


def test_network_keeps_the_most_involved_parties(client: TestClient) -> None:
    body = _get(client, "/api/network", limit=2)
    kept = {n["id"] for n in body["nodes"]}
    assert len(kept) == 2 and "UKR" in kept
    assert all(e["source"] in kept and e["target"] in kept for e in body["edges"])


def test_places_have_coordinates_and_counts(client: TestClient) -> None:
    places = _get(client, "/api/places")["places"]
    assert {(p["name"], p["country"], p["events"]) for p in places} == {
        ("Seoul", "KOR", 1),
        ("Kyiv", "UKR", 1),
    }
    kyiv = next(p for p in places if p["name"] == "Kyiv")
    assert (kyiv["lat"], kyiv["lon"], kyiv["quad_code"], kyiv["conflict"]) == (50.45, 30.523, 4, 1)
    assert _get(client, "/api/places", event="ACCUSE")["places"] == []


def test_summary(client: TestClient) -> None:
    body = _get(client, "/api/summary")
    assert (body["documents"], body["events"]) == (3, 7)
    assert (body["first_date"], body["last_date"]) == ("2022-02-24", "2022-06-03")
    assert len(body["categories"]) == 16 and "negated" in body["statuses"]
    assert _get(client, "/api/summary", status="planned")["events"] == 2


def test_world_is_geojson_with_iso3_codes(client: TestClient) -> None:
    response = client.get("/api/world")
    assert response.status_code == 200 and len(response.content) < 1_000_000
    world = response.json()
    assert world["type"] == "FeatureCollection"
    by_code = {f["properties"]["iso3"]: f for f in world["features"]}
    korea = by_code["KOR"]
    assert korea["properties"]["name"] == "South Korea"
    assert korea["geometry"]["type"] == "MultiPolygon"
    lon, lat = korea["geometry"]["coordinates"][0][0][0]
    assert 124 < lon < 131 and 33 < lat < 39


def test_health_touches_nothing(client: TestClient) -> None:
    assert _get(client, "/api/health") == {"status": "ok"}


def test_concurrent_requests_do_not_share_a_connection(client: TestClient) -> None:
    """The dashboard fires its queries at once; each must get a store of its own."""
    paths = ["/api/events", "/api/network", "/api/actors", "/api/timeline", "/api/places"] * 8
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        statuses = list(pool.map(lambda path: client.get(path).status_code, paths))
    assert statuses == [200] * len(paths)
