"""Scoring Parley's events against the MUC-4 incident keys (issue 12).

MUC-4 keys terrorist incidents, not PLOVER events, so the rule is coarse on purpose: an
incident is found when one event Parley coded for its message has a category the incident
type maps to (`CATEGORIES`) and puts it in the incident's country, by its place or by a
party (an armed group counts for its home state: the FMLN is Salvadoran). Each event
serves one incident, and events are assigned to maximise the incidents found.

Optional templates (the key's "(OPTIONAL)") are counted apart and never in the
denominator, as the MUC scorer did. The keys mark no event of other messages wrong, so
there is no precision; the ASSAULT/COERCE/PROTEST events Parley codes in messages with no
incident are counted instead, as a loose proxy (the keys leave out combat between armed
forces and other violence that is not terrorism, so not every such event is false).
Every figure is a count, so splits add up and a share can always be recomputed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parley.eval.matching import Prediction
from parley.eval.muc_keys import Incident, MucMessage

# MUC incident type → the PLOVER categories Parley may code it as.
CATEGORIES: dict[str, frozenset[str]] = {
    "ATTACK": frozenset({"ASSAULT"}),
    "BOMBING": frozenset({"ASSAULT"}),
    "ARSON": frozenset({"ASSAULT"}),
    "KIDNAPPING": frozenset({"ASSAULT", "COERCE"}),
    "ROBBERY": frozenset({"ASSAULT", "COERCE"}),
    "FORCED WORK STOPPAGE": frozenset({"PROTEST", "COERCE"}),
}
# The categories counted in messages without an incident (the precision proxy).
INCIDENT_CATEGORIES: frozenset[str] = frozenset().union(*CATEGORIES.values())


def categories(incident: Incident) -> frozenset[str]:
    """Every category any of the incident's type alternatives maps to."""
    return frozenset().union(*(CATEGORIES[kind] for kind in incident.types))


def event_countries(event: Prediction, homes: Mapping[str, str]) -> frozenset[str]:
    """The states an event puts itself in: its place's, and each party's (an organisation
    without a state stands for its home, as `OrgRecord.home` gives it)."""
    place = event.get("event_loc") or {}
    found = {place.get("country")}
    for entity in [*(event.get("actor") or []), *(event.get("recipient") or [])]:
        found.add(entity.get("country") or homes.get(entity.get("org") or ""))
    return frozenset(code for code in found if code)


def serves(event: Prediction, incident: Incident, homes: Mapping[str, str]) -> bool:
    """The rule of issue 12: a matching category in the incident's country (any country
    when the key gives no location)."""
    if event.get("event") not in categories(incident):
        return False
    return not incident.countries or bool(incident.countries & event_countries(event, homes))


def assign(
    incidents: Sequence[Incident], events: Sequence[Prediction], homes: Mapping[str, str]
) -> dict[int, int]:
    """Incident index → the event index serving it, one event per incident.

    A maximum bipartite matching by augmenting paths: an incident once served stays served
    when later ones are added, so taking the required incidents first finds as many of them
    as can be found, then as many optional ones as the remaining events allow.
    """
    edges = [
        [e for e, event in enumerate(events) if serves(event, incident, homes)]
        for incident in incidents
    ]
    served_by: dict[int, int] = {}  # event → incident

    def augment(incident: int, seen: set[int]) -> bool:
        free = [event for event in edges[incident] if event not in served_by]
        if free:  # a free event first, so easy cases keep the order of the text
            served_by[free[0]] = incident
            return True
        for event in edges[incident]:
            if event not in seen:
                seen.add(event)
                if augment(served_by[event], seen):
                    served_by[event] = incident
                    return True
        return False

    for incident in sorted(range(len(incidents)), key=lambda i: incidents[i].optional):
        augment(incident, set())
    return {incident: event for event, incident in served_by.items()}


