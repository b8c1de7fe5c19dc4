"""What stands in front of every answer: the Host allow-list, the security headers, and
clear 4xx answers for values a handler could not use (never a 500)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley.web import Settings, create_app

AUTH = {"Authorization": "Bearer test-token"}  # the `sample` fixture's token


@pytest.mark.parametrize("path", ["/", "/api/summary", "/docs", "/static/js/main.js", "/nope"])
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST."]
)
def test_the_names_of_this_machine_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/summary", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_any_other_host_is_refused(client: TestClient, host: str) -> None:
    # A page elsewhere whose name points at 127.0.0.1 (DNS rebinding) cannot read the store.
    response = client.get("/api/summary", headers={"Host": host})
    assert response.status_code == 400
    assert "is not allowed" in response.json()["detail"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_allowed_hosts_are_configurable(store_path: Path) -> None:
    app = create_app(store_path, Settings(allowed_hosts=("news.example",)))
    with TestClient(app, base_url="http://news.example") as named:
        assert named.get("/api/health").status_code == 200
        assert named.get("/api/health", headers={"Host": "localhost"}).status_code == 400
    with TestClient(create_app(store_path, Settings(allowed_hosts=("*",)))) as anything:
        assert anything.get("/api/health", headers={"Host": "any.example"}).status_code == 200


def test_a_huge_offset_is_a_422(client: TestClient) -> None:
    for offset in ("9223372036854775808", "1000000001", "-1"):
        response = client.get("/api/events", params={"offset": offset})
        assert response.status_code == 422, (offset, response.text)
        assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("field", ["id", "text", "title", "source"])
def test_a_lone_surrogate_in_a_posted_document_is_a_422(writable: TestClient, field: str) -> None:
    document: dict[str, Any] = {"id": "s-1", "text": "Envoys met in Seoul on Friday."}
    document[field] = document.get(field, "") + "\ud800"
    body = json.dumps([document], ensure_ascii=True).encode()  # the surrogate as \ud800
    response = writable.post(
        "/api/documents", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", 0, field]
    assert writable.get("/api/documents/s-1").status_code == 404
