"""From a parsed document to event mentions: trigger, parties, status and place.

One mention per trigger token; `normalize.when` dates the mentions, and `merge` later
folds mentions of the same real-world event. Every candidate the lexicon offers is noted
in the document's `Trace` with what became of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from parley.actors.resolve import DocumentActors
from parley.events.commitments import commitment
from parley.events.constructions import construction_triggers
from parley.events.lexicon import Lexicon, Trigger
from parley.events.parties import (
    REACTIONS,
    agreed_content,
    construction_parties,
    find_parties,
    on_grounds,
    protesting_crowd,
)
from parley.events.status import StatusReading, event_status, is_habitual
from parley.events.trace import Trace
from parley.models import DateSpan, Entity, Place
from parley.nlp.cues import cue
from parley.nlp.syntax import is_prep, is_purpose, objects_of
from parley.nlp.vocabulary import (
    ASKING_VERBS,
    MOTION_VERBS,
    STATE_SECTORS,
    UNIDENTIFIED,
    WEAPONS,
)
from parley.normalize.anchors import attacked_place, place_for, territory_for
from parley.normalize.places import Gazetteer
from parley.normalize.scenes import Scenes


@dataclass
class EventMention:
    """One trigger in the text, coded."""

    trigger: Token
    entry: Trigger
    actor: list[Entity]
    recipient: list[Entity]
    status: StatusReading
    place: Place | None
    date: DateSpan | None = None  # set by `normalize.when`
    decider: Token | None = None  # the word that decided a proposal's fate, if any
    # The target by convention when no telling of the event names one (`merge` decides).
    fallback: list[Entity] = field(default_factory=list)
    # For a promise or threat coded from an announced act, that act ('withdraw' in
    # 'said it will withdraw the bill'): what tells two tellings of it apart.
    content: Token | None = None
    # The word whose clause tells the event's time, when not the trigger's own: the
    # announcing verb of a promise, the word that decided a proposal's fate.
    clock: Token | None = None

    @property
    def time_word(self) -> Token:
        return self.clock or self.decider or self.trigger

    @property
    def word(self) -> str:
        """The lemma that names the event: the announced act's, else the trigger's."""
        return (self.content or self.trigger).lemma_.lower()

    @property
    def sentence(self) -> Span:
        return self.trigger.sent


class EventExtractor:
    """Codes every sentence of a document with the trigger lexicon."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self._lexicon = lexicon
        self._gazetteer = gazetteer

    def mentions(
        self, doc: Doc, actors: DocumentActors, home_countries: set[str], trace: Trace
    ) -> list[EventMention]:
        """Every event mention of `doc`, in text order; `trace` learns what became of
        each candidate, kept or not."""
        entries = self._candidates(doc, trace)
        scenes = Scenes(actors, self._gazetteer, home_countries)
        found: list[EventMention] = []
        for index, entry in entries.items():
            token = doc[index]
            found += self._code(token, entry, entries, actors, scenes, home_countries, found, trace)
        found += self._constructions(doc, actors, scenes, home_countries, trace)
        found = _as_commitments(found, actors, entries, trace)
        _aim_protests_by_demands(found)
        found.sort(key=lambda m: m.trigger.i)
        return found

    def _candidates(self, doc: Doc, trace: Trace) -> dict[int, Trigger]:
        """Trigger words by token index; a word the lexicon lists that triggers nothing
        here is noted with the reason."""
        entries: dict[int, Trigger] = {}
        for token in doc:
            entry = self._lexicon.match(token) if token.pos_ in ("VERB", "NOUN") else None
            if entry is not None:
                entries[token.i] = entry
            elif token.is_alpha and (reason := self._lexicon.why_not(token)) is not None:
                trace.note(token, None, "no entry", reason)
        return entries

    def _code(
        self,
        token: Token,
        entry: Trigger,
        entries: dict[int, Trigger],
        actors: DocumentActors,
        scenes: Scenes,
        home_countries: set[str],
        found: list[EventMention],
        trace: Trace,
    ) -> list[EventMention]:
        """The mentions one trigger word makes (none when it is set aside, and why)."""
        reason = _set_aside(token, entries)
        if reason is not None:
            trace.note(token, entry.event, "dropped", reason)
            return []
        actor, recipient = find_parties(token, entry, self._lexicon, actors)
        if entry.symmetric and recipient:  # one-sided: 'X agreed to Y's proposal'
            entry = replace(entry, symmetric=False)
        state_act = _as_the_state_acts(token, entry, actor, actors)
        if state_act is not entry:  # 'China summoned the ambassador to protest'
            entry = state_act
            actor, recipient = find_parties(token, entry, self._lexicon, actors)
        actor = _named_by_speakers(actor, actors.speaker_for(token))
        where = place_for(token, actors, self._gazetteer, home_countries)
        where = where or self._place_of_cause(token, actors, home_countries)
        target = self._attacked(token, entry, actors, home_countries)
        where = where or target or scenes.place_for(token, entry.event)
        territory = self._territory(token, actors, home_countries) or _state_of(target, actors)
        state = _place_state(where, territory)
        # a visitor is not of the state visited ('President Yoon will travel to Washington')
        visitor_state = None if token.lemma_.lower() in MOTION_VERBS else state
        actor, recipient = _placed(actor, visitor_state, actors), _placed(recipient, state, actors)
        if not actor and _refers_back(token, entry):
            actor, recipient = _parties_of_last(found, entry.event)
        if not actor and entry.event in _UNATTRIBUTED:
            actor = _unidentified(token, entry, state, recipient, actors)
        if not actor:
            trace.note(token, entry.event, "dropped", _no_actor(token, actors), [], recipient)
            return []
        if entry.event == "CONSULT" and _convenes_alone(token, actor):
            trace.note(token, entry.event, "dropped", "one body convening, no meeting of parties")
            return []
        status, decider = event_status(token)
        fallback = []
        if not recipient:
            fallback = self._default_target(
                token, entry, actor, actors, home_countries, where, territory
            )
        trace.note(token, entry.event, "event", "", actor, recipient, status.status)
        return [
            EventMention(
                token, entry, group, recipient, status, where, decider=decider, fallback=fallback
            )
            for group in _separate_meetings(token, entry, actor, actors)
        ]

    def _constructions(
        self,
        doc: Doc,
        actors: DocumentActors,
        scenes: Scenes,
        home_countries: set[str],
        trace: Trace,
    ) -> list[EventMention]:
        """Events no single trigger word names: 'said X must', 'is ready to'."""
        found = []
        for construction in construction_triggers(doc, self._lexicon):
            token, entry = construction.token, construction.entry
            actor, recipient = construction_parties(token, entry, self._lexicon, actors)
            actor = _named_by_speakers(actor, actors.speaker_for(token))
            where = place_for(token, actors, self._gazetteer, home_countries)
            where = where or scenes.place_for(token, entry.event)
            territory = self._territory(token, actors, home_countries)
            state = _place_state(where, territory)
            actor = _placed(actor, state, actors)
            recipient = _placed(recipient, state, actors)
            if not actor or (not recipient and entry.event == "REQUEST"):  # a demand is of someone
                reason = _no_actor(token, actors) if not actor else "a demand made of nobody"
                trace.note(token, entry.event, "dropped", reason, actor)
                continue
            content = construction.content or entry.event  # what is committed to
            fallback = _target_by_default(content, territory, actor, actors)
            status = StatusReading("occurred", 0.6)
            trace.note(token, entry.event, "event", "", actor, recipient, status.status)
            found.append(
                EventMention(
                    token,
                    entry,
                    actor,
                    recipient,
                    status,
                    where,
                    fallback=fallback,
                    clock=token.head,
                )  # fmt: skip
            )
        return found

    def _default_target(
        self,
        trigger: Token,
        entry: Trigger,
        actor: list[Entity],
        actors: DocumentActors,
        home_countries: set[str],
        where: Place | None,
        territory: list[Entity],
    ) -> list[Entity]:
        """The conventional target of an event whose telling names none (see
        `_target_by_default`), from the place and territory the trigger's own telling
        gives. What one party alone agrees to has the target its content would have
        ('agreed to postpone the march in Baku'); a meeting has none."""
        if entry.symmetric:
            content = agreed_content(trigger, actor)
            if content is None:
                return []
            entry = self._lexicon.match(content) or entry
            territory = self._territory(content, actors, home_countries, own_words=True)
            return _target_by_default(entry.event, territory, actor, actors)
        if not territory and (entry.event in _HELD or on_grounds(trigger)):  # 'jailed on charges'
            territory = _state_of(where, actors)
        return _target_by_default(entry.event, territory, actor, actors)

    def _attacked(
        self, token: Token, entry: Trigger, actors: DocumentActors, home_countries: set[str]
    ) -> Place | None:
        """The town or site an attack is aimed at (see `attacked_place`)."""
        if entry.event != "ASSAULT":
            return None
        return attacked_place(token, actors, self._gazetteer, home_countries)

    def _place_of_cause(
        self, verb: Token, actors: DocumentActors, home_countries: set[str]
    ) -> Place | None:
        """'A bombing near Samarra killed two soldiers': the killing is where the bombing is."""
        causes = (c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in WEAPONS)
        places = (place_for(c, actors, self._gazetteer, home_countries) for c in causes)
        return next(filter(None, places), None)

    def _territory(
        self,
        token: Token,
        actors: DocumentActors,
        home_countries: set[str],
        own_words: bool = False,
    ) -> list[Entity]:
        state = territory_for(token, actors, self._gazetteer, home_countries, own_words)
        return [state] if state is not None else []


