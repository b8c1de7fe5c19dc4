"""Which date phrase and which place phrase of a sentence belong to a given event.

A sentence often holds several events with dates of their own ("Pyongyang launched three
missiles Wednesday ... the resolution failed to pass Friday"); a phrase belongs to the
event whose clause it hangs from, found by walking the parse, not by nearness in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from parley.actors.phrases import sector_of
from parley.actors.resolve import DocumentActors
from parley.models import DateSpan, Entity, Place
from parley.nlp.cues import cue
from parley.nlp.syntax import is_prep, is_purpose, objects_of, prep_objects
from parley.nlp.vocabulary import MOTION_VERBS, REPORTING_VERBS
from parley.normalize.dates import (
    is_date_phrase,
    is_narrative,
    modifies_like_a_name,
    names_a_day,
    resolve_after,
    resolve_date,
)
from parley.normalize.places import Gazetteer

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "off"})  # off the coast of
# Prepositions that put an event inside a territory ('near' and 'outside' do not).
_TERRITORY_PREPS = frozenset({"in", "inside", "into", "throughout", "across"})
_OTHER_THINGS = {"since", "after", "before", "following", "unlike", "like", "than", "from"}
_PLACE_LABELS = {"GPE", "LOC"}  # a FAC ('the White House') is a building, not a gazetteer place
_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "conj", "nsubj", "nsubjpass", "csubj", "parataxis"})
_PATIENT_CLAUSES = _OTHER_CLAUSES | {"relcl", "acl"}
_ARGUMENTS = {"dobj", "nsubjpass", "nsubj", "attr", "appos"}
_PRESENCE_VERBS = cue("presence_verbs")
_UNDERGOING_NOUNS = cue("undergoing_nouns")


def governing_chain(trigger: Token) -> list[Token]:
    """The trigger and the words whose time and place it shares: a noun's verb ('will hold
    meetings'), verbs governing through 'to' ('expected to hold', 'travel ... to meet').
    A noun inside a prepositional phrase ('protest to Biden's visit') shares nothing."""
    chain = [trigger]
    token = trigger
    while token.head.i != token.i:
        if token.pos_ == "NOUN" and token.dep_ in _ARGUMENTS:
            token = token.head
        elif token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "under":
            token = token.head.head  # 'was put under investigation in Brazil on Monday'
        elif _undergone_as(token):
            token = token.head.head  # 'In 2006, Abqaiq was the target of an attack'
        elif token.pos_ in ("VERB", "AUX") and (
            token.dep_ in ("xcomp", "acl") or is_purpose(token)
        ):
            token = token.head
        else:
            break
        chain.append(token)
    return chain


def _undergone_as(noun: Token) -> bool:
    """'the target of an attack', 'the victim of a kidnapping' after a copula: the attack
    is told by the copula's clause."""
    owner = noun.head.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and owner.lemma_.lower() in _UNDERGOING_NOUNS
        and owner.dep_ == "attr"
    )


def date_for(
    trigger: Token,
    published: date,
    tense: str,
    tense_of: Callable[[Token], str],
    previous: DateSpan | None = None,
) -> DateSpan | None:
    """The date of the event `trigger` names, from a DATE phrase hanging from its clause
    (resolved in the event's `tense`; 'the following day' from `previous`, the date of the
    event the story told before); failing that, for a verb, one hanging from the
    clauses that govern it, resolved in the tense of that clause ('On Wednesday, Lam
    announced that the government will withdraw the bill': the Wednesday is past)."""
    chain = governing_chain(trigger)
    narrative = _narrative_phrase(chain) if previous is not None else None
    if narrative is not None:
        return resolve_after(narrative, previous)  # 'the following day', 'that evening'
    ranked = sorted(
        (rank, _is_duration(ent.text), ent.start, ent)
        for ent in trigger.sent.ents
        if tells_a_date(ent)
        and not _says_how_long(ent)
        and not _names_something_else(ent, trigger)
        and not _in_dateline(ent)
        and (rank := _rank(ent, chain)) is not None
    )
    for rank, _, _, ent in ranked:
        anchor = _anchor(ent, chain)
        if _governors_time(ent, anchor, chain) and tense_of(anchor) != tense:
            continue  # 'agreed on Sunday to restore relations': Sunday is the agreeing
        own = rank < len(chain) or anchor in chain
        resolved = resolve_date(_phrase_of(ent), published, tense if own else tense_of(anchor))
        if resolved is not None:
            return resolved
    return None


