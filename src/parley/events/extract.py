"""From a parsed document to event mentions: trigger, parties, status, when and where.

One mention per trigger token; `merge` later folds mentions of the same real-world event.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

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
)
from parley.events.proposals import proposal_above
from parley.events.status import StatusReading, clause_tense, event_status, is_habitual
from parley.models import DateSpan, Entity, Place
from parley.nlp.syntax import is_purpose, objects_of, prep_objects
from parley.nlp.vocabulary import ASKING_VERBS, UNIDENTIFIED, WEAPONS
from parley.normalize.anchors import date_for, place_for, reference_event, territory_for
from parley.normalize.places import Gazetteer


@dataclass
class EventMention:
    """One trigger in the text, coded."""

    trigger: Token
    entry: Trigger
    actor: list[Entity]
    recipient: list[Entity]
    status: StatusReading
    date: DateSpan | None
    place: Place | None
    decider: Token | None = None  # the word that decided a proposal's fate, if any
    # The target by convention when no telling of the event names one (`merge` decides).
    fallback: list[Entity] = field(default_factory=list)
    # For a promise or threat coded from an announced act, that act ('withdraw' in
    # 'said it will withdraw the bill'): what tells two tellings of it apart.
    content: Token | None = None

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
        self,
        doc: Doc,
        actors: DocumentActors,
        published: date | None,
        home_countries: set[str],
    ) -> list[EventMention]:
        entries = {
            t.i: e for t in doc if t.pos_ in ("VERB", "NOUN") and (e := self._lexicon.match(t))
        }
        found = []
        for index, entry in entries.items():
            token = doc[index]
            if _told_by_another(token, entries) or is_habitual(token) or _describes_a_noun(token):
                continue
            actor, recipient = find_parties(token, entry, self._lexicon, actors)
            if entry.symmetric and recipient:  # one-sided: 'X agreed to Y's proposal'
                entry = replace(entry, symmetric=False)
            actor = _named_by_speakers(actor, actors.speaker_for(token))
            actor = [e for e in actor if e.party]
            recipient = [e for e in recipient if e.party]
            if not actor and _refers_back(token, entry):
                actor, recipient = _parties_of_last(found, entry.event)
            where = place_for(token, actors, self._gazetteer, home_countries)
            where = where or self._place_of_cause(token, actors, home_countries)
            territory = self._territory(token, actors, home_countries)
            if not actor and entry.event in _UNATTRIBUTED:
                actor = _unidentified(token, entry, where, territory, actors)
            if not actor:
                continue
            status, decider = event_status(token)
            previous = _previous_date(found, status)
            spoken = _spoken_on(token, actors, published) or published
            when = _date(decider or token, status, spoken, previous)
            fallback = []
            if not recipient:
                fallback = self._default_target(
                    token, entry, actor, actors, home_countries, where, territory
                )
            for group in _separate_meetings(token, entry, actor, actors):
                found.append(
                    EventMention(
                        token, entry, group, recipient, status, when, where, decider, fallback
                    )
                )
        for construction in construction_triggers(doc, self._lexicon):
            token, entry = construction.token, construction.entry
            actor, recipient = construction_parties(token, entry, self._lexicon, actors)
            actor = [e for e in _named_by_speakers(actor, actors.speaker_for(token)) if e.party]
            recipient = [e for e in recipient if e.party]
            if actor and (recipient or entry.event != "REQUEST"):  # a demand is of someone
                status = StatusReading("occurred", 0.6)
                when = _date(token.head, status, published)
                where = place_for(token, actors, self._gazetteer, home_countries)
                territory = self._territory(token, actors, home_countries)
                content = construction.content or entry.event  # what is committed to
                fallback = _target_by_default(content, territory, actor, actors)
                found.append(
                    EventMention(
                        token, entry, actor, recipient, status, when, where, None, fallback
                    )
                )
        found = _as_commitments(found, actors, entries, published)
        _aim_protests_by_demands(found)
        found.sort(key=lambda m: m.trigger.i)
        if published is not None:
            _date_by_reference(found, published)
            self._date_by_occasion(found, actors, published, home_countries)
        _date_by_where_clause(found)
        return found

    def _date_by_occasion(
        self,
        mentions: list[EventMention],
        actors: DocumentActors,
        published: date,
        home_countries: set[str],
    ) -> None:
        """'In his Tuesday talk in Washington, Mitsotakis reaffirmed ... He also called the
        agreement null and void': what a person also says or does right after a dated
        occasion, with no time of its own, is said or done there and then."""
        for mention in mentions:
            if mention.date is not None or mention.status.status not in ("occurred", "negated"):
                continue
            if mention.entry.event not in _SAYINGS or not _goes_on(mention.trigger):
                continue
            if _tells_own_time(mention.trigger):
                continue
            people = {e.name for e in mention.actor if e.name}
            occasion = _occasion(mention.trigger, people, actors, published)
            if occasion is not None:
                mention.date = occasion[1]
                where = place_for(occasion[0], actors, self._gazetteer, home_countries)
                mention.place = mention.place or where

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


def _as_commitments(
    found: list[EventMention],
    actors: DocumentActors,
    entries: dict[int, Trigger],
    published: date | None,
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
        elif c.token.i not in told:
            told.add(c.token.i)
            status = StatusReading("occurred", 0.6)
            when = _date(c.token, status, published)
            coded.append(
                EventMention(
                    c.token,
                    c.entry,
                    c.actor,
                    c.recipient,
                    status,
                    when,
                    m.place,
                    None,
                    m.fallback,
                    content=m.trigger,
                )
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
_UNATTRIBUTED = {"ASSAULT": UNIDENTIFIED, "COERCE": "GOV", "ACCUSE": "GOV"}


def _unidentified(
    trigger: Token,
    entry: Trigger,
    where: Place | None,
    territory: list[Entity],
    actors: DocumentActors,
) -> list[Entity]:
    """'A roadside bombing near Samarra killed a US soldier', 'a US national was put under
    investigation in Italy'. Not when something else is the cause ('a fire destroyed 200
    homes'), and an accusation only when it is an investigation."""
    if entry.event == "ACCUSE" and entry.mode != "investigate":
        return []
    causes = [c for c in trigger.children if c.dep_ == "nsubj"]
    causes += [o for c in trigger.children if c.dep_ == "agent" for o in objects_of(c)]
    if any(c.lemma_.lower() not in WEAPONS for c in causes):
        return []  # 'struck by a car' is no attack
    country = where.country if where is not None else None
    country = country or next((e.country for e in territory if e.country), None)
    return [actors.state(country, _UNATTRIBUTED[entry.event])] if country else []


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
        [e for o in p.children if o.dep_ == "pobj" for e in actors.entities_for(o) if e.party]
        for p in phrases
    ]
    named = {(e.name, e.party) for group in partners for e in group}
    hosts = [e for e in actor if (e.name, e.party) not in named]
    return [hosts + group for group in partners if group] or [actor]


