"""Who each person of a document is, on parses written by hand and people records built
for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc, Span

from parley.actors.dictionary import PersonRecord, Role
from parley.actors.identities import PeopleIdentifier
from parley.actors.known_people import KnownPeople
from parley.actors.matcher import ActorMatch, ActorRef
from parley.actors.mentions import match_mention
from parley.actors.people import Person

MACRON = PersonRecord("Emmanuel Macron", (), "FRA", None, "GOV", ())
VENEMAN = PersonRecord(
    "Ann Veneman",
    (),
    None,
    None,
    None,
    (
        Role("Secretary of Agriculture", date(2001, 1, 20), date(2005, 1, 20), "USA", None, "GOV"),
        Role("Executive Director", date(2005, 5, 1), date(2010, 4, 30), None, "UNICEF", "IGO"),
    ),
)
BUSHES = [
    PersonRecord("George H. W. Bush", (), "USA", None, "GOV", ()),
    PersonRecord("George W. Bush", (), "USA", None, "GOV", ()),
]


def identify(
    doc: Doc,
    found: list[Person],
    states: dict[int, str] | None = None,
    records: list[PersonRecord] | None = None,
    home: str | None = None,
    published: date | None = None,
) -> dict[str, tuple]:
    """The people of `doc` as (state or body, sector, title) by name; `states` are the
    dictionary's matches, a state by the index of the token that names it."""
    matches = [
        ActorMatch(i, i + 1, ActorRef(country=c, org=None, sector=None, via="name"))
        for i, c in (states or {}).items()
    ]
    mentions = [match_mention(doc, m) for m in matches]
    places = {"Lagos": "NGA"}
    identifier = PeopleIdentifier(KnownPeople(records or []), {}, places.get)
    people = identifier.identify(doc, found, matches, mentions, home, published)
    return {p.name: (p.country or p.org, p.sector, p.title) for p in people}


# 'German Chancellor Olaf Scholz met Macron. Scholz left.'
MET = """
    German     3 amod     ADJ   JJ  _
    Chancellor 3 compound PROPN NNP _
    Olaf       3 compound PROPN NNP _
    Scholz     4 nsubj    PROPN NNP _
    met        4 ROOT     VERB  VBD meet
    Macron     4 dobj     PROPN NNP _
    .          4 punct    PUNCT .   _
    Scholz     8 nsubj    PROPN NNP _
    left       8 ROOT     VERB  VBD leave
    .          8 punct    PUNCT .   _
"""


def test_a_bare_surname_is_the_person_met_before_or_the_one_known_person(parse) -> None:
    # the model found only the full name; the later 'Scholz' and 'Macron' are bare
    scholz = Person(2, 4, "Olaf Scholz", "Chancellor", "GOV", "DEU")
    found = identify(parse(MET), [scholz], {0: "DEU"}, [MACRON])
    assert found == {
        "Olaf Scholz": ("DEU", "GOV", "Chancellor"),
        "Emmanuel Macron": ("FRA", "GOV", None),
    }


def test_a_known_place_where_a_place_goes_is_no_person(parse) -> None:
    # 'Police shot a man in Lagos.' is no Ricardo Lagos
    doc = parse("""
        Police 1 nsubj NOUN  NNS police
        shot   1 ROOT  VERB  VBD shoot
        a      3 det   DET   DT  _
        man    1 dobj  NOUN  NN  _
        in     1 prep  ADP   IN  _
        Lagos  4 pobj  PROPN NNP _
    """)
    doc.ents = [Span(doc, 5, 6, "GPE")]
    lagos = PersonRecord("Ricardo Lagos", (), "CHL", None, "GOV", ())
    assert identify(doc, [], records=[lagos]) == {}


# 'The Bush administration warned Cuba.'
WARNED = """
    The            2 det      DET   DT  _
    Bush           2 compound PROPN NNP _
    administration 3 nsubj    NOUN  NN  _
    warned         3 ROOT     VERB  VBD warn
    Cuba           3 dobj     PROPN NNP _
"""


def test_a_surname_officials_of_one_state_share_is_that_states(parse) -> None:
    found = identify(parse(WARNED), [Person(1, 2, "Bush")], {4: "CUB"}, BUSHES)
    assert found == {"Bush": ("USA", "GOV", None)}


@pytest.mark.parametrize(
    ("published", "party"),
    [
        (date(2003, 6, 2), ("USA", "GOV")),
        (date(2007, 6, 4), ("UNICEF", "IGO")),
        (date(2020, 3, 1), (None, None)),  # out of every role: as the text gives it
    ],
)
def test_a_known_person_serves_whom_they_served_that_day(
    parse, published: date, party: tuple
) -> None:
    # 'Ann Veneman visited the district.'
    doc = parse("""
        Ann      1 compound PROPN NNP _
        Veneman  2 nsubj    PROPN NNP _
        visited  2 ROOT     VERB  VBD visit
        the      4 det      DET   DT  _
        district 2 dobj     NOUN  NN  _
    """)
    found = identify(doc, [Person(0, 2, "Ann Veneman")], records=[VENEMAN], published=published)
    assert found["Ann Veneman"][:2] == party


# 'Judge Barros questioned Chilean ministers.'
QUESTIONED = """
    Judge      1 compound PROPN NNP _
    Barros     2 nsubj    PROPN NNP _
    questioned 2 ROOT     VERB  VBD question
    Chilean    4 amod     ADJ   JJ  _
    ministers  2 dobj     NOUN  NNS minister
"""
# 'Judge Barros condemned Chile.'
CONDEMNED = """
    Judge     1 compound PROPN NNP _
    Barros    2 nsubj    PROPN NNP _
    condemned 2 ROOT     VERB  VBD condemn
    Chile     2 dobj     PROPN NNP _
"""


@pytest.mark.parametrize(
    ("table", "home", "expected"),
    [
        (QUESTIONED, None, "CHL"),  # the one state the text names
        (CONDEMNED, None, None),  # unless it names it only as an act's target
        (CONDEMNED, "ARG", "ARG"),  # the reporter's state first
    ],
)
def test_an_official_with_no_state_serves_the_storys(
    parse, table: str, home: str | None, expected: str | None
) -> None:
    judge = Person(1, 2, "Barros", "Judge", "JUD")
    found = identify(parse(table), [judge], {3: "CHL"}, home=home)
    assert found["Barros"][0] == expected