def tells_a_date(ent: Span) -> bool:
    """A phrase the model tags as a date that is one (not '(1625 UTC)', 'Directive 2000'),
    judged from the words around it (a few on each side, not the whole text); a time of
    day that names its day ('on Monday night') is one too."""
    if ent.label_ != "DATE" and not (ent.label_ == "TIME" and names_a_day(ent.text)):
        return False
    window = ent.doc[max(ent.start - _CONTEXT, 0) : ent.end + _CONTEXT]
    offset = window.start_char
    return is_date_phrase(window.text, ent.start_char - offset, ent.end_char - offset)


_CONTEXT = 8  # tokens


def _phrase_of(ent: Span) -> str:
    """The words of a date phrase, without a verb the model took into it ('a strike that
    could last two weeks' names no 'last two weeks')."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].pos_ in ("VERB", "AUX"):
        start += 1
    return ent.doc[start : ent.end].text.strip()


def story_anchors(
    doc: Doc,
    published: date,
    tense_of: Callable[[Token], str],
    quoted: Callable[[Token], bool],
) -> list[Anchor]:
    """The past times the story names, in text order: every date phrase (not a
    dateline, not a length of time) resolved in the tense of its clause, that ends by
    publication. They are the reference times an undated event falls after. A quoted
    'today' or 'last week' counts from when the speaker spoke, which the story does not
    always say, so only quoted phrases that name their year are kept."""
    anchors = []
    for ent in doc.ents:
        if not tells_a_date(ent) or _says_how_long(ent) or _in_dateline(ent):
            continue
        if quoted(ent.root) and not _YEAR.search(ent.text):
            continue
        if _is_duration(ent.text) and not ent.text.strip().lower().endswith("ago"):
            continue
        resolved = resolve_date(_phrase_of(ent), published, tense_of(_anchor(ent, [ent.root])))
        if resolved is not None and resolved.end <= published:
            anchors.append(Anchor(ent.start_char, resolved))
    return anchors


@dataclass(frozen=True)
class Anchor:
    """A past time the story names, and where it names it."""

    offset: int
    span: DateSpan


_LEADING_SPACE = re.compile(r"\s*")
_YEAR = re.compile(r"\b[12]\d{3}\b")
_DURATION = re.compile(
    r"^(over |for |about |nearly |almost |more than )?(the (last|past) )?"
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
    r"( more)? (day|week|month|year|decade)s?$",
    re.IGNORECASE,
)


def _narrative_phrase(chain: list[Token]) -> str | None:
    """'(in) the following week', 'two days later' hanging from the event's clause (the
    model does not always tag these as dates)."""
    for token in chain:
        for child in token.children:
            phrases = [child] if child.dep_ in ("npadvmod", "advmod") else []
            if child.dep_ == "prep":
                phrases = [c for c in child.children if c.dep_ == "pobj"]
            for phrase in phrases:
                text = phrase.doc[phrase.left_edge.i : phrase.right_edge.i + 1].text
                if is_narrative(text):
                    return text
    return None


def _in_dateline(ent: Span) -> bool:
    """'TOKYO, June 4, 2022 -- ... on Friday', or a first line that is nothing but a date
    ('Thursday, March 28, 2019'): the date the reporter filed, not when anything happened."""
    following = [t for t in ent.doc[ent.end : ent.end + 4] if not t.is_space]
    if ent.start < 12 and any(t.text in ("--", "–", "—", "-", "(") for t in following[:3]):
        return True
    text = ent.doc.text
    start = _LEADING_SPACE.match(text).end()
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = ent.doc.char_span(start, end, alignment_mode="expand")
    return (
        ent.start_char < end
        and line is not None
        and all(t.ent_type_ == "DATE" or not t.is_alpha for t in line)
    )


def _names_something_else(ent: Span, trigger: Token) -> bool:
    """'the 2020 election', 'the 1994 agreement', 'the November 13 deadline': a date
    inside another noun phrase dates that thing, not the event (unless the noun is the
    event itself)."""
    root = ent.root
    if not modifies_like_a_name(ent.text):
        return False  # 'Sunday Presidents' is a misparse
    thing = root.head
    if thing.dep_ == "pobj" and thing.head.lower_ in _MEANS:
        return False  # 'expressed its support via the December 20 signing': the same act
    return root.dep_ in ("compound", "nummod", "nmod", "amod", "poss", "npadvmod") and (
        thing.pos_ in ("NOUN", "PROPN")
        and thing.i != trigger.i
        and thing.i not in range(ent.start, ent.end)
    )


_MEANS = frozenset({"via", "through", "by", "with"})


def _says_how_long(ent: Span) -> bool:
    """'extended by 15 days', 'for two years': how long, never when."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return _is_duration(ent.text) and before in ("by", "for", "within", "to")


