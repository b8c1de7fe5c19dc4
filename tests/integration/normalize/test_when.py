"""The time stage: every past event gets a date, and the record says how precise it is."""

from __future__ import annotations

from datetime import date

import parley
from parley.models import Event

PUBLISHED = "2024-05-10"  # a Friday


def events(text: str) -> list[Event]:
    return parley.extract(text, published=PUBLISHED, doc_id="when")


def by_trigger(text: str, word: str) -> Event:
    return next(e for e in events(text) if e.trigger == word)


def test_a_stated_day_is_a_day() -> None:
    event = by_trigger("France condemned Iran on Monday.", "condemned")
    assert (event.date.start, event.date.end, event.date.granularity) == (
        date(2024, 5, 6),
        date(2024, 5, 6),
        "day",
    )
    assert event.to_dict()["date_precision"] == "day"


def test_an_undated_past_event_falls_after_the_last_time_told_before_it() -> None:
    text = (
        "In March, the committee authorized subpoenas for the documents. "
        "Germany later condemned Iran over the executions."
    )
    event = by_trigger(text, "condemned")
    assert event.date.granularity == "window"
    assert (event.date.start, event.date.end) == (date(2024, 3, 1), date(2024, 5, 10))


def test_a_window_is_never_the_day_of_publication_alone() -> None:
    text = "Parliament met on Friday. Germany condemned Iran over the executions."
    event = by_trigger(text, "condemned")
    assert event.date.granularity == "window"
    assert event.date.start < event.date.end == date(2024, 5, 10)


def test_a_lead_without_any_time_falls_in_the_week_before_publication() -> None:
    event = by_trigger("Germany condemned Iran over the executions.", "condemned")
    assert (event.date.start, event.date.end) == (date(2024, 5, 3), date(2024, 5, 10))
    assert event.date.granularity == "window"


def test_a_plan_the_text_does_not_date_falls_in_the_year_ahead() -> None:
    event = by_trigger("Germany will condemn Iran over the executions.", "condemn")
    assert event.status == "planned"
    assert (event.date.start, event.date.end) == (date(2024, 5, 10), date(2025, 5, 10))
    assert event.date.granularity == "window"


def test_what_may_happen_falls_in_the_window_after_publication() -> None:
    event = by_trigger("Germany could condemn Iran over the executions.", "condemn")
    assert event.status == "hypothetical"
    assert (event.date.start, event.date.end) == (date(2024, 5, 10), date(2025, 5, 10))
    assert event.date.granularity == "window"


def test_a_place_says_how_precise_it_is() -> None:
    event = by_trigger("Japan and Australia held talks in Canberra on Monday.", "talks")
    assert event.event_loc is not None
    assert (event.event_loc.name, event.event_loc.precision) == ("Canberra", "city")
    assert event.to_dict()["event_loc"]["precision"] == "city"


def test_a_past_perfect_happened_before_the_reference_time() -> None:
    text = (
        "Police arrested the leaders in March. The resolution failed on Monday. "
        "Germany had condemned Iran over the executions."
    )
    event = by_trigger(text, "condemned")
    assert (event.date.start, event.date.end) == (date(2024, 3, 1), date(2024, 5, 6))
    assert event.date.granularity == "window"


def test_a_year_that_names_another_thing_does_not_date_the_event() -> None:
    text = "On Saturday, thousands of people rallied in Paris to protest the 2024 Olympic Games."
    event = next(e for e in events(text) if e.event == "PROTEST")
    assert (event.date.start, event.date.granularity) == (date(2024, 5, 4), "day")


def test_a_ban_dated_yesterday() -> None:
    text = "The Philippine government issued a ban on the broadcaster dated yesterday."
    event = next(e for e in events(text) if e.trigger == "ban")
    assert (event.date.start, event.date.end) == (date(2024, 5, 9), date(2024, 5, 9))


def test_a_plan_told_through_to_be_done_is_dated_ahead() -> None:
    text = (
        "The Pentagon said the withdrawal of US forces from Afghanistan is expected to be "
        "completed by the end of August."
    )
    (withdrawal,) = [
        e for e in parley.extract(text, published="2021-07-06") if e.event == "RETREAT"
    ]
    assert withdrawal.status == "planned"
    assert (withdrawal.date.start, withdrawal.date.end) == (date(2021, 8, 22), date(2021, 8, 31))


def test_a_length_of_time_is_no_time() -> None:
    text = "Kenyan unions threatened a strike that could last two weeks."
    strike = by_trigger(text, "threatened")
    assert strike.date.granularity == "window"  # not the last two weeks
    jail = by_trigger("A Kenyan court sentenced the activist to 10 years in jail.", "sentenced")
    assert jail.date.granularity == "window"


def test_a_quoted_today_is_no_time_of_the_story() -> None:
    text = (
        "On Tuesday, a Kenyan court ruled against the government. The opposition leader "
        "said, \"Today's ruling is a victory.\" Kenya's government later condemned the court."
    )
    event = by_trigger(text, "condemned")
    assert (event.date.start, event.date.granularity) == (date(2024, 5, 7), "window")


