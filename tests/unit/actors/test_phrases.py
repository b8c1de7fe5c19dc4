"""Whose a noun phrase is, on parses written by hand."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parley.actors.dictionary import TitleRecord
from parley.actors.mentions import Mention
from parley.actors.phrases import domestic_group, is_stance
from parley.actors.resolve import DocumentActors
from parley.actors.titles import TitleLexicon

TITLES = TitleLexicon(
    [
        TitleRecord("police", "COP", (), None),
        TitleRecord("minister", "GOV", (), "minister"),
        TitleRecord("senator", "LEG", (), "legislator"),
        TitleRecord("peacekeeping force", "IGO", (), None),
        TitleRecord("force", "MIL", (), None),
    ]
)


def parties(doc: Doc, mentions: list[Mention], token_index: int) -> list[tuple]:
    actors = DocumentActors(doc, mentions, TITLES)
    return [(e.country or e.org, e.sector) for e in actors.entities_for(doc[token_index])]


@pytest.mark.parametrize(
    ("left", "right", "tag", "state", "stance"),
    [
        ("anti", "Syria", "NNP", 2, True),  # an 'anti-Syria journalist' is not Syria's
        ("Armenian", "backed", "VBN", 0, True),
        ("Vietnamese", "led", "VBN", 0, False),  # 'Vietnamese-led forces' are Vietnam's
        ("US", "Japanese", "JJ", 0, False),  # 'US-Japanese talks' are both states'
    ],
)
def test_a_side_taken_or_a_backer_owns_nothing(
    parse, left: str, right: str, tag: str, state: int, stance: bool
) -> None:
    lemma = {"backed": "back", "led": "lead"}.get(right, "_")
    doc = parse(f"""
        {left}  2 amod  ADJ   JJ    _
        -       2 punct PUNCT HYPH  _
        {right} 3 amod  ADJ   {tag} {lemma}
        forces  3 ROOT  NOUN  NNS   force
    """)
    assert is_stance(doc[state]) is stance


def test_a_people_named_with_the_state_it_lives_in_is_that_states(parse, mention) -> None:
    # 'Kosovo Serbs protested.' CAMEO codes residence, not ethnicity
    doc = parse("""
        Kosovo    1 compound PROPN NNP  _
        Serbs     2 nsubj    PROPN NNPS serb
        protested 2 ROOT     VERB  VBD  protest
    """)
    serbs = mention(doc, 1, 2, "demonym", country="SRB")
    assert parties(doc, [serbs], 1) == [("SRB", "CVL")]  # a people: the state's civilians
    kosovo = mention(doc, 0, 1, country="XKX")
    assert parties(doc, [kosovo, serbs], 1) == [("XKX", None)]


def test_an_ethnic_minority_is_of_the_state_the_sentence_places_it_in(parse, mention) -> None:
    # 'Police arrested ethnic Hungarians in Slovakia.'
    doc = parse("""
        Police     1 nsubj PROPN NNS  police
        arrested   1 ROOT  VERB  VBD  arrest
        ethnic     3 amod  ADJ   JJ   _
        Hungarians 1 dobj  PROPN NNPS hungarian
        in         1 prep  ADP   IN   _
        Slovakia   4 pobj  PROPN NNP  _
    """)
    found = [mention(doc, 3, 4, "demonym", country="HUN"), mention(doc, 5, 6, country="SVK")]
    assert parties(doc, found, 3) == [("SVK", None)]


def test_a_group_word_with_no_state_is_known_by_its_sector(parse) -> None:
    # 'police', 'the minister', 'senators', 'a peacekeeping force', 'a peacekeeping force in
    # Mali', each a phrase of its own
    doc = parse("""
        police       0  ROOT     NOUN  NNS police
        the          2  det      DET   DT  _
        minister     2  ROOT     NOUN  NN  _
        senators     3  ROOT     NOUN  NNS senator
        a            6  det      DET   DT  _
        peacekeeping 6  compound NOUN  NN  _
        force        6  ROOT     NOUN  NN  _
        a            9  det      DET   DT  _
        peacekeeping 9  compound NOUN  NN  _
        force        9  ROOT     NOUN  NN  _
        in           9  prep     ADP   IN  _
        Mali         10 pobj     PROPN NNP _
    """)

    def group(i: int) -> list[tuple]:
        return [(e.org, e.sector) for e in domestic_group(doc[i], TITLES)]

    assert group(0) == [(None, "COP")]
    assert group(2) == []  # an official is a person, not a group
    assert group(3) == [(None, "LEG")]  # legislators in the plural act as a body
    assert group(6) == [("IGO", "IGO")]  # an international force nobody names
    assert group(9) == []  # one placed in a state stands for that state


def test_armed_forces_in_a_state_are_its_own_but_an_embassy_is_not(parse, mention) -> None:
    # 'forces in Guinea', 'an embassy in London'
    doc = parse("""
        forces  0 ROOT  NOUN  NNS force
        in      0 prep  ADP   IN  _
        Guinea  1 pobj  PROPN NNP _
        an      4 det   DET   DT  _
        embassy 4 ROOT  NOUN  NN  _
        in      4 prep  ADP   IN  _
        London  5 pobj  PROPN NNP _
    """)
    found = [mention(doc, 2, 3, country="GIN"), mention(doc, 6, 7, "capital", country="GBR")]
    assert parties(doc, found, 0) == [("GIN", "MIL")]
    assert parties(doc, found, 4) == []
