"""How mentions are built and how a list of them is read, on parses written by hand."""

from __future__ import annotations

from parley.actors.matcher import ActorMatch, ActorRef
from parley.actors.mentions import (
    Mention,
    attribute_institutions,
    bare_north_south,
    conjuncts,
    dominant_country,
    listed_from,
    main_country,
    without_overlaps,
)
from parley.models import Entity


def test_a_named_appositive_is_a_member_of_the_list(parse) -> None:
    # 'South Korea, the US and Japan': the model makes 'US' an appositive of 'Korea'
    doc = parse("""
        Korea 0 ROOT  PROPN NNP _
        ,     0 punct PUNCT ,   _
        US    0 appos PROPN NNP _
        and   2 cc    CCONJ CC  _
        Japan 2 conj  PROPN NNP _
        ,     0 punct PUNCT ,   _
        allies 0 appos NOUN NNS ally
    """)
    assert [t.text for t in conjuncts(doc[0])] == ["Korea", "US", "Japan"]
    assert [t.text for t in conjuncts(doc[4])] == ["Japan"]  # a member is no list


def test_both_halves_of_a_hyphenated_pair_are_members(parse) -> None:
    # 'Turkish-Libyan forces'
    doc = parse("""
        Turkish 2 amod  ADJ   JJ  _
        -       2 punct PUNCT HYPH _
        Libyan  3 amod  ADJ   JJ  _
        forces  3 ROOT  NOUN  NNS force
    """)
    assert [t.text for t in conjuncts(doc[2])] == ["Libyan", "Turkish"]


def test_of_overlapping_mentions_the_longer_stays() -> None:
    def at(start: int, end: int) -> Mention:
        return Mention(start, end, Entity(text=f"{start}-{end}", country="USA"))

    kept = without_overlaps([at(0, 1), at(0, 3), at(2, 4), at(5, 6), at(5, 6)])
    assert [(m.start, m.end) for m in kept] == [(0, 3), (5, 6)]


def test_a_state_named_before_an_institution_owns_it(parse, mention) -> None:
    # "Libya's House of Representatives": the dictionary files the House under the US
    doc = parse("""
        Libya           2 poss  PROPN NNP  _
        's              0 case  PART  POS  _
        House           2 ROOT  PROPN NNP  _
        of              2 prep  ADP   IN   _
        Representatives 3 pobj  PROPN NNPS _
    """)
    house = mention(doc, 2, 5, "institution", country="USA", sector="LEG")
    attribute_institutions(doc, [mention(doc, 0, 1, country="LBY"), house])
    assert (house.entity.country, house.entity.sector) == ("LBY", "LEG")


def test_a_list_is_read_up_to_its_verb(parse, mention) -> None:
    # 'by Wong, Nanaia Mahuta, Australia and Fiji read Japan': a state a listed person
    # serves is that person's; the list ends at the verb
    doc = parse("""
        by        0 ROOT  ADP   IN  _
        Wong      0 pobj  PROPN NNP _
        ,         1 punct PUNCT ,   _
        Nanaia    4 compound PROPN NNP _
        Mahuta    1 conj  PROPN NNP _
        ,         4 punct PUNCT ,   _
        Australia 4 conj  PROPN NNP _
        and       6 cc    CCONJ CC  _
        Fiji      6 conj  PROPN NNP _
        read      9 ROOT  VERB  VBD _
        Japan     9 dobj  PROPN NNP _
    """)
    found = [
        mention(doc, 1, 2, "person", name="Penny Wong", country="AUS"),
        mention(doc, 3, 5, "person", name="Nanaia Mahuta", country="NZL"),
        mention(doc, 6, 7, country="AUS"),
        mention(doc, 8, 9, country="FJI"),
        mention(doc, 10, 11, country="JPN"),
    ]
    by_token = {i: m for m in found for i in range(m.start, m.end)}
    listed = listed_from(doc, 1, by_token, named_only=False)
    assert [e.name or e.country for e in listed] == ["Penny Wong", "Nanaia Mahuta", "FJI"]
    named = listed_from(doc, 1, by_token, named_only=True)
    assert [e.name for e in named] == ["Penny Wong", "Nanaia Mahuta"]


def test_the_north_is_the_northern_state_the_document_names(parse) -> None:
    # 'Pyongyang said the North would talk to the South': North Korea is named (by its
    # capital), South Korea is not
    doc = parse("""
        Pyongyang 1 nsubj PROPN NNP _
        said      1 ROOT  VERB  VBD say
        the       3 det   DET   DT  _
        North     5 nsubj PROPN NNP _
        would     5 aux   AUX   MD  _
        talk      1 ccomp VERB  VB  _
        to        5 prep  ADP   IN  _
        the       8 det   DET   DT  _
        South     6 pobj  PROPN NNP _
    """)
    capital = ActorMatch(0, 1, ActorRef(country="PRK", org=None, sector="GOV", via="capital"))
    names = {"PRK": "North Korea", "KOR": "South Korea"}
    found = bare_north_south(doc, [capital], names)
    assert [(m.start, m.entity.country) for m in found] == [(3, "PRK")]


def test_the_main_and_the_dominant_state() -> None:
    def naming(*countries: str) -> list[Mention]:
        return [Mention(i, i + 1, Entity(text=c, country=c)) for i, c in enumerate(countries)]

    assert main_country(naming("KOR", "JPN", "JPN", "KOR")) == "KOR"  # the first on a tie
    assert dominant_country(naming("KOR", "JPN", "JPN", "KOR")) is None
    assert dominant_country(naming("KOR", "JPN", "JPN", "JPN", "JPN", "KOR")) == "JPN"
