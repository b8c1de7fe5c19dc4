"""When a predicted record counts as a gold event, and which prediction gets which event.

Predictions are record dicts as `Event.to_dict()` writes them (``../shared/spec/EVENTS.md``),
so records read back from JSON Lines score exactly like records fresh from extraction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from parley.eval.keys import Directed, GoldEvent, GoldName, Participants

Prediction = dict[str, Any]


def entity_party(entity: dict[str, Any]) -> str | None:
    """A party is the entity's country, or its organisation when it has no country."""
    return entity.get("country") or entity.get("org")


def parties_of(entities: Iterable[dict[str, Any]]) -> frozenset[str]:
    """Entities with neither country nor org add nothing: they cannot be right or wrong."""
    return frozenset(party for entity in entities if (party := entity_party(entity)))


def _entities(prediction: Prediction, side: str) -> list[dict[str, Any]]:
    return list(prediction.get(side) or [])


def prediction_parties(prediction: Prediction) -> frozenset[str]:
    """Actor and recipient parties together: what tells a part from a duplicate."""
    return parties_of(_entities(prediction, "actor") + _entities(prediction, "recipient"))


def _side_ok(predicted: frozenset[str], gold: frozenset[str]) -> bool:
    """Shares a party with the gold side and brings in none the gold lacks."""
    return bool(predicted & gold) and predicted <= gold


def parties_match(prediction: Prediction, gold: GoldEvent) -> bool:
    """SCORING.md rule 2: symmetric events compare all parties, directed ones each side."""
    rule = gold.parties
    if isinstance(rule, Participants):
        return _participants_match(prediction_parties(prediction), rule.parties)
    return _directed_match(prediction, rule)


def _participants_match(predicted: frozenset[str], gold: frozenset[str]) -> bool:
    """At least two shared parties (one if the gold has one), none the gold lacks."""
    return len(predicted & gold) >= min(2, len(gold)) and predicted <= gold


def _directed_match(prediction: Prediction, rule: Directed) -> bool:
    if not _side_ok(parties_of(_entities(prediction, "actor")), rule.actors):
        return False
    recipients = parties_of(_entities(prediction, "recipient"))
    if not recipients:
        return rule.recipients_optional or not rule.recipients
    return _side_ok(recipients, rule.recipients)


def matches(prediction: Prediction, gold: GoldEvent) -> bool:
    """Right category, right parties, and no claim that something unreal occurred."""
    if prediction.get("event") not in gold.types:
        return False
    if prediction.get("status") == "occurred" and "occurred" not in gold.statuses:
        return False
    return parties_match(prediction, gold)


@dataclass(frozen=True)
class FieldCheck:
    """How one prediction fares on the fields of one gold event; None means not scored."""

    status: bool
    date: bool | None
    location: bool | None
    names_found: int
    names_total: int

    @property
    def names_share(self) -> float:
        """Share of the gold's named people found; 1.0 when the gold names nobody."""
        return self.names_found / self.names_total if self.names_total else 1.0

    @property
    def wrong(self) -> tuple[str, ...]:
        """The fields that are scored and wrong, for analysts reading a pairing."""
        verdicts = {
            "status": self.status,
            "date": self.date is not False,
            "location": self.location is not False,
            "names": self.names_found == self.names_total,
        }
        return tuple(name for name, right in verdicts.items() if not right)

    @property
    def all_right(self) -> bool:
        """Strict correctness: unscored fields count as right."""
        return not self.wrong


def check_fields(prediction: Prediction, gold: GoldEvent) -> FieldCheck:
    names_found, names_total = _names(prediction, gold.names)
    return FieldCheck(
        status=prediction.get("status") in gold.statuses,
        date=_date_right(prediction, gold),
        location=_location_right(prediction, gold),
        names_found=names_found,
        names_total=names_total,
    )


def _iso_day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _date_right(prediction: Prediction, gold: GoldEvent) -> bool | None:
    """The predicted interval must lie inside the gold one; an unreadable date is missing."""
    if gold.date is None:
        return None
    start = _iso_day(prediction.get("date"))
    end = _iso_day(prediction.get("enddate") or prediction.get("date"))
    if start is None or end is None:
        return False
    return gold.date.start <= start <= end <= gold.date.end


def _place_key(name: str) -> str:
    """Case and a leading "the" do not make a different place ("The Hague")."""
    key = " ".join(name.casefold().split())
    return key.removeprefix("the ")


