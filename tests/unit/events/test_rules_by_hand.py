"""Rules of the coder tested on parses built by hand, so a rule is checked on the tree it is
written for whatever the model would make of the sentence."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from parley.events.constructions import DISAPPROVAL, PRAISE, _judgement, named_thing
from parley.events.extract import _undergone
from parley.events.parties import _responsibility_claimed
from parley.events.status import event_status
from parley.normalize.scenes import _reported

VOCAB = spacy.blank("en").vocab  # English word shapes (lower case, ...), no model


def parse(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A parse from rows of (word, head index, dependency, coarse tag, fine tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = zip(*rows, strict=True)
    return Doc(
        VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
        tags=list(tags), lemmas=list(lemmas),
    )  # fmt: skip


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


# "Police will arrest the protesters ."
WILL_ARREST = parse([
    ("Police", 2, "nsubj", "NOUN", "NNS", "police"),
    ("will", 2, "aux", "AUX", "MD", "will"),
    ("arrest", 2, "ROOT", "VERB", "VB", "arrest"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("protesters", 2, "dobj", "NOUN", "NNS", "protester"),
    (".", 2, "punct", "PUNCT", ".", "."),
])  # fmt: skip

# "Two suspects were arrested ."
WERE_ARRESTED = parse([
    ("Two", 1, "nummod", "NUM", "CD", "two"),
    ("suspects", 3, "nsubjpass", "NOUN", "NNS", "suspect"),
    ("were", 3, "auxpass", "AUX", "VBD", "be"),
    ("arrested", 3, "ROOT", "VERB", "VBN", "arrest"),
    (".", 3, "punct", "PUNCT", ".", "."),
])  # fmt: skip

# "He survived a drone attack ."
SURVIVED = parse([
    ("He", 1, "nsubj", "PRON", "PRP", "he"),
    ("survived", 1, "ROOT", "VERB", "VBD", "survive"),
    ("a", 4, "det", "DET", "DT", "a"),
    ("drone", 4, "compound", "NOUN", "NN", "drone"),
    ("attack", 1, "dobj", "NOUN", "NN", "attack"),
    (".", 1, "punct", "PUNCT", ".", "."),
])  # fmt: skip

# "The group claimed responsibility for the attack ."
CLAIMED = parse([
    ("The", 1, "det", "DET", "DT", "the"),
    ("group", 2, "nsubj", "NOUN", "NN", "group"),
    ("claimed", 2, "ROOT", "VERB", "VBD", "claim"),
    ("responsibility", 2, "dobj", "NOUN", "NN", "responsibility"),
    ("for", 3, "prep", "ADP", "IN", "for"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("attack", 4, "pobj", "NOUN", "NN", "attack"),
    (".", 2, "punct", "PUNCT", ".", "."),
])  # fmt: skip

# "Iran called the decision a stunt ."
CALLED_A_STUNT = parse([
    ("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"),
    ("called", 1, "ROOT", "VERB", "VBD", "call"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("decision", 1, "dobj", "NOUN", "NN", "decision"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("stunt", 1, "oprd", "NOUN", "NN", "stunt"),
    (".", 1, "punct", "PUNCT", ".", "."),
])  # fmt: skip

# "Officials said rebels attacked the town ."
SAID_ATTACKED = parse([
    ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("rebels", 3, "nsubj", "NOUN", "NNS", "rebel"),
    ("attacked", 1, "ccomp", "VERB", "VBD", "attack"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("town", 3, "dobj", "NOUN", "NN", "town"),
    (".", 1, "punct", "PUNCT", ".", "."),
])  # fmt: skip


def test_a_future_auxiliary_makes_a_plan() -> None:
    reading, _ = event_status(word(WILL_ARREST, "arrest"))
    assert reading.status == "planned"


def test_a_past_passive_happened() -> None:
    reading, _ = event_status(word(WERE_ARRESTED, "arrested"))
    assert reading.status == "occurred"


def test_an_act_told_as_undergone() -> None:
    assert _undergone(word(WERE_ARRESTED, "arrested"))
    assert _undergone(word(SURVIVED, "attack"))
    assert not _undergone(word(WILL_ARREST, "arrest"))


def test_responsibility_claimed_for_an_attack() -> None:
    assert _responsibility_claimed(word(CLAIMED, "attack"))
    assert not _responsibility_claimed(word(SURVIVED, "attack"))


def test_what_a_naming_verb_names_and_how_it_judges_it() -> None:
    called = word(CALLED_A_STUNT, "called")
    assert [t.text for t in named_thing(called)] == ["decision"]
    assert _judgement(called) is DISAPPROVAL
    assert _judgement(word(CLAIMED, "claimed")) is None
    assert PRAISE is not DISAPPROVAL


def test_a_reported_clause_is_someone_elses_telling() -> None:
    assert _reported(word(SAID_ATTACKED, "attacked"))
    assert not _reported(word(SAID_ATTACKED, "said"))


def _try_to_attack(aux: tuple[str, str, str] | None, verb: str, tag: str) -> Doc:
    """'They (will) try/tried to attack the town .'"""
    rows = [("They", 1 if aux is None else 2, "nsubj", "PRON", "PRP", "they")]
    if aux is not None:
        rows.append((aux[0], 2, "aux", "AUX", aux[1], aux[2]))
    root = len(rows)
    rows += [
        (verb, root, "ROOT", "VERB", tag, "try"),
        ("to", root + 2, "aux", "PART", "TO", "to"),
        ("attack", root, "xcomp", "VERB", "VB", "attack"),
        ("the", root + 4, "det", "DET", "DT", "the"),
        ("town", root + 2, "dobj", "NOUN", "NN", "town"),
        (".", root, "punct", "PUNCT", ".", "."),
    ]
    return parse(rows)


def test_trying_failed_only_when_told_as_done() -> None:
    tried = _try_to_attack(None, "tried", "VBD")
    will_try = _try_to_attack(("will", "MD", "will"), "try", "VB")
    assert event_status(word(tried, "attack"))[0].status == "failed"
    assert event_status(word(will_try, "attack"))[0].status == "planned"
