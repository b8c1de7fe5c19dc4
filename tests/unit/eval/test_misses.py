"""Reading why a gold event was missed off the trace of its document."""

from __future__ import annotations

from parley.eval.keys import Directed, GoldEvent
from parley.eval.misses import (
    NO_ACTOR,
    NO_CANDIDATE,
    NO_ENTRY,
    OTHER_CATEGORY,
    OTHER_PARTIES,
    evidence_span,
    explain_miss,
)
from parley.events.trace import Candidate, Trace
from parley.models import Event, Evidence

TEXT = "Rebels attacked the town on Monday.\nThe army answered with shelling."


def gold(
    types: tuple[str, ...] = ("ASSAULT",), evidence: str = "Rebels attacked the town"
) -> GoldEvent:
    parties = Directed(frozenset({"COL"}), frozenset({"COL"}), False, False, True)
    return GoldEvent("g1", True, types, ("occurred",), parties, None, None, (), evidence)


def trace_with(*candidates: Candidate) -> Trace:
    trace = Trace()
    trace.candidates.extend(candidates)
    return trace


def candidate(outcome: str, reason: str = "", event_id: str | None = None) -> Candidate:
    return Candidate(7, "attacked", (0, 35), "ASSAULT", outcome, reason, event_id=event_id)  # type: ignore[arg-type]


def event(category: str) -> Event:
    return Event("d", category, "occurred", TEXT[:35], Evidence(0, 35))


def test_evidence_is_found_despite_other_whitespace() -> None:
    assert evidence_span(TEXT, "Rebels  attacked\nthe town") == (0, 24)
    assert evidence_span(TEXT, "nothing like it") is None


def test_a_sentence_without_candidates() -> None:
    assert explain_miss(gold(), TEXT, Trace(), []).reason == NO_CANDIDATE


def test_a_dropped_candidate_gives_its_reason() -> None:
    trace = trace_with(candidate("dropped", "no actor (no subject)"))
    assert explain_miss(gold(), TEXT, trace, []).reason == NO_ACTOR


def test_a_word_whose_conditions_failed() -> None:
    trace = trace_with(candidate("no entry", "needs one of fire nearby"))
    assert explain_miss(gold(), TEXT, trace, []).reason == NO_ENTRY


def test_a_coded_event_of_the_right_or_another_category() -> None:
    right = event("ASSAULT")
    trace = trace_with(candidate("event", event_id=right.id))
    assert explain_miss(gold(), TEXT, trace, [right]).reason == OTHER_PARTIES
    other = event("COERCE")
    trace = trace_with(candidate("event", event_id=other.id))
    assert explain_miss(gold(), TEXT, trace, [other]).reason == OTHER_CATEGORY
