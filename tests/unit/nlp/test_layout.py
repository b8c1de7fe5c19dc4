"""Which line breaks end a unit and which only wrap a paragraph."""

from __future__ import annotations

from parley.nlp.layout import soft_breaks, unwrap

WIRE = (
    "THE SALVADORAN ARMY TODAY PREVENTED THE OCCUPATION OF CITIES IN THE\n"
    "EASTERN PART OF EL SALVADOR, WAGING STRONG CLASHES BETWEEN MIDNIGHT AND\n"
    "DAWN, ACCORDING TO REPORTS BY MILITARY SOURCES.\n"
    "\n"
    "THE ATTACKS TOOK PLACE IN USULUTAN, 110 KM EAST OF THE CAPITAL, AND IN\n"
    "SANTA ELENA.\n"
)


def test_wrapped_wire_copy_breaks_softly_inside_its_paragraphs() -> None:
    breaks = [i for i, c in enumerate(WIRE) if c == "\n"]
    # not after 'SOURCES.' (a sentence ends), around the blank line, or after 'ELENA.'
    assert soft_breaks(WIRE) == {breaks[0], breaks[1], breaks[4]}


def test_a_news_page_breaks_hard_at_every_line() -> None:
    page = (
        "Troops kill five in Kashmir\n"
        "By a staff reporter\n"
        "Indian troops killed five militants on Monday, the army said in a statement.\n"
        "The operation went on for hours in the district, officials told reporters.\n"
    )
    assert soft_breaks(page) == set()


def test_one_long_line_running_on_is_no_wrapping() -> None:
    text = "A headline long enough to be mistaken for wrapped copy here\nThe body begins."
    assert soft_breaks(text) == set()


def test_unwrapping_makes_soft_breaks_spaces_and_keeps_the_rest() -> None:
    unwrapped = unwrap(WIRE)
    assert len(unwrapped) == len(WIRE)
    assert unwrapped.split("\n") == [
        WIRE.split("\n")[0] + " " + WIRE.split("\n")[1] + " " + WIRE.split("\n")[2],
        "",
        WIRE.split("\n")[4] + " " + WIRE.split("\n")[5],
        "",
    ]
