"""Small questions about the dependency parse that several stages ask the same way."""

from __future__ import annotations

from spacy.tokens import Token


def is_prep(token: Token, *words: str) -> bool:
    """A preposition, one of `words` ('of', 'in', ...)."""
    return token.dep_ == "prep" and token.lower_ in words


def prep_objects(token: Token, *words: str) -> list[Token]:
    """The objects of the token's prepositions among `words`: for 'the return of the
    inspectors' and 'of', the inspectors."""
    return [
        obj
        for prep in token.children
        if is_prep(prep, *words)
        for obj in prep.children
        if obj.dep_ == "pobj"
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
