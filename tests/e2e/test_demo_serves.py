"""The README's first command ends by serving the dashboard on the demo store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx


def test_demo_codes_the_corpus_then_serves_the_dashboard(
    tmp_path: Path, start_server: Callable[..., str]
) -> None:
    log = tmp_path / "demo.log"
    base = start_server("demo", "--db", tmp_path / "demo.duckdb", log=log)
    assert f"{base}/" in log.read_text()
    assert httpx.get(f"{base}/api/summary").json()["events"] > 0
    assert "<html" in httpx.get(f"{base}/").text.lower()
