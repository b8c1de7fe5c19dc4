"""Numbers the parser takes for dates that are not: clock times, counts, measures, the
numbers of laws, routes and flights, codes. Each row is a phrase as the model tags it in a
sentence of its own; `dated` is what the anchors do with it (the predicate, then
`resolve_date`), so a non-date must come out undated and a real date must keep its span.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.models import DateSpan
from parley.normalize.dates import is_date_phrase, resolve_date

PUBLISHED = date(2020, 6, 15)


def _located(phrase: str, sentence: str) -> tuple[int, int]:
    start = sentence.index(phrase)
    return start, start + len(phrase)


def dated(phrase: str, sentence: str) -> DateSpan | None:
    """The date the anchors take from `phrase` in `sentence`, as `date_for` does."""
    if not is_date_phrase(sentence, *_located(phrase, sentence)):
        return None
    return resolve_date(phrase, PUBLISHED, "past")


# phrase, sentence, expected (start, end) or None: not a date
ROWS: list[tuple[str, str, tuple[str, str] | None]] = [
    # clock times
    ("1625", "At around 11:25 a.m. (1625 UTC), the agency called the race.", None),
    ("1800", "Troops will enforce the curfew from 1800 hours.", None),
    ("2100", "Polls close at 2100 GMT on Sunday.", None),
    ("1930", "The crash happened around 8:30 p.m. BST (1930 UTC) on August 27.", None),
    ("1430", "The blast was heard at 1430 local time.", None),
    ("1625", "The jet left the runway at 1625 on Friday.", None),
    ("2359", "Voting ended at 2359.", None),
    ("1200", "The ceasefire took effect at 1200 hrs.", None),
    ("1745", "Talks resumed at 1745 EST after a break.", None),
    ("between 1600 and 1800", "Shelling went on between 1600 and 1800 GMT.", None),
    ("1625", "The aircraft was tracked until 1625Z.", None),
    ("2000", "Reporters were told to assemble at 2000 Zulu.", None),
    # counts and measures
    ("2000", "Some 2000 protesters marched on parliament.", None),
    ("2240", "Organisers said 908 of the 2240 attendees brought food.", None),
    ("2741", "There had been 2741 confirmed cases by Monday.", None),
    ("1500", "The army sent 1500 troops to the border.", None),
    ("2019", "A 2019-member force was deployed.", None),
    ("2000", "The rally drew at least 2000 people.", None),
    ("1260", "The storm was 785 miles (1260 kilometers) west of Bermuda.", None),
    ("2020", "The fine was $2020.", None),
    ("1500", "The crowd was 1500-strong.", None),
    ("2000", "Nobody expected it to reach 2000 or 3000 likes.", None),
    ("1010", "The star lies about 1010 ± 195 light years away.", None),
    ("1200", "Prices rose by 1200% in a year.", None),
    ("2000", "A 2000-year-old temple was damaged.", None),
    ("1500", "More than 1500 homes were destroyed.", None),
    ("1200", "The pipeline is 1200 km long.", None),
    ("1800", "The company cut 1800 jobs.", None),
    ("1999", "Tickets cost €1999 each.", None),
    ("2000", "He was the 2000th visitor.", None),
    # laws, documents, routes, flights, models, codes
    ("2000", "The EU law Electronic Commerce Directive 2000 protects hosts.", None),
    ("2000", "Directive 2000/43/EC bans discrimination.", None),
    ("2334", "The council adopted Resolution 2334 on settlements.", None),
    ("2259", "It backed United Nations Security Council resolution 2259.", None),
    ("1549", "Flight 1549 landed on the Hudson River.", None),
    ("1983", "She sued under Section 1983 of the civil rights code.", None),
    ("1960", "The bus overturned on Route 1960 near the border.", None),
    ("1990", "Opponents want Law No. 1990 repealed.", None),
    ("1998", "Judges ruled the Human Rights Act 1998 applies.", None),
    ("1980", "A Su-1980 fighter crashed near the base.", None),
    ("2019", "The coronavirus 2019-nCoV has spread to Europe.", None),
    ("1201", "Takedowns under Article 1201 rose sharply.", None),
    ("1344", "Air India Express flight 1344 overshot the runway.", None),
    ("1234", "Call 555-1234 for details.", None),
    # real dates
    ("in 2019", "The treaty was signed in 2019, officials said.", ("2019-01-01", "2019-12-31")),
    ("In 2019", "In 2019 police arrested forty people.", ("2019-01-01", "2019-12-31")),
    ("2019", "Since 2019 people have fled the region.", ("2019-01-01", "2019-12-31")),
    ("2000", "Until 2000 troops were stationed there.", ("2000-01-01", "2000-12-31")),
    ("since 2011", "The country has been at war since 2011.", ("2011-01-01", "2020-06-15")),
    ("the 1990s", "In the 1990s, the group fought the army.", ("1990-01-01", "1999-12-31")),
    ("1625", "The city was founded in 1625 by Dutch settlers.", ("1625-01-01", "1625-12-31")),
    ("1800", "Troops left the fort in 1800 and never returned.", ("1800-01-01", "1800-12-31")),
    ("2018-19", "Attendance fell in the 2018-19 season.", ("2018-01-01", "2019-12-31")),
    ("mid-2019", "A report in mid-2019 said 62 stores had closed.", ("2019-05-01", "2019-08-31")),
    ("2015 to 2017", "He served as mayor from 2015 to 2017.", ("2015-01-01", "2017-12-31")),
    ("October 8, 2019", "On October 8, 2019 the vote took place.", ("2019-10-08", "2019-10-08")),
    ("September 2015", "Their September 2015 deaths shocked Europe.", ("2015-09-01", "2015-09-30")),
    ("2010", "Emissions must be capped at 2010 levels.", ("2010-01-01", "2010-12-31")),
    (
        "1980–1987",
        "He was prime minister, 1980–1987; then president.",
        ("1980-01-01", "1987-12-31"),
    ),
    (
        "2004",
        "He founded the party in 2004 with supporters of Clark.",
        ("2004-01-01", "2004-12-31"),
    ),
    ("2009", "The guidelines cite the 2009 H1N1 outbreak.", ("2009-01-01", "2009-12-31")),
    ("2019", "Growth forecast for 2019 was cut to 0.5%.", ("2019-01-01", "2019-12-31")),
    ("the 2000s", "The company grew in the 2000s.", ("2000-01-01", "2009-12-31")),
]


@pytest.mark.parametrize(("phrase", "sentence", "expected"), ROWS)
def test_numbers_in_context(phrase: str, sentence: str, expected: tuple[str, str] | None) -> None:
    span = dated(phrase, sentence)
    if expected is None:
        assert span is None, f"{phrase!r} dated {span} in {sentence!r}"
        # the predicate refused it, not the resolver: the number alone reads as a year
        assert resolve_date(phrase, PUBLISHED, "past") is not None
    else:
        assert span is not None, f"{phrase!r} lost in {sentence!r}"
        assert (span.start.isoformat(), span.end.isoformat()) == expected


def test_table_is_large_enough() -> None:
    refused = [row for row in ROWS if row[2] is None]
    assert len(refused) >= 40 and len(ROWS) - len(refused) >= 15


# the model's phrase holding its cue: the number is refused when it could be a year, and the
# resolver takes none of them for a date on its own
CUED = ["1625 UTC", "1800 hours", "at 0930 GMT", "Directive 2000/43", "Resolution 2334",
        "Flight 1549", "2000 protesters", "$2020", "Su-1980", "2019-nCoV",
        "a 2019-member force"]  # fmt: skip
UNJUDGED = ["1,500 troops", "2,000 km", "won 2-1"]  # no number that could be a year


@pytest.mark.parametrize("phrase", CUED + UNJUDGED)
def test_a_phrase_carrying_its_own_cue_is_no_date(phrase: str) -> None:
    sentence = f"Officials pointed to {phrase} on Tuesday."
    assert resolve_date(phrase, PUBLISHED, "past") is None
    assert is_date_phrase(sentence, *_located(phrase, sentence)) == (phrase in UNJUDGED)


def test_a_phrase_without_a_year_sized_number_is_not_judged() -> None:
    sentence = "Talks resumed on Friday, two days after 12 people were killed."
    for phrase in ("on Friday", "two days", "12"):
        assert is_date_phrase(sentence, *_located(phrase, sentence))


def test_cue_lists_are_lower_case_except_time_zones() -> None:
    """The matching lower-cases the text, so an upper-case cue would never match."""
    source = resources.files("parley.data").joinpath("dates", "not_dates.json")
    cues: dict[str, list[str]] = json.loads(source.read_text("utf-8"))
    for name, words in cues.items():
        expected = (
            [w.upper() for w in words] if name == "time_zones" else [w.lower() for w in words]
        )
        assert words == expected, name


# -- properties --------------------------------------------------------------------------

ZONES = ("UTC", "GMT", "EDT", "CET", "IST", "JST", "local time", "hours", "hrs")
COUNTED = ("protesters", "troops", "people", "refugees", "votes", "homes", "cases", "km",
           "tonnes", "dollars", "confirmed cases", "riot police")  # fmt: skip
LAWS = ("Directive", "Resolution", "Article", "Law", "Act", "Decree", "Route", "Flight",
        "Section", "Chapter", "Rule", "Regulation")  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

hhmm = st.builds("{:02d}{:02d}".format, st.integers(0, 23), st.integers(0, 59))
numbers = st.integers(1000, 2999).map(str)
clock_sentences = st.sampled_from((
    "The explosion happened at {n} {z} on Friday.",
    "Shortly after 9 a.m. ({n} {z}), the convoy left.",
    "Voting closed at {n} {z}, officials said.",
    "{n} {z} was the deadline for the vote.",
))  # fmt: skip
count_sentences = st.sampled_from((
    "Police said {q}{n} {c} took part in the march.",
    "The ministry counted {q}{n} {c} on Monday.",
    "Officials sent {q}{n} {c} to the region.",
))  # fmt: skip
law_sentences = st.sampled_from((
    "Parliament debated {l} {s}{n} on Tuesday.",
    "Under {l} {s}{n}, the state must act.",
    "The court cited {l} {s}{n}.",
))  # fmt: skip
year_sentences = st.sampled_from((
    "The law was passed {p}.",
    "{P}, the army withdrew from the city.",
    "Talks began {p} and ended without a deal.",
    "Rebels took the town {p}, residents said.",
    "The party, founded {p} by exiles, won.",
))  # fmt: skip


def _refused(phrase: str, sentence: str) -> bool:
    start, end = _located(phrase, sentence)
    return not is_date_phrase(sentence, start, end) and dated(phrase, sentence) is None


@settings(max_examples=300, deadline=None)
@given(n=hhmm, z=st.sampled_from(ZONES), template=clock_sentences)
def test_clock_times_are_never_dates(n: str, z: str, template: str) -> None:
    assert _refused(n, template.format(n=n, z=z))


@settings(max_examples=300, deadline=None)
@given(
    n=numbers,
    c=st.sampled_from(COUNTED),
    q=st.sampled_from(("", "some ", "at least ", "nearly ", "more than ")),
    template=count_sentences,
)
def test_counts_are_never_dates(n: str, c: str, q: str, template: str) -> None:
    assert _refused(n, template.format(n=n, c=c, q=q))


@settings(max_examples=300, deadline=None)
@given(
    n=numbers,
    law=st.sampled_from(LAWS),
    sign=st.sampled_from(("", "No. ", "number ")),
    template=law_sentences,
)
def test_numbered_laws_and_routes_are_never_dates(
    n: str, law: str, sign: str, template: str
) -> None:
    assert _refused(n, template.format(l=law, s=sign, n=n))


@settings(max_examples=200, deadline=None)
@given(
    n=numbers,
    code=st.sampled_from(("Su-{n}", "F-{n}", "{n}/43/EC", "{n}-nCoV", "555-{n}", "#{n}")),
)
def test_codes_are_never_dates(n: str, code: str) -> None:
    sentence = f"Investigators examined the {code.format(n=n)} on Monday."
    assert _refused(n, sentence)


@settings(max_examples=300, deadline=None)
@given(year=st.integers(1000, 2999), template=year_sentences)
def test_in_a_year_is_still_that_year(year: int, template: str) -> None:
    phrase = f"in {year}"
    sentence = template.format(p=phrase, P=phrase.capitalize())
    if sentence.startswith("In "):
        phrase = phrase.capitalize()
    span = dated(phrase, sentence)
    assert span is not None and (span.start, span.end) == (date(year, 1, 1), date(year, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    year=st.integers(1000, 2999),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    template=year_sentences,
)
def test_on_a_full_date_is_still_that_day(year: int, month: int, day: int, template: str) -> None:
    phrase = f"on {MONTHS[month - 1]} {day}, {year}"
    sentence = template.format(p=phrase, P=phrase.capitalize())
    if sentence.startswith("On "):
        phrase = phrase.capitalize()
    span = dated(phrase, sentence)
    assert span is not None and span.start == span.end == date(year, month, day)
