"""The Phoenix converter on the real PETRARCH2 files: the shipped converted files are
exactly what it makes from them, and the people and groups the README promises are there."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT.parent / "shared" / "third-party" / "petrarch2"
SHIPPED = ROOT / "src" / "parley" / "data" / "dictionaries" / "phoenix"


def _converter():
    spec = importlib.util.spec_from_file_location(
        "convert_phoenix_actors", ROOT / "scripts" / "convert_phoenix_actors.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SOURCE.is_dir(), reason="needs ../shared/third-party/petrarch2")
def test_the_shipped_files_are_what_the_converter_makes(tmp_path: Path) -> None:
    converter = _converter()
    assert converter.main(["--source", str(SOURCE), "--output", str(tmp_path)]) == 0
    for name in ("people.jsonl", "organizations.jsonl", "titles.jsonl", "LICENSE"):
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name
    people = {
        p["name"]: p for p in map(json.loads, (tmp_path / "people.jsonl").read_text().splitlines())
    }
    assert len(people) > 15_000
    assert {"from": "2001-12-22", "to": None, "country": "AFG", "sector": "GOV"} in people[
        "Hamid Karzai"
    ]["roles"]
    assert people["Khaled Meshaal"]["org"] == "HAMAS"
    assert all(len(name.split()) >= 2 for name in people)  # full names only
