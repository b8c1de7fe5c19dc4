"""Where a quotation stands and who speaks it, on parses written by hand."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parley.actors.mentions import Mention
from parley.actors.quotations import find_speakers, quoted_tokens
from parley.actors.resolve import DocumentActors
from parley.actors.titles import TitleLexicon


def speaking(doc: Doc, mentions: list[Mention]) -> DocumentActors:
    """The document's actors with its speakers found as `analyse` does."""
    actors = DocumentActors(doc, mentions, TitleLexicon([]))
    actors.speakers = find_speakers(doc, actors)
    return actors


def costa_and_paz(doc: Doc, mention, costa: int, paz: int) -> list[Mention]:
    return [
        mention(doc, costa, costa + 1, "person", name="Ana Costa", country="BRA"),
        mention(doc, paz, paz + 1, "person", name="Jorge Paz", country="ARG"),
    ]


def test_a_quotation_runs_to_its_closing_mark_or_its_paragraph_end(parse) -> None:
    # '"Talks failed" Costa agreed “we left / Paz spoke': a mark left open closes with its
    # paragraph (line)
    doc = parse("""
        "      2  punct PUNCT ``  _
        Talks  2  nsubj NOUN  NNS talk
        failed 2  ROOT  VERB  VBD fail
        "      2  punct PUNCT ''  _
        Costa  5  nsubj PROPN NNP _
        agreed 5  ROOT  VERB  VBD agree
        “      8  punct PUNCT ``  _
        we     8  nsubj PRON  PRP _
        left   5  ccomp VERB  VBD leave
        \\n    8  dep   SPACE _SP _
        Paz    11 nsubj PROPN NNP _
        spoke  11 ROOT  VERB  VBD speak
    """)
    quoted = quoted_tokens(doc)
    assert [t.text for t in doc if quoted[t.i]] == ["Talks", "failed", '"', "we", "left", "\n"]


# 'Costa said talks failed.' and a line break: a paragraph before the quotation
COSTA_SAID = """
    Costa     1  nsubj PROPN NNP _
    said      1  ROOT  VERB  VBD say
    talks     3  nsubj NOUN  NNS talk
    failed    1  ccomp VERB  VBD fail
    .         1  punct PUNCT .   _
    \\n       4  dep   SPACE _SP _
"""
# '... / "We urge restraint," Paz said.'
CLOSING = (
    COSTA_SAID
    + """
    "         8  punct PUNCT ``  _
    We        8  nsubj PRON  PRP _
    urge      13 ccomp VERB  VBP _
    restraint 8  dobj  NOUN  NN  _
    ,         13 punct PUNCT ,   _
    "         13 punct PUNCT ''  _
    Paz       13 nsubj PROPN NNP _
    said      13 ROOT  VERB  VBD say
    .         13 punct PUNCT .   _
"""
)


def test_the_attribution_that_closes_a_quotation_is_its_speakers(parse, mention) -> None:
    doc = parse(CLOSING)
    actors = speaking(doc, costa_and_paz(doc, mention, 0, 12))
    we = doc[7]
    assert [e.name for e in actors.speaker_for(we)] == ["Jorge Paz"]
    assert actors.attribution_for(we).i == 13
    assert [e.name for e in actors.entities_for(we)] == ["Jorge Paz"]  # 'we' is the speaker
    assert actors.speaker_for(doc[2]) == []  # 'talks' stand in no quotation


def test_a_quotation_with_no_attribution_is_the_last_speakers(parse, mention) -> None:
    # '... / "We urge restraint."'
    doc = parse(
        COSTA_SAID
        + """
        "         8 punct PUNCT ``  _
        We        8 nsubj PRON  PRP _
        urge      8 ROOT  VERB  VBP _
        restraint 8 dobj  NOUN  NN  _
        .         8 punct PUNCT .   _
        "         8 punct PUNCT ''  _
    """
    )
    actors = speaking(doc, [mention(doc, 0, 1, "person", name="Ana Costa", country="BRA")])
    assert [e.name for e in actors.speaker_for(doc[7])] == ["Ana Costa"]


# 'Costa said: "We urge restraint. [" ]Talks must end, Paz said': without its closing mark
# the quotation runs to the end of the paragraph, whose sentence holds Paz's attribution
OPENING = """
    Costa     1  nsubj PROPN NNP _
    said      1  ROOT  VERB  VBD say
    :         1  punct PUNCT :   _
    "         5  punct PUNCT ``  _
    We        5  nsubj PRON  PRP _
    urge      1  ccomp VERB  VBP _
    restraint 5  dobj  NOUN  NN  _
    .         1  punct PUNCT .   _
    {closing}
    Talks     {end}  nsubj NOUN NNS talk
    must      {end} aux   AUX   MD  _
    end       {said} ccomp VERB VB  _
    ,         {said} punct PUNCT ,  _
    Paz       {said} nsubj PROPN NNP _
    said      {said} ROOT  VERB VBD say
"""


@pytest.mark.parametrize(("closed", "expected"), [(True, "Ana Costa"), (False, "Jorge Paz")])
def test_the_nearest_attribution_framing_the_quotation(
    parse, mention, closed: bool, expected: str
) -> None:
    at = 9 if closed else 8  # where 'Talks' stands
    closing = "\"  1 punct PUNCT '' _" if closed else ""
    table = OPENING.format(closing=closing, end=at + 2, said=at + 5)
    doc = parse(table)
    actors = speaking(doc, costa_and_paz(doc, mention, 0, at + 4))
    assert [e.name for e in actors.speaker_for(doc[4])] == [expected]
