"""The one way to code documents: `code_documents(pipeline, documents)`.

Every caller that turns documents into events goes through here: `parley extract`,
`parley ingest`, the server's POST and its watch loop (and, later, worker processes), so a
document is coded the same way whoever asks. Three promises hold for any input:

- **A failure stays with its document.** Whatever a stage raises on one document (a
  `RecursionError` deep in a rule, spaCy refusing a text), that document comes back as
  `NotCoded` with a one-line reason, and every other document is coded as if it were not
  there. Short documents are parsed in batches, which is faster; when a batch fails, its
  documents not yet coded are coded again one by one, so the culprit is the only one lost.
- **Long documents are coded in parts.** A text over `CodingLimits.part_chars` is cut at
  paragraph breaks (else line breaks, sentence ends, spaces) into parts far under the
  parser's limit, each coded alone and its events moved back to the document's offsets.
  Parsing costs memory by length, and some rules look back over the whole text, so parts
  keep both memory and time per character flat however long the document.
- **A time limit per document.** Checked before each part, so a document stops within one
  part's time of its limit; a part is short enough to take seconds.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from parley.models import Document, Entity, Event, Evidence

if TYPE_CHECKING:  # the pipeline loads spaCy; readers of coding's types need not
    from parley.pipeline import Pipeline, Prepare

PART_CHARS = 50_000
"""Longer documents are coded in parts of at most this many characters: far under spaCy's
1,000,000-character limit, some thirty pages, longer than nearly any news article; a part
takes a few seconds."""

BATCH_CHARS = 20_000
"""Documents up to this long are parsed in batches; longer ones alone, timed."""

TIME_LIMIT = 600.0
"""Seconds a document may take: a few million characters at the pipeline's pace."""

_BATCH = 16
_REASON_CHARS = 200


@dataclass(frozen=True)
class CodingLimits:
    """How long a document may take and where it is cut into parts; see the module doc."""

    part_chars: int = PART_CHARS
    seconds: float = TIME_LIMIT

    def __post_init__(self) -> None:
        if self.part_chars < 1_000:
            raise ValueError("parts must be at least 1,000 characters long")
        if self.seconds <= 0:
            raise ValueError("the time limit must be positive")


@dataclass(frozen=True)
class Coded:
    """A document and its events; `parts` says how many pieces it was coded in."""

    document: Document
    events: list[Event]
    parts: int = 1


@dataclass(frozen=True)
class NotCoded:
    """A document no events came from, and why, in one line."""

    document: Document
    reason: str

    def __str__(self) -> str:
        return f"{self.document.id}: {self.reason}"


Outcome = Coded | NotCoded
StopCheck = Callable[[], bool]


class Stopped(Exception):
    """Raised out of `code_documents` when its `should_stop` says so (a server shutting down,
    a cancelled job); the document in hand is not reported, since it was not judged."""


def code_documents(
    pipeline: Pipeline,
    documents: Iterable[Document],
    limits: CodingLimits | None = None,
    should_stop: StopCheck = lambda: False,
    prepare: Prepare | None = None,
) -> Iterator[Outcome]:
    """One outcome per document, in order. Short documents are parsed `_BATCH` at a time;
    long ones alone, in parts, against the time limit. `prepare` is called with each
    document just before it is coded (perhaps again, if its batch fails): what it may
    know of earlier documents is learned there (`parley.lessons`)."""
    limits = limits or CodingLimits()
    batched = min(BATCH_CHARS, _part_size(pipeline, limits))
    batch: list[Document] = []
    for document in documents:
        if should_stop():
            raise Stopped
        if len(document.text) > batched:
            yield from _code_batch(pipeline, batch, limits, should_stop, prepare)
            batch = []
            yield code_document(pipeline, document, limits, should_stop, prepare)
            continue
        batch.append(document)
        if len(batch) == _BATCH:
            yield from _code_batch(pipeline, batch, limits, should_stop, prepare)
            batch = []
    yield from _code_batch(pipeline, batch, limits, should_stop, prepare)


