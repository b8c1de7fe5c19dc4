"""One record per real-world event inside a document.

News repeat themselves: the lead, a photo caption and a later "Following Pyongyang's
missile launches" are one launch. Mentions fold together when they name the same
category, status and parties and their dates do not contradict each other; everything
else stays apart, so two meetings of the same people on different days remain two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Span, Token

from parley.events.categories import categories
from parley.events.extract import EventMention
from parley.events.lexicon import split_passive_subjects
from parley.events.parties import without_own_side
from parley.events.trace import Trace
from parley.models import DateSpan, Entity, Event, Evidence, Place
from parley.nlp.syntax import has_infinitive_to
from parley.nlp.vocabulary import MOTION_VERBS, UNIDENTIFIED


def merge_mentions(doc_id: str, mentions: list[EventMention], trace: Trace) -> list[Event]:
    """Fold mentions of the same event and turn each group into an `Event`; `trace`
    learns which event each candidate became or was folded into."""
    groups: list[list[EventMention]] = []
    mentions = _split_joint_acts(mentions)
    first_line_end = max(mentions[0].trigger.doc.text.find("\n"), 0) if mentions else 0
    headlines = [m for m in mentions if _in_headline(m, first_line_end)]
    for mention in mentions:
        if mention in headlines:
            continue
        group = next((g for g in groups if _same_event(g, mention)), None)
        group = group or _recalled(groups, mention)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    groups = _fold_vague_plans(groups)
    for mention in headlines:
        group = next((g for g in groups if _told_again(g, mention)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    events = [_to_event(doc_id, group) for group in groups]
    for group, event in zip(groups, events, strict=True):
        _note_folds(trace, group, event)
    return events


def _note_folds(trace: Trace, group: list[EventMention], event: Event) -> None:
    """Each telling of `event` points at it; those that are not its lead say so."""
    for mention in group:
        candidate = trace.at(mention.trigger.idx)
        if candidate is None:
            continue
        candidate.event_id = event.id
        if mention.trigger.idx != event.trigger_start and candidate.outcome == "event":
            candidate.outcome = "folded"
            candidate.reason = f"told again: the event of ‘{event.trigger}’"


def _same_event(group: list[EventMention], mention: EventMention) -> bool:
    first = group[0]
    if first.entry.event != mention.entry.event or first.status.status != mention.status.status:
        return False
    if any(m.trigger.i == mention.trigger.i for m in group):
        return False  # one verb, two meetings ('met with A, then with B')
    if any(m.sentence == mention.sentence for m in group):
        joined = any(
            _connected(m.trigger, mention.trigger) or _purpose_of(m.trigger, mention.trigger)
            for m in group
        )
        return joined and _compatible(first.actor, mention.actor)
    if all(m.word != mention.word for m in group):
        return False  # 'met in Niamey for an AU summit ... the AU summit' is one summit
    if not any(_same_things(m, mention) for m in group):
        return False  # 'Iran fired missiles at US bases ... police fired tear gas'
    if _parties(first.actor) != _parties(mention.actor) or _other_people(group, mention):
        return False
    recipients = (_parties(first.recipient), _parties(mention.recipient))
    if all(recipients) and recipients[0] != recipients[1]:
        return False
    if mention.status.status != "occurred" and _introduces_new(mention):
        return False
    place = next((m.place for m in group if m.place is not None), None)
    return _dates_agree(_date_of(group), mention.date) and _places_agree(place, mention.place)


def _same_things(first: EventMention, second: EventMention) -> bool:
    """Whether the word acts on the same thing in both tellings: what it names as its
    object ('fired missiles', 'fired tear gas') or passive subject ('Siarhei, who was
    arrested', 'Babaryka, who was arrested') must agree where both name one. A pronoun
    ('arrested him') could be anyone met before, so it agrees with all."""
    objects = [_undergoers(m.trigger) for m in (first, second)]
    return not all(objects) or bool(objects[0] & objects[1])


def _undergoers(trigger: Token) -> set[str]:
    """The lemmas of what `trigger` acts on: its object, or the name its passive subject
    gives (a relative pronoun read as the noun its clause hangs on; 'Italy's call was
    seconded' and 'seconded Italy's proposal' can be one act); empty when one of them is a
    personal pronoun."""
    words = set()
    for child in trigger.children:
        thing = child
        if child.dep_ == "nsubjpass" and child.tag_ in ("WP", "WDT") and trigger.dep_ == "relcl":
            thing = trigger.head
        named = child.dep_ == "nsubjpass" and thing.pos_ == "PROPN"
        if child.dep_ != "dobj" and not named:
            continue
        if thing.pos_ == "PRON":
            return set()
        words.add(thing.lemma_.lower())
    return words


def _split_joint_acts(mentions: list[EventMention]) -> list[EventMention]:
    """'The call was seconded by Merkel and Johnson. Merkel seconded the recommendation':
    when one party of a directed act told of several is told doing it alone elsewhere,
    its part is its own act (told twice), and the others' part another."""
    split: list[EventMention] = []
    for mention in mentions:
        parties = _parties(mention.actor)
        alone = next((_parties(m.actor) for m in mentions if _acts_alone(m, mention)), None)
        if alone is None:
            split.append(mention)
            continue
        for side in (alone, parties - alone):
            actor = [e for e in mention.actor if e.side in side]
            split.append(replace(mention, actor=actor))
    return split


def _acts_alone(alone: EventMention, joint: EventMention) -> bool:
    """`alone` tells, in another sentence and with the same word, the act of some of the
    parties of the directed act `joint`, on the same target and at a time that agrees."""
    parties = _parties(alone.actor)
    recipients = (_parties(alone.recipient), _parties(joint.recipient))
    return (
        not joint.entry.symmetric
        and alone.sentence != joint.sentence
        and alone.entry.event == joint.entry.event
        and alone.status.status == joint.status.status
        and alone.word == joint.word
        and bool(parties)
        and not _unidentified(alone.actor)
        and parties < _parties(joint.actor)
        and (not all(recipients) or recipients[0] == recipients[1])
        and _dates_agree(alone.date, joint.date)
    )


def _other_people(group: list[EventMention], mention: EventMention) -> bool:
    """'The police chief urged the embassy... The foreign secretary urged the embassy':
    the same act by other named people, told apart, is another act."""
    named = {e.name for m in group for e in m.actor if e.name}
    own = {e.name for e in mention.actor if e.name}
    return bool(named and own) and not named & own


def _compatible(first: list[Entity], second: list[Entity]) -> bool:
    """Actors that may be the same: sharing a party, or one side unidentified ('a car
    bombing killed five, another attack ascribed to the Taliban')."""
    return bool(_parties(first) & _parties(second)) or _unidentified(first) or _unidentified(second)


def _unidentified(actor: list[Entity]) -> bool:
    return bool(actor) and all(e.sector == UNIDENTIFIED for e in actor)


_RECALL_SENTENCES = 2


def _recalled(groups: list[list[EventMention]], mention: EventMention) -> list[EventMention] | None:
    """'A car bomb was rammed into a base in Maidan Shahr. Dozens died in the attack,
    conducted by the Taliban': 'the attack' is the event just told, if it is of the same
    category and status and told in the last sentences, and the actors may be the same."""
    trigger = mention.trigger
    definite = trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children
    )
    if not definite:
        return None
    for group in reversed(groups):
        last = group[-1]
        if last.entry.event != mention.entry.event:
            continue
        after = mention.sentence.start >= last.sentence.end
        recent = after and _sentences_between(last, mention) < _RECALL_SENTENCES
        same = last.status.status == mention.status.status and _compatible(
            last.actor, mention.actor
        )
        return group if recent and same and _dates_agree(_date_of(group), mention.date) else None
    return None


