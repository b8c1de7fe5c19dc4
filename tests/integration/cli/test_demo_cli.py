"""`parley demo` and the first things a new user types: `parley --help`."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _demo(parley, db: Path) -> str:
    """Run `parley demo --db DB --no-serve`; its stderr (the ingest summary)."""
    result = parley.invoke("demo", "--db", db, "--no-serve")
    parley.assert_clean(result, 0)
    assert any(category in result.stdout for category in parley.CATEGORIES), result.stdout
    assert "parley query" in parley.words(result.stderr)
    return result.stderr


def _stored_ids(parley, db: Path) -> list[str]:
    result = parley.invoke("query", "--db", db, "--format", "jsonl", "--status", "all")
    parley.assert_clean(result, 0)
    records = parley.jsonl(result.stdout)
    for record in records:
        parley.check_record(record)
    return parley.ids(records)


def test_demo_creates_the_store(parley, workdir: Path) -> None:
    db = Path("tmp", "demo.duckdb")
    _demo(parley, db)
    assert db.is_file()
    ids = _stored_ids(parley, db)
    assert ids, "the demo stored no events"
    assert len(set(ids)) == len(ids)


def test_demo_twice_does_not_duplicate(parley, workdir: Path) -> None:
    db = Path("tmp", "demo.duckdb")
    _demo(parley, db)
    before = _stored_ids(parley, db)
    summary = _demo(parley, db)
    assert "0 new, 0 updated" in parley.words(summary), summary
    assert _stored_ids(parley, db) == before


def test_module_help_lists_the_commands(parley) -> None:
    done = parley.module("--help")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for command in ("extract", "ingest", "query", "eval", "demo"):
        assert command in done.stdout, command


def test_no_command_shows_help(parley) -> None:
    result = parley.invoke()
    assert "Traceback" not in result.output
    assert "extract" in result.output and "demo" in result.output
