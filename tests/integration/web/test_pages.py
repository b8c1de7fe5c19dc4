"""The HTML side: the dashboard and its assets, the offline /docs, OpenAPI, the factory and
`parley serve`'s own checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import parley.web.app
from parley.cli.app import app as cli
from parley.web.settings import TOKEN_ENV, resolve_token

STATIC = Path(parley.web.app.__file__).parent / "static"
ENDPOINTS = {
    ("get", "/api/events"),
    ("get", "/api/events/{event_id}"),
    ("get", "/api/events/{event_id}/detail"),
    ("get", "/api/agenda"),
    ("get", "/api/export"),
    ("get", "/api/documents/{doc_id}"),
    ("post", "/api/documents"),
    ("get", "/api/actors"),
    ("get", "/api/timeline"),
    ("get", "/api/network"),
    ("get", "/api/places"),
    ("get", "/api/summary"),
    ("get", "/api/world"),
    ("get", "/api/health"),
}


def test_dashboard_page_and_its_assets(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/js/main.js" in assets and "/static/css/dashboard.css" in assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    for module in (STATIC / "js").glob("*.js"):
        assert client.get(f"/static/js/{module.name}").status_code == 200


def test_nothing_is_fetched_from_another_host() -> None:
    """Offline means no CDN: no asset names a host; links out are only the document's url."""
    for path in STATIC.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(?:src|href)=\"(?:https?:)?//", text), path
            assert not re.search(r"(?:import|fetch)\s*\(?\s*[\"'](?:https?:)?//", text), path


def test_docs_page_is_offline_and_lists_every_endpoint(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "swagger" not in page.text.lower() and "cdn" not in page.text.lower()
    for method, path in ENDPOINTS:
        assert f'<span class="method {method}">{method.upper()}</span>' in page.text
        assert path.replace("{", "").replace("}", "") in page.text.replace("{", "").replace("}", "")
    assert "bearer token" in page.text
    assert client.get("/redoc").status_code == 404


def test_openapi_documents_typed_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operations = {(method, path) for path, item in spec["paths"].items() for method in item}
    assert operations == ENDPOINTS
    schemas = spec["components"]["schemas"]
    for name in (
        "EventPublic",
        "EventsPublic",
        "DocumentPublic",
        "ActorsPublic",
        "TimelinePublic",
        "NetworkPublic",
        "PlacesPublic",
        "IngestPublic",
    ):
        assert name in schemas
    events = spec["paths"]["/api/events"]["get"]
    assert events["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/EventsPublic"
    }
    assert {p["name"] for p in events["parameters"]} == {
        "event",
        "actor",
        "recipient",
        "party",
        "between",
        "country",
        "sort",
        "status",
        "since",
        "until",
        "overlap",
        "precision",
        "q",
        "limit",
        "offset",
    }
    post = spec["paths"]["/api/documents"]["post"]
    assert post["security"] and {"401", "413"} <= set(post["responses"])


def test_no_app_is_built_at_import() -> None:
    assert not any(type(value).__name__ == "FastAPI" for value in vars(parley.web.app).values())


def test_token_comes_from_the_option_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert resolve_token("given") == ("given", "option")
    assert resolve_token(None) == ("from-env", "environment")
    monkeypatch.delenv(TOKEN_ENV)
    token, origin = resolve_token(None)
    assert origin == "generated" and len(token) >= 24
    assert resolve_token(None)[0] != token


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    result = CliRunner().invoke(cli, ["serve", "--db", str(missing)])
    assert result.exit_code != 0
    assert isinstance(result.exception, Exception)
    assert "does not exist" in str(result.exception)
    assert not missing.exists()


def test_serve_help_names_its_options() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--dictionaries"):
        assert option in result.output