_BACK_REFERENCES = {"last", "previous", "latest", "earlier", "same"}


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
                e.party: Entity(text=e.text, country=e.country, org=e.org) for e in mention.actor
            }
            return list(states.values()), []
    return [], []


_OCCASION_SENTENCES = 5
# Events told in words: what a speaker 'also' does on an occasion ('He also collaborated
# with ...' in an obituary is no part of the day he died).
_SAYINGS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"}


def _occasion(
    trigger: Token, people: set[str], actors: DocumentActors, published: date
) -> tuple[Token, DateSpan] | None:
    """The latest dated clause of one of `people` in the sentences before `trigger`."""
    status = StatusReading("occurred", 0.6)
    dated = (
        (verb, when)
        for verb in _said_before(trigger, people, actors)
        if (when := _date(verb, status, published)) is not None
    )
    return next(dated, None)


def _spoken_on(trigger: Token, actors: DocumentActors, published: date | None) -> date | None:
    """The day the quotation holding `trigger` was spoken, when the text tells it: from
    its attribution ('said on Monday') or the speaker's occasion just told. 'Today' in a
    quotation is that day, not the day of publication."""
    verb = actors.attribution_for(trigger)
    if verb is None or published is None:
        return None
    when = _date(verb, StatusReading("occurred", 0.6), published)
    if when is None:
        people = {e.name for e in actors.speaker_for(trigger) if e.name}
        occasion = _occasion(verb, people, actors, published) if people else None
        when = occasion[1] if occasion is not None else None
    return when.start if when is not None and when.start == when.end else None


def _said_before(trigger: Token, people: set[str], actors: DocumentActors) -> Iterator[Token]:
    """Verbs of `people` in the last few sentences before `trigger`, nearest first, in
    sentences that tell a date ('On Tuesday, Mitsotakis reaffirmed')."""
    sentences = [s for s in trigger.doc.sents if s.end <= trigger.sent.start]
    for sentence in reversed(sentences[-_OCCASION_SENTENCES:]):
        if not any(e.label_ == "DATE" for e in sentence.ents):
            continue
        for verb in (t for t in sentence if t.pos_ == "VERB" and _main_clause(t)):
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if any(e.name in people for c in subjects for e in actors.entities_for(c)):
                yield verb


