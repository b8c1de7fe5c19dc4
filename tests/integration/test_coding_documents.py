"""`code_documents` with the real pipeline: a failure stays with its document, long texts are
coded in parts, the time limit and a stop request are kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.coding import Coded, CodingLimits, NotCoded, Stopped, code_documents, split_text
from parley.models import Document
from parley.pipeline import Pipeline

STORIES = [
    "Japan and Australia will hold talks in Canberra on Friday, officials said.",
    "Police arrested dozens of protesters in Hong Kong on Thursday.",
    "France imposed new sanctions on Russia on Monday over the war.",
    "Germany sent humanitarian aid to Turkey after the earthquake on Tuesday.",
]


def documents(count: int) -> list[Document]:
    return [Document(f"doc-{n}", STORIES[n % len(STORIES)]) for n in range(count)]


def test_a_failing_document_is_the_only_one_lost(
    real_pipeline: Pipeline, faulty: Callable[..., Pipeline]
) -> None:
    given = documents(20)  # more than one batch
    alone = {d.id: [e.to_dict() for e in real_pipeline.extract(d)] for d in given}
    outcomes = list(code_documents(faulty(real_pipeline, "doc-2", "doc-17"), given))
    assert [o.document.id for o in outcomes] == [d.id for d in given]
    failed = [o for o in outcomes if isinstance(o, NotCoded)]
    assert [str(o) for o in failed] == [
        "doc-2: not coded: RecursionError: maximum recursion depth exceeded",
        "doc-17: not coded: RecursionError: maximum recursion depth exceeded",
    ]
    for outcome in outcomes:
        if isinstance(outcome, Coded):
            assert [e.to_dict() for e in outcome.events] == alone[outcome.document.id]


def test_a_long_document_is_coded_in_parts_with_its_own_positions(
    real_pipeline: Pipeline,
) -> None:
    text = "\n\n".join(STORIES * 6)
    limits = CodingLimits(part_chars=1_000)
    [outcome] = code_documents(real_pipeline, [Document("long", text)], limits)
    assert isinstance(outcome, Coded)
    parts = split_text(text, 1_000)
    assert outcome.parts == len(parts) > 1
    expected = []
    for offset, part in parts:
        for event in real_pipeline.extract(Document("long", part)):
            span = part[event.evidence.start : event.evidence.end]
            expected.append((event.event, event.evidence.start + offset, span))
    assert [
        (e.event, e.evidence.start, text[e.evidence.start : e.evidence.end]) for e in outcome.events
    ] == expected


def test_a_document_over_the_time_limit_is_named_and_the_next_one_coded(
    real_pipeline: Pipeline,
) -> None:
    slow = Document("slow", "\n\n".join(STORIES * 6))
    limits = CodingLimits(part_chars=1_000, seconds=1e-6)
    outcomes = list(code_documents(real_pipeline, [slow, *documents(1)], limits))
    assert isinstance(outcomes[0], NotCoded)
    assert outcomes[0].reason.startswith("not coded: over the time limit of 1e-06 s after ")
    assert isinstance(outcomes[1], Coded) and outcomes[1].events


def test_a_stop_request_ends_coding_at_the_next_document(real_pipeline: Pipeline) -> None:
    asked = iter([False, False, True])
    coded = code_documents(real_pipeline, documents(30), should_stop=lambda: next(asked, True))
    with pytest.raises(Stopped):
        list(coded)
