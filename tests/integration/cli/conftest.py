"""Shared fixtures of the command-line tests: invoking `parley` and checking its records.

Most tests go through Typer's CliRunner, in this process, so the spaCy pipeline is loaded
once; a few run the real entry point (`python -m parley`) for exit codes and stderr.
Helpers come as the `parley` fixture rather than as imports, so no test module depends on
which `conftest` is first on sys.path.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from parley.cli.app import app

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
HERALD = SHARED / "examples" / "korea-herald-2022-05-31.txt"

_BOX_AND_SPACE = re.compile(r"[\s│╭╮╰╯─]+")


class ParleyCli:
    """Running `parley` and checking what it prints."""

    # Written out from ../shared/spec/EVENTS.md, not imported, so the tests hold the code
    # to the spec rather than to itself.
    CATEGORIES = frozenset(
        {
            *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"),
            *("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE"),
            *("COERCE", "ASSAULT"),
        }
    )
    STATUSES = frozenset({"occurred", "planned", "failed", "hypothetical", "negated"})

    @staticmethod
    def invoke(*args: str | Path) -> Result:
        """`parley ARGS` in this process; stdout and stderr are kept apart."""
        return CliRunner().invoke(app, [str(arg) for arg in args])

    @staticmethod
    def module(
        *args: str | Path, cwd: Path | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        """`python -m parley ARGS` in a fresh interpreter: the real entry point."""
        return subprocess.run(
            [sys.executable, "-m", "parley", *(str(arg) for arg in args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            timeout=timeout,
            check=False,
        )

    @staticmethod
    def words(text: str) -> str:
        """`text` with its runs of whitespace made single spaces: undoes word wrapping."""
        return " ".join(text.split())

    @staticmethod
    def squashed(text: str) -> str:
        """`text` without whitespace or box drawing: undoes wrapping inside paths and panels."""
        return _BOX_AND_SPACE.sub("", text)

    @staticmethod
    def assert_clean(result: Result, exit_code: int) -> None:
        """The command ended with `exit_code` on purpose: no uncaught exception or traceback."""
        assert "Traceback" not in result.output, result.output
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == exit_code, result.output

    @staticmethod
    def jsonl(stdout: str) -> list[dict[str, Any]]:
        """Every non-empty line of `stdout`, each of which must be one JSON object."""
        records = []
        for line in stdout.splitlines():
            if line.strip():
                record = json.loads(line)
                assert isinstance(record, dict), line
                records.append(record)
        return records

    @staticmethod
    def document_text(path: Path) -> str:
        """A text file as Parley reads it: UTF-8, BOM dropped, line ends made "\\n"."""
        text = path.read_text(encoding="utf-8-sig")
        return text.replace("\r\n", "\n").replace("\r", "\n")

    @staticmethod
    def ids(records: Sequence[dict[str, Any]]) -> list[str]:
        return [record["id"] for record in records]

    def check_record(self, record: dict[str, Any], text: str | None = None) -> None:
        """`record` has the fields of ../shared/spec/EVENTS.md with legal values; given the
        document `text`, its evidence span is a non-empty stretch of it."""
        assert isinstance(record["id"], str) and record["id"], record
        assert isinstance(record["doc_id"], str) and record["doc_id"], record
        assert record["event"] in self.CATEGORIES, record
        assert record["status"] in self.STATUSES, record
        _check_entities(record["actor"])
        _check_entities(record["recipient"])
        first, last = _day(record["date"]), _day(record["enddate"])
        assert (first is None) == (last is None), record
        if first is not None and last is not None:
            assert first <= last, record
        assert isinstance(record["mode"], list) and isinstance(record["context"], list), record
        assert isinstance(record["text"], str) and record["text"].strip(), record
        start, end = record["evidence"]["start"], record["evidence"]["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end, record
        if text is not None:
            assert end <= len(text), (record["evidence"], len(text))
            assert text[start:end].strip(), record["evidence"]
        confidence = record["confidence"]
        assert isinstance(confidence, int | float) and 0.0 <= confidence <= 1.0, record
        assert record["quad_code"] in (1, 2, 3, 4), record
        assert "cameo" in record and (record["cameo"] is None or isinstance(record["cameo"], str))


def _day(value: Any) -> date | None:
    if value is None:
        return None
    assert isinstance(value, str), value
    return date.fromisoformat(value)


def _check_entities(entities: Any) -> None:
    assert isinstance(entities, list), entities
    for entity in entities:
        assert isinstance(entity, dict), entity
        assert isinstance(entity.get("text"), str), entity
        for key in ("country", "org", "sector", "name", "title", "code"):
            assert entity.get(key) is None or isinstance(entity[key], str), (key, entity)


@pytest.fixture(scope="session")
def parley() -> ParleyCli:
    return ParleyCli()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (beside the repository): examples, answer keys, spec."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing (the shared folder sits beside the repository)")
    return SHARED


@pytest.fixture(scope="session")
def herald(shared: Path) -> Path:
    """The seed article of ../shared/examples."""
    if not HERALD.is_file():
        pytest.skip(f"{HERALD} is missing")
    return HERALD


@pytest.fixture(scope="session")
def herald_events(parley: ParleyCli, herald: Path) -> list[dict[str, Any]]:
    """`parley extract` of the seed article as JSON Lines, coded once per session."""
    result = parley.invoke("extract", herald, "--published", "2022-05-31")
    parley.assert_clean(result, 0)
    return parley.jsonl(result.stdout)
