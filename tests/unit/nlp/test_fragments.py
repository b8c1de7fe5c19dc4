"""A sentence the model reads as one noun phrase around a hyphenated verb becomes a clause."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from parley.nlp.fragments import fragment_verbs

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parse from rows of (word, head index, dependency, coarse tag, fine tag)."""
    words, heads, deps, pos, tags = zip(*rows, strict=True)
    return Doc(
        VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
        tags=list(tags),
    )  # fmt: skip


# the model's reading of "The police baton-charged students in Patna ."
MISREAD = [
    ("The", 1, "det", "DET", "DT"),
    ("police", 5, "nmod", "NOUN", "NN"),
    ("baton", 4, "npadvmod", "NOUN", "NN"),
    ("-", 4, "punct", "PUNCT", "HYPH"),
    ("charged", 5, "amod", "VERB", "VBN"),
    ("students", 5, "ROOT", "NOUN", "NNS"),
    ("in", 5, "prep", "ADP", "IN"),
    ("Patna", 6, "pobj", "PROPN", "NNP"),
    (".", 5, "punct", "PUNCT", "."),
]  # fmt: skip


def heads(doc: Doc) -> dict[str, tuple[str, str]]:
    return {t.text: (t.dep_, t.head.text) for t in doc}


def test_the_hidden_verb_becomes_the_root_with_its_subject_and_object() -> None:
    doc = fragment_verbs(parse(MISREAD))
    found = heads(doc)
    assert found["charged"] == ("ROOT", "charged")
    assert found["police"] == ("nsubj", "charged")
    assert found["students"] == ("dobj", "charged")
    assert found["in"] == ("prep", "charged")
    assert found["The"] == ("det", "police")


def test_a_headline_without_a_full_stop_stays_a_noun_phrase() -> None:
    doc = fragment_verbs(parse(MISREAD[:-1]))
    assert heads(doc)["students"] == ("ROOT", "students")


def test_a_participle_without_a_hyphen_stays_an_adjective() -> None:
    rows = [
        ("Police", 2, "nmod", "NOUN", "NNS"),
        ("detained", 2, "amod", "VERB", "VBN"),
        ("students", 2, "ROOT", "NOUN", "NNS"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    assert heads(fragment_verbs(parse(rows)))["students"] == ("ROOT", "students")