def _set_aside(token: Token, entries: dict[int, Trigger]) -> str | None:
    """Why a trigger word names no event of its own here, if it does not."""
    mishap = _mishap(token) if entries[token.i].event == "ASSAULT" else None
    if mishap is not None:
        return f"a death or damage by ‘{mishap.text}’, not an attack"
    if _told_by_another(token, entries):
        return f"told by ‘{_teller(token).text}’, not an event of its own"
    if is_habitual(token):
        return "a habit or a trend, not an event"
    if _depicted(token):
        return f"shown in ‘{token.head.head.text}’, not told as an act here"
    if _describes_a_noun(token) and protesting_crowd(token, entries[token.i]) is None:
        return f"a participle describing ‘{token.head.text}’"
    if entries[token.i].event == "REQUEST" and _asks_a_question(token):
        return "a question asked, not a request"
    return None


def _asks_a_question(verb: Token) -> bool:
    """'asked why Biden did not act', 'asked whether talks would resume': an indirect
    question (a clause opened by a question word) asks to know, not to act."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    return any(c.left_edge.lower_ in _QUESTION_WORDS for c in clauses)


def _convenes_alone(verb: Token, actor: list[Entity]) -> bool:
    """'Parliament met on Monday': a single body sitting, with no partner in the telling
    (no object, no 'with' or 'between', no plural or listed subject)."""
    if verb.pos_ != "VERB" or len(actor) != 1 or actor[0].name:
        return False
    children = list(verb.children)
    partnered = any(c.dep_ in ("dobj", "dative") or is_prep(c, "with", "between") for c in children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    single = all(s.tag_ in ("NN", "NNP") and not s.conjuncts for s in subjects)
    return bool(subjects) and single and not partnered


def _mishap(token: Token) -> Token | None:
    """'killed in a car crash', 'died in the fire', 'destroyed by the earthquake': what
    the clause says did it, when that is an accident or a disaster."""
    for prep in token.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during", "after"):
            for obj in objects_of(prep):
                words = {obj.lemma_.lower(), *(c.lemma_.lower() for c in obj.children)}
                if words & _MISHAPS:
                    return obj
    return None


def _teller(token: Token) -> Token:
    """The word that tells the event for `token` (see `_told_by_another`)."""
    if token.dep_ == "pobj":
        return token.head.head
    return token.head


def _no_actor(token: Token, actors: DocumentActors) -> str:
    """'no actor', with the words the parse offered as its subject or agent."""
    offered = {
        c.i: c
        for t in (token, token.head)
        for c in t.children
        if c.dep_ in ("nsubj", "nsubjpass", "agent", "poss") and c.i != token.i
    }
    words = ", ".join(f"‘{c.text}’" for c in list(offered.values())[:3])
    return f"no actor (named no state or body: {words})" if words else "no actor (no subject)"


def _place_state(where: Place | None, territory: list[Entity]) -> str | None:
    """The state the event's place, else its territory, is in."""
    if where is not None and where.country:
        return where.country
    return next((e.country for e in territory if e.country), None)


