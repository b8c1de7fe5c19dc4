"""Did it happen? Status from the cues of the clause that holds the event.

A sentence may hold a real launch and a feared test; so the cues are read along the
trigger's own chain of heads (its verb, the verb that governs that one through "to", the
noun's support verb), never from the sentence as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from parley.events.proposals import proposal_above, proposal_fate
from parley.models import Status
from parley.nlp.cues import cue
from parley.nlp.syntax import has_infinitive_to, is_marked, is_purpose
from parley.nlp.vocabulary import ASKING_VERBS, REPORTING_VERBS

_FUTURE_AUX = cue("future_auxiliaries")
_HYPOTHETICAL_AUX = cue("hypothetical_auxiliaries")
_PLANNED_GOVERNORS = cue("planned_governors")
_FAILED_GOVERNORS = cue("failed_governors")
_NEGATING_GOVERNORS = cue("negating_governors")
_HYPOTHETICAL_GOVERNORS = cue("hypothetical_governors")  # and what is asked for
_PLANNED_MODIFIERS = cue("planned_modifiers")
_HYPOTHETICAL_MODIFIERS = cue("hypothetical_modifiers")
_FAILED_PREDICATES = cue("failed_predicates")
_OBLIGATION_VERBS = cue("obligation_verbs")
_ARGUMENT_DEPS = {"dobj", "nsubjpass", "nsubj", "attr", "appos"}
_SPEECH_VERBS = REPORTING_VERBS | cue("announcing_verbs")


@dataclass(frozen=True)
class StatusReading:
    """A status and how sure the cue makes us (bare past tense is weak evidence)."""

    status: Status
    strength: float


def event_status(trigger: Token) -> tuple[StatusReading, Token | None]:
    """Status of the event `trigger` names, read up its chain of governing words; for an
    event inside a proposal, also the word that decided the proposal's fate (its date is
    the event's date)."""
    proposal = proposal_above(trigger)
    if proposal is not None:
        fate = proposal_fate(proposal)
        if fate is None:
            return StatusReading("hypothetical", 0.6), None
        return StatusReading(fate[0], 0.8), fate[1]
    if _asked(trigger) or _conditional(trigger):
        return StatusReading("hypothetical", 0.6), None
    for depth, token in enumerate(_chain(trigger)):
        reading = _reading_at(token, is_trigger=depth == 0)
        if reading is not None:
            return reading, None
    return StatusReading("occurred", 0.6), None


def _conditional(trigger: Token) -> bool:
    """'will respond if NATO deploys troops', 'unless Iran frees the sailors': a condition
    tells what may happen (conjuncts share it: 'if countries detect, test and mobilize')."""
    clause = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    while clause is not None and clause.dep_ == "conj":
        clause = clause.head
    return clause is not None and is_marked(clause, "if", "unless")


def _asked(trigger: Token) -> bool:
    """'Will Russia attack?', 'Did they reach out to support you?': a question tells
    nothing happened. The question mark must close the trigger's own words, not a quoted
    question after them ('asked, "Will you come?"')."""
    for token in trigger.doc[trigger.i + 1 : trigger.sent.end]:
        if token.is_quote:
            return False
        if token.text == "?":
            return True
    return False


def clause_tense(trigger: Token) -> str:
    """past, present or future: what a bare weekday or month name is resolved against.
    A governor's own clause keeps its tense: in 'agreed on Sunday to restore relations'
    the restoring is to come, but the agreeing, and its Sunday, are past."""
    for token in _chain(trigger):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        reading = _reading_at(token, is_trigger=token.i == trigger.i)
        if reading is not None and reading.status == "planned":
            return "future"
        if token.tag_ in ("VBD", "VBN") and not has_infinitive_to(token):
            return "past"  # but 'is expected to be completed' is told from its governor
        if token.tag_ in ("VBZ", "VBP", "VBG", "VB") and _has_future_aux(token):
            return "future"
    return "past"


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words whose modality it inherits: a noun's verb ('meetings'
    in 'will hold meetings'), the noun a phrase hangs from ('a series of meetings'),
    verbs that govern through 'to' ('expected to travel'), a verb's first conjunct, and
    the noun a 'to' clause says what of ('willingness to negotiate', 'plans to meet'). A
    noun inside some other argument ('countermeasures including its recent launch')
    inherits nothing."""
    chain = [trigger]
    token = trigger
    while token.head.i != token.i:
        dep = token.dep_
        if dep in ("pobj", "pcomp") and token.head.lower_ in ("of", "for", "to"):
            if token.head.lower_ == "to" and _negated(token.head.head):
                break  # 'did not accede to the demands': the demands were made
            token = token.head.head
        elif token.pos_ == "NOUN" and dep in _ARGUMENT_DEPS:
            token = token.head
        elif token.pos_ in ("VERB", "AUX") and (dep == "xcomp" or is_purpose(token)):
            token = token.head
        elif token.pos_ == "VERB" and dep == "conj" and token.head.pos_ in ("VERB", "AUX"):
            token = token.head  # 'seek to divide us and to destroy': as its first conjunct
        elif dep == "acl" and has_infinitive_to(token):  # 'willingness to negotiate'
            token = token.head
        else:
            break
        chain.append(token)
    return chain


def _negated(token: Token) -> bool:
    """'did not meet', and 'conceded nothing', 'signed no agreement'."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "dobj" and child.lower_ in ("nothing", "none")):
            return True
        if child.dep_ == "dobj" and any(
            d.dep_ == "det" and d.lower_ == "no" for d in child.children
        ):
            return True
    return False


