"""Cutting a long text into parts and moving events back: pure functions, any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.coding import one_line, shift, split_text
from parley.models import Entity, Event, Evidence

PARAGRAPH = "Envoys met in Seoul on Friday. They agreed to meet again.\n\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t!é"), max_size=3_000), st.integers(4, 400))
def test_parts_are_the_text_cut_into_pieces_no_longer_than_asked(text: str, size: int) -> None:
    parts = split_text(text, size)
    assert "".join(part for _, part in parts) == text
    assert all(len(part) <= size for _, part in parts)
    assert [offset for offset, _ in parts] == [
        sum(len(part) for _, part in parts[:n]) for n in range(len(parts))
    ]
    assert all(part for _, part in parts) or text == ""


def test_parts_end_at_paragraph_breaks_when_there_are_any() -> None:
    text = PARAGRAPH * 40
    parts = split_text(text, 1_000)
    assert len(parts) > 1
    assert all(part.endswith("\n\n") for _, part in parts[:-1])
    assert all(len(part) > 500 for _, part in parts[:-1])  # at least half full


def test_without_paragraphs_a_part_ends_after_a_sentence_then_a_space() -> None:
    sentences = split_text("One sentence here. " * 100, 300)
    assert all(part.endswith(". ") for _, part in sentences[:-1])
    words = split_text("word " * 200, 300)
    assert all(part.endswith(" ") for _, part in words[:-1])
    assert split_text("x" * 700, 300) == [(0, "x" * 300), (300, "x" * 300), (600, "x" * 100)]


def test_shift_moves_every_position_and_so_the_id() -> None:
    event = Event(
        doc_id="d",
        event="CONSULT",
        status="occurred",
        text="Envoys met.",
        evidence=Evidence(10, 21),
        actor=[Entity("Envoys", country="KOR", start=10, end=16), Entity("them")],
        recipient=[Entity("Japan", country="JPN", start=30, end=35)],
        trigger_start=17,
        mentions=[Evidence(10, 21), Evidence(40, 50)],
    )
    moved = shift(event, 1_000)
    assert moved.evidence == Evidence(1_010, 1_021)
    assert moved.mentions == [Evidence(1_010, 1_021), Evidence(1_040, 1_050)]
    assert [(e.start, e.end) for e in moved.actor] == [(1_010, 1_016), (None, None)]
    assert [(e.start, e.end) for e in moved.recipient] == [(1_030, 1_035)]
    assert moved.trigger_start == 1_017
    assert moved.id != event.id and shift(event, 0) is event
    assert event.evidence == Evidence(10, 21)  # the original is left as it was


def test_one_line_names_the_error_in_one_line() -> None:
    assert one_line(RecursionError("maximum recursion depth exceeded")) == (
        "RecursionError: maximum recursion depth exceeded"
    )
    assert one_line(ValueError("first\nsecond")) == "ValueError: first"
    assert one_line(KeyError()) == "KeyError"
    assert len(one_line(ValueError("x" * 1_000))) == 200