@dataclass(frozen=True)
class Tally:
    """Incidents and how many of them were found."""

    incidents: int = 0
    found: int = 0

    @property
    def share(self) -> float | None:
        """None with no incidents, so "nothing to find" never reads as 0% or 100%."""
        return self.found / self.incidents if self.incidents else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.incidents + other.incidents, self.found + other.found)

    def to_dict(self) -> dict[str, Any]:
        return {"incidents": self.incidents, "found": self.found, "share": self.share}


@dataclass(frozen=True)
class IncidentOutcome:
    """One incident and the event (index into the message's events) that serves it."""

    incident: Incident
    event: int | None

    @property
    def found(self) -> bool:
        return self.event is not None


@dataclass(frozen=True)
class MessageScore:
    """One message: what became of each incident, and for a message without incidents the
    incident-category events coded anyway (category → count)."""

    message: MucMessage
    outcomes: tuple[IncidentOutcome, ...]
    unkeyed: dict[str, int]


def score_message(
    message: MucMessage, events: Sequence[Prediction], homes: Mapping[str, str]
) -> MessageScore:
    """Score one message's events (`Event.to_dict()` records) against its key."""
    served = assign(message.incidents, events, homes)
    outcomes = tuple(
        IncidentOutcome(incident, served.get(index))
        for index, incident in enumerate(message.incidents)
    )
    unkeyed: Counter[str] = Counter()
    if not message.incidents:
        unkeyed.update(e["event"] for e in events if e.get("event") in INCIDENT_CATEGORIES)
    return MessageScore(message, outcomes, dict(sorted(unkeyed.items())))


@dataclass(frozen=True)
class MucTotal:
    """Counts over messages. `required` is the headline; the breakdowns by split, type and
    stage are of required incidents; `unkeyed_events` is the precision proxy."""

    messages: int
    required: Tally
    optional: Tally
    by_split: dict[str, Tally]
    by_type: dict[str, Tally]
    by_stage: dict[str, Tally]
    messages_without_incident: int
    messages_without_incident_with_events: int
    unkeyed_events: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "required": self.required.to_dict(),
            "optional": self.optional.to_dict(),
            "by_split": _tallies(self.by_split),
            "by_type": _tallies(self.by_type),
            "by_stage": _tallies(self.by_stage),
            "precision_proxy": {
                "note": "incident-category events coded in messages whose key has no "
                "incident; MUC keys only terrorist incidents, so not all are false",
                "messages_without_incident": self.messages_without_incident,
                "messages_with_such_events": self.messages_without_incident_with_events,
                "events": self.unkeyed_events,
            },
        }


def _tallies(tallies: Mapping[str, Tally]) -> dict[str, Any]:
    return {name: tally.to_dict() for name, tally in tallies.items()}


def _tally_by(outcomes: Iterable[tuple[str, IncidentOutcome]]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for name, outcome in outcomes:
        tallies[name] = tallies.get(name, Tally()) + Tally(1, int(outcome.found))
    return dict(sorted(tallies.items()))


def score_total(scores: Sequence[MessageScore]) -> MucTotal:
    """Sum message scores into per-split, per-type and per-stage counts."""
    required = [(s.message.split, o) for s in scores for o in s.outcomes if not o.incident.optional]
    optional = [o for s in scores for o in s.outcomes if o.incident.optional]
    without = [s for s in scores if not s.message.incidents]
    unkeyed: Counter[str] = Counter()
    for score in without:
        unkeyed.update(score.unkeyed)
    return MucTotal(
        messages=len(scores),
        required=Tally(len(required), sum(o.found for _, o in required)),
        optional=Tally(len(optional), sum(o.found for o in optional)),
        by_split=_tally_by(required),
        by_type=_tally_by((o.incident.type_label, o) for _, o in required),
        by_stage=_tally_by((o.incident.stage_label, o) for _, o in required),
        messages_without_incident=len(without),
        messages_without_incident_with_events=sum(bool(s.unkeyed) for s in without),
        unkeyed_events=dict(sorted(unkeyed.items())),
    )
