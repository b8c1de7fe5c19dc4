"""The analyst's workflow through the API (issue 16), on the real `analyst_corpus` store of
tests/conftest.py: the filters of `parley query` with their loud errors, what happened apart
from what did not, the agenda, one event in full, and exports that name their sources."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from parley.web import Settings, create_app


@pytest.fixture(scope="module")
def api(analyst_corpus: Any) -> Iterator[TestClient]:
    app = create_app(analyst_corpus.path, Settings(token="t"))
    with TestClient(app, base_url="http://localhost") as client:
        yield client


def _get(api: TestClient, path: str, **params: Any) -> Any:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _ids(body: dict[str, Any]) -> list[str]:
    return [record["id"] for record in body["events"]]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"event": "PROTESTS"}, "unknown event 'PROTESTS'; did you mean PROTEST?"),
        ({"status": "happened"}, "unknown status 'happened'"),
        ({"actor": "Trump"}, "did you mean USA (Donald Trump)"),
        ({"party": "Iran"}, "unknown party 'IRAN'"),
        ({"between": "USA,USA"}, "two different parties"),
        ({"sort": "newest"}, "sort"),
    ],
)
@pytest.mark.parametrize("path", ["/api/events", "/api/timeline", "/api/actors", "/api/export"])
def test_a_value_that_names_nothing_is_a_422(
    api: TestClient, path: str, params: dict[str, str], words: str
) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 422
    assert words in str(response.json()["detail"])


def test_filters_read_as_on_the_command_line(api: TestClient, analyst_corpus: Any) -> None:
    ids = analyst_corpus.ids
    assert _ids(_get(api, "/api/events", event="consult")) == ids("call", "meeting")
    either = _get(api, "/api/events", actor=["irn", "tur"])
    assert _ids(either) == ids("detentions", "call", "meeting", "accusation")
    assert _ids(_get(api, "/api/events", actor="IRN,TUR")) == _ids(either)
    between = _get(api, "/api/events", between="USA,TUR", event="CONSULT", sort="-date")
    assert _ids(between) == ids("meeting", "call")
    assert _ids(_get(api, "/api/events", country="TUR")) == ids("detentions")
    plans = _get(api, "/api/events", status="planned")
    assert _ids(plans) == ids("plan", "deal")
    assert _get(api, "/api/events", status="all")["total"] == len(analyst_corpus.events)


def test_events_carry_their_source_count(api: TestClient) -> None:
    for record in _get(api, "/api/events")["events"]:
        assert record["source_count"] == 1 and record["cluster_id"]


def test_summary_counts_each_status_whatever_the_filter(api: TestClient) -> None:
    body = _get(api, "/api/summary")
    assert body["events"] == 5
    assert body["by_status"] == {"occurred": 5, "planned": 2, "negated": 1}


def test_actor_counts_match_the_filters_that_find_them(api: TestClient) -> None:
    """The actor list said "USA · 310" while the filter found 295."""
    for actor in _get(api, "/api/actors")["actors"]:
        assert _get(api, "/api/events", party=actor["id"])["total"] == actor["events"]
        assert _get(api, "/api/events", actor=actor["id"])["total"] == actor["as_actor"]
        assert _get(api, "/api/events", recipient=actor["id"])["total"] == actor["as_recipient"]


def test_network_keeps_self_loops(api: TestClient) -> None:
    edges = {(e["source"], e["target"]) for e in _get(api, "/api/network")["edges"]}
    assert ("TUR", "TUR") in edges


def test_places_count_what_the_map_can_place(api: TestClient) -> None:
    body = _get(api, "/api/places")
    assert (body["located"], body["total"]) == (2, 5)


def test_agenda(api: TestClient, analyst_corpus: Any) -> None:
    body = _get(api, "/api/agenda")
    assert body["as_of"] == "2020-06-01"
    items = [(i["event"]["id"], i["state"], i["stated"]) for i in body["items"]]
    assert items == [
        (analyst_corpus.events["plan"].id, "occurred", True),
        (analyst_corpus.events["deal"].id, "overdue", True),
    ]
    assert body["items"][0]["occurrence"]["id"] == analyst_corpus.events["meeting"].id
    early = _get(api, "/api/agenda", as_of="2020-03-01")
    assert [i["state"] for i in early["items"]] == ["occurred", "upcoming"]


def test_event_detail(api: TestClient, analyst_corpus: Any) -> None:
    plan = analyst_corpus.events["plan"]
    body = _get(api, f"/api/events/{plan.id}/detail")
    assert body["event"]["id"] == plan.id and body["event"]["source_count"] == 1
    assert body["document"]["url"] == "https://news.example/talks"
    assert [r["event"]["id"] for r in body["outcomes"]] == [analyst_corpus.events["meeting"].id]
    assert len(body["siblings"]) == 3
    assert api.get("/api/events/nothing/detail").status_code == 404


def test_export_the_selection_with_its_sources(api: TestClient, analyst_corpus: Any) -> None:
    """The dashboard could not export; exports had no URL, title or publication date."""
    response = api.get("/api/export", params={"format": "csv", "party": "IRN"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "parley-events.csv" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in rows] == analyst_corpus.ids("accusation", "sanctions")
    assert {row["source_url"] for row in rows} == {
        "https://news.example/meeting",
        "https://news.example/late",
    }
    assert all(row["published"] and row["source_title"] for row in rows)


def test_export_parquet_and_dyadic(api: TestClient, analyst_corpus: Any, tmp_path: Any) -> None:
    response = api.get(
        "/api/export", params={"format": "parquet", "dyadic": "true", "status": "all"}
    )
    assert response.status_code == 200
    path = tmp_path / "dyads.parquet"
    path.write_bytes(response.content)
    conn = duckdb.connect()
    try:
        rows = conn.execute(
            "SELECT event_id, goldstein, status FROM read_parquet(?)", [str(path)]
        ).fetchall()
    finally:
        conn.close()
    negated = analyst_corpus.events["no_concession"].id
    assert [(g, s) for i, g, s in rows if i == negated] == [(None, "negated")]
    assert len({i for i, _, _ in rows}) == len(analyst_corpus.events)
