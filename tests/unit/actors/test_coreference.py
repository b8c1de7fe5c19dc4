"""Pronouns, definite nouns, collectives and counterparts, on parses written by hand."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parley.actors.coreference import (
    assign_counterparts,
    find_enumerations,
    is_collective,
    same_noun_before,
)
from parley.actors.mentions import Mention
from parley.actors.resolve import DocumentActors
from parley.actors.titles import TitleLexicon


def actors_of(doc: Doc, mentions: list[Mention]) -> DocumentActors:
    """The document's actors, with its lists and counterparts found as `analyse` does."""
    actors = DocumentActors(doc, mentions, TitleLexicon([]))
    actors.enumerations = find_enumerations(doc, actors)
    assign_counterparts(doc, actors)
    return actors


def names(actors: DocumentActors, token_index: int) -> list[str | None]:
    return [e.name or e.country for e in actors.entities_for(actors.doc[token_index])]


# 'Costa told Paz that he would resign.'
TOLD = """
    Costa     1 nsubj PROPN NNP  _
    told      1 ROOT  VERB  VBD  tell
    Paz       1 dobj  PROPN NNP  _
    that      6 mark  SCONJ IN   _
    he        6 nsubj PRON  PRP  _
    would     6 aux   AUX   MD   _
    resign    1 ccomp VERB  VB   _
    .         1 punct PUNCT .    _
"""
# 'Costa spoke. A court summoned Paz before he left.'
SUMMONED = """
    Costa     1 nsubj PROPN NNP  _
    spoke     1 ROOT  VERB  VBD  speak
    .         1 punct PUNCT .    _
    A         4 det   DET   DT   _
    court     5 nsubj NOUN  NN   _
    summoned  5 ROOT  VERB  VBD  summon
    Paz       5 dobj  PROPN NNP  _
    before    9 mark  SCONJ IN   _
    he        9 nsubj PRON  PRP  _
    left      5 advcl VERB  VBD  leave
    .         5 punct PUNCT .    _
"""
# 'Costa met Paz. He spoke.'
MET = """
    Costa     1 nsubj PROPN NNP  _
    met       1 ROOT  VERB  VBD  meet
    Paz       1 dobj  PROPN NNP  _
    .         1 punct PUNCT .    _
    He        5 nsubj PRON  PRP  _
    spoke     5 ROOT  VERB  VBD  speak
    .         5 punct PUNCT .    _
"""


@pytest.mark.parametrize(
    ("table", "costa", "paz", "pronoun", "expected"),
    [
        (TOLD, 0, 2, 4, "Ana Costa"),  # the subject of its own sentence, though Paz is nearer
        (SUMMONED, 0, 6, 8, "Jorge Paz"),  # else the nearest mention in its own sentence
        (MET, 0, 2, 4, "Ana Costa"),  # else the subject of an earlier sentence
    ],
)
def test_a_person_pronoun_is_the_centre_of_attention(
    parse, mention, table: str, costa: int, paz: int, pronoun: int, expected: str
) -> None:
    doc = parse(table)
    people = [
        mention(doc, costa, costa + 1, "person", name="Ana Costa", country="BRA"),
        mention(doc, paz, paz + 1, "person", name="Jorge Paz", country="ARG"),
    ]
    assert names(actors_of(doc, sorted(people, key=lambda m: m.start)), pronoun) == [expected]


# 'Japan, Australia and Canada condemned Russia and China. The <number> countries called
# for restraint.'
CONDEMNED = """
    Japan     5  nsubj   PROPN NNP _
    ,         0  punct   PUNCT ,   _
    Australia 0  conj    PROPN NNP _
    and       2  cc      CCONJ CC  _
    Canada    2  conj    PROPN NNP _
    condemned 5  ROOT    VERB  VBD condemn
    Russia    5  dobj    PROPN NNP _
    and       6  cc      CCONJ CC  _
    China     6  conj    PROPN NNP _
    .         5  punct   PUNCT .   _
    The       12 det     DET   DT  _
    {number}  12 nummod  NUM   CD  _
    countries 13 nsubj   NOUN  NNS country
    called    13 ROOT    VERB  VBD call
    for       13 prep    ADP   IN  _
    restraint 14 pobj    NOUN  NN  _
    .         13 punct   PUNCT .   _
"""


@pytest.mark.parametrize(
    ("number", "expected"),
    [("three", ["JPN", "AUS", "CAN"]), ("two", ["RUS", "CHN"]), ("both", ["RUS", "CHN"])],
)
def test_a_collective_is_the_last_list_with_as_many_members(
    parse, mention, number: str, expected: list[str]
) -> None:
    doc = parse(CONDEMNED.format(number=number))
    states = zip((0, 2, 4, 6, 8), ("JPN", "AUS", "CAN", "RUS", "CHN"), strict=True)
    actors = actors_of(doc, [mention(doc, i, i + 1, country=c) for i, c in states])
    assert names(actors, 12) == expected


def test_a_singular_noun_is_no_collective(parse) -> None:
    # 'the state' Harris visited is one state, 'the states' point back to a list
    doc = parse("""
        the    1 det  DET  DT  _
        state  1 ROOT NOUN NN  _
        the    3 det  DET  DT  _
        states 3 ROOT NOUN NNS state
    """)
    assert not is_collective(doc[1], {})
    assert is_collective(doc[3], {})


