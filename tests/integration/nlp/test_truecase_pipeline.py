"""All-lower and all-upper text, and hard-wrapped wire copy, code like their mixed-case
originals, with every span pointing into the text as given."""

from __future__ import annotations

from datetime import date

import pytest

from parley.models import Document, Event
from parley.nlp.truecase import lower, upper
from parley.pipeline import Pipeline

PUBLISHED = date(2023, 3, 14)

STORIES = [
    "In Lucknow, the police fired tear gas to disperse the protesters on Monday.",
    "Guerrillas of the Shining Path attacked a police station in Lima on Monday, the army said.",
    "Japan and Australia will hold talks in Canberra on Friday.",
    "Germany condemned Iran over the executions on Monday.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def coded(pipeline: Pipeline, text: str) -> list[tuple]:
    """What an analyst compares: category, status, parties, date and place of each event."""
    events = pipeline.extract(Document(id="t", text=text, published=PUBLISHED))
    return sorted(summary(e) for e in events)


def summary(event: Event) -> tuple:
    return (
        event.event,
        event.status,
        tuple(sorted(a.party or "" for a in event.actor)),
        tuple(sorted(a.party or "" for a in event.recipient)),
        (event.date.start, event.date.end) if event.date else None,
        event.event_loc.name if event.event_loc else None,
    )


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("change", [lower, upper], ids=["lower", "upper"])
def test_caseless_copy_gives_the_events_of_the_original(pipeline, story, change) -> None:
    original = coded(pipeline, story)
    assert original, "each story has an event in mixed case"
    assert coded(pipeline, change(story)) == original


def test_without_restoration_caseless_text_loses_its_events(pipeline) -> None:
    as_given = Pipeline(restore=False)
    lost = [
        story
        for story in STORIES
        for change in (lower, upper)
        if coded(as_given, change(story)) != coded(pipeline, story)
    ]
    assert lost  # restoration is what the test above depends on


def test_spans_point_into_the_text_as_given(pipeline) -> None:
    text = upper(" ".join(STORIES))
    events = pipeline.extract(Document(id="t", text=text, published=PUBLISHED))
    assert events
    for event in events:
        quoted = text[event.evidence.start : event.evidence.end]
        assert " ".join(lower(quoted).split()) == lower(event.text)
        for entity in event.actor + event.recipient:
            if entity.start is not None:
                assert lower(text[entity.start : entity.end]) == lower(entity.text)


def test_hard_wrapped_wire_copy_is_read_across_its_lines(pipeline) -> None:
    wire = (
        "ACCORDING TO THE ARMY, HEAVILY ARMED GUERRILLAS OF THE SHINING PATH\n"
        "ATTACKED A POLICE STATION IN LIMA ON MONDAY, KILLING TWO OFFICERS, THE\n"
        "ARMY SAID IN A STATEMENT ISSUED IN THE CAPITAL.\n"
    )
    events = coded(pipeline, wire)
    assert ("ASSAULT", "occurred", ("SHININGPATH",), ("PER",)) in [e[:4] for e in events]


def test_batches_restore_case_like_single_documents(pipeline) -> None:
    documents = [
        Document(id=f"{i}-{change.__name__}", text=change(story), published=PUBLISHED)
        for i, story in enumerate(STORIES)
        for change in (lower, upper)
    ]
    batched = {
        d.id: sorted(summary(e) for e in events) for d, events in pipeline.extract_many(documents)
    }
    for document in documents:
        assert batched[document.id] == coded(pipeline, document.text)