def _reading_at(token: Token, is_trigger: bool) -> StatusReading | None:
    lemma = token.lemma_.lower()
    children = list(token.children)
    if token.dep_ == "ROOT" and has_infinitive_to(token):
        return StatusReading("planned", 0.7)  # headline style: 'Envoys to discuss measures'
    if token.head.lemma_.lower() == "let" and token.dep_ == "ccomp":
        return StatusReading("planned", 0.7)  # "let's discuss this emergency"

    if _negated(token) and token.pos_ in ("VERB", "AUX", "NOUN"):
        return StatusReading("negated", 0.8)
    if not is_trigger:
        if lemma in _FAILED_GOVERNORS and _told_as_done(token):
            return StatusReading("failed", 0.8)  # 'tried to': 'will try to' is a plan
        if lemma in _FAILED_GOVERNORS:
            return StatusReading("planned", 0.7)
        if lemma in _NEGATING_GOVERNORS:
            return StatusReading("negated", 0.7)
        if lemma in _HYPOTHETICAL_GOVERNORS or lemma in ASKING_VERBS:
            return StatusReading("hypothetical", 0.7)
        if lemma in _OBLIGATION_VERBS and token.tag_ != "VBD" and obliges(token):
            return StatusReading("hypothetical", 0.7)  # 'has to withdraw', not 'had to flee'
        if lemma in _PLANNED_GOVERNORS and token.pos_ in ("VERB", "ADJ", "NOUN"):
            return StatusReading("planned", 0.8)
    modifiers = {c.lower_ for c in children if c.dep_ in ("amod", "compound", "advmod")}
    if token.pos_ == "NOUN":
        if modifiers & _HYPOTHETICAL_MODIFIERS:
            return StatusReading("hypothetical", 0.7)
        if modifiers & _PLANNED_MODIFIERS:
            return StatusReading("planned", 0.7)
    if token.pos_ in ("VERB", "AUX"):
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX:
            return StatusReading("planned", 0.85)
        if aux & _HYPOTHETICAL_AUX:
            if aux & _HYPOTHETICAL_AUX == {"would"} and "have" not in aux and _reported(token):
                return StatusReading("planned", 0.75)  # 'announced he would resign'
            return StatusReading("hypothetical", 0.7)
        if token.tag_ in ("VBD", "VBN") or aux & {"has", "have", "had", "was", "were", "did"}:
            return StatusReading("occurred", 0.85)
    if lemma in _FAILED_PREDICATES and not is_trigger:
        return StatusReading("failed", 0.8)
    return None


def obliges(verb: Token) -> bool:
    """'has to withdraw', 'need to stop': an obligation verb with its 'to' clause (not
    'has talks')."""
    return verb.lemma_.lower() in _OBLIGATION_VERBS and any(
        c.dep_ == "xcomp" and has_infinitive_to(c) for c in verb.children
    )


def _reported(verb: Token) -> bool:
    """A clause told as what someone said, in the past, would do: 'announced he would
    resign', 'said the NTSB would begin an investigation'. Reported speech moves 'will' to
    'would' (the future seen from the past), so this is an intention announced, not a
    condition; 'would have' is a counterfactual and 'could' a possibility, and neither
    passes here."""
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    speaker = clause.head
    return (
        clause.dep_ == "ccomp"
        and speaker.lemma_.lower() in _SPEECH_VERBS
        and speaker.tag_ in ("VBD", "VBN")
    )


def _told_as_done(verb: Token) -> bool:
    """A verb told in a past or perfect form, with no future or modal auxiliary."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & (_FUTURE_AUX | _HYPOTHETICAL_AUX):
        return False
    return verb.tag_ in ("VBD", "VBN") or bool(aux & {"has", "have", "had"})


def _has_future_aux(token: Token) -> bool:
    return any(c.lower_ in _FUTURE_AUX for c in token.children if c.dep_ == "aux")


_TREND = cue("trend_modifiers")
_HABITUAL = cue("habit_adverbs")


def is_habitual(trigger: Token) -> bool:
    """'G7 meetings usually center on politics' describes a habit, not an event; 'the
    increasing nuclear threats' a trend."""
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in _TREND for c in trigger.children
    ):
        return True
    # and what a clause on the noun says of it: 'meetings that usually center on politics'
    described = [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
    return any(
        c.dep_ == "advmod" and c.lower_ in _HABITUAL
        for t in _chain(trigger) + described
        for c in t.children
    )
