"""What a word that points back stands for: a pronoun, a definite noun met before ('the
embassy'), a collective ('the three countries', 'both sides') and 'his counterparts'.

News names a state or a person once and then points back to it; the events stage asks
about the pointing word, and gets the entities it was pointed at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from parley.actors.mentions import Mention, conjuncts, listed_from, unique
from parley.actors.phrases import entities_in_phrase, sector_of
from parley.models import Entity
from parley.nlp.cues import cue
from parley.nlp.vocabulary import MOTION_VERBS

if TYPE_CHECKING:
    from parley.actors.resolve import DocumentActors

_NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "all": 0}
_ANAPHORIC_NOUNS = cue("anaphoric_nouns")
_PRONOUN_WINDOW = 80
_NOUN_WINDOW = 400  # tokens: a definite noun may point back a few paragraphs


def antecedent(token: Token, actors: DocumentActors, people: bool) -> list[Entity]:
    """The entity a pronoun stands for: a person ('he') when `people`, else a state or
    body ('it')."""
    noun = None if people else _nearer_anaphoric_noun(token, actors.by_token)
    if noun is not None:
        return entities_in_phrase(noun, actors)
    if not people and _continues_a_thing(token, actors):
        return []
    candidates = [
        m
        for m in reversed(actors.mentions)
        if m.end <= token.i
        and token.i - m.end <= _PRONOUN_WINDOW
        and people == bool(m.entity.name)
        and m.entity.party
    ]
    # Centering: the subject of the pronoun's own sentence, else the nearest mention in
    # it, else the subject of an earlier sentence ('Mitsotakis met the IMF, then
    # President Trump, where he denounced ...': he is Mitsotakis; 'Biden's visits ...,
    # where he held summits': he is Biden).
    sentence = token.sent
    here = [m for m in candidates if m.start >= sentence.start]
    before = [m for m in candidates if m.start < sentence.start]
    ordered = (
        [m for m in here if _is_subject(m, actors.doc)]
        + here
        + [m for m in before if _is_subject(m, actors.doc)]
        + before
    )
    best = ordered[0] if ordered else None
    return [best.entity] if best else []


def group_antecedent(token: Token, actors: DocumentActors) -> list[Entity]:
    """'they', 'we': the last list of states or bodies named shortly before, else a
    single one as for 'it'."""
    for position, entities in reversed(actors.enumerations):
        if position < token.i and token.i - position <= _PRONOUN_WINDOW:
            return list(entities)
    return antecedent(token, actors, people=False)


def _continues_a_thing(token: Token, actors: DocumentActors) -> bool:
    """'The typhoon hit Luzon. It also blocked roads': a subject 'it' goes on with the
    last sentence's subject when that is a thing, not with the last state named."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass") or token.sent.start == 0:
        return False
    previous = actors.doc[token.sent.start - 1].sent
    subject = next((t for t in previous if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    return (
        subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and subject.i not in actors.by_token
        and not entities_in_phrase(subject, actors)
        and sector_of(subject, actors.titles) is None
    )


def _is_subject(mention: Mention, doc: Doc) -> bool:
    """The mention is, or modifies, a subject ('Ivory Coast rebels rejected ...')."""
    token = doc[mention.end - 1]
    while token.dep_ in ("compound", "amod", "poss", "nmod") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _nearer_anaphoric_noun(token: Token, by_token: dict[int, Mention]) -> Token | None:
    """'the regime's provocations, including its launch': 'its' is the regime, whether
    or not we can name it (better no actor than the last state mentioned); 'Iraq's
    government announced that it ...': it is Iraq's government."""
    for previous in reversed(token.sent[: token.i - token.sent.start]):
        if previous.i in by_token:
            return None
        if previous.lemma_.lower() in _ANAPHORIC_NOUNS:
            return previous
    return None


def is_bare_definite(token: Token) -> bool:
    """'the embassy', 'the border agreement': a definite noun with nothing that says whose
    (a plain noun modifier like 'border' says what kind, not whose)."""
    children = list(token.children)
    return (
        token.tag_ == "NN"  # singular: 'the ministers' are a group we cannot name
        and any(c.dep_ == "det" and c.lower_ == "the" for c in children)
        and not any(c.dep_ in ("amod", "poss", "prep", "nmod") for c in children)
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children)
    )


def same_noun_before(token: Token, actors: DocumentActors) -> list[Entity]:
    """'the embassy' is the US Embassy named earlier: the latest earlier phrase with the
    same head noun whose owner we know. A phrase that holds the token ('the electoral
    process, especially the peace process') is not its antecedent but its own head."""
    lemma = token.lemma_.lower()
    for earlier in reversed(actors.doc[max(0, token.i - _NOUN_WINDOW) : token.i]):
        if earlier.is_ancestor(token):
            continue
        if earlier.lemma_.lower() == lemma and not is_bare_definite(earlier):
            found = entities_in_phrase(earlier, actors)
            if found:
                return found
    return []


def same_title_before(token: Token, actors: DocumentActors) -> list[Entity]:
    """'the Prime Minister apologised' is the prime minister the story named before ('Prime
    Minister Igor Matovič'): the latest person met with that title, when the title is
    singular, definite and owned by nobody in its own phrase ('the Greek prime minister'
    is not whoever was prime minister last)."""
    if token.tag_ not in ("NN", "NNP"):
        return []
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
    if any(c.i in actors.by_token for c in modifiers) or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return []
    record = actors.titles.record_for(token.text, [c.text for c in modifiers])
    if record is None or record.rank is None:
        return []
    for mention in reversed(actors.mentions):
        title = mention.entity.title
        if mention.end > token.i or token.i - mention.end > _NOUN_WINDOW:
            continue
        if title and actors.titles.record_for(*_head_and_modifiers(title)) is record:
            return [mention.entity]
    return []


def _head_and_modifiers(title: str) -> tuple[str, list[str]]:
    words = title.split()
    return words[-1], words[:-1]


def is_collective(token: Token, by_token: dict[int, Mention]) -> bool:
    """'the three countries', 'both sides', 'the trio' point back to a list."""
    if token.lemma_.lower() == "trio":
        return True
    if token.tag_ != "NNS":
        return False  # 'the state' Harris visited is no list of states
    return any(
        c.lower_ in _NUMBER_WORDS or c.lower_ in ("the", "these", "those")
        for c in token.children
        if c.dep_ in ("nummod", "det", "predet", "amod")
    ) and not any(
        (c.dep_ == "prep" and c.lower_ == "of") or c.i in by_token for c in token.children
    )


def enumeration_before(token: Token, actors: DocumentActors) -> list[Entity]:
    """The last list named before a collective with as many members as it counts ('the
    three countries'); any last list when it gives no number ('the countries')."""
    wanted = next((_NUMBER_WORDS[c.lower_] for c in token.children if c.lower_ in _NUMBER_WORDS), 0)
    for position, entities in reversed(actors.enumerations):
        if position >= token.i:
            continue
        if wanted in (0, len(entities)):
            return list(entities)
    return []


def find_enumerations(doc: Doc, actors: DocumentActors) -> list[tuple[int, list[Entity]]]:
    """Lists of two or more states or bodies ('South Korea, the US and Japan'), in order."""
    found = []
    for mention in actors.mentions:
        token = doc[mention.end - 1]
        if token.dep_ == "conj" or mention.entity.name:
            continue
        group = [actors.by_token[c.i].entity for c in conjuncts(token) if c.i in actors.by_token]
        group = [e for e in group if not e.name]
        if len({e.party for e in group}) >= 2:
            found.append((mention.start, unique(group)))
    return found


def assign_counterparts(doc: Doc, actors: DocumentActors) -> None:
    """Who 'his counterparts' are: the names listed with them ('his American and Japanese
    counterparts, Sung Kim and Takehiro Funakoshi, respectively': the n-th name has the
    n-th nationality), else their nationalities, else the states the subject travels to."""
    for token in doc:
        if token.lemma_.lower() != "counterpart":
            continue
        nationalities = [
            actors.by_token[c.i].entity.country
            for a in token.children
            if a.dep_ == "amod"
            for c in conjuncts(a)
            if c.i in actors.by_token
        ]
        people = _people_listed_with(token, actors)
        if nationalities and len(nationalities) == len(people):
            for country, person in zip(nationalities, people, strict=True):
                if person.country is None and person.org is None:
                    person.country = country
        if people:
            actors.counterparts[token.i] = people
        elif nationalities:
            actors.counterparts[token.i] = [_state(token, c) for c in nationalities if c]
        else:
            actors.counterparts[token.i] = _destinations(token, actors.by_token)


def _people_listed_with(token: Token, actors: DocumentActors) -> list[Entity]:
    """Named people in apposition to `token`, or listed right after it and a comma."""
    apposed = [
        actors.by_token[c.i].entity
        for a in token.children
        if a.dep_ == "appos"
        for c in conjuncts(a)
        if c.i in actors.by_token and actors.by_token[c.i].entity.name
    ]
    if apposed or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].text != ",":
        return apposed
    return listed_from(actors.doc, token.i + 2, actors.by_token, named_only=True)


def _destinations(token: Token, by_token: dict[int, Mention]) -> list[Entity]:
    """States the sentence's subject travels to ('travel to Washington and Tokyo')."""
    found = []
    for other in token.sent:
        mention = by_token.get(other.i)
        if mention is None or mention.entity.country is None or other.dep_ not in ("pobj", "conj"):
            continue
        head = other
        while head.dep_ == "conj":
            head = head.head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "to"
            and head.head.head.lemma_ in MOTION_VERBS
        ):
            found.append(_state(token, mention.entity.country))
    return unique(found)


def _state(token: Token, country: str) -> Entity:
    return Entity(
        text=token.text, country=country, sector="GOV", start=token.idx, end=token.idx + len(token)
    )