def test_that_day_is_the_day_of_the_event_told_before() -> None:
    text = (
        "On Tuesday, Kenya and Somalia held talks in Nairobi. Earlier that day, Kenyan "
        "police arrested four Somali men. Protesters marched in Mombasa in March, and "
        "Kenyan police arrested dozens that evening."
    )
    first, second = [e for e in events(text) if e.trigger == "arrested"]
    assert (first.date.start, first.date.granularity) == (date(2024, 5, 7), "day")
    assert second.date.granularity != "day"  # a month has no one evening


def test_a_first_line_that_is_only_a_date_is_no_reference_time() -> None:
    text = (
        "Friday, May 10, 2024\n\nOn Monday, Kenya lifted the curfew in Mombasa.\n\n"
        "Kenya's government later condemned the protesters."
    )
    event = by_trigger(text, "condemned")
    assert (event.date.start, event.date.end) == (date(2024, 5, 6), date(2024, 5, 10))


def test_a_day_told_between_a_verb_and_its_to_clause_is_the_verbs() -> None:
    text = "Egypt and Qatar agreed on Sunday to restore diplomatic relations."
    agreed = by_trigger(text, "agreed")
    assert (agreed.status, agreed.date.start) == ("occurred", date(2024, 5, 5))
    restore = by_trigger(text, "restore")
    assert restore.status == "planned" and restore.date.start >= date(2024, 5, 10)
    opening = "On Friday, Japan is expected to meet China."
    assert by_trigger(opening, "meet").date.start == date(2024, 5, 17)


def test_a_day_told_before_the_source_of_the_report_dates_what_is_reported() -> None:
    text = "Guerrillas blew up two electricity towers yesterday, the armed forces reported."
    assert by_trigger(text, "blew").date.start == date(2024, 5, 9)
    wire = text.upper()
    assert by_trigger(wire, "blew").date.start == date(2024, 5, 9)


def test_an_area_the_model_takes_for_an_organisation_is_still_a_place() -> None:
    text = "GUERRILLAS BLEW UP TWO ELECTRICITY TOWERS IN USULUTAN DEPARTMENT ON MONDAY."
    place = by_trigger(text, "blew").event_loc
    assert place is not None and (place.country, place.precision) == ("SLV", "province")
    office = "Rebels attacked the State Department on Monday."
    assert by_trigger(office, "attacked").event_loc is None


def place_of(text: str, word: str) -> str | None:
    place = by_trigger(text, word).event_loc
    return place.name if place is not None else None


def test_where_people_are_taken_from_is_where_they_are_taken() -> None:
    text = "Armed men abducted three aid workers from a village in Ituri province on Sunday."
    assert place_of(text, "abducted") == "Ituri province"
    assert place_of("Hundreds of migrants were deported from Algeria.", "deported") == "Algeria"
    envoy = "Kenya condemned the statement from Tokyo on Sunday."
    assert place_of(envoy, "condemned") is None


def test_the_streets_of_a_city_are_in_it() -> None:
    text = "Thousands of people took to the streets of Tbilisi on Saturday."
    assert place_of(text, "took") == "Tbilisi"


def test_a_court_in_a_city_acts_there() -> None:
    text = "A court in Moscow sentenced the journalist to 16 years in prison on Wednesday."
    assert place_of(text, "sentenced") == "Moscow"


def test_a_body_of_no_state_is_no_place() -> None:
    text = "The UN envoy urged both sides to return to the negotiating table on Monday."
    assert by_trigger(text, "urged").event_loc is None


def test_a_visit_is_where_it_goes() -> None:
    text = "In May, Macron held talks in Paris. Afterwards Macron visited Kenya to discuss trade."
    assert place_of(text, "visited") == "Kenya"


def test_a_sentence_that_moves_on_leaves_the_scene_behind() -> None:
    text = (
        "At a rally in Lyon, Macron criticized Italy. "
        "Meanwhile, Germany condemned Russia over the poisoning."
    )
    assert place_of(text, "criticized") == "Lyon"
    assert place_of(text, "condemned") is None


def test_what_happens_where_a_place_is_described_happens_there() -> None:
    text = "Macron visited Lyon, where riots had broken out over the police shooting."
    assert place_of(text, "riots") == "Lyon"


def test_a_day_of_a_month_that_modifies_another_thing_dates_that_thing() -> None:
    text = "Kenya criticized the May 3 vote on Monday."
    assert by_trigger(text, "criticized").date.start == date(2024, 5, 6)
    means = "Kenya expressed its support via the May 3 signing of the bill."
    assert by_trigger(means, "support").date.start == date(2024, 5, 3)


def test_a_place_noun_with_its_name_in_apposition_names_the_place() -> None:
    text = "Protests took place on Tuesday in the Serbian capital Belgrade."
    assert place_of(text, "Protests") == "Belgrade"
