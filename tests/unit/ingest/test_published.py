from datetime import date
from pathlib import Path

import pytest

from parley.ingest.published import HEAD_CHARS, find_publication_date, publication

EXAMPLES = Path("/work/shared/examples")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 31, 2022\n\nSEOUL – South Korea said...", date(2022, 5, 31)),
        ("Thursday, October 10, 2019 \n\nOn Monday, ...", date(2019, 10, 10)),
        ("31 May 2022\nThe ministry said...", date(2022, 5, 31)),
        ("2022-05-31\nThe ministry said...", date(2022, 5, 31)),
        ("Headline\nPublished: Sept. 5, 2019 at 10:30 a.m. EDT\nBody", date(2019, 9, 5)),
        ("Updated : 2022-05-31 17:34\nBody", date(2022, 5, 31)),
        ("SEOUL, May 31, 2022 (Yonhap) -- South Korea said...", date(2022, 5, 31)),
        ("WASHINGTON, D.C., Monday, 3rd June 2019 — The envoy said...", date(2019, 6, 3)),
    ],
)
def test_finds_a_date_line_or_dateline(text: str, expected: date) -> None:
    assert find_publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, May 31 (Yonhap) -- South Korea said...",  # no year: not enough to anchor dates
        "The June 12, 2018 summit in Singapore was recalled on Friday.",  # a date in a sentence
        "February 30, 2022\nBody",  # no such day
        "Nothing but words here.",
        "",
    ],
)
def test_returns_none_without_a_stated_full_date(text: str) -> None:
    assert find_publication_date(text) is None


def test_ignores_a_date_line_past_the_opening() -> None:
    text = "word " * (HEAD_CHARS // 5 + 10) + "\nMay 31, 2022\nBody"
    assert find_publication_date(text) is None


def test_first_date_line_wins() -> None:
    assert find_publication_date("June 1, 2022\nMay 31, 2022\nBody") == date(2022, 6, 1)


def test_publication_prefers_given_then_metadata_then_dateline() -> None:
    text = "May 31, 2022\nBody"
    assert publication(text, given=date(2020, 1, 2)) == (date(2020, 1, 2), "given")
    assert publication(text, metadata=date(2021, 3, 4)) == (date(2021, 3, 4), "html-metadata")
    assert publication(text) == (date(2022, 5, 31), "dateline")
    assert publication("Body only") == (None, None)


def test_reference_articles() -> None:
    korea = (EXAMPLES / "korea-herald-2022-05-31.txt").read_text(encoding="utf-8")
    wikinews = (EXAMPLES / "wikinews-137.txt").read_text(encoding="utf-8")
    assert find_publication_date(korea) == date(2022, 5, 31)
    assert find_publication_date(wikinews) == date(2019, 10, 10)
