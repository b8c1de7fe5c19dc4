"""The syllabus: what each document of a run may know, whatever order results come in."""

from __future__ import annotations

import pytest

from parley.lessons import Lesson, Syllabus


def lesson(name: str, country: str = "NOR") -> Lesson:
    return Lesson(name, country, None, "GOV", None)


def test_a_document_knows_the_taught_and_those_lag_before_it() -> None:
    taught = [lesson("Ada Lovelace", "GBR")]
    syllabus = Syllabus(taught, lag=2)
    assert syllabus.ready(0) and syllabus.ready(1) and not syllabus.ready(2)
    assert syllabus.due(0, 1) == (taught, 1)
    syllabus.record(1, [lesson("Bo Ek")])  # out of order: nothing settles yet
    assert syllabus.settled == 0 and not syllabus.ready(2)
    syllabus.record(0, [lesson("Ann Li")])
    assert syllabus.settled == 2
    assert syllabus.due(1, 2) == ([lesson("Ann Li")], 2)  # position 2 knows position 0
    assert syllabus.due(2, 3) == ([lesson("Bo Ek")], 3)
    assert syllabus.due(0, 3) == ([*taught, lesson("Ann Li"), lesson("Bo Ek")], 3)
    with pytest.raises(ValueError):
        syllabus.due(3, 4)


def test_a_name_is_taught_once_as_first_learned() -> None:
    syllabus = Syllabus([lesson("Ann Li", "CHN")], lag=1)
    syllabus.record(0, [lesson("ann li", "NOR"), lesson("Bo Ek")])
    syllabus.record(1, [lesson("Bo Ek", "SWE")])
    assert syllabus.rest(0) == [lesson("Ann Li", "CHN"), lesson("Bo Ek")]
    assert syllabus.rest(1) == [lesson("Bo Ek")]
