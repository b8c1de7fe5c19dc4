"""An analyst's cue list changes what the coder reads, through `--dictionaries`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.models import Document
from parley.pipeline import Pipeline

TEXT = "France could attack the rebels in northern Mali on Monday."


def status_of_attack(pipeline: Pipeline) -> str:
    document = Document(id="cues", text=TEXT, published=date(2024, 5, 10))
    return next(e.status for e in pipeline.extract(document) if e.event == "ASSAULT")


def test_an_analyst_who_reads_could_as_fact(tmp_path: Path) -> None:
    (tmp_path / "cues.jsonl").write_text(
        '{"cue": "hypothetical_auxiliaries", "words": ["may", "might"]}\n', encoding="utf-8"
    )
    shipped = Pipeline()
    assert status_of_attack(shipped) == "hypothetical"
    analysts = Pipeline(tmp_path)
    try:
        assert status_of_attack(analysts) == "occurred"
        assert analysts.dictionary_hash != shipped.dictionary_hash
    finally:
        Pipeline()  # the lists are per process: put the shipped ones back