def _placed(
    entities: list[Entity], place_state: str | None, actors: DocumentActors
) -> list[Entity]:
    """Parties with a state or body; groups known only by their sector ('gunmen',
    'police') given the state of the event's place, else of the story (protests and
    arrests happen at home); officials known only by their title ('Solicitor General
    Jose Calida') given the state of the event's place (the actor stage already gave
    them the story's, where it could tell it). A group without a state is kept with its
    sector alone."""
    kept = []
    for entity in entities:
        stateless = entity.party is None and entity.sector is not None
        if stateless and entity.name is None:
            state = place_state or actors.main_country
            entity = replace(entity, country=state) if state else entity
        elif stateless and place_state and entity.sector in STATE_SECTORS:
            entity = replace(entity, country=place_state)
        if entity.party or (stateless and entity.name is None):
            kept.append(entity)
    return kept


def _as_commitments(
    found: list[EventMention],
    actors: DocumentActors,
    entries: dict[int, Trigger],
    trace: Trace,
) -> list[EventMention]:
    """An act its actor announces for the future is coded as the promise, threat or
    refusal that was made (PLOVER's coding of statements of intent). An announcing word
    that is a trigger itself ('threatened to ban') has told the intent already."""
    coded: list[EventMention] = []
    told: set[int] = set()
    for m in found:
        c = commitment(m.trigger, m.entry.event, m.status.status, m.actor, m.recipient, actors)
        if c is None or c.token.i in entries:
            coded.append(m)
            continue
        trace.note(
            m.trigger, m.entry.event, "folded", f"announced by ‘{c.token.text}’: coded as "
            f"the {c.entry.event} it makes", m.actor, m.recipient, m.status.status,
        )  # fmt: skip
        if c.token.i in told:
            continue
        told.add(c.token.i)
        status = StatusReading("occurred", 0.6)
        trace.note(c.token, c.entry.event, "event", "", c.actor, c.recipient, status.status)
        coded.append(
            EventMention(
                c.token,
                c.entry,
                c.actor,
                c.recipient,
                status,
                m.place,
                fallback=m.fallback,
                content=m.trigger,
                clock=c.token,
            )  # fmt: skip
        )
    return coded


