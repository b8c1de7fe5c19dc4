"""What coding learns from the documents it codes, and when each document may know it.

A pipeline learns the people its documents introduce ("Norwegian envoy Ingrid Halvorsrud"),
so that a later bare "Halvorsrud" resolves. Learning makes coding depend on what was coded
before, which is at odds with coding many documents at once. So the rule is written down,
and every way of coding keeps it, in this process, in worker processes or on Ray:

    document number P of a run is coded knowing the people of the store (taught when
    the run starts) and those of the run's documents 0 .. P - lag, learned in that order.

The `lag` is the window of documents that may be in flight at once (`LEARNING_LAG`): a
document never waits for its last few predecessors, and any number of workers gives the
same events as one. What one document teaches is small (its parties' full names with their
state), so the lessons travel with the documents to whichever worker codes them.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import NamedTuple

from parley.models import Event

LEARNING_LAG = 256
"""Documents in flight at most: 16 tasks of 16, enough to keep eight workers busy. A
document knows the people of every document of its run this far before it."""


class Lesson(NamedTuple):
    """A person with a state, as a stored event names them."""

    name: str
    country: str | None
    org: str | None
    sector: str | None
    title: str | None


def lessons_of(events: Iterable[Event]) -> list[Lesson]:
    """The named people (a first and last name) with a state or an organisation who are
    parties to `events`: nobody else can be looked up by surname."""
    return [
        Lesson(entity.name, entity.country, entity.org, entity.sector, entity.title)
        for event in events
        for entity in event.actor + event.recipient
        if entity.name and " " in entity.name and (entity.country or entity.org)
    ]


class Syllabus:
    """The lessons of one run, in document order, and which of them each document may know.

    Results come back in any order (`record`); a position's lessons join the timeline once
    every earlier position has come back. A learner keeps a cursor into the timeline, the
    number of lessons it has learned: `due` tells it what to learn before coding a document.
    A name learned once is never taught again (the first lesson of a name is the one a
    pipeline keeps), so the timeline grows with the people met, not with the documents.
    """

    def __init__(self, taught: Iterable[Lesson] = (), lag: int = LEARNING_LAG) -> None:
        if lag < 1:
            raise ValueError("the learning lag must be at least one document")
        self.lag = lag
        self._timeline: list[Lesson] = []
        self._names: set[str] = set()
        self._add(taught)
        self._taught = len(self._timeline)
        self._ends = array("q")  # where each settled position's lessons end in the timeline
        self._waiting: dict[int, list[Lesson]] = {}

    @property
    def settled(self) -> int:
        """How many positions, from the first, have come back."""
        return len(self._ends)

    def record(self, position: int, lessons: list[Lesson]) -> None:
        """The lessons of the document at `position` (none for one that failed)."""
        self._waiting[position] = lessons
        while self.settled in self._waiting:
            self._add(self._waiting.pop(self.settled))
            self._ends.append(len(self._timeline))

    def ready(self, position: int) -> bool:
        """Whether everything the document at `position` must know has come back."""
        return position - self.lag < self.settled

    def due(self, cursor: int, position: int) -> tuple[list[Lesson], int]:
        """What a learner at `cursor` learns before coding `position`, and its new cursor."""
        if not self.ready(position):
            raise ValueError(f"position {position} is not ready: {self.settled} settled")
        known = position - self.lag
        end = self._ends[known] if known >= 0 else self._taught
        return self._timeline[cursor:end], max(cursor, end)

    def rest(self, cursor: int) -> list[Lesson]:
        """Every lesson settled after `cursor`: what a learner that outlives the run learns
        at its end."""
        return self._timeline[cursor:]

    def _add(self, lessons: Iterable[Lesson]) -> None:
        for lesson in lessons:
            key = lesson.name.lower()
            if key not in self._names:
                self._names.add(key)
                self._timeline.append(lesson)
