"""The acts the PLOVER manual puts in each category, in the words news use for them: one
sentence per act, written for these tests, with the category, the trigger, the mode where it
matters and the parties; and sentences where the same words name no event."""

from __future__ import annotations

import pytest

import parley
from parley.models import Event

PUBLISHED = "2023-03-14"


def events(text: str) -> list[Event]:
    return parley.extract(text, published=PUBLISHED, doc_id="t")


def parties(entities: list) -> set[str]:
    return {e.party for e in entities}


# (sentence, category, trigger, mode or None, actor parties, recipient parties)
CASES = [
    # CONSULT: consultation by phone, conferring
    (
        "The presidents of France and Egypt spoke by telephone on Sunday.",
        "CONSULT",
        "spoke",
        "phone",
        {"FRA", "EGY"},
        set(),
    ),
    (
        "Egypt's foreign minister conferred with his Jordanian counterpart in Amman.",
        "CONSULT",
        "conferred",
        None,
        {"EGY", "JOR"},
        set(),
    ),
    # SUPPORT: tributes, defending a policy verbally (CAMEO 052)
    (
        "The Japanese prime minister paid tribute to the Ukrainian army.",
        "SUPPORT",
        "tribute",
        None,
        {"JPN"},
        set(),
    ),
    (
        "The Indian government defended its decision to ban Chinese apps.",
        "SUPPORT",
        "defended",
        None,
        {"IND"},
        set(),
    ),
    # CONCEDE: accepting responsibility, easing a ban, acceding to demands
    (
        "Russia accepted responsibility for the downing of the Iranian airliner.",
        "CONCEDE",
        "accepted",
        None,
        {"RUS"},
        {"IRN"},
    ),
    (
        "The Kenyan government rescinded the ban on opposition rallies.",
        "CONCEDE",
        "rescinded",
        None,
        {"KEN"},
        {"KEN"},
    ),
    (
        "Iran complied with the demands of the IAEA inspectors.",
        "CONCEDE",
        "complied",
        None,
        {"IRN"},
        {"IAEA"},
    ),
    # AID: military aid
    ("Turkey equipped Azerbaijani troops with drones.", "AID", "equipped", None, {"TUR"}, {"AZE"}),
    (
        "Washington armed the Kurdish fighters with rifles in 2015.",
        "AID",
        "armed",
        None,
        {"USA"},
        set(),
    ),
    # RETREAT: resignation, giving up power, observing a ceasefire
    (
        "Ukraine's defence minister stood down on Friday.",
        "RETREAT",
        "stood",
        "resign",
        {"UKR"},
        set(),
    ),
    (
        "The Sudanese army relinquished power on Thursday.",
        "RETREAT",
        "relinquished",
        "resign",
        {"SDN"},
        set(),
    ),
    (
        "Hamas and Israel observed the ceasefire on Sunday.",
        "RETREAT",
        "observed",
        "ceasefire",
        {"HAMAS", "ISR"},
        set(),
    ),
    # REQUEST
    (
        "The United States encouraged Israel to halt the offensive.",
        "REQUEST",
        "encouraged",
        None,
        {"USA"},
        {"ISR"},
    ),
    # ACCUSE: censure, petitions and legal challenges, subpoenas
    (
        "Turkey lashed out at Sweden over the protests.",
        "ACCUSE",
        "lashed",
        "disapprove",
        {"TUR"},
        {"SWE"},
    ),
    (
        "China castigated Lithuania over the opening of a Taiwanese office.",
        "ACCUSE",
        "castigated",
        "disapprove",
        {"CHN"},
        {"LTU"},
    ),
    (
        "The opposition in Kenya filed a petition against the election result at the Supreme "
        "Court.",
        "ACCUSE",
        "petition",
        "allege",
        {"KEN"},
        {"KEN"},
    ),
    (
        "The Venezuelan opposition mounted a legal challenge against the election results.",
        "ACCUSE",
        "challenge",
        "allege",
        {"VEN"},
        set(),
    ),
    (
        "Congress subpoenaed the Saudi ambassador.",
        "ACCUSE",
        "subpoenaed",
        "investigate",
        {"USA"},
        {"SAU"},
    ),
    # REJECT: denials, votes against, courts striking down acts, defiance of norms
    (
        "Iran denied all claims that it supplied drones to Russia.",
        "REJECT",
        "denied",
        None,
        {"IRN"},
        set(),
    ),
    (
        "Germany voted against the resolution at the United Nations.",
        "REJECT",
        "voted",
        None,
        {"DEU"},
        {"UN"},
    ),
    (
        "Kenya's High Court struck down the law on Tuesday.",
        "REJECT",
        "struck",
        None,
        {"KEN"},
        set(),
    ),
    (
        "The Israeli Supreme Court ruled against the government's plan.",
        "REJECT",
        "ruled",
        None,
        {"ISR"},
        {"ISR"},
    ),
    ("Iran flouted the arms embargo on Yemen.", "REJECT", "flouted", "yield", {"IRN"}, {"YEM"}),
    # SANCTION: penalties and punitive measures
    (
        "The United States levied new penalties on Iran's oil minister.",
        "SANCTION",
        "penalties",
        None,
        {"USA"},
        {"IRN"},
    ),
    (
        "The European Union imposed punitive measures on Belarus.",
        "SANCTION",
        "measures",
        None,
        {"EU"},
        {"BLR"},
    ),
    # PROTEST: strikes, storming buildings, looting by rioters
    (
        "Thousands of teachers struck in Nigeria on Monday.",
        "PROTEST",
        "struck",
        "strike",
        {"NGA"},
        {"NGA"},
    ),
    (
        "Protesters stormed the parliament in Baghdad on Saturday.",
        "PROTEST",
        "stormed",
        "riot",
        {"IRQ"},
        {"IRQ"},
    ),
    ("Rioters looted shops in Lagos on Tuesday.", "PROTEST", "looted", "riot", {"NGA"}, {"NGA"}),
    # MOBILIZE: posts, security, troop build-ups
    (
        "Israeli forces established military posts in the Jordan Valley.",
        "MOBILIZE",
        "established",
        "troops",
        {"ISR"},
        set(),
    ),
    (
        "Egyptian police tightened security around the embassy in Cairo.",
        "MOBILIZE",
        "tightened",
        "police",
        {"EGY"},
        set(),
    ),
    (
        "Russia amassed troops near the Ukrainian border.",
        "MOBILIZE",
        "amassed",
        "troops",
        {"RUS"},
        set(),
    ),
    # COERCE: warrants, suspending parliament, confiscation, loss of citizenship
    (
        "The International Criminal Court issued an arrest warrant for Vladimir Putin.",
        "COERCE",
        "warrant",
        "arrest",
        {"ICC"},
        {"RUS"},
    ),
    (
        "The Tunisian president suspended parliament on Sunday.",
        "COERCE",
        "suspended",
        "restrict",
        {"TUN"},
        {"TUN"},
    ),
    (
        "Iranian forces impounded a British tanker in the Strait of Hormuz.",
        "COERCE",
        "impounded",
        "confiscate",
        {"IRN"},
        {"GBR"},
    ),
    (
        "Bahrain stripped 138 activists of their citizenship.",
        "COERCE",
        "stripped",
        "restrict",
        {"BHR"},
        {"BHR"},
    ),
    # ASSAULT: the manual's modes (unconventional, destroy, abduct, beat, crowd-control...)
    (
        "Syrian forces carried out a chemical attack on rebels in Douma.",
        "ASSAULT",
        "attack",
        "unconventional",
        {"SYR"},
        {"SYR"},
    ),
    (
        "Militants carried out an arson attack on a church in Pakistan.",
        "ASSAULT",
        "attack",
        "destroy",
        {"PAK"},
        {"PAK"},
    ),
    (
        "Boko Haram fighters burned down homes in northern Nigeria.",
        "ASSAULT",
        "burned",
        "destroy",
        {"BOKOHARAM"},
        {"NGA"},
    ),
    (
        "Al-Shabaab militants seized hostages at a hotel in Mogadishu.",
        "ASSAULT",
        "seized",
        "abduct",
        {"ALSHABAAB"},
        {"SOM"},
    ),
    (
        "Taliban fighters overran an Afghan army base in Helmand.",
        "ASSAULT",
        "overran",
        None,
        {"TALIBAN"},
        {"AFG"},
    ),
    (
        "Malian soldiers lynched a suspected jihadist in Mopti.",
        "ASSAULT",
        "lynched",
        "beat",
        {"MLI"},
        {"MLI"},
    ),
    (
        "Iranian police kicked and punched protesters in Tehran.",
        "ASSAULT",
        "kicked",
        "beat",
        {"IRN"},
        {"IRN"},
    ),
    (
        "Police in Brazil pepper-sprayed the protesters on Monday.",
        "ASSAULT",
        "sprayed",
        "crowd-control",
        {"BRA"},
        {"BRA"},
    ),
]


