"""Repair one parse the model gets wrong: a sentence read as a noun phrase around its verb.

A verb made with a hyphen ('The police baton-charged students', 'Police lathi-charged
protesters', 'North Korea test-fired two missiles') makes the model read it as an
adjective and the whole sentence as one noun phrase: 'charged' an `amod` of 'students',
'students' the root. A full sentence (one that ends in a full stop) with a noun for a
root and such a past tense or participle modifying it, with a noun before that, is a
clause: the noun before is the subject, the verb the root, the old root its object.
Headlines, which may be noun phrases, have no full stop and are left alone; so are
participles without a hyphen ('3D printed objects on display.'), which are adjectives
more often than not.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

_PAST = frozenset({"VBD", "VBN"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# dependents of the old root, after it, that belong to the verb ('in Patna', 'on Monday')
_CLAUSE_DEPS = frozenset({"prep", "npadvmod", "punct", "advmod", "advcl"})


@Language.component("parley_fragment_verbs")
def fragment_verbs(doc: Doc) -> Doc:
    for sentence in list(doc.sents):
        misread = misread_clause(sentence)
        if misread is not None:
            _make_clause(sentence.root, *misread)
    return doc


def misread_clause(sentence: Span) -> tuple[Token, Token] | None:
    """The past-tense verb a full sentence hides as an adjective of its root noun, and the
    noun that is its subject, if there are such."""
    root = sentence.root
    if root.pos_ not in ("NOUN", "PROPN") or _last_word(sentence) != ".":
        return None
    for token in root.lefts:
        joined = _joined_word(token)
        if token.dep_ != "amod" or token.tag_ not in _PAST or joined is None:
            continue
        subject = _subject_before(token, joined)
        if subject is not None:
            return token, subject
    return None


def _last_word(sentence: Span) -> str:
    return next((t.text for t in reversed(sentence) if not t.is_space), "")


def _subject_before(verb: Token, joined: Token) -> Token | None:
    """The last noun before the verb and the word joined to it by a hyphen ('police' in
    'The police baton-charged', 'Police' in 'Police lathi-charged'), hanging on the root
    or on that joined word."""
    heads = {verb.head.i, joined.i}
    before = verb.doc[verb.sent.start : joined.i]
    return next((t for t in reversed(before) if t.pos_ in _NOMINAL and t.head.i in heads), None)


def _joined_word(verb: Token) -> Token | None:
    """'lathi' in 'lathi-charged'."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].head.i == verb.i:
        return doc[verb.i - 2]
    return None


def _make_clause(root: Token, verb: Token, subject: Token) -> None:
    left = [t for t in root.lefts if t.i < subject.i]
    after = [t for t in root.rights if t.dep_ in _CLAUSE_DEPS]
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "dobj"
    subject.head, subject.dep_ = verb, "nsubj"
    for token in left:  # 'The' of 'The police'
        token.head = subject
    for token in after:
        token.head = verb
