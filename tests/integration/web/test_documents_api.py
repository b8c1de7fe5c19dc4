"""GET /api/documents/{id} with its spans, and POST /api/documents: token, size cap, ingest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

AUTH = {"Authorization": "Bearer test-token"}  # the `sample` fixture's token
ARTICLE = {
    "id": "posted-1",
    "title": "Envoys to meet",
    "published": "2022-05-31",
    "source": "Test",
    "url": None,
    "text": (
        "SEOUL - South Korean President Yoon Suk Yeol will meet Japanese Prime Minister Fumio "
        "Kishida in Tokyo on Friday. North Korea fired a ballistic missile on Wednesday."
    ),
}


def test_document_has_text_events_and_spans(client: TestClient, sample: Any) -> None:
    korea = sample.korea_text
    response = client.get("/api/documents/kh-1")
    assert response.status_code == 200
    body = response.json()
    assert body["text"] == korea
    assert body["title"] == "Envoys to meet" and body["published"] == "2022-05-31"
    assert [e["event"] for e in body["events"]] == ["CONSULT", "MOBILIZE", "ACCUSE"]
    for record in body["events"]:
        evidence = record["evidence"]
        assert korea[evidence["start"] : evidence["end"]] == record["text"]
        for entity in record["actor"] + record["recipient"]:
            if entity.get("span"):
                assert korea[entity["span"]["start"] : entity["span"]["end"]] == entity["text"]
    consult = body["events"][0]
    assert [(a["text"], a["span"]) for a in consult["actor"]] == [
        ("Kim Gunn", {"start": 8, "end": 16}),
        ("Sung Kim", {"start": 27, "end": 35}),
    ]


def test_unknown_document_is_404(client: TestClient) -> None:
    assert client.get("/api/documents/nope").status_code == 404


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "test-token"},
        {"Authorization": "Basic dGVzdC10b2tlbg=="},
    ],
)
def test_post_without_the_token_is_401(writable: TestClient, headers: dict[str, str]) -> None:
    response = writable.post("/api/documents", json=[ARTICLE], headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/documents/posted-1").status_code == 404


def test_oversized_body_is_413(writable: TestClient) -> None:
    big = [{**ARTICLE, "id": f"big-{i}", "text": "word " * 50_000} for i in range(5)]
    response = writable.post("/api/documents", json=big, headers=AUTH)
    assert response.status_code == 413
    assert "over 1000000 bytes" in response.json()["detail"]


def test_oversized_body_without_a_length_is_413(writable: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"["
        for i in range(30):
            yield json.dumps({**ARTICLE, "id": f"c{i}", "text": "x" * 50_000}).encode() + b","
        yield b"{}]"

    response = writable.post(
        "/api/documents",
        content=chunks(),
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_post_validates_the_body(writable: TestClient) -> None:
    for body in ([{"id": "x"}], [{"text": "no id"}], {"id": "x", "text": "not a list"}):
        assert writable.post("/api/documents", json=body, headers=AUTH).status_code == 422
    twice = [ARTICLE, ARTICLE]
    response = writable.post("/api/documents", json=twice, headers=AUTH)
    assert response.status_code == 422
    assert "unique" in response.json()["detail"]


def test_post_codes_and_stores_with_the_real_pipeline(writable: TestClient) -> None:
    response = writable.post("/api/documents", json=[ARTICLE], headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["documents"][0]["id"] == "posted-1"
    assert body["documents"][0]["outcome"] == "new"
    assert body["events"] == body["documents"][0]["events"] > 0

    stored = writable.get("/api/documents/posted-1").json()
    assert stored["text"] == ARTICLE["text"] and stored["published"] == "2022-05-31"
    assert {e["event"] for e in stored["events"]} >= {"CONSULT", "MOBILIZE"}
    for record in stored["events"]:
        start, end = record["evidence"]["start"], record["evidence"]["end"]
        assert ARTICLE["text"][start:end].strip()
    assert (
        writable.get("/api/events", params={"q": "Kishida", "status": "all"}).json()["total"] >= 1
    )

    again = writable.post("/api/documents", json=[ARTICLE], headers=AUTH).json()
    assert again["documents"][0]["outcome"] == "unchanged"
    assert again["events"] == 0
