"""What became of every trigger candidate: the record `--explain` and `eval --details` read.

A candidate the coder sets aside without saying why is a miss nobody can fix, so every
stage that drops a candidate or folds it into another says so here, once, in words an
analyst can read. The trace holds plain values (offsets, words, codes), not parse objects,
so it outlives the parse and can be printed or serialised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.tokens import Token

from parley.models import Entity

Outcome = Literal["event", "dropped", "folded", "no entry"]


@dataclass
class Candidate:
    """One word that may name an event, and its fate."""

    start: int  # character offset of the word in the document
    word: str
    sentence: tuple[int, int]  # character span of its sentence
    category: str | None
    outcome: Outcome
    reason: str = ""
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    status: str | None = None
    event_id: str | None = None  # the event it became or was folded into

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "word": self.word,
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "category": self.category,
            "outcome": self.outcome,
            "reason": self.reason,
            "actor": list(self.actor),
            "recipient": list(self.recipient),
            "status": self.status,
            "event_id": self.event_id,
        }


def describe(entities: list[Entity]) -> list[str]:
    """How a party reads in a trace: its code, else the words that named it."""
    return [e.code or e.sector or f"“{e.text}”" for e in entities]


class Trace:
    """The candidates of one document, in the order the coder met them."""

    def __init__(self) -> None:
        self.candidates: list[Candidate] = []
        self._by_start: dict[int, Candidate] = {}

    def note(
        self,
        token: Token,
        category: str | None,
        outcome: Outcome,
        reason: str = "",
        actor: list[Entity] | None = None,
        recipient: list[Entity] | None = None,
        status: str | None = None,
    ) -> Candidate:
        """Record (or update) what became of the candidate at `token`."""
        sentence = token.sent
        candidate = Candidate(
            start=token.idx,
            word=token.text,
            sentence=(sentence.start_char, sentence.end_char),
            category=category,
            outcome=outcome,
            reason=reason,
            actor=describe(actor or []),
            recipient=describe(recipient or []),
            status=status,
        )
        previous = self._by_start.get(token.idx)
        if previous is not None:
            self.candidates.remove(previous)
        self._by_start[token.idx] = candidate
        self.candidates.append(candidate)
        return candidate

    def at(self, start: int) -> Candidate | None:
        return self._by_start.get(start)

    def in_span(self, start: int, end: int) -> list[Candidate]:
        """Candidates whose sentence overlaps the character span, in text order."""
        found = [c for c in self.candidates if c.sentence[0] < end and start < c.sentence[1]]
        return sorted(found, key=lambda c: c.start)

    def sorted(self) -> list[Candidate]:
        return sorted(self.candidates, key=lambda c: c.start)
