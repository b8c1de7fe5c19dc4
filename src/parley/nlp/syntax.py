"""Small questions about the dependency parse that several stages ask the same way."""

from __future__ import annotations

from spacy.tokens import Token


def is_prep(token: Token, *words: str) -> bool:
    """A preposition, one of `words` ('of', 'in', ...)."""
    return token.dep_ == "prep" and token.lower_ in words


def prep_objects(token: Token, *words: str) -> list[Token]:
    """The objects of the token's prepositions among `words`: for 'the return of the
    inspectors' and 'of', the inspectors."""
    return [obj for prep in token.children if is_prep(prep, *words) for obj in objects_of(prep)]


def objects_of(prep: Token) -> list[Token]:
    """A preposition's objects. The model sometimes leaves a preposition bare and makes
    its object the subject of a participle after it ('granted asylum to five officers
    holed up in the embassy'): then that noun is the object."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects or prep.n_lefts + prep.n_rights:
        return objects
    return [
        subject
        for clause in prep.head.children
        if clause.pos_ == "VERB" and clause.i > prep.i
        for subject in clause.children
        if subject.dep_ == "nsubj" and subject.left_edge.i == prep.i + 1
    ]


def has_infinitive_to(verb: Token) -> bool:
    """'to meet', 'to fight': the verb carries the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_purpose(verb: Token) -> bool:
    """'travel to Tokyo to meet': an adverbial 'to' clause saying what something is for."""
    return verb.dep_ == "advcl" and has_infinitive_to(verb)


def is_marked(clause: Token, *marks: str) -> bool:
    """A clause introduced by one of `marks` ('that', 'if', 'unless')."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def shifted_object(verb: Token) -> Token | None:
    """A long object moved behind an 'as' phrase ('denounced as a crime Serbia's
    crackdown'): the model hangs it on the 'as' noun as an apposition."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    for noun in prep_objects(verb, "as"):
        shifted = [c for c in noun.children if c.dep_ == "appos"]
        if shifted:
            return shifted[0]
    return None
