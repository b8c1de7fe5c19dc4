"""When each event happened: the one stage that dates events.

It works in two passes around `merge`, because merging needs each telling's own date (two
meetings of the same people on different days stay two) and the story's time needs the
merged events (the reference time runs from one real event to the next):

1. `TimeStage.date_mentions`: each telling's own date phrase, resolved in the tense of
   its clause ('will meet Friday'); 'the following week' from the telling before; 'today'
   in a quotation as the day it was spoken; a date by reference to another event ('after
   the resolution fell through'); what a speaker also says on a dated occasion; a 'where'
   clause's date for the summit it describes.
2. `TimeStage.date_events`: a past event told without a date falls in the story's
   window, from the last past time the story names before it (a date phrase or a dated
   event) to publication; a plan without a date, in the year from publication. Both have
   precision `window` and are never a single day. A hypothetical event (what may or may
   not happen) has no time of its own and stays undated.

Everything is computed from the publication date, never from today's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Token

from parley.actors.resolve import DocumentActors
from parley.events.extract import EventMention
from parley.events.proposals import proposal_above
from parley.events.status import StatusReading, clause_tense
from parley.models import DateSpan, Event
from parley.nlp.syntax import prep_objects
from parley.normalize.anchors import (
    Anchor,
    date_for,
    place_for,
    reference_event,
    story_anchors,
    tells_a_date,
)
from parley.normalize.places import Gazetteer

WINDOW = "window"  # the precision of a date the text does not state: the story's window

_OCCASION_SENTENCES = 5
# Events told in words: what a speaker 'also' does on an occasion ('He also collaborated
# with ...' in an obituary is no part of the day he died).
_SAYINGS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"}
# Statuses that tell the past: what happened, and what was not done ('did not accede').
_TOLD_AS_PAST = ("occurred", "negated")
_TOLD = StatusReading("occurred", 0.6)
# What a lead tells without a date, before the story names any time, happened lately.
_LEAD_WINDOW = timedelta(days=7)
# A plan the text does not date is news of what is coming: within the year.
_PLAN_HORIZON = timedelta(days=365)


class TimeStage:
    """Dates the mentions of a document, then its events (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    def date_mentions(
        self,
        mentions: list[EventMention],
        actors: DocumentActors,
        published: date | None,
        home_countries: set[str],
    ) -> list[Anchor]:
        """Give each mention the date its own telling states or implies; returns the
        story's past reference times, which `date_events` reads."""
        if published is None:
            return []
        anchors = story_anchors(actors.doc, published, clause_tense, actors.quoted)
        for index, mention in enumerate(mentions):
            spoken = _spoken_on(mention.trigger, actors, published) or published
            previous = _previous_date(mentions[:index], mention.status)
            mention.date = _date(mention.time_word, mention.status, spoken, previous)
        _date_by_reference(mentions, published)
        self._date_by_occasion(mentions, actors, published, home_countries)
        _date_by_where_clause(mentions)
        _date_before_reference(mentions, anchors, published)
        return anchors

    def date_events(
        self, events: list[Event], published: date | None, anchors: list[Anchor]
    ) -> None:
        """Date what the tellings left undated: a past event falls in the story's
        window, from the last reference time told before it to publication; what is
        planned, or only possible, in the window after publication."""
        if published is None:
            return
        times = sorted(
            [(a.offset, a.span.start) for a in anchors]
            + [(e.trigger_start or 0, e.date.start) for e in events if _past(e, published)]
        )
        for event in events:
            if event.date is not None:
                continue
            if event.status in ("planned", "hypothetical"):  # what is to come, or may
                event.date = DateSpan(published, published + _PLAN_HORIZON, "", WINDOW)
                continue
            before = [day for offset, day in times if offset < (event.trigger_start or 0)]
            start = max(before) if before else published - _LEAD_WINDOW
            # a window is never a single day: that would say more than the text does
            start = min(start, published - timedelta(days=1))
            event.date = DateSpan(start, published, "", WINDOW)

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
            if mention.date is not None or mention.status.status not in _TOLD_AS_PAST:
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


def _date(
    token: Token, status: StatusReading, published: date, previous: DateSpan | None = None
) -> DateSpan | None:
    tense = "future" if status.status == "planned" else clause_tense(token)
    return date_for(token, published, tense, clause_tense, previous)


def _previous_date(earlier: list[EventMention], status: StatusReading) -> DateSpan | None:
    """The date of the story's previous event of the same kind (a plan follows a plan,
    a past event a past event): what 'the following week' counts from."""
    planned = status.status == "planned"
    return next(
        (m.date for m in reversed(earlier) if m.date and (m.status.status == "planned") == planned),
        None,
    )


def _occasion(
    trigger: Token, people: set[str], actors: DocumentActors, published: date
) -> tuple[Token, DateSpan] | None:
    """The latest dated clause of one of `people` in the sentences before `trigger`."""
    dated = (
        (verb, when)
        for verb in _said_before(trigger, people, actors)
        if (when := _date(verb, _TOLD, published)) is not None
    )
    return next(dated, None)


def _spoken_on(trigger: Token, actors: DocumentActors, published: date) -> date | None:
    """The day the quotation holding `trigger` was spoken, when the text tells it: from
    its attribution ('said on Monday') or the speaker's occasion just told. 'Today' in a
    quotation is that day, not the day of publication."""
    verb = actors.attribution_for(trigger)
    if verb is None:
        return None
    when = _date(verb, _TOLD, published)
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
        if not any(tells_a_date(e) for e in sentence.ents):
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
    if any(tells_a_date(e) for e in trigger.sent.ents):
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


def _date_before_reference(
    mentions: list[EventMention], anchors: list[Anchor], published: date
) -> None:
    """'The resolution failed on Friday. The US had pushed for it': an undated event told in
    the past perfect happened before the story's reference time (the last past time told
    before it), after the time told before that one."""
    for mention in mentions:
        open_ended = mention.date is None or mention.date.end == published
        if not open_ended or not _pluperfect(mention.trigger):
            continue
        before = sorted({a.span.start for a in anchors if a.offset < mention.trigger.idx})
        if not before:
            continue
        reference = before[-1]
        if mention.date is not None:  # 'after X' told in the past perfect: X to the reference
            if mention.date.start <= reference:
                mention.date = replace(mention.date, end=reference)
            continue
        start = before[-2] if len(before) > 1 else reference - _LEAD_WINDOW
        mention.date = DateSpan(start, reference, "", WINDOW)


def _pluperfect(trigger: Token) -> bool:
    """'had pushed', 'had been petitioned': the clause's verb in the past perfect."""
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _dated_same_word(mentions: list[EventMention], token: Token) -> DateSpan | None:
    """'following Pyongyang's missile launches': the launches the story dated earlier."""
    lemma = token.lemma_.lower()
    for mention in mentions:
        if mention.trigger.i < token.i and mention.trigger.lemma_.lower() == lemma and mention.date:
            return mention.date
    return None


def _past(event: Event, published: date) -> bool:
    """An event the story dates in the past: a reference time for what it tells next."""
    return event.date is not None and event.status != "planned" and event.date.end <= published
