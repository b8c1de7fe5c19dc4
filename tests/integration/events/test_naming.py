"""Naming something with a word of disapproval is an accusation, with praise support."""

from __future__ import annotations

import parley
from parley.models import Event


def events(text: str) -> list[Event]:
    return parley.extract(text, published="2024-05-10", doc_id="naming")


def only(text: str, category: str) -> Event:
    found = [e for e in events(text) if e.event == category]
    assert len(found) == 1, [(e.event, e.text) for e in events(text)]
    return found[0]


def test_calling_a_decision_a_stunt_accuses_whose_decision_it_is() -> None:
    event = only("Iran called Germany's decision a political stunt on Monday.", "ACCUSE")
    assert {e.party for e in event.actor} == {"IRN"}
    assert {e.party for e in event.recipient} == {"DEU"}
    assert event.mode == ["disapprove"]


def test_a_judgement_in_a_small_clause() -> None:
    event = only("Russia branded the new sanctions illegal.", "ACCUSE")
    assert {e.party for e in event.actor} == {"RUS"}


def test_describing_as_with_praise_is_support() -> None:
    event = only("Japan described the agreement with Korea as a historic achievement.", "SUPPORT")
    assert {e.party for e in event.actor} == {"JPN"}


def test_a_neutral_name_is_no_event() -> None:
    assert events("Japan called the meeting a routine exchange.") == []
