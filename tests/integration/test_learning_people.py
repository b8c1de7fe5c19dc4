"""A person introduced with a title and state in one document is known in the next."""

from __future__ import annotations

from datetime import date

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