def _sentences_between(earlier: EventMention, later: EventMention) -> int:
    doc = later.sentence.doc
    return sum(1 for s in doc.sents if earlier.sentence.end <= s.start < later.sentence.start)


def _connected(first: Token, second: Token) -> bool:
    """Whether one trigger governs the other within one clause ('travel to Tokyo to meet');
    a relative or reported clause tells another event ('visits to Seoul, where he held
    summits'), except a party's trip to it ('meet X, who will travel to Seoul'). A
    passive the model split from its 'was' governs that verb's subject ('a car bomb was
    on Monday rammed into a base')."""
    if first in split_passive_subjects(second) or second in split_passive_subjects(first):
        return True
    lower, upper = (first, second) if second in first.ancestors else (second, first)
    token = lower
    while token.i != upper.i and token.head.i != token.i:
        travels = token.dep_ == "relcl" and token.lemma_.lower() in MOTION_VERBS
        if token.dep_ in ("relcl", "ccomp", "parataxis") and not travels:
            return False
        token = token.head
    return token.i == upper.i


def _purpose_of(first: Token, second: Token) -> bool:
    """'began a hunger strike to protest against the decision', 'resorted to a baton
    charge to disperse the crowd': the act done (the verb's object, or its preposition's)
    and what it is done for (the verb's 'to' clause) are one event."""
    verbs = [_verb_of_object(t) for t in (first, second)]
    purposes = [t for t in (first, second) if t.dep_ in ("advcl", "xcomp") and has_infinitive_to(t)]
    return bool(purposes) and purposes[0].head in verbs


def _verb_of_object(noun: Token) -> Token | None:
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head.head
    return None


def _fold_vague_plans(groups: list[list[EventMention]]) -> list[list[EventMention]]:
    """'planning for a series of meetings to discuss measures' is the plan the next
    paragraphs tell with a date: an undated, unplaced plan folds into a dated plan of the
    same category whose parties include its own."""
    kept: list[list[EventMention]] = []
    for group in groups:
        vague = all(m.status.status == "planned" and not m.date and not m.place for m in group)
        target = None
        if vague:
            target = next(
                (g for g in groups if g is not group and _date_of(g) and _told_again(g, group[0])),
                None,
            )
        if target is None:
            kept.append(group)
        else:
            target.extend(group)
    return kept