def _aim_protests_by_demands(found: list[EventMention]) -> None:
    """'Prisoners rioted, demanding independence from Indonesian rule': a protest is aimed
    at whoever its demand is made of."""
    for protest in (m for m in found if m.entry.event == "PROTEST" and not m.recipient):
        demands = (
            m
            for m in found
            if m.entry.event == "REQUEST" and m.recipient and protest.trigger.is_ancestor(m.trigger)
        )
        demand = next(demands, None)
        if demand is not None:
            protest.recipient = list(demand.recipient)


# Who acts when the text names nobody: attackers are unidentified armed forces of the
# state it happened in (CAMEO's UAF); arrests and investigations are that state's.
_UNATTRIBUTED = {"ASSAULT": UNIDENTIFIED, "COERCE": "GOV", "ACCUSE": "GOV", "PROTEST": "CVL"}


def _unidentified(
    trigger: Token,
    entry: Trigger,
    place_state: str | None,
    recipient: list[Entity],
    actors: DocumentActors,
) -> list[Entity]:
    """'A roadside bombing near Samarra killed a US soldier', 'a US national was put under
    investigation in Italy', 'two suspects were arrested': the doer is of the state the
    event happens in, else of the one its target belongs to, else of the story's (arrests
    and attacks nobody is named for are domestic). Not when something else is the cause
    ('a fire destroyed 200 homes'), and an accusation only when it is an investigation.
    Beyond the place, only an act told as undergone says whom it was done to."""
    undergone = _undergone(trigger)
    if entry.event == "ACCUSE" and not (
        entry.mode == "investigate" or (entry.mode == "allege" and undergone)
    ):
        return []  # 'X was charged with', 'a case was registered against X': by the state
    causes = [c for c in trigger.children if c.dep_ == "nsubj"]
    causes += [o for c in trigger.children if c.dep_ == "agent" for o in objects_of(c)]
    if any(c.lemma_.lower() not in WEAPONS for c in causes):
        return []  # 'struck by a car' is no attack
    sector = _UNATTRIBUTED[entry.event]
    country = place_state
    if country is None and undergone:
        targets = {e.country for e in recipient if e.country}
        country = targets.pop() if len(targets) == 1 else actors.main_country
        if country is None:  # 'the accused had been apprehended': by someone of a state
            return [Entity(text="", sector=sector)]  # the text does not name
    return [actors.state(country, sector)] if country else []


