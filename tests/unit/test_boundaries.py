"""The architecture's boundaries, kept by a test: only cli/ imports Typer, only store/
holds SQL and only the Store class its connection, nothing imports a web framework outside
web/, and the command line starts without loading the coder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "parley"
SQL = re.compile(r"\b(SELECT|INSERT INTO|DELETE FROM|CREATE TABLE|UPDATE \w+ SET)\b")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_cli_imports_typer() -> None:
    offenders = [
        p.relative_to(PACKAGE)
        for p in modules()
        if "cli" not in p.parts and re.search(r"^\s*(import|from) typer", p.read_text(), re.M)
    ]
    assert offenders == []


def test_only_store_holds_sql() -> None:
    offenders = [
        p.relative_to(PACKAGE)
        for p in modules()
        if "store" not in p.parts and SQL.search(p.read_text())
    ]
    assert offenders == []


def test_nothing_downloads_at_run_time() -> None:
    offenders = [
        p.relative_to(PACKAGE)
        for p in modules()
        if re.search(r"spacy\.cli\.download|urlopen|requests\.get", p.read_text())
    ]
    assert offenders == []


def test_only_the_store_class_touches_its_connection() -> None:
    """Every query goes through a `Store` method (which owns the connection and turns DuckDB's
    errors into one line); the modules of store/ take the connection as an argument. The
    in-memory store of Parquet partitions is a `Store` too, with its own connection."""
    owners = {Path("store", "store.py"), Path("store", "partitions.py")}
    offenders = [
        p.relative_to(PACKAGE)
        for p in modules()
        if p.relative_to(PACKAGE) not in owners and re.search(r"\._conn\b", p.read_text())
    ]
    assert offenders == []


@pytest.mark.parametrize("module", ["parley", "parley.cli.app"])
def test_importing_the_cli_does_not_load_the_coder(module: str) -> None:
    """`parley --help` and the commands that read a store must not pay for spaCy (seconds):
    the coder, the readers and the near-duplicate index load when a command needs them."""
    heavy = ("spacy", "datasketch", "trafilatura", "parley.pipeline")
    check = f"import sys, {module}; print([m for m in {heavy!r} if m in sys.modules])"
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stdout