def _in_headline(mention: EventMention, first_line_end: int) -> bool:
    """A headline is the document's first line, without a closing full stop: it tells
    in short what the body tells in full."""
    sentence = mention.sentence
    return sentence.start_char <= first_line_end and not sentence.text.rstrip().endswith(".")


def _told_again(group: list[EventMention], headline: EventMention) -> bool:
    """Whether the body tells the headline's event: same category and status, and the
    headline's parties among the body event's."""
    first = group[0]
    return (
        first.entry.event == headline.entry.event
        and first.status.status == headline.status.status
        and _parties(headline.actor) <= _parties([e for m in group for e in m.actor])
    )


def _introduces_new(mention: EventMention) -> bool:
    """'a trilateral meeting' is a new plan; 'the meeting' or 'Friday's meeting' may be
    one already mentioned. (Past events repeat under any article: a caption's 'a missile
    launch' is the launch of the lead.)"""
    trigger = mention.trigger
    return trigger.pos_ == "VERB" or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in trigger.children
    )


def _parties(entities: list[Entity]) -> frozenset[str]:
    return frozenset(e.side for e in entities if e.side)


def _date_of(group: list[EventMention]) -> DateSpan | None:
    return next((m.date for m in group if m.date is not None), None)


def _dates_agree(first: DateSpan | None, second: DateSpan | None) -> bool:
    if first is None or second is None:
        return True
    return first.start <= second.end and second.start <= first.end


def _places_agree(first: Place | None, second: Place | None) -> bool:
    """Two tellings in different towns, or different countries, are two events ('police
    charged protesters in Patna ... resorted to a charge in Lucknow'); a town and its
    province or country may be one."""
    if first is None or second is None:
        return True
    if first.country and second.country and first.country != second.country:
        return False
    towns = first.precision == second.precision == "city"
    return not towns or first.name == second.name


def _to_event(doc_id: str, group: list[EventMention]) -> Event:
    lead = max(group, key=_informativeness)
    category = categories()[lead.entry.event]
    actor = _union(m.actor for m in group)
    if lead.entry.symmetric:  # a meeting told with 'travel to Seoul' is still symmetric
        actor = _union([actor, *(m.recipient for m in group)])
    named = [e for e in actor if e.sector != UNIDENTIFIED]
    actor = named or actor  # unidentified attackers until a telling names them
    sentence = lead.sentence
    return Event(
        doc_id=doc_id,
        event=lead.entry.event,
        status=lead.status.status,
        text=_clean(sentence),
        evidence=Evidence(sentence.start_char, sentence.end_char),
        actor=actor,
        recipient=_recipient(actor, group),
        mode=[lead.entry.mode] if lead.entry.mode else [],
        date=_narrowest(m.date for m in group),
        event_loc=next((m.place for m in group if m.place is not None), None),
        cameo=lead.entry.cameo or category.cameo,
        quad_code=category.quad_code,
        event_scale=category.scale,
        confidence=_confidence(group),
        trigger=lead.trigger.text,
        trigger_start=lead.trigger.idx,
        mentions=[Evidence(m.sentence.start_char, m.sentence.end_char) for m in group],
    )


def _recipient(actor: list[Entity], group: list[EventMention]) -> list[Entity]:
    """The recipients the tellings name; failing those, the conventional target of the
    clearest telling ('a protest is aimed at the government where it is held')."""
    named = without_own_side(actor, _union(m.recipient for m in group))
    if named:
        return named
    defaults = (m.fallback for m in sorted(group, key=_informativeness, reverse=True))
    return without_own_side(actor, next((d for d in defaults if d), []))


def _informativeness(mention: EventMention) -> tuple:
    """The clearest mention names the most parties and has a date and a place."""
    return (
        mention.date is not None,
        len(mention.actor) + len(mention.recipient),
        mention.place is not None,
        -mention.trigger.i,
    )


def _union(lists: Iterable[list[Entity]]) -> list[Entity]:
    """All entities, people preferred over the bare state they belong to."""
    merged: list[Entity] = []
    for entities in lists:
        for entity in entities:
            if any(_same_entity(entity, kept) for kept in merged):
                continue
            merged.append(entity)
    named = {e.party for e in merged if e.name}
    return [e for e in merged if e.name or e.party not in named]


def _same_entity(first: Entity, second: Entity) -> bool:
    """The same person or party; but a state's police and its protesters are two sides
    of a clash, not one."""
    sectors = {first.sector, second.sector} - {None}
    return (first.name, first.side) == (second.name, second.side) and len(sectors) < 2


def _narrowest(dates: Iterable[DateSpan | None]) -> DateSpan | None:
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: d.end - d.start) if known else None


def _confidence(group: list[EventMention]) -> float:
    """Stronger status cues and more mentions make an event more likely right."""
    best = max(m.status.strength for m in group)
    has_recipient = any(m.recipient for m in group)
    score = 0.5 * best + 0.2 + (0.1 if has_recipient else 0.0) + 0.05 * min(len(group) - 1, 3)
    return min(score, 0.99)


def _clean(sentence: Span) -> str:
    return " ".join(sentence.text.split())
