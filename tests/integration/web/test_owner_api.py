"""The owner API the command line uses while a server holds its store: the same answers as
the store's own calls, and nothing for anyone without the owner's key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parley.remote import OWNER_HEADER, ROWS_HEADER
from parley.store import EventFilter, StatsBy, Store
from parley.web import Settings, create_app
from parley.web.jobs import Job
from parley.web.owner import Busy, StoreOwner
from parley.wire import decode, encode

KEY = {OWNER_HEADER: "owner-key"}


@pytest.fixture(scope="module")
def owned(store_path: Path) -> Iterator[TestClient]:
    app = create_app(store_path, Settings(owner_key="owner-key"))
    with TestClient(app, base_url="http://localhost") as client:
        yield client


@pytest.mark.parametrize("headers", [{}, {OWNER_HEADER: "wrong"}])
def test_the_owner_api_needs_the_owner_key(owned: TestClient, headers: dict[str, str]) -> None:
    for method, path in (("GET", "/api/owner"), ("POST", "/api/owner/read")):
        response = owned.request(method, path, headers=headers, json={})
        assert response.status_code == 403, (path, response.text)


def test_a_server_without_a_key_has_no_owner_api(client: TestClient) -> None:
    assert client.get("/api/owner", headers=KEY).status_code == 403


def test_the_owner_api_is_not_in_the_public_reference(owned: TestClient) -> None:
    assert not any(
        path.startswith("/api/owner") for path in owned.get("/openapi.json").json()["paths"]
    )


def _read(client: TestClient, method: str, *args: object) -> object:
    body = {"method": method, "args": encode(list(args)), "kwargs": {}}
    response = client.post("/api/owner/read", headers=KEY, json=body)
    assert response.status_code == 200, response.text
    return decode(response.json()["value"])


def test_reads_answer_what_the_store_itself_answers(owned: TestClient, store_path: Path) -> None:
    filters = EventFilter(event="CONSULT", since=date(2022, 1, 1), precision=("day",))
    with Store.open(store_path) as store:
        events = store.sourced_events(filters)
        stats = store.stats(StatsBy.category, EventFilter())
        detail = store.event_detail(events[0].event.id)
        people = store.people(None, 5)
    assert _read(owned, "sourced_events", filters) == events
    assert _read(owned, "stats", StatsBy.category, EventFilter()) == stats
    assert _read(owned, "event_detail", events[0].event.id) == detail
    assert _read(owned, "people", None, 5) == people


def test_an_export_is_sent_whole_with_its_row_count(owned: TestClient) -> None:
    response = owned.post(
        "/api/owner/export",
        headers=KEY,
        json={"filter": encode(EventFilter()), "format": "jsonl", "dyadic": False},
    )
    assert response.status_code == 200
    assert len(response.text.splitlines()) == int(response.headers[ROWS_HEADER]) == 7


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/owner/read", {"method": "execute", "args": ["DROP TABLE events"]}),
        ("/api/owner/read", {"method": "query_events", "args": [{"$type": "Store", "value": {}}]}),
        ("/api/owner/read", {"method": "query_events", "args": [{"$date": "yesterday"}]}),
        ("/api/owner/read", {"method": "stats", "args": [{"$enum": "StatsBy", "value": "colour"}]}),
        ("/api/owner/read", {"method": "count_events", "args": [], "kwargs": {"colour": 1}}),
        ("/api/owner/export", {"filter": {"$type": "EventFilter", "value": {"colour": "red"}}}),
        ("/api/owner/export", {"filter": encode(EventFilter()), "format": "docx"}),
        ("/api/owner/ingest", {"paths": ["relative/news.jsonl"]}),
        ("/api/owner/ingest", {"paths": "/not/a/list"}),
        ("/api/owner/ingest", {"paths": ["/news.jsonl"], "max_record_bytes": 0}),
        ("/api/owner/ingest", {"paths": ["/news.jsonl"], "published": "last Friday"}),
    ],
)
def test_bad_requests_are_422s(owned: TestClient, path: str, body: dict[str, object]) -> None:
    assert owned.post(path, headers=KEY, json=body).status_code == 422


def test_an_unknown_job_is_a_404(owned: TestClient) -> None:
    assert owned.get("/api/owner/jobs/nope", headers=KEY).status_code == 404
    assert owned.delete("/api/owner/jobs/nope", headers=KEY).status_code == 404


def test_a_full_queue_is_busy_not_a_pile_up(store_path: Path) -> None:
    owner = StoreOwner(store_path, Settings(queue_size=1), print)  # not started: nothing runs
    owner.submit(Job("first", lambda: []))
    with pytest.raises(Busy, match="busy"):
        owner.submit(Job("second", lambda: []))
    owner.halt()
    with pytest.raises(Busy, match="stopping"):
        owner.submit(Job("third", lambda: []))