def test_a_bare_definite_noun_is_the_same_noun_named_before(parse, mention) -> None:
    # 'The US embassy closed. The embassy reopened.'
    doc = parse("""
        The      2 det      DET   DT  _
        US       2 compound PROPN NNP _
        embassy  3 nsubj    NOUN  NN  _
        closed   3 ROOT     VERB  VBD close
        .        3 punct    PUNCT .   _
        The      6 det      DET   DT  _
        embassy  7 nsubj    NOUN  NN  _
        reopened 7 ROOT     VERB  VBD reopen
        .        7 punct    PUNCT .   _
    """)
    actors = actors_of(doc, [mention(doc, 1, 2, country="USA")])
    assert names(actors, 6) == ["USA"]


def test_the_phrase_holding_a_definite_noun_is_not_its_antecedent(parse, mention) -> None:
    # 'Rebels attacked the Afghan electoral process, especially the peace process': the
    # peace process is no more Afghanistan's than any other (this once recursed forever)
    doc = parse("""
        Rebels     1  nsubj    NOUN  NNS rebel
        attacked   1  ROOT     VERB  VBD attack
        the        5  det      DET   DT  _
        Afghan     5  amod     ADJ   JJ  _
        electoral  5  amod     ADJ   JJ  _
        process    1  dobj     NOUN  NN  _
        ,          5  punct    PUNCT ,   _
        especially 10 advmod   ADV   RB  _
        the        10 det      DET   DT  _
        peace      10 compound NOUN  NN  _
        process    5  appos    NOUN  NN  _
        .          1  punct    PUNCT .   _
    """)
    actors = actors_of(doc, [mention(doc, 3, 4, "adjective", country="AFG")])
    assert same_noun_before(doc[10], actors) == []
    assert names(actors, 5) == ["AFG"]


@pytest.mark.parametrize(("subject", "expected"), [("typhoon", []), ("Japan", ["JPN"])])
def test_a_subject_it_goes_on_with_a_thing_before_it(
    parse, mention, subject: str, expected: list[str]
) -> None:
    # 'The typhoon hit Luzon. It blocked roads.': not the Philippines; after 'Japan hit
    # Luzon.', 'it' is Japan
    doc = parse(f"""
        The       1 det   DET   DT  _
        {subject} 2 nsubj NOUN  NN  _
        hit       2 ROOT  VERB  VBD _
        Luzon     2 dobj  PROPN NNP _
        .         2 punct PUNCT .   _
        It        6 nsubj PRON  PRP _
        blocked   6 ROOT  VERB  VBD block
        roads     6 dobj  NOUN  NNS road
        .         6 punct PUNCT .   _
    """)
    found = [mention(doc, 3, 4, country="PHL")]
    if subject == "Japan":
        found.insert(0, mention(doc, 1, 2, country="JPN"))
    assert names(actors_of(doc, found), 5) == expected


# 'Costa met her Argentine and Chilean counterparts, Paz and Soto.'
COUNTERPARTS = """
    Costa        1 nsubj PROPN NNP _
    met          1 ROOT  VERB  VBD meet
    her          6 poss  PRON  PRP$ _
    Argentine    6 amod  ADJ   JJ  _
    and          3 cc    CCONJ CC  _
    Chilean      3 conj  ADJ   JJ  _
    counterparts 1 dobj  NOUN  NNS counterpart
    ,            6 punct PUNCT ,   _
    Paz          6 appos PROPN NNP _
    and          8 cc    CCONJ CC  _
    Soto         8 conj  PROPN NNP _
    .            1 punct PUNCT .   _
"""


def test_counterparts_are_the_names_listed_with_them_respectively(parse, mention) -> None:
    doc = parse(COUNTERPARTS)
    actors = actors_of(
        doc,
        [
            mention(doc, 0, 1, "person", name="Ana Costa", country="BRA"),
            mention(doc, 3, 4, "adjective", country="ARG"),
            mention(doc, 5, 6, "adjective", country="CHL"),
            mention(doc, 8, 9, "person", name="Jorge Paz"),
            mention(doc, 10, 11, "person", name="Elena Soto"),
        ],
    )
    found = actors.entities_for(doc[6])
    assert [(e.name, e.country) for e in found] == [("Jorge Paz", "ARG"), ("Elena Soto", "CHL")]


def test_unnamed_counterparts_are_the_governments_of_their_nationalities(parse, mention) -> None:
    # 'Costa met her Argentine and Chilean counterparts.'
    doc = parse("""
        Costa        1 nsubj PROPN NNP  _
        met          1 ROOT  VERB  VBD  meet
        her          6 poss  PRON  PRP$ _
        Argentine    6 amod  ADJ   JJ   _
        and          3 cc    CCONJ CC   _
        Chilean      3 conj  ADJ   JJ   _
        counterparts 1 dobj  NOUN  NNS  counterpart
        .            1 punct PUNCT .    _
    """)
    actors = actors_of(
        doc,
        [
            mention(doc, 0, 1, "person", name="Ana Costa", country="BRA"),
            mention(doc, 3, 4, "adjective", country="ARG"),
            mention(doc, 5, 6, "adjective", country="CHL"),
        ],
    )
    found = actors.entities_for(doc[6])
    assert [(e.country, e.sector) for e in found] == [("ARG", "GOV"), ("CHL", "GOV")]
