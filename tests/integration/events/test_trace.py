"""The trace of a document: every candidate word, and the one reason a dropped one went."""

from __future__ import annotations

from datetime import date

import pytest

from parley.models import Document
from parley.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def explain(pipeline: Pipeline, text: str):
    document = Document(id="t", text=text, published=date(2024, 5, 10))
    return pipeline.explain(document)


def test_every_event_is_a_candidate_that_points_at_it(pipeline: Pipeline) -> None:
    events, trace = explain(pipeline, "Japan and Australia held talks in Canberra on Monday.")
    kept = [c for c in trace.candidates if c.outcome == "event"]
    assert [c.word for c in kept] == ["talks"]
    assert kept[0].event_id == events[0].id


def test_a_candidate_without_actor_says_so(pipeline: Pipeline) -> None:
    _, trace = explain(pipeline, "The king dissolved parliament at the request of the minister.")
    request = next(c for c in trace.candidates if c.word == "request")
    assert request.outcome == "dropped"
    assert request.reason.startswith("no actor")


def test_a_listed_word_whose_conditions_fail_says_what_it_needed(pipeline: Pipeline) -> None:
    _, trace = explain(pipeline, "The company launched a new phone in Seoul on Monday.")
    launched = next(c for c in trace.candidates if c.word == "launched")
    assert launched.outcome == "no entry"
    assert "needs one of" in launched.reason


def test_a_telling_folded_into_the_event_it_repeats(pipeline: Pipeline) -> None:
    text = (
        "A car bomb exploded at a base in Kabul on Monday, killing five soldiers. "
        "The attack was claimed by the Taliban."
    )
    events, trace = explain(pipeline, text)
    folded = [c for c in trace.candidates if c.outcome == "folded"]
    assert folded and all(c.event_id in {e.id for e in events} for c in folded)


def test_a_word_the_request_asks_for_is_not_an_event(pipeline: Pipeline) -> None:
    _, trace = explain(pipeline, "France urged Iran to release the prisoners on Monday.")
    release = next(c for c in trace.candidates if c.word == "release")
    assert release.outcome == "dropped"
    assert "told by ‘urged’" in release.reason