def _is_duration(text: str) -> bool:
    """'four months' says how long, not when; a phrase saying when is preferred."""
    return bool(_DURATION.match(text.strip()))


def _rank(ent: Span, chain: list[Token]) -> int | None:
    """How close the phrase's anchor is to the trigger along its chain (None: elsewhere)."""
    anchor = _anchor(ent, chain)
    if anchor in chain:
        return chain.index(anchor)
    if _told_before_its_source(ent, anchor, chain):
        return len(chain)
    if _is_happening(anchor) and any(a in chain for a in anchor.ancestors):
        return len(chain)
    if anchor.dep_ == "xcomp" and anchor.head in chain:
        return len(chain)
    if chain[0].pos_ == "NOUN":
        return None
    ancestors = list(chain[-1].ancestors)
    if anchor in ancestors:
        return len(chain) + ancestors.index(anchor)
    return None


def _governors_time(ent: Span, anchor: Token, chain: list[Token]) -> bool:
    """Whether the phrase dates the verb that governs the trigger's 'to' clause, told
    between that verb and its clause ('agreed on Sunday to restore'), not the trigger's
    act. A phrase that opens the sentence ('Around the end of this month, he is expected
    to travel') dates all of it."""
    if anchor not in chain[1:]:
        return False
    clause = chain[chain.index(anchor) - 1]
    return clause.dep_ == "xcomp" and anchor.i < ent.start and ent.end <= clause.left_edge.i


def _told_before_its_source(ent: Span, anchor: Token, chain: list[Token]) -> bool:
    """'Guerrillas blew up two towers yesterday, the armed forces reported': the model
    often hangs the phrase on the trailing attribution, but told before its speaker it
    dates what is reported."""
    if anchor.lemma_.lower() not in REPORTING_VERBS or anchor.head not in chain:
        return False
    speakers = [c for c in anchor.children if c.dep_ == "nsubj"]
    return bool(speakers) and chain[0].i < ent.start and ent.end <= speakers[0].left_edge.i


