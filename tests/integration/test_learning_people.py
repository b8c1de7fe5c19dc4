"""A person introduced with a title and state in one document is known in the next."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.models import Document
from parley.pipeline import Pipeline

FIRST = "Norwegian envoy Ingrid Halvorsrud arrived in Bogota on Monday."
SECOND = "Halvorsrud met Colombian officials in Bogota on Friday."


def test_a_bare_surname_resolves_through_what_earlier_documents_said() -> None:
    pipeline = Pipeline()
    second = Document(id="second", text=SECOND, published=date(2023, 3, 14))
    before = pipeline.extract(second)
    assert not any(e.name == "Ingrid Halvorsrud" for ev in before for e in ev.actor)

    pipeline.remember("Ingrid Halvorsrud", "NOR", None, "GOV", "envoy")
    after = [e for e in pipeline.extract(second) if e.event == "CONSULT"]
    assert after, "the meeting is coded once the envoy is known"
    envoy = next(e for e in after[0].actor if e.name == "Ingrid Halvorsrud")
    assert envoy.country == "NOR"


def test_the_dictionaries_win_over_what_was_learned() -> None:
    pipeline = Pipeline()
    pipeline.remember("Vladimir Putin", "FRA", None, "GOV", "president")
    text = "Vladimir Putin met Chinese officials in Beijing on Monday."
    meeting = next(e for e in pipeline.extract(Document(id="d", text=text)) if e.event == "CONSULT")
    putin = next(e for e in meeting.actor if e.name == "Vladimir Putin")
    assert putin.country == "RUS"


def test_the_store_s_registry_teaches_a_later_ingest(tmp_path: Path) -> None:
    from parley.batch import ingest
    from parley.store import EventFilter, Store

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "first.txt").write_text(
        "March 13, 2023\n\nNorwegian envoy Ingrid Halvorsrud met Colombian officials in "
        "Bogota on Monday."
    )
    (tmp_path / "two" / "second.txt").write_text(
        "March 17, 2023\n\nHalvorsrud met Venezuelan officials in Caracas on Friday."
    )
    with Store.open(tmp_path / "events.duckdb") as store:
        ingest([tmp_path / "one"], store, Pipeline())
        ingest([tmp_path / "two"], store, Pipeline())  # a new process would start like this
        second = store.query_events(EventFilter(doc_id="second"))
    assert any(
        e.name == "Ingrid Halvorsrud" and e.country == "NOR" for ev in second for e in ev.actor
    )