def _undergone(trigger: Token) -> bool:
    """'Two suspects were arrested', 'the minister was stabbed', 'he survived a drone
    attack', 'facilities were hit by drone strikes': told as done to someone, with no word
    of who did it (a bare 'the murder' may
    stand for any telling's act)."""
    if trigger.pos_ == "NOUN":
        return trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _UNDERGOING
    children = list(trigger.children)
    agents = [o for c in children if c.dep_ == "agent" for o in objects_of(c)]
    return (
        trigger.pos_ == "VERB"
        and any(c.dep_ == "auxpass" for c in children)
        and all(a.lemma_.lower() in WEAPONS for a in agents)  # 'hit by drone strikes'
    )


_DOMESTIC_MEASURES = {"COERCE", "CONCEDE"}


# Events whose place names their target when nothing else does: violence and the
# measures and protests of domestic politics ('killed in a suburb of Beirut').
_HELD = {"ASSAULT", "COERCE", "CONCEDE", "PROTEST"}


def _state_of(place: Place | None, actors: DocumentActors) -> list[Entity]:
    """The state a place is in, as a party ('killed in a suburb of Beirut': Lebanon)."""
    return [actors.state(place.country)] if place is not None and place.country else []


def _target_by_default(
    event: str, territory: list[Entity], actor: list[Entity], actors: DocumentActors
) -> list[Entity]:
    """The target of an event whose text names none (the CAMEO conventions for domestic
    events): a protest is aimed at the government where it is held, else the protesters'
    own ('students staged demonstrations across Indonesia'); a curfew or an amnesty falls
    on the people where it is imposed, else on the actor's own; anything else falls on
    the state it happens in ('strengthened its forces in Lebanon')."""
    sector = "GOV" if event == "PROTEST" else "CVL" if event in _DOMESTIC_MEASURES else None
    if sector is None or territory:
        return [replace(e, sector=sector) for e in territory]
    home = next((e.country for e in actor if e.country), None)
    return [actors.state(home, sector)] if home else []


def _separate_meetings(
    token: Token, entry: Trigger, actor: list[Entity], actors: DocumentActors
) -> list[list[Entity]]:
    """'met with the IMF, then with President Trump' is two meetings: one per partner
    phrase, each with the parties who are not partners."""
    if not entry.symmetric:
        return [actor]
    phrases = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"]
    if len(phrases) < 2:
        return [actor]
    partners = [
        [e for o in p.children if o.dep_ == "pobj" for e in actors.entities_for(o) if e.side]
        for p in phrases
    ]
    named = {(e.name, e.side) for group in partners for e in group}
    hosts = [e for e in actor if (e.name, e.side) not in named]
    return [hosts + group for group in partners if group] or [actor]


_BACK_REFERENCES = cue("back_references")
_UNDERGOING = cue("undergoing_verbs")
_MISHAPS = cue("mishaps")
_WARNING_VERBS = cue("warning_verbs")
_QUESTION_WORDS = cue("question_words")
_DEPICTIONS = cue("depiction_nouns")


def _refers_back(noun: Token, entry: Trigger) -> bool:
    """'the last meeting', 'the previous talks': the same group met before."""
    return (
        noun.pos_ == "NOUN"
        and entry.symmetric
        and any(c.lower_ in ("the", "their", "its") for c in noun.children)
        and any(c.lower_ in _BACK_REFERENCES for c in noun.children if c.dep_ == "amod")
    )


def _parties_of_last(found: list[EventMention], event: str) -> tuple[list[Entity], list[Entity]]:
    """The states of the latest earlier event of the category (not its people: 'the last
    meeting' may have been held by their predecessors)."""
    for mention in reversed(found):
        if mention.entry.event == event:
            states = {
                e.party: Entity(text=e.text, country=e.country, org=e.org)
                for e in mention.actor
                if e.party
            }
            return list(states.values()), []
    return [], []


