"""Where a story is set: the place a sentence or its paragraph gives to events whose own
clause names none.

"Violence broke out when thousands rallied in Washington. The demonstrations were peaceful,
but clashes broke out by the evening": the clashes are in Washington too. A reader carries
the scene a sentence sets (a place phrase of its own telling, not of a clause that describes
a noun or reports someone's words) to the sentences that follow in the same paragraph, and
to the other events of the sentence, until a sentence moves on ('Meanwhile, ...'). What
someone says is said where they are, but what
they report ('officials said gunmen attacked a bus') may have happened anywhere, so a scene
is given to a reported or quoted event only when the event is itself a saying.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley.actors.resolve import DocumentActors
from parley.models import Place
from parley.nlp.cues import cue
from parley.nlp.vocabulary import REPORTING_VERBS
from parley.normalize.anchors import place_names_under
from parley.normalize.places import Gazetteer

_TOPIC_PREPS = cue("topic_prepositions")
_RESIDENCE_VERBS = cue("residence_verbs")
_SCENE_SHIFTS = cue("scene_shifts")
_SCENE_PREPS = frozenset({"in", "at", "inside", "outside", "near"})
# Clauses whose place is not the scene: what describes a noun, what is reported.
_DESCRIBING = frozenset({"relcl", "acl", "ccomp", "csubj", "parataxis"})
# Categories of events done in words: said where the speaker is.
SAYINGS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONSULT"})


class Scenes:
    """The scene of every sentence of one document, read once."""

    def __init__(self, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]) -> None:
        self._actors = actors
        doc = actors.doc
        self._sentences = list(doc.sents)
        self._index = {s.start: i for i, s in enumerate(self._sentences)}
        text = doc.text
        self._paragraph = [text.count("\n", 0, s.start_char) for s in self._sentences]
        self._own = [self._set_in(s, gazetteer, countries) for s in self._sentences]
        self._shifts = [_shifts_scene(s) for s in self._sentences]

    def place_for(self, trigger: Token, category: str) -> Place | None:
        """The scene of the event at `trigger`: its sentence's, else the last one set
        earlier in its paragraph."""
        if category not in SAYINGS and (_reported(trigger) or self._actors.quoted(trigger)):
            return None
        if _topic(trigger):
            return None
        index = self._index[trigger.sent.start]
        for earlier in range(index, -1, -1):
            if self._paragraph[earlier] != self._paragraph[index]:
                return None
            if self._own[earlier] is not None:
                return self._own[earlier]
            if self._shifts[earlier]:  # 'Meanwhile, ...' leaves the scene before it
                return None
        return None

    def _set_in(self, sentence: Span, gazetteer: Gazetteer, countries: set[str]) -> Place | None:
        """The first place a sentence's own telling puts things in."""
        for token in sentence:
            if token.dep_ != "prep" or token.lower_ not in _SCENE_PREPS:
                continue
            if self._actors.quoted(token) or _describes_or_reports(token):
                continue
            place = place_names_under(token, self._actors, gazetteer, countries)
            if place is not None:
                return place
        return None


def _shifts_scene(sentence: Span) -> bool:
    """A sentence that opens by moving on ('Meanwhile, ...', 'Elsewhere, ...')."""
    first = next((t for t in sentence if t.is_alpha), None)
    return first is not None and first.lower_ in _SCENE_SHIFTS


def _describes_or_reports(prep: Token) -> bool:
    """A place phrase inside a clause that describes a noun ('a man who was born in X'),
    of where someone lives ('he lived in Gonesse'), or that tells what someone said;
    inside a 'from' phrase, or hanging on a noun that is not itself a place ('the
    ambassador in London')."""
    head = prep.head
    if head.lemma_.lower() in _RESIDENCE_VERBS:
        return True  # 'he lived in Gonesse': where he lives, not where anything happened
    if any(t.dep_ == "prep" and t.lower_ == "from" for t in prep.ancestors):
        return True  # 'flew from Fort Bragg in North Carolina': where they came from
    if head.pos_ in ("NOUN", "PROPN") and not (head.dep_ == "pobj" and head.head.dep_ == "prep"):
        return True
    return any(t.dep_ in _DESCRIBING for t in [head, *head.ancestors])


def _topic(trigger: Token) -> bool:
    """An event named as what an act is about ('spoke in Geneva about the killing')."""
    prep = trigger.head
    return (
        trigger.dep_ == "pobj" and prep.lower_ in _TOPIC_PREPS and prep.head.pos_ in ("VERB", "AUX")
    )


def _reported(trigger: Token) -> bool:
    """An event told as what someone said: in a clause under a reporting verb."""
    token = trigger
    while token.head.i != token.i:
        if token.dep_ in ("ccomp", "parataxis") and token.head.lemma_.lower() in REPORTING_VERBS:
            return True
        token = token.head
    return False
