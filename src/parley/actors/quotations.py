"""Who speaks a quotation: where it stands (its marks, its paragraph), and the attribution
that frames it ('The commissioner said, "We ..."').

A 'we' or an event inside a quotation is the speaker's; the events and time stages ask
which quotation a word is in and who said it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from parley.actors.mentions import listed_from
from parley.models import Entity
from parley.nlp.vocabulary import DOCUMENT_NOUNS, REPORTING_VERBS

if TYPE_CHECKING:
    from parley.actors.resolve import DocumentActors

# The token index of a reporting verb ('said', 'read') and who the text says speaks.
Speaker = tuple[int, list[Entity]]


def find_speakers(doc: Doc, actors: DocumentActors) -> list[Speaker]:
    """Attributions of quotations: the subject of 'said', 'read', 'tweeted'...; for a
    statement, its authors ('the statement issued by A, B and C read')."""
    found = []
    for token in doc:
        is_predicate = token.pos_ == "VERB" or token.dep_ == "ROOT"  # 'read' is often a NOUN
        reports = token.lemma_.lower() in REPORTING_VERBS or _opens_quotation(token)
        if not is_predicate or not reports:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:  # inverted: '"...," read the statement issued by ...'
            subject = next(
                (c for c in token.children if c.dep_ in ("dobj", "attr") and c.i > token.i), None
            )
        if subject is None:
            continue
        if subject.lemma_.lower() in DOCUMENT_NOUNS:
            entities = _authors(subject, actors)
        else:
            entities = actors.entities_for(subject)
        if entities:
            found.append((token.i, entities))
    return found


def _opens_quotation(verb: Token) -> bool:
    """'Tanya Chan spoke to the press after the speech: "I really urge ..."': a clause
    ended by a colon and a quotation mark introduces the quotation, whatever its verb."""
    if verb.pos_ != "VERB":
        return False
    following = [
        t for t in verb.doc[verb.right_edge.i + 1 : verb.right_edge.i + 4] if not t.is_space
    ]
    return len(following) >= 2 and following[0].text == ":" and following[1].is_quote


def _authors(document_noun: Token, actors: DocumentActors) -> list[Entity]:
    """Everyone listed after 'by' up to the reporting verb: the model often breaks a long
    list of titled names into pieces, so the list is read off the text."""
    for token in document_noun.subtree:
        if token.dep_ in ("agent", "prep") and token.lower_ == "by":
            return listed_from(actors.doc, token.i + 1, actors.by_token, named_only=False)
    return []


def attribution_of(token: Token, speakers: list[Speaker]) -> Speaker | None:
    """The attribution that opens or closes the quotation `token` stands in ('The
    commissioner said, "We ..."', '"We ...," the statement issued by A, B and C read'),
    else the first of its paragraph, else the last one before it."""
    doc = token.doc
    paragraph = _paragraph_bounds(token)
    opening, closing = _quote_bounds(token, paragraph)
    framing = {opening.sent.start, closing.sent.start}
    near = [s for s in speakers if doc[s[0]].sent.start in framing]
    if near:
        return min(near, key=lambda s: _distance(s[0], opening.i, closing.i))
    same = [s for s in speakers if paragraph[0] <= s[0] < paragraph[1]]
    if same:
        return same[0]
    earlier = [s for s in speakers if s[0] < token.i]
    return earlier[-1] if earlier else None


def quoted_tokens(doc: Doc) -> list[bool]:
    """For each token, whether it stands inside a quotation: after a mark its paragraph
    has not closed (read in one pass; a paragraph's end ends an unclosed quotation)."""
    quoted = []
    opened = closed = straight = 0
    for token in doc:
        quoted.append(opened > closed or straight % 2 == 1)
        opened += token.text.count("“")
        closed += token.text.count("”")
        straight += token.text.count('"')
        if "\n" in token.text or "\n" in token.whitespace_:
            opened = closed = straight = 0
    return quoted


def _quote_bounds(token: Token, paragraph: tuple[int, int]) -> tuple[Token, Token]:
    """The opening and closing quotation marks around `token` (the paragraph's ends when
    a mark is missing)."""
    doc = token.doc
    marks = [t for t in doc[paragraph[0] : min(paragraph[1], len(doc))] if t.is_quote]
    before = [t for t in marks if t.i < token.i]
    after = [t for t in marks if t.i > token.i]
    opening = before[-1] if before else doc[paragraph[0]]
    closing = after[0] if after else doc[min(paragraph[1], len(doc)) - 1]
    return opening, closing


def _distance(index: int, opening: int, closing: int) -> int:
    return opening - index if index < opening else max(0, index - closing)


def _paragraph_bounds(token: Token) -> tuple[int, int]:
    """Token indexes of the paragraph (line) holding `token`."""
    doc = token.doc
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = token.i
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
        end += 1
    return start, end + 1
