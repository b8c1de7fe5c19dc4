"""Why a required gold event was missed: what the coder did with the words that tell it.

A miss is read off the trace of the document (`events.trace`): the candidates in the
sentences that hold the gold evidence, and the events they became. Each miss gets one
reason from a short, fixed list, so misses can be counted by reason across answer keys.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.eval.keys import GoldEvent
from parley.models import Event

if TYPE_CHECKING:  # the coder's trace types: importing them loads spaCy
    from parley.events.trace import Candidate, Trace

NO_CANDIDATE = "no candidate word"
NO_ENTRY = "lexicon word, conditions not met"
NO_ACTOR = "dropped: no actor"
TOLD_BY_ANOTHER = "dropped: told by another word"
OTHER_DROP = "dropped: other rule"
OTHER_CATEGORY = "coded, another category"
OTHER_PARTIES = "coded, other parties or status"
UNLOCATED = "evidence not found in the text"


@dataclass(frozen=True)
class Miss:
    """A missed gold event, the candidates of its sentences, and the one reason."""

    gold: GoldEvent
    candidates: tuple[Candidate, ...]
    reason: str


def evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    """Where the gold evidence stands in the text (whitespace may differ; a long
    evidence is found by its first words)."""
    squeezed = " ".join(evidence.split())
    for probe in (evidence, squeezed, squeezed[:60]):
        start = text.find(probe) if probe else -1
        if start >= 0:
            return start, start + len(probe)
    return None


def explain_miss(gold: GoldEvent, text: str, trace: Trace, events: list[Event]) -> Miss:
    span = evidence_span(text, gold.evidence)
    if span is None:
        return Miss(gold, (), UNLOCATED)
    candidates = tuple(trace.in_span(*span))
    return Miss(gold, candidates, _reason(gold, candidates, events))


def _reason(gold: GoldEvent, candidates: tuple[Candidate, ...], events: list[Event]) -> str:
    if not candidates:
        return NO_CANDIDATE
    coded = {c.event_id for c in candidates if c.event_id}
    categories = {e.event for e in events if e.id in coded}
    if categories & set(gold.types):
        return OTHER_PARTIES
    if categories:
        return OTHER_CATEGORY
    dropped = [c for c in candidates if c.outcome == "dropped"]
    if any(c.reason.startswith("no actor") for c in dropped):
        return NO_ACTOR
    if any(c.reason.startswith("told by") for c in dropped):
        return TOLD_BY_ANOTHER
    if dropped:
        return OTHER_DROP
    return NO_ENTRY


def by_reason(misses: list[Miss]) -> Counter[str]:
    return Counter(miss.reason for miss in misses)
