"""Events whose doers are groups the text gives no state: gunmen, police, protesters.

They are kept with their sector, and given the state the event's place, else the story,
gives; with neither, the group keeps its sector alone (CAMEO's agent code).
"""

from __future__ import annotations

import parley
from parley.models import Event

PUBLISHED = "2024-05-10"  # a Friday


def events(text: str) -> list[Event]:
    return parley.extract(text, published=PUBLISHED, doc_id="groups")


def only(text: str, category: str) -> Event:
    found = [e for e in events(text) if e.event == category]
    assert len(found) == 1, [(e.event, e.status, e.text) for e in events(text)]
    return found[0]


def test_gunmen_take_the_state_of_the_place() -> None:
    event = only("Gunmen opened fire on a bus in northern Mali on Monday.", "ASSAULT")
    assert [(e.country, e.sector) for e in event.actor] == [("MLI", "UAF")]
    assert event.event_loc is not None and event.event_loc.country == "MLI"


def test_police_are_those_of_the_place_not_of_the_story() -> None:
    text = (
        "Iraq's parliament met in Baghdad on Monday. Iraqi officials praised the vote. "
        "Dozens of people were shot dead by police in Lagos on Tuesday."
    )
    shooting = next(e for e in events(text) if e.trigger == "shot")
    assert [(e.country, e.sector) for e in shooting.actor] == [("NGA", "COP")]


def test_a_city_named_like_a_known_person_stays_a_city() -> None:
    event = only("Dozens of people were shot dead by police in Lagos on Tuesday.", "ASSAULT")
    assert all(e.name is None for e in event.actor + event.recipient)
    assert event.event_loc is not None and event.event_loc.name == "Lagos"


def test_a_group_with_no_state_anywhere_keeps_its_sector() -> None:
    event = only("Gunmen opened fire on a bus on Monday.", "ASSAULT")
    assert [(e.party, e.sector, e.code) for e in event.actor] == [(None, "UAF", "UAF")]


def test_a_passive_attack_with_no_attacker_keeps_its_target_and_place() -> None:
    event = only("A refinery in northern Iraq was hit by rockets on Sunday.", "ASSAULT")
    assert event.event_loc is not None and event.event_loc.country == "IRQ"
    assert {e.party for e in event.recipient} == {"IRQ"}
    assert [e.sector for e in event.actor] == ["UAF"]


def test_supporters_of_an_unnamed_party_protest_where_they_march() -> None:
    text = "About 300 supporters of the party staged a demonstration in Lyon on Saturday."
    event = only(text, "PROTEST")
    assert {e.party for e in event.actor} == {"FRA"}


def test_arrests_told_in_the_passive_are_the_states() -> None:
    text = "Indonesia's police chief spoke on Monday. Two suspects were arrested on Tuesday."
    event = only(text, "COERCE")
    assert {e.party for e in event.actor} == {"IDN"}


def test_an_attack_on_an_official_with_no_attacker_named() -> None:
    event = only("Indonesia's security minister was stabbed on Thursday.", "ASSAULT")
    assert [(e.party, e.sector) for e in event.actor] == [("IDN", "UAF")]
    assert {e.party for e in event.recipient} == {"IDN"}


def test_who_claims_an_attack_carried_it_out() -> None:
    text = (
        "Three suicide bombings took place in Tunis on Monday. "
        "The Islamic State claimed responsibility for the attacks."
    )
    event = only(text, "ASSAULT")
    assert {e.party for e in event.actor} == {"ISIS"}
    assert {e.party for e in event.recipient} == {"TUN"}


def test_a_person_the_text_gives_no_state_is_of_the_state_the_story_is_about() -> None:
    text = (
        "Yemen's government and Yemen's southern council met in Aden on Monday. "
        "Yemen's president praised the talks. Nabil Hasan condemned the decision on Tuesday."
    )
    event = next(e for e in events(text) if e.event == "ACCUSE")
    assert [(e.name, e.party) for e in event.actor] == [("Nabil Hasan", "YEM")]


def test_no_state_for_a_person_when_the_story_is_about_several() -> None:
    text = "France and Germany met on Monday. Nabil Hasan condemned the decision."
    assert [e.event for e in events(text) if e.event == "ACCUSE"] == []


def test_who_survives_an_attack_is_its_target() -> None:
    event = only("In 2019 the Yemeni journalist survived a drone attack in Aden.", "ASSAULT")
    assert [(e.party, e.sector) for e in event.recipient] == [("YEM", "JRN")]
    assert [(e.party, e.sector) for e in event.actor] == [("YEM", "UAF")]
    assert (event.date.start.year, event.date.granularity) == (2019, "year")


def test_a_death_in_an_accident_is_no_attack() -> None:
    assert events("Two people were killed in a car crash in Lyon on Monday.") == []
    assert events("Homes were destroyed by the fire in Paris.") == []


def test_a_well_known_city_the_model_takes_for_a_person_is_still_the_place() -> None:
    event = only("Gunmen killed two people in Lyon on Monday.", "ASSAULT")
    assert event.event_loc is not None and event.event_loc.name == "Lyon"
    assert [(e.party, e.sector) for e in event.actor] == [("FRA", "UAF")]


def test_a_body_sitting_alone_is_no_meeting() -> None:
    assert [e.event for e in events("Germany's parliament met on Monday.")] == []
    assert only("Germany's president met Japan's premier on Monday.", "CONSULT")


def test_an_officer_and_a_mob_are_groups_of_the_place() -> None:
    shooting = only("Germany's parliament met. An officer shot a man in Berlin.", "ASSAULT")
    assert [(e.party, e.sector) for e in shooting.actor] == [("DEU", "COP")]
    riot = only("A mob attacked the station in Berlin.", "ASSAULT")
    assert [(e.party, e.sector) for e in riot.actor] == [("DEU", "CVL")]


def test_people_who_rally_are_civilians_of_the_place() -> None:
    text = "Thousands of people rallied in Paris on Saturday to protest the reform."
    event = only(text, "PROTEST")
    assert [(e.party, e.sector) for e in event.actor] == [("FRA", "CVL")]


def test_an_arrest_with_no_state_anywhere_keeps_the_sector_of_who_arrests() -> None:
    event = only("The officer said the accused had been apprehended.", "COERCE")
    assert [(e.party, e.sector) for e in event.actor] == [(None, "GOV")]


def test_forces_deployed_make_the_move_their_side_makes() -> None:
    event = only("Nigerian troops were deployed to Maiduguri on Monday.", "MOBILIZE")
    assert [(e.party, e.sector) for e in event.actor] == [("NGA", "MIL")]


def test_a_mine_or_an_ied_is_a_weapon_of_unnamed_attackers() -> None:
    event = only("A landmine killed two children in Kandahar on Monday.", "ASSAULT")
    assert [(e.party, e.sector) for e in event.actor] == [("AFG", "UAF")]
