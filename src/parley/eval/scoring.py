"""Figures of ``../shared/spec/SCORING.md``: event and strict F1, and field accuracy.

Every figure is kept as counts, not ratios, so documents add up to a corpus total
(micro-average) and an analyst can see which gold event was missed and which prediction
was a false positive, not just that a number moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parley.eval.keys import AnswerKey
from parley.eval.matching import FieldCheck, Pairing, Prediction, pair


@dataclass(frozen=True)
class FieldCount:
    """Found events on which a field was scored, and on how many it was right."""

    correct: int = 0
    scored: int = 0

    @property
    def accuracy(self) -> float | None:
        """None when nothing was scored, so "no evidence" never reads as 0% or 100%."""
        return self.correct / self.scored if self.scored else None

    def __add__(self, other: FieldCount) -> FieldCount:
        return FieldCount(self.correct + other.correct, self.scored + other.scored)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "scored": self.scored, "accuracy": self.accuracy}


def _ratio(numerator: int, denominator: int, *, empty: float) -> float:
    return numerator / denominator if denominator else empty


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, kw_only=True)
class Tally:
    """Counts shared by one document and a corpus total, with the figures derived from them.

    `tp` counts predictions paired with required gold events; by one-to-one pairing that is
    also the number of required events found. Predictions paired with optional events
    (`optional_found`) and parts are neither correct nor false, as SCORING.md says.
    """

    tp: int
    fp: int
    parts: int
    required: int
    optional_found: int
    strict_tp: int
    status: FieldCount
    date: FieldCount
    location: FieldCount
    names: FieldCount

    @property
    def found(self) -> int:
        return self.tp

    @property
    def precision(self) -> float:
        """With no counted predictions: perfect if there was nothing to find, else 0."""
        return _ratio(self.tp, self.tp + self.fp, empty=0.0 if self.required else 1.0)

    @property
    def recall(self) -> float:
        """With nothing required, nothing was missed."""
        return _ratio(self.tp, self.required, empty=1.0)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict_tp, self.tp + self.fp, empty=0.0 if self.required else 1.0)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict_tp, self.required, empty=1.0)

    @property
    def strict_f1(self) -> float:
        """The headline figure: a found event counts only with every scored field right."""
        return _f1(self.strict_precision, self.strict_recall)

    def _tally_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "parts": self.parts,
            "required": self.required,
            "found": self.found,
            "optional_found": self.optional_found,
            "strict_tp": self.strict_tp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "strict_precision": self.strict_precision,
            "strict_recall": self.strict_recall,
            "strict_f1": self.strict_f1,
            "fields": {
                "status": self.status.to_dict(),
                "date": self.date.to_dict(),
                "location": self.location.to_dict(),
                "names": self.names.to_dict(),
            },
        }


@dataclass(frozen=True)
class GoldOutcome:
    """What became of one gold event: its prediction (index), wrong fields, and parts."""

    gold_id: str
    required: bool
    prediction: int | None
    wrong: tuple[str, ...]
    parts: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_id": self.gold_id,
            "required": self.required,
            "prediction": self.prediction,
            "wrong": list(self.wrong),
            "parts": list(self.parts),
        }


@dataclass(frozen=True)
class FalsePositive:
    """A prediction that counts against precision; `duplicate_of` says which event it repeats."""

    prediction: int
    duplicate_of: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"prediction": self.prediction, "duplicate_of": self.duplicate_of}


@dataclass(frozen=True, kw_only=True)
class DocumentScore(Tally):
    """One document's score and the pairing behind it."""

    doc_id: str
    outcomes: tuple[GoldOutcome, ...]
    false_positives: tuple[FalsePositive, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            **self._tally_dict(),
            "outcomes": [outcome.to_dict() for outcome in self.outcomes],
            "false_positives": [fp.to_dict() for fp in self.false_positives],
        }


@dataclass(frozen=True, kw_only=True)
class TotalScore(Tally):
    """Micro-averaged total: counts summed over documents, figures derived from the sums."""

    documents: int

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, **self._tally_dict()}


def _field_counts(checks: Sequence[FieldCheck]) -> dict[str, FieldCount]:
    """Field accuracy over every found event, required or optional; None means unscored."""
    dates = [check.date for check in checks if check.date is not None]
    places = [check.location for check in checks if check.location is not None]
    return {
        "status": FieldCount(sum(check.status for check in checks), len(checks)),
        "date": FieldCount(sum(dates), len(dates)),
        "location": FieldCount(sum(places), len(places)),
        "names": FieldCount(
            sum(check.names_found for check in checks),
            sum(check.names_total for check in checks),
        ),
    }


def _false_positives(pairing: Pairing) -> tuple[FalsePositive, ...]:
    unmatched = [FalsePositive(index, None) for index in pairing.unmatched]
    duplicates = [FalsePositive(index, gold) for index, gold in pairing.duplicates.items()]
    return tuple(sorted(unmatched + duplicates, key=lambda fp: fp.prediction))


def score_document(predictions: list[Prediction], key: AnswerKey) -> DocumentScore:
    """Score one document's predicted records (`Event.to_dict()` dicts) against its key."""
    pairing = pair(predictions, key.events)
    found_required = [gold for gold in key.required_events if gold.id in pairing.pairs]
    false_positives = _false_positives(pairing)
    return DocumentScore(
        doc_id=key.doc_id,
        tp=len(found_required),
        fp=len(false_positives),
        parts=sum(len(parts) for parts in pairing.parts.values()),
        required=len(key.required_events),
        optional_found=len(pairing.pairs) - len(found_required),
        strict_tp=sum(pairing.checks[gold.id].all_right for gold in found_required),
        **_field_counts(list(pairing.checks.values())),
        outcomes=tuple(
            GoldOutcome(
                gold_id=gold.id,
                required=gold.required,
                prediction=pairing.pairs.get(gold.id),
                wrong=pairing.checks[gold.id].wrong if gold.id in pairing.checks else (),
                parts=pairing.parts.get(gold.id, ()),
            )
            for gold in key.events
        ),
        false_positives=false_positives,
    )


def score_total(scores: list[DocumentScore]) -> TotalScore:
    """Micro-average: a document with many events weighs more than one with few."""
    return TotalScore(
        documents=len(scores),
        tp=sum(score.tp for score in scores),
        fp=sum(score.fp for score in scores),
        parts=sum(score.parts for score in scores),
        required=sum(score.required for score in scores),
        optional_found=sum(score.optional_found for score in scores),
        strict_tp=sum(score.strict_tp for score in scores),
        status=sum((score.status for score in scores), FieldCount()),
        date=sum((score.date for score in scores), FieldCount()),
        location=sum((score.location for score in scores), FieldCount()),
        names=sum((score.names for score in scores), FieldCount()),
    )