@pytest.mark.parametrize(
    ("text", "category", "trigger", "mode", "actor", "recipient"),
    CASES,
    ids=[f"{case[1]}-{case[2]}" for case in CASES],
)
def test_an_act_the_manual_names_is_coded(
    text: str,
    category: str,
    trigger: str,
    mode: str | None,
    actor: set[str],
    recipient: set[str],
) -> None:
    found = [e for e in events(text) if e.event == category]
    assert len(found) == 1, [(e.event, e.trigger, e.status) for e in events(text)]
    event = found[0]
    assert event.trigger == trigger
    assert event.status == "occurred"
    if mode is not None:
        assert event.mode == [mode]
    assert parties(event.actor) == actor
    assert parties(event.recipient) == recipient


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # support that is only mentioned, not given: a backer named by 'from', public opinion
        ("The plan won support from all members of the council.", "SUPPORT"),
        ("The French president enjoys broad public support.", "SUPPORT"),
        ("New data from Germany support the government's claim.", "SUPPORT"),
        # places overrun by patients, homes burned by a fire, a campaign kicked off
        ("Hospitals in Italy were overrun with patients.", "ASSAULT"),
        ("Wildfires burned hundreds of homes in California.", "ASSAULT"),
        ("Brazil's president kicked off his campaign in Sao Paulo.", "ASSAULT"),
        # a union striking a deal strikes no one and goes on no strike
        ("The union struck a deal with the French government.", "PROTEST"),
        ("The union struck a deal with the French government.", "ASSAULT"),
        # penalties one faces are no sanction imposed
        ("Iran faces penalties for violating the nuclear deal.", "SANCTION"),
        # being encouraged by news is no request
        ("The German chancellor said she was encouraged by the progress of the talks.", "REQUEST"),
    ],
)
def test_the_same_words_name_no_event_here(text: str, category: str) -> None:
    assert [e.trigger for e in events(text) if e.event == category] == []


def test_a_court_ruling_against_a_party_stays_a_conviction() -> None:
    """The manual's SANCTION 'find guilty or liable' is a ruling against a party; a ruling
    against an act (a plan, a law) rejects the act."""
    found = [
        e for e in events("A Dutch court ruled against Shell on Wednesday.") if e.trigger == "ruled"
    ]
    assert [(e.event, e.mode) for e in found] == [("SANCTION", ["convict"])]


def test_people_gathering_to_demand_protest() -> None:
    text = "About 200 farmers gathered outside the ministry in Nairobi to demand lower taxes."
    protests = [e for e in events(text) if e.event == "PROTEST"]
    assert [(e.trigger, [(a.party, a.sector) for a in e.actor]) for e in protests] == [
        ("gathered", [("KEN", "AGR")])
    ]
    assert [e.event for e in events("Leaders gathered for talks in Geneva.")] != ["PROTEST"]