OFFICIAL_COMPLAINT = Trigger(
    "protest", "VERB", "ACCUSE", "allege", "114", recipient_preps=("to", "with", "against")
)
BLOCKADE = Trigger("block", "VERB", "COERCE", "restrict", "191")


def _as_the_state_acts(
    token: Token, entry: Trigger, actor: list[Entity], actors: DocumentActors
) -> Trigger:
    """PLOVER's PROTEST is what people do; the same words from a state are other acts: a
    government that protests complains officially (CAMEO 114), its forces that block a
    road impose a blockade (191)."""
    if entry.event != "PROTEST":
        return entry
    if token.lemma_.lower() == "protest" and _official(actor, actors):
        return OFFICIAL_COMPLAINT
    if entry.mode == "obstruct" and _state_forces(actor):
        return BLOCKADE
    return entry


def _state_forces(actor: list[Entity]) -> bool:
    """Every actor is a state's forces or government."""
    return bool(actor) and all(e.party and e.sector in ("MIL", "COP", "GOV", "SPY") for e in actor)


def _official(actor: list[Entity], actors: DocumentActors) -> bool:
    """Every actor is a government, a body of states, or a state told by its name ('China
    protested'; not 'Algerians', its people, nor its opposition or lawmakers)."""
    return bool(actor) and all(
        e.sector in ("GOV", "IGO")
        or (e.sector is None and e.org is not None)
        or (e.sector is None and e.text == actors.state_names.get(e.country or ""))
        for e in actor
    )


def _depicted(token: Token) -> bool:
    """'sent videos of beheadings': an event a picture or recording shows."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in _DEPICTIONS
    )


def _describes_a_noun(token: Token) -> bool:
    """A participle used as an adjective ('pledged delegates', 'a banned party') names a
    property, not an event."""
    return token.pos_ == "VERB" and token.dep_ == "amod"


def _told_by_another(token: Token, entries: dict[int, Trigger]) -> bool:
    """One event, two trigger words: 'signed an agreement' (the noun is the verb's
    condition) and 'meetings to discuss measures' (the discussing is the meeting)."""
    if token.dep_ == "pobj" and token.head.lower_ == "in" and token.lemma_.lower() in REACTIONS:
        verb = token.head.head  # 'began a hunger strike in protest': the strike is the protest
        return verb.i in entries or any(c.i in entries for c in verb.children if c.dep_ == "dobj")
    if _requested(token, entries):
        return True
    governor = entries.get(token.head.i)
    if governor is None or token.head.i == token.i:
        return False
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in governor.requires
    describes = token.dep_ in ("acl", "relcl") or is_purpose(token)
    return describes and token.head.pos_ == "NOUN" and governor.event == entries[token.i].event


def _requested(token: Token, entries: dict[int, Trigger]) -> bool:
    """What one asks for is the request's content, not an event of its own: 'urged Israel
    to withdraw', 'asked that Israel open the crossings', 'called for talks', 'demanded
    the release of the prisoners' (but what
    an authority orders is done: 'ordered the paper to suspend publication')."""
    through = token.head.lower_ if token.dep_ in ("pobj", "pcomp") else None
    governor = token.head.head if through in ("for", "against") else token.head
    if governor.i not in entries or governor.i == token.i:
        return False
    lemma = governor.lemma_.lower()
    if through == "against":  # 'warned Israel against attacking': a warning's content
        return lemma in _WARNING_VERBS
    return lemma in ASKING_VERBS and (through == "for" or token.dep_ in ("xcomp", "dobj", "ccomp"))


def _named_by_speakers(actor: list[Entity], speakers: list[Entity]) -> list[Entity]:
    """In a quoted statement, 'The United States, the ROK and Japan condemn' is said by
    the three ministers the attribution names: the people are the more precise actors."""
    people = {e.party: e for e in speakers if e.name and e.party}
    if not people:
        return actor
    named = [people.get(e.party, e) if not e.name else e for e in actor]
    return list({id(e): e for e in named}.values())