def _location_right(prediction: Prediction, gold: GoldEvent) -> bool | None:
    if gold.location is None:
        return None
    place = prediction.get("event_loc") or {}
    name = place.get("name")
    if not isinstance(name, str):
        return False
    return _place_key(name) in {_place_key(gold_name) for gold_name in gold.location.names}


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _same_person(predicted_name: str, gold_name: str) -> bool:
    """Equal names, or a fuller predicted name that contains every gold token."""
    if predicted_name.casefold() == gold_name.casefold():
        return True
    predicted_tokens = set(_tokens(predicted_name))
    gold_tokens = _tokens(gold_name)
    return bool(gold_tokens) and all(token in predicted_tokens for token in gold_tokens)


def _names(prediction: Prediction, names: Sequence[GoldName]) -> tuple[int, int]:
    """(gold names found with the right party, gold names) over actor and recipient."""
    entities = _entities(prediction, "actor") + _entities(prediction, "recipient")
    found = sum(
        any(
            isinstance(entity.get("name"), str)
            and _same_person(entity["name"], gold.name)
            and entity_party(entity) in gold.parties
            for entity in entities
        )
        for gold in names
    )
    return found, len(names)


@dataclass(frozen=True)
class Pairing:
    """The one-to-one pairing of a document's predictions with its gold events.

    Prediction indices refer to the list that was scored. `duplicates` maps a prediction
    to the gold event it repeats; `unmatched` predictions match no gold event at all.
    """

    pairs: dict[str, int]
    checks: dict[str, FieldCheck]
    parts: dict[str, tuple[int, ...]]
    duplicates: dict[int, str]
    unmatched: tuple[int, ...]


def _fit(gold: GoldEvent, check: FieldCheck) -> tuple[bool, bool, bool, float, bool]:
    """Best fit first: required events, then right date, place, names and status."""
    return (
        gold.required,
        check.date is not False,
        check.location is not False,
        check.names_share,
        check.status,
    )


@dataclass(frozen=True)
class _Candidate:
    gold_index: int
    prediction: int
    check: FieldCheck


def pair(predictions: Sequence[Prediction], events: Sequence[GoldEvent]) -> Pairing:
    """Pair greedily, best fit first; ties go to the earlier gold event, then prediction."""
    candidates = [
        _Candidate(gold_index, index, check_fields(prediction, gold))
        for gold_index, gold in enumerate(events)
        for index, prediction in enumerate(predictions)
        if matches(prediction, gold)
    ]
    candidates.sort(
        key=lambda c: (
            tuple(-float(x) for x in _fit(events[c.gold_index], c.check)),
            c.gold_index,
            c.prediction,
        )
    )
    pairs: dict[str, int] = {}
    checks: dict[str, FieldCheck] = {}
    taken: set[int] = set()
    for candidate in candidates:
        gold_id = events[candidate.gold_index].id
        if gold_id not in pairs and candidate.prediction not in taken:
            pairs[gold_id] = candidate.prediction
            checks[gold_id] = candidate.check
            taken.add(candidate.prediction)
    return _attach_leftovers(predictions, events, candidates, pairs, checks)


def _attach_leftovers(
    predictions: Sequence[Prediction],
    events: Sequence[GoldEvent],
    candidates: list[_Candidate],
    pairs: dict[str, int],
    checks: dict[str, FieldCheck],
) -> Pairing:
    """An unpaired prediction is a part, a duplicate, or unmatched.

    Greedy pairing leaves no matching pair with both sides free, so whatever an unpaired
    prediction matches is already paired. It is a part of the best-fitting such event whose
    attached predictions all have other parties; failing that, a duplicate of its best fit.
    """
    attached: dict[str, list[int]] = {gold_id: [index] for gold_id, index in pairs.items()}
    parts: dict[str, list[int]] = {}
    duplicates: dict[int, str] = {}
    unmatched: list[int] = []
    paired = set(pairs.values())
    for index, prediction in enumerate(predictions):
        if index in paired:
            continue
        golds = [events[c.gold_index].id for c in candidates if c.prediction == index]
        if not golds:
            unmatched.append(index)
            continue
        own = prediction_parties(prediction)
        part_of = next(
            (
                gold_id
                for gold_id in golds
                if all(prediction_parties(predictions[i]) != own for i in attached[gold_id])
            ),
            None,
        )
        if part_of is None:
            duplicates[index] = golds[0]
            continue
        attached[part_of].append(index)
        parts.setdefault(part_of, []).append(index)
    return Pairing(
        pairs=pairs,
        checks=checks,
        parts={gold_id: tuple(indices) for gold_id, indices in parts.items()},
        duplicates=duplicates,
        unmatched=tuple(unmatched),
    )
