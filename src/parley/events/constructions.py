"""Events that no single trigger word names, but a construction does.

- A reported obligation is a demand: "The administration declared that China must drop
  its barriers" is a REQUEST from the administration to China.
- A declared readiness is a commitment: "France is ready to contribute troops" is an
  AGREE; "Iraq is prepared to impose martial law" is a THREATEN (PLOVER codes the promise
  of a future act by its sign, the act itself stays in the status field).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.events.categories import categories
from parley.events.lexicon import Lexicon, Trigger
from parley.nlp.vocabulary import REPORTING_VERBS

_OBLIGATION = {"must", "should"}
_READINESS = {"ready", "willing", "prepared"}

DEMAND = Trigger("must", "AUX", "REQUEST", "demand", "100", recipient_preps=("to",))
COMMITMENT = Trigger("ready", "ADJ", "AGREE", None, "030")
THREAT = Trigger("ready", "ADJ", "THREATEN", None, "130")


@dataclass(frozen=True)
class Construction:
    """A construction's event: the word standing for it, its entry, and the category of
    what is committed to, if the lexicon names it ('ready to impose martial law': COERCE)."""

    token: Token
    entry: Trigger
    content: str | None = None


def construction_triggers(doc: Doc, lexicon: Lexicon) -> Iterator[Construction]:
    """Each construction in `doc`."""
    for token in doc:
        if token.pos_ == "VERB" and token.dep_ == "ccomp" and _is_obligation(token):
            if token.head.lemma_.lower() in REPORTING_VERBS:
                yield Construction(token, DEMAND)
        elif token.lemma_.lower() in _READINESS and token.pos_ == "ADJ":
            content = next((c for c in token.children if c.dep_ == "xcomp"), None)
            if content is not None:  # 'ready to contribute troops', 'to impose martial law'
                objects = (c for c in content.children if c.dep_ == "dobj")
                entry = lexicon.match(content) or next(
                    filter(None, map(lexicon.match, objects)), None
                )
                event = entry.event if entry is not None else None
                is_conflict = event is not None and categories()[event].quad_code >= 3
                yield Construction(token, THREAT if is_conflict else COMMITMENT, event)


def _is_obligation(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children)
