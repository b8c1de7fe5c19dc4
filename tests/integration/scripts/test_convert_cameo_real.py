"""The CAMEO verb converter on the real PETRARCH2 dictionary: the shipped
`cameo/triggers.jsonl` is exactly what it makes of it today, and what it makes holds to
Parley's conventions."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from parley.nlp.pipeline import load_nlp

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
CAMEO = SHARED / "third-party" / "petrarch2" / "CAMEO.2.0.txt"
TABLE = SHARED / "gold" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
DICTIONARIES = REPO / "src" / "parley" / "data" / "dictionaries"


def _load_script() -> ModuleType:
    path = REPO / "scripts" / "convert_cameo_verbs.py"
    spec = importlib.util.spec_from_file_location("convert_cameo_verbs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def converted() -> list[dict]:
    if not CAMEO.is_file():
        pytest.skip(f"{CAMEO} is missing (the shared folder sits beside the repository)")
    cameo = _load_script()
    rules = cameo.Rules(
        cameo.read_table(TABLE.read_text(encoding="utf-8")),
        cameo.read_skips((DICTIONARIES / "cameo" / "skip.txt").read_text(encoding="utf-8")),
        cameo.event_nouns((DICTIONARIES / "triggers.jsonl").read_text(encoding="utf-8")),
        CAMEO.name,
    )
    blocks = cameo.parse_dictionary(CAMEO.read_text(encoding="utf-8"))
    return cameo.convert(blocks, rules, cameo.spacy_lemmatizer())


def test_the_shipped_file_is_the_conversion_of_todays_inputs(converted: list[dict]) -> None:
    shipped = (DICTIONARIES / "cameo" / "triggers.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line) for line in shipped.splitlines()] == converted, (
        "regenerate with scripts/convert_cameo_verbs.py (see cameo/README.md)"
    )


def test_the_conversion_keeps_parleys_conventions(converted: list[dict]) -> None:
    lemmas = {r["lemma"] for r in converted}
    assert not lemmas & {"say", "tell", "announce", "report", "add", "note"}
    assert all(r["pos"] == "VERB" and not r["cameo"].startswith(("01", "02")) for r in converted)
    requests = [r for r in converted if r["event"] == "REQUEST"]
    assert all(r["cameo"].startswith("10") for r in requests)
    levy = [r for r in converted if r["lemma"] == "levy" and "sanction" in r.get("requires", [])]
    assert [(r["event"], r["cameo"]) for r in levy] == [("SANCTION", "163")]


def test_lemmas_are_the_models(converted: list[dict]) -> None:
    nlp = load_nlp()
    sample = random.Random(3).sample(sorted({r["lemma"] for r in converted}), 40)
    docs = nlp.pipe(f"They often {lemma} it ." for lemma in sample)
    assert [doc[2].lemma_ for doc in docs] == sample
