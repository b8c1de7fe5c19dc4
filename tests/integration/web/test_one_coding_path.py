"""One way to code: the same documents POSTed to the API and given to `parley ingest` end up
as the same events, the same cross-document clusters, the same planned→occurred link and
the same near-duplicate."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parley.cli.app import app
from parley.models import Event
from parley.store import EventFilter, Store
from parley.web import Settings, create_app

TOKEN = "test-token"
LAUNCH = (
    "SEOUL - North Korea fired a ballistic missile into the sea off its east coast on "
    "Wednesday, South Korea's military said. The launch came hours after US President Joe "
    "Biden left Asia."
)
DOCUMENTS = [
    {"id": "kr-1", "published": "2022-05-25", "source": "Herald", "text": LAUNCH},
    {
        "id": "jp-1",
        "published": "2022-05-25",
        "source": "Tokyo Daily",
        "text": "TOKYO - North Korea launched a ballistic missile on Wednesday, Japan's defence "
        "ministry said. Japan protested the launch through diplomatic channels in Beijing.",
    },
    {"id": "kr-copy", "published": "2022-05-25", "source": "Wire", "text": LAUNCH + " (AP)"},
    {
        "id": "plan-1",
        "published": "2022-05-18",
        "source": "Herald",
        "text": "SEOUL - US President Joe Biden will meet South Korean President Yoon Suk-yeol "
        "in Seoul on Saturday, officials said.",
    },
    {
        "id": "met-1",
        "published": "2022-05-21",
        "source": "Wire",
        "text": "SEOUL - US President Joe Biden met South Korean President Yoon Suk-yeol in "
        "Seoul on Saturday to discuss North Korea.",
    },
]


def _shape(path: Path) -> tuple[list[str], set[frozenset[str]], object, object]:
    """The store's events, its clusters of more than one event, its link counts and the
    near-duplicate's original."""
    with Store.open(path, read_only=True) as store:
        events: list[Event] = store.query_events(EventFilter(limit=1000))
        clusters = {
            frozenset(e.id for e in store.query_events(EventFilter(cluster=event.id)))
            for event in events
        }
        return (
            [json.dumps(e.to_dict(), sort_keys=True) for e in events],
            {c for c in clusters if len(c) > 1},
            store.link_counts(),
            store.duplicate_of("kr-copy"),
        )


def test_the_api_and_the_command_line_code_and_link_alike(tmp_path: Path) -> None:
    corpus = tmp_path / "three.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS))
    by_cli = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(by_cli), "-w", "1"])
    assert result.exit_code == 0, result.output

    by_api = tmp_path / "api.duckdb"
    Store.open(by_api).close()
    client = TestClient(create_app(by_api, Settings(token=TOKEN)), base_url="http://localhost")
    with client:
        response = client.post(
            "/api/documents", json=DOCUMENTS, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert response.status_code == 200, response.text
        assert [d["outcome"] for d in response.json()["documents"]] == [
            "new",
            "new",
            "duplicate",
            "new",
            "new",
        ]

    events, clusters, counts, duplicate = _shape(by_cli)
    assert clusters and counts.multi_source_clusters == 1  # type: ignore[attr-defined]
    assert counts.planned_links == 1 and duplicate is not None  # type: ignore[attr-defined]
    assert _shape(by_api) == (events, clusters, counts, duplicate)