def _main_clause(verb: Token) -> bool:
    """What the sentence itself tells, not what it reports ('The Times reported that, in
    July, Trump might have ...')."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


_EARLIER = {"previously", "earlier", "formerly", "once", "before"}


def _goes_on(trigger: Token) -> bool:
    """'He also commented ...': the sentence carries on with what was just told."""
    chain = [trigger, *trigger.ancestors]
    return any(c.dep_ == "advmod" and c.lower_ == "also" for t in chain for c in t.children)


def _tells_own_time(trigger: Token) -> bool:
    """A sentence with a time phrase of its own, or a clause set before the story's time
    ('had previously opposed'), is not on the occasion just told."""
    if any(e.label_ == "DATE" for e in trigger.sent.ents):
        return True
    clause = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), trigger)
    pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
    return pluperfect or any(c.lower_ in _EARLIER for c in clause.children if c.dep_ == "advmod")


def _date_by_reference(mentions: list[EventMention], published: date) -> None:
    """'condemned the launches immediately after the resolution fell through': an event
    dated by another event the document dates ('after X' is from X's date to publication;
    'immediately after X' is X's date)."""
    dated: dict[int, DateSpan] = {}
    proposals: dict[str, DateSpan] = {}  # 'resolution' → when its fate was decided
    for mention in mentions:
        if mention.date is not None:
            dated[mention.trigger.i] = mention.date
            if mention.decider is not None:
                dated[mention.decider.i] = mention.date
                proposal = proposal_above(mention.trigger)
                if proposal is not None:
                    proposals.setdefault(proposal.lemma_.lower(), mention.date)
    for mention in mentions:
        if mention.date is not None or mention.status.status != "occurred":
            continue
        reference = reference_event(mention.trigger)
        if reference is None:
            continue
        token, immediately = reference
        subjects = [c.lemma_.lower() for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        when = (
            dated.get(token.i)
            or next((proposals[s] for s in subjects if s in proposals), None)
            or _dated_same_word(mentions, token)
        )
        if when is None or when.start > published:
            continue
        end = when.end if immediately else max(when.end, published)
        mention.date = DateSpan(when.start, end, f"after {token.text}", "range")


def _date_by_where_clause(mentions: list[EventMention]) -> None:
    """'a summit where on Sunday the presidents signed the agreement': the summit was
    held then too (a 'where' clause shares its head's place, and tells part of its time)."""
    dated = {m.trigger.i: m.date for m in mentions if m.date is not None}
    for mention in mentions:
        if mention.date is not None:
            continue
        trigger = mention.trigger
        occasions = [trigger] if trigger.pos_ == "NOUN" else []
        occasions += prep_objects(trigger, "for")  # 'met in Cairo for a summit where ...'
        for clause in (c for o in occasions for c in o.children):
            where = any(t.lower_ in ("where", "when") for t in clause.subtree)
            if clause.dep_ == "relcl" and where and clause.i in dated:
                mention.date = dated[clause.i]


def _dated_same_word(mentions: list[EventMention], token: Token) -> DateSpan | None:
    """'following Pyongyang's missile launches': the launches the story dated earlier."""
    lemma = token.lemma_.lower()
    for mention in mentions:
        if mention.trigger.i < token.i and mention.trigger.lemma_.lower() == lemma and mention.date:
            return mention.date
    return None


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
    to withdraw', 'called for talks', 'demanded the release of the prisoners' (but what
    an authority orders is done: 'ordered the paper to suspend publication')."""
    through_for = token.dep_ == "pobj" and token.head.lower_ == "for"
    governor = token.head.head if through_for else token.head
    asking = governor.i in entries and governor.lemma_.lower() in ASKING_VERBS
    return asking and (through_for or token.dep_ in ("xcomp", "dobj")) and governor.i != token.i


def _previous_date(found: list[EventMention], status: StatusReading) -> date | None:
    """The date of the story's previous event of the same kind (a plan follows a plan,
    a past event a past event): what 'the following week' counts from."""
    planned = status.status == "planned"
    return next(
        (
            m.date.start
            for m in reversed(found)
            if m.date and (m.status.status == "planned") == planned
        ),
        None,
    )


def _date(
    token: Token, status: StatusReading, published: date | None, previous: date | None = None
) -> DateSpan | None:
    if published is None:
        return None
    tense = "future" if status.status == "planned" else clause_tense(token)
    return date_for(token, published, tense, clause_tense, previous)


def _named_by_speakers(actor: list[Entity], speakers: list[Entity]) -> list[Entity]:
    """In a quoted statement, 'The United States, the ROK and Japan condemn' is said by
    the three ministers the attribution names: the people are the more precise actors."""
    people = {e.party: e for e in speakers if e.name and e.party}
    if not people:
        return actor
    named = [people.get(e.party, e) if not e.name else e for e in actor]
    return list({id(e): e for e in named}.values())
