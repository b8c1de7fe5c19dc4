"""Values sent between a command and the server that owns its store come back as the same
objects, and the wire builds nothing but the records it lists."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from parley.models import DateSpan, Document, Entity, Event, Evidence
from parley.store import Comparison, EventFilter, LinkCounts, Person, SourcedEvent, StatsBy
from parley.wire import WireError, decode, encode


def _event() -> Event:
    return Event(
        doc_id="d1",
        event="CONSULT",
        status="planned",
        text="Japan and France will meet on Friday.",
        evidence=Evidence(0, 37),
        actor=[Entity(text="Japan", country="JPN")],
        recipient=[Entity(text="France", country="FRA")],
        date=DateSpan(date(2022, 6, 3), date(2022, 6, 3), "Friday"),
    )


@pytest.mark.parametrize(
    "value",
    [
        None,
        3,
        "text",
        [1, "two", None],
        (1, 2),
        {"USA", "FRA"},
        date(2022, 6, 3),
        datetime(2022, 6, 3, 9, 30),
        {"occurred": 3, "planned": 1},
        StatsBy.month,
        EventFilter(event=("CONSULT",), between=("JPN", "FRA"), since=date(2022, 1, 1)),
        Comparison(("USA", "IRN"), None),
        LinkCounts(1, 2, 3),
        Person(
            "Fumio Kishida",
            "JPN",
            None,
            None,
            "prime minister",
            "d1",
            date(2022, 1, 1),
            "d2",
            None,
            2,
            3,
        ),
        Document(id="d1", text="Japan and France will meet.", published=date(2022, 5, 31)),
        [SourcedEvent(_event(), "c1", 2)],
    ],
)
def test_a_value_comes_back_as_itself(value: object) -> None:
    assert decode(encode(value)) == value


def test_an_event_crosses_in_the_form_of_its_export() -> None:
    event = _event()
    assert encode(event) == {"$type": "Event", "value": event.to_dict()}
    assert decode(encode(event)).to_dict() == event.to_dict()


@pytest.mark.parametrize(
    "data",
    [
        {"$type": "Store", "value": {}},  # not a record the wire lists
        {"$type": "os.system", "value": {}},
        {"$enum": "StatsBy", "value": "colour"},
        {"$type": "EventFilter", "value": {"colour": "red"}},
        {"$type": "EventFilter", "value": ["not", "an", "object"]},
        {"$date": "yesterday"},
        {"$tuple": "not a list"},
        {"$type": "StatsBy", "value": {}},  # an enumeration is not built as a record
        b"bytes",
    ],
)
def test_data_that_describes_nothing_is_refused(data: object) -> None:
    with pytest.raises(WireError):
        decode(data)


def test_what_json_cannot_carry_is_refused() -> None:
    with pytest.raises(WireError, match="cannot send a bytes"):
        encode(b"raw")
