"""The fate of proposals: an event inside 'a resolution aimed at imposing sanctions' has
not happened; it happens, fails or stays hypothetical with the resolution.

News report the proposal in one sentence and its fate in another ("The resolution,
however, failed to pass Friday"), so later definite mentions of the proposal are read too.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.models import Status
from parley.nlp.cues import cue

PROPOSALS = cue("proposal_nouns")
_FAILED = cue("proposal_failures")
_PASSED = cue("proposal_passages")
_UP_DEPS = {"dobj", "pcomp", "pobj", "prep", "acl", "xcomp", "advcl", "relcl", "nsubjpass"}
_MAX_STEPS = 6


def proposal_above(trigger: Token) -> Token | None:
    """The proposal noun an event is the content of ('a resolution aimed at imposing
    sanctions', 'a resolution condemning the coup'), if any; what is said of the proposal
    itself ('backed by Japan') is not its content."""
    if trigger.head.lemma_.lower() in PROPOSALS and trigger.tag_ != "VBG":
        return None
    token = trigger
    for _ in range(_MAX_STEPS):
        if token.dep_ not in _UP_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in PROPOSALS:
            return token
    return None


def proposal_fate(proposal: Token) -> tuple[Status, Token] | None:
    """(status, the word that decides it) from this or a later mention of the proposal."""
    lemma = proposal.lemma_.lower()
    for mention in [proposal, *_later_mentions(proposal, lemma)]:
        decided = _decision(mention)
        if decided is not None:
            return decided
    return None


def _later_mentions(proposal: Token, lemma: str) -> list[Token]:
    doc = proposal.doc
    return [
        t
        for t in doc[proposal.sent.end :]
        if t.lemma_.lower() == lemma and any(c.lower_ in ("the", "this") for c in t.children)
    ]


def _decision(mention: Token) -> tuple[Status, Token] | None:
    """'The resolution failed', 'vetoed the resolution', 'failure to adopt the resolution'
    (a failure anywhere up the chain outweighs the 'adopt' below it)."""
    governors = _governors(mention)
    for token in governors:
        negated = any(c.dep_ == "neg" for c in token.children)
        if token.lemma_.lower() in _FAILED or (token.lemma_.lower() in _PASSED and negated):
            return "failed", token
    for token in governors:
        if token.pos_ == "VERB" and token.lemma_.lower() in _PASSED:
            return "occurred", token
    return None


def _governors(mention: Token) -> list[Token]:
    """Up to three words above the mention, ending at its clause's main verb."""
    found = []
    token = mention
    while len(found) < 3 and token.head.i != token.i:
        token = token.head
        found.append(token)
        if token.pos_ == "VERB" and token.dep_ not in ("xcomp", "acl"):
            break
    return found
