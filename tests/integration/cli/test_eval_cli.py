"""`parley eval`: answer keys and the PLOVER gold-standard records, as JSON and as tables.

Scores are only checked to be well-formed figures in 0..1; their values move as the coder
is tuned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parley.errors import ParleyError


@pytest.fixture(scope="session")
def herald_key(shared: Path) -> Path:
    key = shared / "gold" / "dev" / "korea-herald-2022-05-31.json"
    if not key.is_file():
        pytest.skip(f"{key} is missing")
    return key


def _share(value: Any) -> bool:
    return isinstance(value, int | float) and 0.0 <= value <= 1.0


def test_eval_json_has_documents_and_total(parley, herald_key: Path) -> None:
    result = parley.invoke("eval", herald_key, "--json")
    parley.assert_clean(result, 0)
    figures = json.loads(result.stdout)
    assert isinstance(figures["documents"], list) and len(figures["documents"]) == 1
    assert figures["documents"][0]["doc_id"] == "korea-herald-2022-05-31"
    total = figures["total"]
    assert total["documents"] == 1
    for name in ("precision", "recall", "f1", "strict_f1"):
        assert _share(total[name]), (name, total[name])
        assert _share(figures["documents"][0][name]), name
    assert total["strict_f1"] <= total["f1"] + 1e-9


def test_eval_table(parley, herald_key: Path) -> None:
    result = parley.invoke("eval", herald_key)  # 80 columns
    parley.assert_clean(result, 0)
    assert "total" in result.stdout
    assert "strict" in result.stdout
    assert "korea-herald-2022-05-31" in result.stdout  # the whole id, not "korea-he…"


def test_eval_gsr_json(parley, shared: Path) -> None:
    records = shared / "gold" / "plover-gsr" / "dev.jsonl"
    if not records.is_file():
        pytest.skip(f"{records} is missing")
    result = parley.invoke("eval", "--gsr", records, "--json")
    parley.assert_clean(result, 0)
    figures = json.loads(result.stdout)
    assert figures["n"] == 179
    assert _share(figures["category_share"])
    assert _share(figures["category_and_parties_share"])
    assert figures["category_and_parties_share"] <= figures["category_share"]


def test_eval_without_keys_is_a_usage_error(parley) -> None:
    result = parley.invoke("eval")
    parley.assert_clean(result, 2)
    assert "--gsr" in parley.words(result.stderr)


def test_eval_missing_gsr_file_is_a_usage_error(parley, tmp_path: Path) -> None:
    result = parley.invoke("eval", "--gsr", tmp_path / "none.jsonl")
    parley.assert_clean(result, 2)
    assert "none.jsonl" in parley.squashed(result.stderr)


def test_invalid_key_raises_an_error_naming_the_file(parley, tmp_path: Path) -> None:
    """Through the app (no entry point) the error reaches the caller as a ParleyError,
    which `main` turns into one line and exit code 2."""
    key = tmp_path / "wrong-category.json"
    event = {"id": "g1", "required": True, "type": "MEET", "status": "planned"}
    key.write_text(
        json.dumps({"doc": {"id": "d", "text": "Kim met Kim."}, "events": [event]}),
        encoding="utf-8",
    )
    result = parley.invoke("eval", key)
    assert isinstance(result.exception, ParleyError), repr(result.exception)
    assert str(key) in str(result.exception)


def test_malformed_key_is_one_line_and_exit_two(parley, tmp_path: Path) -> None:
    key = tmp_path / "malformed-key.json"
    key.write_text('{"doc": {"id": "x", ', encoding="utf-8")
    done = parley.module("eval", key)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error")]
    assert len(errors) == 1, done.stderr
    assert "malformed-key.json" in parley.squashed(done.stderr)
    assert "JSON" in parley.words(done.stderr)
