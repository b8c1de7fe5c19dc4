"""Three layers of dictionaries: converted Phoenix data < the shipped files < an analyst's."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from parley.actors.dictionary import (
    CONVERTED_DIR,
    Affiliation,
    Dictionaries,
    PersonRecord,
    load_dictionaries,
)
from parley.errors import DictionaryError

CONVERTED = resources.files("parley") / "data" / "dictionaries" / CONVERTED_DIR


@pytest.fixture(scope="module")
def dicts() -> Dictionaries:
    return load_dictionaries()


def _converted(name: str) -> list[dict]:
    text = (CONVERTED / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _people(d: Dictionaries, name: str) -> list[PersonRecord]:
    return [p for p in d.people if p.name == name]


def _write(folder: Path, name: str, *records: dict) -> None:
    lines = "\n".join(json.dumps(r) for r in records)
    (folder / name).write_text(lines + "\n", encoding="utf-8")


def test_converted_files_pass_every_check() -> None:
    load_dictionaries(check_converted=True)


def test_converted_people_load_behind_the_shipped_ones(dicts: Dictionaries) -> None:
    converted = [p for p in dicts.people if not p.by_surname]
    assert len(converted) > 10_000
    first = next(i for i, p in enumerate(dicts.people) if not p.by_surname)
    assert all(p.by_surname for p in dicts.people[:first])  # shipped, then converted


def test_shipped_beats_converted(dicts: Dictionaries) -> None:
    """Hamid Karzai is in both files: the shipped record is the one loaded, alone."""
    assert any(p["name"] == "Hamid Karzai" for p in _converted("people.jsonl"))
    (karzai,) = _people(dicts, "Hamid Karzai")
    assert karzai.by_surname  # the shipped record


def test_analyst_beats_both(tmp_path: Path) -> None:
    """An analyst's record replaces a converted one of the same name; an analyst alias that
    is a converted person's name drops that person instead of failing the run."""
    veneman = {"name": "Ann Veneman", "country": "USA", "sector": "AGR"}
    alias = {"name": "Nesreen Barakat-Example", "aliases": ["Nesreen Barakat"],
             "country": "JOR", "sector": "GOV"}  # fmt: skip
    _write(tmp_path, "people.jsonl", veneman, alias)
    merged = load_dictionaries(tmp_path)
    (record,) = _people(merged, "Ann Veneman")
    assert (record.country, record.sector, record.roles, record.by_surname) == (
        "USA", "AGR", (), True,
    )  # fmt: skip
    assert _people(merged, "Nesreen Barakat") == []
    assert _people(merged, "Nesreen Barakat-Example")[0].aliases == ("Nesreen Barakat",)


def test_a_converted_alias_a_higher_layer_uses_is_dropped(tmp_path: Path) -> None:
    group = next(o for o in _converted("organizations.jsonl") if len(o["names"]) > 1)
    taken, kept = group["names"][0], group["names"][1:]
    mine = {"org": "MYGROUP", "kind": "NSAG", "names": [taken]}
    _write(tmp_path, "organizations.jsonl", mine)
    merged = {o.org: o for o in load_dictionaries(tmp_path).organizations}
    assert merged["MYGROUP"].names == (taken,)
    assert list(merged[group["org"]].names) == kept


def test_collisions_inside_an_analyst_file_still_fail(tmp_path: Path) -> None:
    one = {"name": "Ann Example", "country": "KOR", "sector": "GOV"}
    two = {"name": "Bo Example", "aliases": ["Ann Example"], "country": "KOR", "sector": "GOV"}
    _write(tmp_path, "people.jsonl", one, two)
    with pytest.raises(DictionaryError, match="alias 'Ann Example'"):
        load_dictionaries(tmp_path)


def test_the_hash_covers_the_converted_files(dicts: Dictionaries) -> None:
    without = load_dictionaries(converted=False)
    assert len(without.people) < len(dicts.people)
    assert all(p.by_surname for p in without.people)
    assert without.content_hash != dicts.content_hash


def test_a_converted_person_serves_by_date(dicts: Dictionaries) -> None:
    """Ann Veneman: US Secretary of Agriculture 2001-05, then head of UNICEF (Phoenix)."""
    (veneman,) = _people(dicts, "Ann Veneman")
    assert not veneman.by_surname
    assert veneman.affiliation(date(2003, 6, 1)) == Affiliation("USA", None, "GOV", None)
    assert veneman.affiliation(date(2007, 6, 1)) == Affiliation(None, "UNICEF", "IGO", None)
    assert veneman.affiliation(date(2005, 3, 1)) is None  # between the two, no default