def _is_happening(verb: Token) -> bool:
    """'a forum scheduled to take place June 10-12', 'an order dated yesterday', 'a
    suspension which went into effect on Tuesday': a clause that dates what it hangs on."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.lower_ in ("place", "effect") for c in verb.children)
    if lemma == "go":
        return any(o.lower_ == "effect" for p in verb.children for o in p.children)
    return lemma in ("schedule", "slate", "set", "due", "date")


def _anchor(ent: Span, chain: list[Token]) -> Token:
    """The first word above the phrase that is on the chain or is a verb."""
    token = ent.root
    while token.head.i != token.i:
        token = token.head
        if ent.start <= token.i < ent.end:
            continue
        if token in chain or token.pos_ in ("VERB", "AUX"):
            return token
    return token


def place_for(
    trigger: Token, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Place | None:
    """Where the event happens: 'in Singapore', 'at a base near Kabul', 'travel to Seoul';
    for an act told in the passive, where what underwent it is ('a refinery in northern
    Iraq was hit by rockets')."""
    visited = _visited_place(trigger, actors, gazetteer, countries)
    if visited is not None:
        return visited
    roots = _place_search_roots(trigger)
    for clause in (t for t in roots if _where(t)):  # 'visited Kenosha, where riots broke out'
        place = _named_place(clause.head, actors, gazetteer, countries)
        if place is not None:
            return place
    searches = [(token, _OTHER_CLAUSES) for token in roots]
    # what underwent it: its own place phrase, not one of a clause describing it ('the
    # minister, who was born in Yogyakarta, was stabbed'; see `_whereabouts`)
    searches += [(token, _PATIENT_CLAUSES) for token in _patients(trigger)]
    for token, other_clauses in searches:
        # a journey happens where it goes ('will fly from Fort Bragg in North Carolina to
        # Poland', however the parser hangs the 'in'): its destination first
        preps = sorted(_place_prepositions(token, other_clauses), key=lambda p: p.lower_ != "to")
        for prep in preps:
            place = place_names_under(prep, actors, gazetteer, countries)
            if place is not None:
                return place
    return _modifier_place(trigger, actors, gazetteer, countries) or _whereabouts(
        roots, actors, gazetteer, countries
    )


def _visited_place(
    trigger: Token, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Place | None:
    """'Trump visited California to discuss the wildfires': a visit is where it goes."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in MOTION_VERBS:
        return None
    places = (
        _named_place(c, actors, gazetteer, countries) for c in trigger.children if c.dep_ == "dobj"
    )
    return next(filter(None, places), None)


def attacked_place(
    trigger: Token, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Place | None:
    """The town or site an attack is aimed at is where it happens: 'a drone attack on Abha
    airport', 'rebels attacked Goma'. A state as the target ('an attack on Israel') gives
    no place: where in it the text does not say."""
    targets = [c for c in trigger.children if c.dep_ == "dobj"] if trigger.pos_ == "VERB" else []
    targets += [o for c in trigger.children if is_prep(c, "on", "against") for o in _objects(c)]
    for target in targets:
        place = _named_place(target, actors, gazetteer, countries, prominent=True)
        if place is not None and place.precision != "country":
            return place
    return None


def _whereabouts(
    roots: list[Token], actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Place | None:
    """Where a participant was, told in a clause on their name: 'Wiranto, who was visiting
    the town of Pandeglang, survived the attack', 'the envoy, who was in Kabul for talks,
    was shot'."""
    participants = [c for root in roots for c in root.children if c.dep_ in _ARGUMENTS]
    participants += [c for p in participants for c in p.children if c.dep_ == "appos"]
    for clause in (c for p in participants for c in p.children if c.dep_ == "relcl"):
        if clause.lemma_.lower() not in _PRESENCE_VERBS:
            continue
        visited = [c for c in clause.children if c.dep_ == "dobj"]
        # 'who was in Kabul', but not 'who was born in Yogyakarta': a bare 'be' only with
        # its own place phrase
        preps = (
            [c for c in clause.children if c.dep_ == "prep" and _is_place_prep(c)]
            if clause.lemma_.lower() == "be"
            else _place_prepositions(clause)
        )
        for obj in visited + [o for prep in preps for o in _objects(prep)]:
            place = _named_place(obj, actors, gazetteer, countries)
            if place is not None:
                return place
    return None


def place_names_under(
    prep: Token, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Place | None:
    """The place a place preposition's object names ('in the town of Samarra')."""
    places = (_named_place(obj, actors, gazetteer, countries) for obj in _objects(prep))
    return next(filter(None, places), None)


def _named_place(
    obj: Token,
    actors: DocumentActors,
    gazetteer: Gazetteer,
    countries: set[str],
    prominent: bool = False,
) -> Place | None:
    """The place a noun phrase names, wherever in it the name sits (`_place_names`); with
    `prominent`, also a city everyone knows that the model took for something else."""
    for name in _place_names(obj):
        place = _owned_place(name, actors) or _place_of(name, actors, gazetteer, countries)
        if place is None and prominent and name.pos_ == "PROPN" and gazetteer.prominent(name.text):
            place = gazetteer.lookup(name.text, countries)
        if place is not None:
            return place
    return None


def _patients(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def _owned_place(noun: Token, actors: DocumentActors) -> Place | None:
    """'Afghanistan's Maidan Wardak province': a named province, city or region the
    gazetteer may not know, in the state whose it is."""
    if noun.lemma_.lower() not in _PLACE_NOUNS:
        return None
    owners = (actors.mention_at(c) for c in noun.children if c.dep_ == "poss")
    states = [m.entity for m in owners if m is not None and m.entity.country]
    names: list[str] = []
    for token in reversed(noun.doc[noun.left_edge.i : noun.i]):
        mention = actors.mention_at(token)  # the model takes many places for people
        if token.pos_ != "PROPN" or (mention is not None and mention.via != "person"):
            break
        names.insert(0, token.text)
    if not states or states[0].name or not names:
        return None
    name = " ".join(names)
    precision = "city" if noun.lemma_.lower() in _SETTLEMENTS else "province"
    return Place(name=name, country=states[0].country, text=name, precision=precision)


def territory_for(
    trigger: Token,
    actors: DocumentActors,
    gazetteer: Gazetteer,
    countries: set[str],
    own_words: bool = False,
) -> Entity | None:
    """The state whose territory the event happens in: 'lifted the curfew in Montenegro',
    'strengthened its forces in Lebanon', 'blocked transport into Abidjan'. A directed
    event that names no target falls on the people and government of that state (the
    CAMEO convention for domestic events), so this is its recipient of last resort.
    With `own_words`, only the trigger's own phrase counts (what was agreed to, not where
    the agreeing was done)."""
    roots = [trigger] if own_words else _place_search_roots(trigger)
    near = _with_content(roots)
    for token in roots:
        for prep in _place_prepositions(token):
            if prep.lower_ not in _TERRITORY_PREPS or prep.head.i not in near:
                continue  # 'a launch on a TV screen at Seoul Station in Seoul' is not in Seoul
            for obj in _objects(prep):
                for name in _place_names(obj):
                    state = _state_named(name, actors, gazetteer, countries)
                    if state is not None:
                        return state
    return None


_PLACE_NOUNS = {
    "city", "town", "village", "capital", "province", "region", "district", "port", "sector",
    "area", "neighbourhood", "neighborhood", "suburb", "quarter", "department", "governorate",
    "prefecture", "municipality", "county", "commune", "township", "oblast", "state",
    "coast", "outskirts", "street",
}  # fmt: skip
_SETTLEMENTS = {
    "city", "town", "village", "capital", "port", "suburb", "neighbourhood", "neighborhood",
    "quarter",
}  # fmt: skip
_PARTS = {
    "centre",
    "center",
    "heart",
    "outskirts",
    "edge",
    "part",
    "north",
    "south",
    "east",
    "west",
}


def _objects(prep: Token) -> list[Token]:
    """A preposition's objects, through 'of' ('outside of the city of Basra')."""
    return objects_of(prep) or prep_objects(prep, "of")


def _place_names(obj: Token) -> list[Token]:
    """Where a place's name may sit: the object itself, its compounds ('the Darfur region',
    'a Riverside County court') and, after a place noun, its 'of' phrase ('the town of
    Samarra'), its owner ('Afghanistan's Maidan Wardak province') or its apposition ('the
    Serbian capital Belgrade'); after a part, the whole it is part of ('the centre of
    ...')."""
    names = [obj]
    if obj.pos_ != "PROPN":  # 'the Darfur region'; but 'Freedom Plaza' is no place 'Freedom'
        # the parser takes some such names for nominal modifiers ('Riverside County court')
        names += [c for c in obj.children if c.dep_ in ("compound", "nmod")]
    lemma = obj.lemma_.lower()
    if lemma in _PLACE_NOUNS:
        names += prep_objects(obj, "of")
        names += [c for c in obj.children if c.dep_ in ("poss", "appos")]
    if lemma in _PARTS:
        names += [name for whole in prep_objects(obj, "of") for name in _place_names(whole)]
    return names


def _with_content(roots: list[Token]) -> set[int]:
    """The event's words and what it does ('refused to deploy peacekeepers in Iraq', 'ready
    to contribute troops to a force in Liberia'): its object, the verbs it governs through
    'to', and what those go to or are of; not phrases hung on other things ('a launch
    shown on a screen at a station in Seoul')."""
    near: set[int] = set()
    stack = list(roots)
    while stack:
        token = stack.pop()
        near.add(token.i)
        stack += [c for c in token.children if c.dep_ in ("dobj", "xcomp")]
        stack += prep_objects(token, "to", "of", "for")
    return near


def _state_named(
    obj: Token, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Entity | None:
    """A state named as a place: by its name or capital, or through a gazetteer place."""
    mention = actors.mention_at(obj)
    if mention is not None:
        entity = mention.entity
        stateless = entity.name or entity.org or not entity.country
        return (
            None
            if stateless
            else Entity(entity.text, entity.country, start=entity.start, end=entity.end)
        )
    place = _place_of(obj, actors, gazetteer, countries)
    if place is None or place.country is None:
        return None
    ent = _entity_span(obj)
    start, end = (
        (ent.start_char, ent.end_char) if ent is not None else (obj.idx, obj.idx + len(obj))
    )
    return Entity(place.text or place.name, place.country, start=start, end=end)


def _modifier_place(
    trigger: Token, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Place | None:
    """'a Kabul car bombing killed five', 'a court in Moscow sentenced him', 'residents of
    Goma demonstrated': a place name modifying the event noun (or the verb's subject
    noun), the subject's own 'in' or 'at' phrase, or the 'of' phrase of a people who
    live somewhere, says where."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else []
    nouns += [
        c
        for token in governing_chain(trigger)
        for c in token.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
    ]
    for noun in nouns:
        for child in noun.children:
            place = None
            if child.dep_ == "compound":
                place = _place_of(child, actors, gazetteer, countries)
            elif noun is not trigger and _locates(child, noun, actors):
                places = (
                    _named_place(o, actors, gazetteer, countries, prominent=True)
                    for o in _objects(child)
                )
                place = next(filter(None, places), None)
            if place is not None:
                return place
    return None


def _locates(prep: Token, noun: Token, actors: DocumentActors) -> bool:
    """'a court in Moscow', 'residents of Goma' (civilians live where their 'of' says)."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ in ("in", "at"):
        return True
    return prep.lower_ == "of" and sector_of(noun, actors.titles) == "CVL"


def _place_search_roots(trigger: Token) -> list[Token]:
    """The trigger's chain, then for a verb the clauses it is an adjunct or conjunct of
    ('went on a stabbing spree in Paris, killing four': the killing is in Paris). Not a
    reported clause: 'said in Geneva that X attacked Y' is no attack in Geneva."""
    roots = governing_chain(trigger)
    token = roots[-1]
    while trigger.pos_ == "VERB" and (token.dep_ in ("advcl", "conj", "xcomp") or _where(token)):
        token = token.head
        if token.dep_ == "pobj":  # 'met in Niamey for a summit where they signed'
            token = token.head.head
        roots += governing_chain(token)
        token = roots[-1]
    return roots


def _where(verb: Token) -> bool:
    """'a summit where they signed', 'a trial in Riyadh in which eleven were charged': the
    signing is where the summit is, the charging where the trial is."""
    nearby = [c for c in verb.children] + [g for c in verb.children for g in c.children]
    return verb.dep_ == "relcl" and any(
        t.lower_ == "where" or (t.lower_ == "which" and t.head.lower_ in ("in", "at"))
        for t in nearby
    )


def _place_prepositions(root: Token, other_clauses: frozenset[str] = _OTHER_CLAUSES) -> list[Token]:
    """Place prepositions under `root`, not crossing into `other_clauses`, the subject or a
    phrase about another time or thing ('the deadliest since an assault in Ghazni')."""
    found = []
    stack = [root]
    while stack:
        token = stack.pop()
        for child in token.children:
            listed = child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN")  # a list member
            if child.dep_ in other_clauses and not listed:
                continue
            place = child.dep_ == "prep" and _is_place_prep(child)
            if child.dep_ == "prep" and child.lower_ in _OTHER_THINGS and not place:
                continue
            if place:
                found.append(child)
            stack.append(child)
    return found


def _is_place_prep(prep: Token) -> bool:
    word = prep.lower_
    if word in _PLACE_PREPS or word in _TERRITORY_PREPS:
        return True
    if word == "from":  # 'abducted from a village in Ituri', 'deported from Algeria'
        return prep.head.lemma_.lower() in _REMOVALS
    going = prep.head.lemma_.lower() in MOTION_VERBS
    return word == "to" and (going or any(o.lemma_.lower() == "street" for o in _objects(prep)))


_REMOVALS = cue("removal_words")


def _place_of(
    obj: Token, actors: DocumentActors, gazetteer: Gazetteer, countries: set[str]
) -> Place | None:
    if obj.ent_type_ == "DATE":  # 'in mid-February'
        return None
    ent = _entity_span(obj)
    mention = actors.mention_at(obj)
    if mention is not None and mention.entity.org and not mention.entity.country:
        return None  # 'the UN envoy': a body of no state is no place ('Un' in Gujarat)
    if ent is not None and _before_place_noun(obj):  # 'Borno state': an area, and which
        return gazetteer.lookup(f"{ent.text} {obj.head.text}", countries)
    if ent is not None:
        return gazetteer.lookup(ent.text, countries)
    if obj.pos_ == "PROPN" and obj.lemma_.lower() in _PLACE_NOUNS:
        return _area(_proper_name(obj), gazetteer, countries)  # 'Usulutan Department', an ORG
    if mention is not None and mention.via != "person":  # the model takes many places
        text = obj.doc[mention.start : mention.end].text  # for people: 'the city of Gao'
        return gazetteer.lookup(text, countries) if mention.via in ("capital", "name") else None
    if obj.pos_ != "PROPN":
        return None
    # A name the model did not tag as a place ('an assault in Ghazni' as an ORG): a place
    # named by a place noun ('the town of X', 'X province'), one in a state the document
    # is about, or a city everyone knows after 'in' or 'at' ('killed two people in Lyon',
    # with Lyon taken for a person).
    name = _proper_name(obj)
    if _before_place_noun(obj):  # 'Kidal region': the area, when the gazetteer has it
        area = _area(f"{name} {obj.head.text}", gazetteer, countries)
        if area is not None:
            return area
    place = gazetteer.lookup(name, countries)
    known = obj.dep_ == "pobj" and obj.head.lower_ in ("in", "at") and gazetteer.prominent(name)
    if place is None:
        return None
    # 'X province' is trusted when the gazetteer too has an area X (not a town X abroad)
    area = _before_place_noun(obj) and place.precision in _AREAS
    named = _after_place_noun(obj) or area
    return place if named or place.country in countries or known else None


def _proper_name(obj: Token) -> str:
    return " ".join(t.text for t in obj.subtree if t.pos_ == "PROPN")


def _area(name: str, gazetteer: Gazetteer, countries: set[str]) -> Place | None:
    """The province or region the gazetteer has by `name` ('Kidal region', 'Usulutan
    Department', which the model tags as an organisation), not a town of that name."""
    place = gazetteer.lookup(name, countries)
    return place if place is not None and place.precision in _AREAS else None


_AREAS = frozenset({"province", "region"})


def _after_place_noun(obj: Token) -> bool:
    """'the town of Samarra'."""
    prep = obj.head
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_NOUNS


def _before_place_noun(obj: Token) -> bool:
    """'Ituri province', 'Arauca department': a name the text itself calls a place."""
    return obj.dep_ in ("compound", "nmod") and obj.head.lemma_.lower() in _PLACE_NOUNS


def _entity_span(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in _PLACE_LABELS:
            return ent
    return None


_AFTER = {"after", "following"}


def reference_event(trigger: Token) -> tuple[Token, bool] | None:
    """The event an 'after X' / 'following X' phrase of the trigger's clause points to,
    and whether it says 'immediately' (or 'shortly', 'soon', 'just')."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "pobj")]
    for token in governing_chain(trigger) + objects:
        for child in token.children:
            marker = _after_marker(child)
            if marker is None:
                continue
            immediately = any(c.lower_ in _IMMEDIATELY for c in child.subtree)
            return marker, immediately
    return None


_IMMEDIATELY = {"immediately", "shortly", "soon", "just", "right"}


def _after_marker(child: Token) -> Token | None:
    """For 'after the resolution fell through' the verb 'fell'; for 'following the
    launches' the noun 'launches'."""
    if child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _AFTER for c in child.children
    ):
        return child
    if child.dep_ == "prep" and child.lower_ in _AFTER:
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        return objects[0] if objects else None
    return None
