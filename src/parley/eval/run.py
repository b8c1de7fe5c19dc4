"""Running the coder over answer keys: the library side of `parley eval`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.eval.gsr import GsrTotal, load_gsr, score_gsr_record, score_gsr_total
from parley.eval.keys import AnswerKey, load_key
from parley.eval.misses import Miss, explain_miss
from parley.eval.muc import MessageScore, MucTotal, score_message
from parley.eval.muc import score_total as score_muc_total
from parley.eval.muc_keys import MucMessage
from parley.eval.scoring import DocumentScore, TotalScore, score_document, score_total
from parley.events.trace import Trace
from parley.models import Document, Event
from parley.pipeline import Pipeline


@dataclass(frozen=True)
class KeyResult:
    """One key's score with the predictions it was computed from (scores refer to them
    by index, and an analyst reading a miss wants to see them) and the trace of the
    coding, which says what became of the words that tell each missed event."""

    score: DocumentScore
    predictions: list[dict[str, Any]]
    key: AnswerKey
    events: list[Event]
    trace: Trace

    def misses(self) -> list[Miss]:
        """The required gold events nothing was paired with, each with its reason."""
        gold = {event.id: event for event in self.key.events}
        return [
            explain_miss(gold[outcome.gold_id], self.key.text, self.trace, self.events)
            for outcome in self.score.outcomes
            if outcome.prediction is None and outcome.required
        ]


def evaluate_keys(paths: Iterable[Path], pipeline: Pipeline) -> tuple[list[KeyResult], TotalScore]:
    """Code each key's document and score it by ../shared/spec/SCORING.md."""
    results = []
    for path in paths:
        key = load_key(path)
        events, trace = pipeline.explain(key.document())
        predictions = [e.to_dict() for e in events]
        score = score_document(predictions, key)
        results.append(KeyResult(score, predictions, key, events, trace))
    return results, score_total([r.score for r in results])


def evaluate_gsr(path: Path, pipeline: Pipeline) -> GsrTotal:
    """Code each PLOVER gold-standard sentence on its own and score category and parties."""
    records = {record.id: record for record in load_gsr(path)}
    documents = (Document(id=record.id, text=record.text) for record in records.values())
    homes = pipeline.org_homes
    outcomes = [
        score_gsr_record([e.to_dict() for e in events], records[document.id], homes)
        for document, events in pipeline.extract_many(documents)
    ]
    return score_gsr_total(outcomes)


@dataclass(frozen=True)
class MucResult:
    """One MUC message's score with the events it was computed from (outcomes refer to them
    by index, and a missed incident is read beside what Parley coded instead)."""

    score: MessageScore
    predictions: list[dict[str, Any]]


def evaluate_muc(
    cases: Sequence[tuple[MucMessage, Document]],
    pipeline: Pipeline,
    done: Callable[[], None] = lambda: None,
) -> tuple[list[MucResult], MucTotal]:
    """Code each message's text (in batches) and score it against its MUC-4 key; `done` is
    called after each message, for a progress bar."""
    messages = {document.id: message for message, document in cases}
    results = []
    for document, events in pipeline.extract_many(document for _, document in cases):
        predictions = [event.to_dict() for event in events]
        score = score_message(messages[document.id], predictions, pipeline.org_homes)
        results.append(MucResult(score, predictions))
        done()
    return results, score_muc_total([result.score for result in results])
