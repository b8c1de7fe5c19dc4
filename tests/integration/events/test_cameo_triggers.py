"""Sentences only the entries converted from the CAMEO verb dictionary code: verbs Parley's
own lexicon has no entry for ('recapture', 'vandalize', 'broker', 'raze', 'chant')."""

from __future__ import annotations

import pytest

import parley

PUBLISHED = "2023-03-14"


@pytest.mark.parametrize(
    ("text", "category", "cameo", "actor", "recipient"),
    [
        (
            "Syrian government forces recaptured the town of Saraqeb on Monday.",
            "COERCE",
            "192",
            {"SYR"},
            {"SYR"},
        ),
        (
            "Protesters vandalized the Chinese embassy in Hanoi on Sunday.",
            "ASSAULT",
            "1712",
            {"VNM"},
            {"CHN"},
        ),
        (
            "Qatar brokered talks between the United States and the Taliban.",
            "CONSULT",
            "045",
            {"QAT"},
            {"USA", "TALIBAN"},
        ),
        ("Israeli forces razed Palestinian homes in Hebron.", "ASSAULT", "1712", {"ISR"}, {"PSE"}),
        (
            "Thousands of protesters chanted slogans against the government in Minsk on Sunday.",
            "PROTEST",
            "141",
            {"BLR"},
            {"BLR"},
        ),
    ],
)
def test_a_cameo_verb_codes_its_event(
    text: str, category: str, cameo: str, actor: set[str], recipient: set[str]
) -> None:
    events = [e for e in parley.extract(text, published=PUBLISHED, doc_id="t") if e.cameo == cameo]
    assert len(events) == 1, [(e.event, e.cameo, e.trigger) for e in events]
    event = events[0]
    assert event.event == category
    assert event.status == "occurred"
    assert {e.party for e in event.actor} == actor
    assert {e.party for e in event.recipient} == recipient


def test_a_general_verb_needs_a_word_that_is_an_event() -> None:
    """CAMEO's GOVERN block codes 'govern' + 'country' as an expulsion (174); 'govern'
    spans too many senses for one word to decide, and 'country' names no event."""
    text = "The Socialist Party of Albania has governed the country since 2013."
    assert parley.extract(text, published=PUBLISHED, doc_id="t") == []
