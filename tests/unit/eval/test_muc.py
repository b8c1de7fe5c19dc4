"""The MUC-4 scoring rule of issue 12, on hand-made incidents and event records."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.actors.dictionary import load_dictionaries
from parley.eval.muc import (
    CATEGORIES,
    assign,
    score_message,
    score_total,
    serves,
)
from parley.eval.muc_keys import INCIDENT_TYPES, Incident, MucMessage

HOMES = {o.org: o.home for o in load_dictionaries().organizations if o.home}


def incident(
    kind: str = "ATTACK",
    *countries: str,
    number: int = 1,
    optional: bool = False,
    stage: str = "ACCOMPLISHED",
) -> Incident:
    return Incident(
        message="TST1-MUC3-0001",
        number=number,
        optional=optional,
        types=tuple(kind.split(" / ")),
        stages=(stage,),
        location=" / ".join(countries),
        countries=frozenset(countries),
    )


def event(
    category: str = "ASSAULT",
    *,
    place: str | None = None,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
) -> dict[str, Any]:
    """An `Event.to_dict()`-shaped record; a party of 3 letters is a state, else an org."""

    def entity(party: str) -> dict[str, Any]:
        return {"text": party, "country" if len(party) == 3 else "org": party}

    return {
        "event": category,
        "status": "occurred",
        "actor": [entity(party) for party in actors],
        "recipient": [entity(party) for party in recipients],
        "event_loc": {"name": "somewhere", "country": place} if place else None,
    }


def test_every_muc_incident_type_has_categories() -> None:
    assert set(CATEGORIES) == INCIDENT_TYPES


@pytest.mark.parametrize(
    ("kind", "category", "found"),
    [
        ("ATTACK", "ASSAULT", True),
        ("BOMBING", "ASSAULT", True),
        ("ARSON", "ASSAULT", True),
        ("BOMBING", "COERCE", False),
        ("KIDNAPPING", "ASSAULT", True),
        ("KIDNAPPING", "COERCE", True),
        ("ROBBERY", "COERCE", True),
        ("ROBBERY", "ASSAULT", True),
        ("FORCED WORK STOPPAGE", "PROTEST", True),
        ("FORCED WORK STOPPAGE", "COERCE", True),
        ("FORCED WORK STOPPAGE", "ASSAULT", False),
        ("ATTACK", "THREATEN", False),
        ("ARSON / ROBBERY", "COERCE", True),
    ],
)
def test_categories_an_incident_type_may_be_coded_as(kind: str, category: str, found: bool) -> None:
    assert serves(event(category, place="SLV"), incident(kind, "SLV"), HOMES) is found


def test_the_country_comes_from_the_place_or_any_party() -> None:
    bombing = incident("BOMBING", "COL")
    assert serves(event(place="COL"), bombing, HOMES)
    assert serves(event(actors=("COL",)), bombing, HOMES)
    assert serves(event(actors=("USA",), recipients=("COL",)), bombing, HOMES)
    assert not serves(event(place="PER", actors=("USA",)), bombing, HOMES)
    assert not serves(event(), bombing, HOMES)


def test_an_armed_group_puts_the_event_in_its_home_state() -> None:
    assert serves(event(actors=("FMLN",)), incident("ATTACK", "SLV"), HOMES)
    assert not serves(event(actors=("FMLN",)), incident("ATTACK", "PER"), HOMES)


def test_any_country_of_the_location_alternatives_will_do() -> None:
    border = incident("ATTACK", "HND", "SLV")
    assert serves(event(place="HND"), border, HOMES)
    assert serves(event(place="SLV"), border, HOMES)


def test_an_incident_the_key_does_not_locate_needs_only_the_category() -> None:
    assert serves(event("COERCE"), incident("ROBBERY"), HOMES)


def test_each_event_serves_one_incident() -> None:
    two = [incident("ATTACK", "SLV", number=1), incident("BOMBING", "SLV", number=2)]
    assert assign(two, [event(place="SLV")], HOMES) == {0: 0}
    assert assign(two, [event(place="SLV"), event(place="SLV")], HOMES) == {0: 0, 1: 1}


def test_events_are_assigned_to_find_as_many_incidents_as_possible() -> None:
    """Taking the first serving event for the kidnapping would leave the attack without
    one; the matching gives the kidnapping the arrest instead."""
    kidnapping, attack = incident("KIDNAPPING", "PER"), incident("ATTACK", "PER", number=2)
    events = [event("ASSAULT", place="PER"), event("COERCE", place="PER")]
    assert assign([kidnapping, attack], events, HOMES) == {0: 1, 1: 0}


def test_a_required_incident_comes_before_an_optional_one() -> None:
    optional = incident("ATTACK", "GTM", optional=True)
    required = incident("ATTACK", "GTM", number=2)
    assert assign([optional, required], [event(place="GTM")], HOMES) == {1: 0}


def message(split: str, *incidents: Incident) -> MucMessage:
    return MucMessage("TST1-MUC3-0001", split, incidents)


def test_a_message_score_keeps_which_event_serves_each_incident() -> None:
    key = message("tst1", incident("ATTACK", "CHL"), incident("ARSON", "CHL", number=2))
    score = score_message(key, [event("CONSULT"), event(place="CHL")], HOMES)
    assert [(o.incident.number, o.event, o.found) for o in score.outcomes] == [
        (1, 1, True),
        (2, None, False),
    ]
    assert score.unkeyed == {}


def test_incident_categories_in_a_message_without_incident_are_counted_apart() -> None:
    events = [event("ASSAULT"), event("COERCE"), event("ASSAULT"), event("CONSULT")]
    assert score_message(message("dev"), events, HOMES).unkeyed == {"ASSAULT": 2, "COERCE": 1}


def test_totals_count_required_incidents_by_split_type_and_stage_and_optional_apart() -> None:
    scores = [
        score_message(
            message(
                "tst1",
                incident("ATTACK", "SLV"),
                incident("BOMBING", "SLV", number=2, stage="ATTEMPTED"),
                incident("ATTACK", "SLV", number=3, optional=True),
            ),
            [event(place="SLV")],
            HOMES,
        ),
        score_message(message("tst2", incident("KIDNAPPING", "COL")), [event("COERCE")], HOMES),
        score_message(message("tst2"), [event("PROTEST"), event("AGREE")], HOMES),
        score_message(message("tst2"), [], HOMES),
    ]
    total = score_total(scores)
    assert total.messages == 4
    assert (total.required.incidents, total.required.found, total.required.share) == (3, 1, 1 / 3)
    assert (total.optional.incidents, total.optional.found) == (1, 0)
    assert {split: (t.incidents, t.found) for split, t in total.by_split.items()} == {
        "tst1": (2, 1),
        "tst2": (1, 0),
    }
    assert {kind: (t.incidents, t.found) for kind, t in total.by_type.items()} == {
        "ATTACK": (1, 1),
        "BOMBING": (1, 0),
        "KIDNAPPING": (1, 0),
    }
    assert {stage: t.incidents for stage, t in total.by_stage.items()} == {
        "ACCOMPLISHED": 2,
        "ATTEMPTED": 1,
    }
    assert (total.messages_without_incident, total.messages_without_incident_with_events) == (2, 1)
    assert total.unkeyed_events == {"PROTEST": 1}
    figures = total.to_dict()
    assert figures["required"] == {"incidents": 3, "found": 1, "share": 1 / 3}
    assert figures["precision_proxy"]["events"] == {"PROTEST": 1}


def test_no_incidents_is_no_share_rather_than_zero() -> None:
    assert score_total([]).required.share is None


def _most_found(incidents: list[Incident], events: list[dict[str, Any]]) -> tuple[int, int]:
    """(required, all) incidents found by the best of every assignment, by brute force."""
    best = (0, 0)
    for choice in product([None, *range(len(events))], repeat=len(incidents)):
        used = [e for e in choice if e is not None]
        if len(used) != len(set(used)):
            continue
        found = [
            i
            for i, e in enumerate(choice)
            if e is not None and serves(events[e], incidents[i], HOMES)
        ]
        required = sum(not incidents[i].optional for i in found)
        best = max(best, (required, len(found)))
    return best


@settings(max_examples=1000, deadline=None)
@given(
    incidents=st.lists(
        st.tuples(
            st.sampled_from(["ATTACK", "KIDNAPPING", "FORCED WORK STOPPAGE"]),
            st.sampled_from(["SLV", "PER"]),
            st.booleans(),
        ),
        max_size=4,
    ),
    events=st.lists(
        st.tuples(
            st.sampled_from(["ASSAULT", "COERCE", "PROTEST"]), st.sampled_from(["SLV", "PER"])
        ),
        max_size=4,
    ),
)
def test_the_assignment_finds_the_most_required_then_the_most_incidents(
    incidents: list[tuple[str, str, bool]], events: list[tuple[str, str]]
) -> None:
    keyed = [incident(k, c, number=n, optional=o) for n, (k, c, o) in enumerate(incidents)]
    coded = [event(category, place=place) for category, place in events]
    served = assign(keyed, coded, HOMES)
    assert len(set(served.values())) == len(served)
    assert all(serves(coded[e], keyed[i], HOMES) for i, e in served.items())
    required = sum(not keyed[i].optional for i in served)
    assert (required, len(served)) == _most_found(keyed, coded)
