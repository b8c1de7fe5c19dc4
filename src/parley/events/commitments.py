"""A stated intention is an event of its own.

"Hungary said it will support the resolution" holds two events: the support, which is
only planned, and the promise, which was made. PLOVER codes the promise of a cooperative
act as AGREE and the announcement of a hostile one ("NATO said it would tighten the
blockade", "Greece plans to impose restrictions", "we will withdraw unless ...") as
THREATEN; "Syria says it will not accept refugees" is a refusal, REJECT.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from parley.actors.resolve import DocumentActors
from parley.events.categories import categories
from parley.events.lexicon import Trigger
from parley.models import Entity
from parley.nlp.cues import cue
from parley.nlp.syntax import has_infinitive_to, is_marked
from parley.nlp.vocabulary import REPORTING_VERBS

# Verbs whose subject states an intention through 'to' ('vowed to fight').
INTENT_VERBS = cue("intent_verbs")
_VOWS = cue("vow_verbs")
_ANNOUNCING = cue("announcing_verbs")  # besides the reporting verbs
# Events that are statements already: announcing one is no further promise.
_VERBAL = {"AGREE", "THREATEN", "REJECT", "REQUEST", "ACCUSE"}
_UNREAL = {"planned", "hypothetical", "negated"}

PROMISE = Trigger("promise", "VERB", "AGREE", None, "030")
THREAT = Trigger("threaten", "VERB", "THREATEN", None, "130")
REFUSAL = Trigger("refuse", "VERB", "REJECT", None, "120")


@dataclass(frozen=True)
class Commitment:
    """The promise, threat or refusal an announced event makes, and who makes it to whom."""

    token: Token  # the announcing word: 'said', 'vowed'
    entry: Trigger
    actor: list[Entity]
    recipient: list[Entity]


def commitment(
    trigger: Token,
    event: str,
    status: str,
    actor: list[Entity],
    recipient: list[Entity],
    actors: DocumentActors,
) -> Commitment | None:
    """The commitment made by announcing the event at `trigger`, if its own actor announces
    it as a future act (or refuses it)."""
    if event in _VERBAL or status not in _UNREAL:
        return None
    verb = _clause_verb(trigger)
    announcer = _announcer(verb)
    if announcer is None:
        return None
    speakers = {e.side for e in _subjects(announcer, actors)}
    if _announcing(announcer) and not speakers & {e.side for e in actor}:
        return None  # 'Israel will evacuate, a spokesman said': the spokesman promises nothing
    makers = [e for e in actor if e.side in speakers] or actor
    others = [e for e in actor if e not in makers] + recipient
    entry = _kind(verb, event, status)
    return Commitment(announcer, entry, makers, others) if entry else None


def _clause_verb(trigger: Token) -> Token:
    """'tighten the blockade': the verb a nominal event is the object of."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        return trigger.head
    return trigger


def _announcer(verb: Token) -> Token | None:
    """'said (that) it will X' and 'vowed to X': the word the actor states X with."""
    head = verb.head
    lemma = head.lemma_.lower()
    if verb.dep_ == "ccomp" and _announcing(head):
        return head
    if verb.dep_ == "xcomp" and lemma in INTENT_VERBS:
        return head
    if (
        verb.dep_ == "advcl" and lemma in _VOWS and has_infinitive_to(verb)
    ):  # 'sworn to fight' misparsed
        return head
    return None


def _announcing(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in REPORTING_VERBS or lemma in _ANNOUNCING


def _subjects(verb: Token, actors: DocumentActors) -> list[Entity]:
    return [
        e for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for e in actors.entities_for(c)
    ]


def _kind(verb: Token, event: str, status: str) -> Trigger | None:
    hostile = categories()[event].quad_code >= 3
    if status == "negated":
        return None if hostile else REFUSAL
    conditional = any(c.dep_ == "advcl" and is_marked(c, "unless") for c in verb.children)
    return THREAT if hostile or conditional else PROMISE
