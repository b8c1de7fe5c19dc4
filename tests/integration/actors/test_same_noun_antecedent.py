"""A bare definite noun ('the peace process') takes its owner from an earlier phrase with
the same head, never from the phrase it is part of."""

from __future__ import annotations

import parley


def test_an_appositive_of_the_same_noun_is_coded_without_looping() -> None:
    # 'the peace process' is in apposition to 'the electoral process': the earlier phrase
    # holds it, so it cannot be its antecedent (this once recursed without end)
    events = parley.extract(
        "The rebels attacked the electoral process, especially the peace process."
    )
    assert all(e.event for e in events)
