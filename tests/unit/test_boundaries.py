"""The architecture's boundaries, kept by a test: only cli/ imports Typer, only store/
holds SQL, and nothing imports a web framework outside web/."""

from __future__ import annotations

import re
from pathlib import Path

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
