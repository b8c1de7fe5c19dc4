"""Events that no single trigger word names, but a construction does.

- A reported obligation is a demand: "The administration declared that China must drop
  its barriers" is a REQUEST from the administration to China.
- A declared readiness is a commitment: "France is ready to contribute troops" is an
  AGREE; "Iraq is prepared to impose martial law" is a THREATEN (PLOVER codes the promise
  of a future act by its sign, the act itself stays in the status field).
- Preparing an attack is a military move short of the use of force, which PLOVER codes
  MOBILIZE: "The army prepared to resume shelling rebel positions".
- Naming something with a word of disapproval is an accusation, with one of praise
  support: "Watson called the proposed deal 'lousy'", "described the attack as cowardly",
  "hailed as a historic step" (the words are the cue lists of `cues.jsonl`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.events.categories import categories
from parley.events.lexicon import Lexicon, Trigger
from parley.events.status import obliges
from parley.nlp.cues import cue
from parley.nlp.syntax import is_prep, objects_of
from parley.nlp.vocabulary import REPORTING_VERBS

_OBLIGATION = cue("obligation_modals")
_READINESS = cue("readiness_adjectives")

DEMAND = Trigger("must", "AUX", "REQUEST", "demand", "100", recipient_preps=("to",))
COMMITMENT = Trigger("ready", "ADJ", "AGREE", None, "030")
THREAT = Trigger("ready", "ADJ", "THREATEN", None, "130")
PREPARATION = Trigger("prepare", "VERB", "MOBILIZE", "troops", "150")
DISAPPROVAL = Trigger("call", "VERB", "ACCUSE", "disapprove", "111")
PRAISE = Trigger("call", "VERB", "SUPPORT", None, "051")
NAMINGS = (DISAPPROVAL, PRAISE)
_NAMING = cue("naming_verbs")
_DISAPPROVAL = cue("disapproval_words")
_PRAISE = cue("approval_words")


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
            event = _content_event(token, lexicon)  # 'ready to contribute troops'
            if event is not _NO_CONTENT:
                is_conflict = event is not None and categories()[event].quad_code >= 3
                yield Construction(token, THREAT if is_conflict else COMMITMENT, event)
        elif _prepares_attack(token, lexicon):  # 'prepared to resume shelling'
            yield Construction(token, PREPARATION, "ASSAULT")
        elif token.lemma_.lower() in _NAMING and token.pos_ == "VERB":
            entry = _judgement(token) if lexicon.match(token) is None else None
            if entry is not None:  # 'called the deal "lousy"'
                yield Construction(token, entry)


def named_thing(verb: Token) -> list[Token]:
    """What a naming verb names: its object ('called the deal lousy'), the subject of its
    small clause ('branded the sanctions illegal') or what it refers to ('which Ross
    referred to as a stunt')."""
    children = list(verb.children)
    things = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    things += [g for c in children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
    return things + [o for p in children if is_prep(p, "to") for o in objects_of(p)]


def _judgement(verb: Token) -> Trigger | None:
    """Disapproval or praise in what the verb calls its object, if either."""
    words: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("oprd", "ccomp", "xcomp") or is_prep(child, "as"):
            words |= {t.lemma_.lower() for t in child.subtree} | {t.lower_ for t in child.subtree}
    for thing in named_thing(verb):  # 'called the deal "lousy"', read as a modifier after it
        words |= {c.lower_ for c in thing.children if c.dep_ == "amod" and c.i > thing.i}
    if words & _DISAPPROVAL:
        return DISAPPROVAL
    if words & _PRAISE:
        return PRAISE
    return None


_NO_CONTENT = "-"


def _content_event(token: Token, lexicon: Lexicon) -> str | None:
    """The category of the 'to' clause a word governs, read with the lexicon on the verb
    or its object ('to impose martial law', 'to resume shelling'); `_NO_CONTENT` when
    there is no such clause."""
    content = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if content is None:
        return _NO_CONTENT
    objects = (c for c in content.children if c.dep_ in ("dobj", "xcomp"))
    entry = lexicon.match(content) or next(filter(None, map(lexicon.match, objects)), None)
    return entry.event if entry is not None else None


def _prepares_attack(token: Token, lexicon: Lexicon) -> bool:
    return (
        token.lemma_.lower() == "prepare"
        and token.pos_ == "VERB"
        and _content_event(token, lexicon) == "ASSAULT"
    )


def _is_obligation(verb: Token) -> bool:
    """'must withdraw', 'should talk', and in the present 'has to withdraw'."""
    if verb.tag_ in ("VBZ", "VBP") and obliges(verb):
        return True
    return any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children)
