"""GET /api/events and /api/events/{id}: the record shape, every filter, paging, bad input."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley.web.schemas import EventPublic


def _events(client: TestClient, **params: Any) -> dict[str, Any]:
    """The events of `params`, of every status unless `status` is given."""
    params.setdefault("status", "all")
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _categories(body: dict[str, Any]) -> list[str]:
    return [record["event"] for record in body["events"]]


def test_lists_every_event_as_the_record_of_the_spec(client: TestClient, sample: Any) -> None:
    body = _events(client)
    assert body["total"] == 7 and body["limit"] == 50 and body["offset"] == 0
    expected = {e.id: e.to_dict() for e in sample.events}
    for record in body["events"]:
        assert EventPublic.model_validate(record).id in expected
        stored = {**expected[record["id"]], "cluster_id": record["id"], "source_count": 1}
        assert record == EventPublic.model_validate(stored).model_dump(mode="json")


def test_orders_by_date_with_undated_last(client: TestClient) -> None:
    dates = [record["date"] for record in _events(client)["events"]]
    assert dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"event": "CONSULT"}, ["CONSULT", "CONSULT"]),
        ({"event": "consult"}, ["CONSULT", "CONSULT"]),
        ({"actor": "UKR"}, ["REQUEST"]),
        ({"recipient": "ukr"}, ["ASSAULT", "AID"]),
        ({"actor": "UNSC"}, ["ACCUSE"]),
        ({"status": "planned"}, ["AID", "CONSULT"]),
        ({"since": "2022-05-26"}, ["ACCUSE", "CONSULT"]),
        ({"until": "2022-02-25"}, ["ASSAULT", "REQUEST"]),
        ({"since": "2022-03-15", "until": "2022-03-20"}, []),
        ({"since": "2022-03-15", "until": "2022-03-20", "overlap": "true"}, ["AID"]),
        ({"since": "2022-03-01", "until": "2022-03-31"}, ["AID"]),
        ({"since": "2022-03-01", "overlap": "false"}, ["AID", "MOBILIZE", "ACCUSE", "CONSULT"]),
        ({"precision": "day", "status": "planned"}, ["AID", "CONSULT"]),
        ({"precision": "undated"}, ["CONSULT"]),
        ({"q": "MISSILE"}, ["MOBILIZE"]),
        ({"q": "officials said"}, ["CONSULT"]),
        ({"event": "CONSULT", "status": "hypothetical"}, ["CONSULT"]),
        ({"event": "", "actor": ""}, None),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected: list[str] | None) -> None:
    body = _events(client, **params)
    if expected is None:  # empty values, as an unset form field sends them, do not filter
        assert body["total"] == 7
        return
    assert _categories(body) == expected
    assert body["total"] == len(expected)


def test_pages_cover_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 9, 3):
        body = _events(client, limit=3, offset=offset)
        assert body["total"] == 7 and body["limit"] == 3 and body["offset"] == offset
        seen += [record["id"] for record in body["events"]]
    assert seen == [record["id"] for record in _events(client)["events"]]
    assert _events(client, offset=100)["events"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"status": "rumoured"},
        {"since": "last week"},
        {"until": "2022-13-01"},
        {"since": "2022-03-02", "until": "2022-03-01"},
        {"precision": "fortnight"},
        {"overlap": "maybe"},
        {"q": "x" * 201},
    ],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "'; DROP TABLE events; --"},
        {"q": "Drop table events; --"},
        {"q": "%"},
        {"q": "_"},
    ],
)
def test_sql_in_a_query_string_is_just_a_string(client: TestClient, params: dict[str, str]) -> None:
    body = _events(client, **params)
    if params.get("q") == "Drop table events; --":
        assert _categories(body) == ["CONSULT"]  # the one evidence that contains those words
    else:
        assert body["events"] == [] and body["total"] == 0
    assert _events(client)["total"] == 7


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "USA' OR '1'='1"},
        {"event": "CONSULT' OR 1=1 --"},
        {"recipient": 'x") OR (1=1'},
    ],
)
def test_sql_in_a_code_is_an_unknown_value(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    ((name, value),) = params.items()
    assert response.json()["detail"].startswith(f"unknown {name} ")
    assert _events(client)["total"] == 7


def test_one_event_by_id(client: TestClient, sample: Any) -> None:
    wanted = sample.events[3]
    response = client.get(f"/api/events/{wanted.id}")
    assert response.status_code == 200
    assert response.json()["text"] == wanted.text
    assert response.json()["evidence"] == {
        "start": wanted.evidence.start,
        "end": wanted.evidence.end,
    }


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/' OR 1=1 --")
    assert response.status_code == 404
    assert response.json() == {"detail": 'no event "\' OR 1=1 --"'}