def code_document(
    pipeline: Pipeline,
    document: Document,
    limits: CodingLimits | None = None,
    should_stop: StopCheck = lambda: False,
    prepare: Prepare | None = None,
) -> Outcome:
    """The events of one document, coded in parts when it is long; never raises for what
    the document holds (only `Stopped`)."""
    limits = limits or CodingLimits()
    if prepare is not None:
        prepare(document)
    started = time.monotonic()
    parts = split_text(document.text, _part_size(pipeline, limits))
    events: list[Event] = []
    for number, (offset, text) in enumerate(parts, start=1):
        if should_stop():
            raise Stopped
        elapsed = time.monotonic() - started
        if elapsed > limits.seconds:
            reason = (
                f"not coded: over the time limit of {limits.seconds:g} s after "
                f"{number - 1} of {len(parts)} parts"
            )
            return NotCoded(document, reason)
        piece = document if len(parts) == 1 else replace(document, text=text)
        try:
            found = pipeline.extract(piece)
        except Exception as error:
            where = f" (part {number} of {len(parts)})" if len(parts) > 1 else ""
            return NotCoded(document, f"not coded{where}: {one_line(error)}")
        events.extend(shift(event, offset) for event in found)
    return Coded(document, events, len(parts))


def _part_size(pipeline: Pipeline, limits: CodingLimits) -> int:
    """The longest part: as the limits say, and under the parser's own limit whatever it is
    set to (spaCy refuses longer texts)."""
    return min(limits.part_chars, pipeline.nlp.max_length // 2)


def _code_batch(
    pipeline: Pipeline,
    batch: list[Document],
    limits: CodingLimits,
    should_stop: StopCheck,
    prepare: Prepare | None,
) -> Iterator[Outcome]:
    """The batch parsed together; if that raises, the documents it had not yet given back
    are coded one at a time, so only the one that fails is lost."""
    if not batch:
        return
    done = 0
    try:
        for document, events in pipeline.extract_many(batch, prepare):
            done += 1
            yield Coded(document, events)
    except Exception:
        for document in batch[done:]:
            yield code_document(pipeline, document, limits, should_stop, prepare)


def one_line(error: BaseException) -> str:
    """`RecursionError: maximum recursion depth exceeded`: the type and the first line of
    the message, cut to a readable length."""
    lines = str(error).strip().splitlines()
    message = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    return message if len(message) <= _REASON_CHARS else message[: _REASON_CHARS - 1] + "…"


_BREAKS = tuple(re.compile(p) for p in (r"\n[ \t]*\n\s*", r"\n", r"[.!?]\s+", r"\s+"))
"""Where a part may end, best first: after a blank line, a line break, a sentence end, a
space. A text with none of them within a part's length is cut anywhere."""


def split_text(text: str, size: int) -> list[tuple[int, str]]:
    """`text` as (offset, part) pairs, each part at most `size` characters, cut at the best
    break that leaves the part at least half full; joined back they are `text`."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        parts.append((start, text[start:end]))
        start = end
    parts.append((start, text[start:]))
    return parts


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the part from `start`: the last break of the best kind between the half
    and `limit`, after the break's characters."""
    half = start + (limit - start) // 2
    for pattern in _BREAKS:
        end = max((match.end() for match in pattern.finditer(text, half, limit)), default=None)
        if end is not None:
            return end
    return limit


def shift(event: Event, offset: int) -> Event:
    """`event`, coded from a part that starts at `offset` of its document, with every
    character position made a position in the whole document."""
    if offset == 0:
        return event
    return replace(
        event,
        evidence=_moved(event.evidence, offset),
        mentions=[_moved(mention, offset) for mention in event.mentions],
        actor=[_entity(entity, offset) for entity in event.actor],
        recipient=[_entity(entity, offset) for entity in event.recipient],
        trigger_start=None if event.trigger_start is None else event.trigger_start + offset,
    )


def _moved(span: Evidence, offset: int) -> Evidence:
    return Evidence(span.start + offset, span.end + offset)


def _entity(entity: Entity, offset: int) -> Entity:
    if entity.start is None:
        return entity
    end = None if entity.end is None else entity.end + offset
    return replace(entity, start=entity.start + offset, end=end)
