"""Who did it to whom: the actor and recipient of a trigger, from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from parley.actors.phrases import is_stance
from parley.actors.resolve import DocumentActors
from parley.events.constructions import NAMINGS, named_thing
from parley.events.lexicon import Lexicon, Trigger
from parley.events.proposals import PROPOSALS
from parley.models import Entity
from parley.nlp.cues import cue
from parley.nlp.syntax import (
    has_infinitive_to,
    is_marked,
    is_prep,
    objects_of,
    prep_objects,
    shifted_object,
)
from parley.nlp.vocabulary import (
    DOCUMENT_NOUNS,
    MOTION_VERBS,
    REPORTING_VERBS,
    TARGET_PREPS,
    WEAPONS,
)

DEFAULT_RECIPIENT_PREPS = ("with", "against", "on", "to", "at", "toward", "towards")
_ANY = Trigger("", "", None, None, None)  # a content clause no lexicon entry names
_SUBJECTS = ("nsubj", "csubj")
# A nominal event takes a subject from its support verb only ('held talks', 'issued a
# statement'); 'amid growing threats' borrows nobody's subject.
_SUPPORTED_DEPS = ("dobj", "nsubjpass", "pobj")
_CLIMB_DEPS = {"xcomp", "advcl", "acl", "conj", "relcl", "pcomp", "ccomp", "dobj", "pobj", "prep"}
# "X is expected to meet": the passive subject of these verbs is the one who meets.
_RAISING = cue("raising_verbs")
_MEASURES = cue("measure_nouns")
_PERPETRATION = cue("perpetration_verbs")
_RESPONSIBILITY = cue("responsibility_nouns")
_FORCES = frozenset({"MIL", "COP", "REB", "UAF", "IGO"})
_UNDERGOING = cue("undergoing_verbs")
_UNDERGOING_NOUNS = cue("undergoing_nouns")
_KIND_ADJECTIVES = cue("kind_adjectives")
_OCCURRENCE_VERBS = cue("occurrence_verbs")
_GROUNDS = cue("grounds_nouns")
_POSSESSIONS = cue("possession_nouns")
_CLAIMING = cue("claiming_verbs")
_ATTRIBUTIONS = {("to", "ascribe"), ("to", "attribute"), ("on", "blame"), ("to", "link")}
_RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_SPEAKERS = {"i", "we"}  # who obliges themself demands nothing of anyone
_NOUN_ACTOR_DEPS = ("poss", "amod", "compound", "nmod")
REACTIONS = cue("reaction_nouns")
_REACTION_PREPS = ("against", "at", "over", "of", "to", "for")
_MAX_CLIMB = 12


def find_parties(
    trigger: Token, entry: Trigger, lexicon: Lexicon, actors: DocumentActors
) -> tuple[list[Entity], list[Entity]]:
    """(actor, recipient) of the event `trigger` names; symmetric events put all in actor,
    unless one party agrees to another's proposal (then it has a recipient)."""
    if trigger.pos_ == "NOUN":
        actor, recipient = _noun_parties(trigger, entry, lexicon, actors)
    else:
        actor, recipient = _verb_parties(trigger, entry, lexicon, actors)
    if entry.symmetric and not recipient and _one_sided(trigger, actor):
        # 'Denmark agreed to the mediation', 'the coalition agreed to postpone the march':
        # one party agrees to what another proposed or undergoes
        recipient = _content_recipients(trigger, actor, lexicon, actors)
    elif entry.symmetric:
        return _merge(actor, recipient), []
    return actor, without_own_side(actor, recipient)


def without_own_side(actor: list[Entity], recipient: list[Entity]) -> list[Entity]:
    """A party is not its own recipient; but a state's police, protesters or rebels act on
    the state itself (domestic events: 'police arrested 12' is COP → the state), and a
    named person on their state's government or people (not on the bare state: 'Trump
    withdrew the US from the treaty' has no recipient in the US)."""
    sides = {(e.party, e.sector) for e in actor if not e.name}
    sides |= {(e.party, None) for e in actor if e.name}
    return [e for e in recipient if e.name or (e.party, e.sector) not in sides]


def _one_sided(trigger: Token, actor: list[Entity]) -> bool:
    """A symmetric verb with one acting party and no partner ('agree with X')."""
    return trigger.pos_ == "VERB" and len({e.side for e in actor}) == 1


def agreed_content(trigger: Token, actor: list[Entity]) -> Token | None:
    """What one party alone agrees to: the 'to' clause's verb ('agreed to postpone the
    march') or the 'to' phrase's noun ('agreed to an extension of the mandate')."""
    if not _one_sided(trigger, actor):
        return None
    clauses = [c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if clauses:  # the last: 're-open' comes as three 'xcomp's
        return clauses[-1]
    return next((o for p in trigger.children if is_prep(p, "to") for o in objects_of(p)), None)


def _content_recipients(
    verb: Token, actor: list[Entity], lexicon: Lexicon, actors: DocumentActors
) -> list[Entity]:
    """The target of what is agreed to: the recipient of the 'to' clause's own event, or
    the author of the 'to' phrase's noun ('agreed to US mediation')."""
    content = agreed_content(verb, actor)
    if content is None:
        return []
    if content.pos_ == "VERB":
        return _event_recipients(content, lexicon, actors)
    return _noun_authors(content, actors)


def _event_recipients(content: Token, lexicon: Lexicon, actors: DocumentActors) -> list[Entity]:
    """Recipients of a content clause read with its own lexicon entry when it has one
    ('willing to withdraw its troops from Lebanon': from Lebanon, not its troops)."""
    entry = lexicon.match(content)
    if entry is None or entry.symmetric:  # 'offered to negotiate with Armenia': the partner
        return _recipients(content, entry or _ANY, actors, include_object=True)
    return find_parties(content, entry, lexicon, actors)[1]


def _verb_parties(
    verb: Token, entry: Trigger, lexicon: Lexicon, actors: DocumentActors
) -> tuple[list[Entity], list[Entity]]:
    if _crowd_told_as_clause(verb, entry):  # 'hundreds of students protested outside'
        return _members(verb.head, actors), _recipients(verb, entry, actors, True)
    crowd = protesting_crowd(verb, entry)
    if crowd is not None:  # 'interrupted by protesting legislators'
        return _members(crowd, actors), []
    if _is_passive(verb):
        return _passive_parties(verb, entry, actors)
    actor = _subject_of(verb, actors)
    recipient = _recipients(verb, entry, actors, include_object=True)
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in entry.requires:
            # 'rejected an Indian proposal', 'dismissed an appeal from the president'
            recipient += _recipients(child, entry, actors, include_object=False)
            recipient += _object_targets(child, actors) or _noun_authors(child, actors)
    if not recipient:
        recipient = _complement_recipients(verb, lexicon, actors)
    if not recipient:
        recipient = _object_event_recipients(verb, entry, lexicon, actors)
    if entry.event == "REQUEST":
        recipient = _addressees(verb, actors) or recipient or _body_asked(verb, actors)
    return actor, recipient


def _object_event_recipients(
    verb: Token, entry: Trigger, lexicon: Lexicon, actors: DocumentActors
) -> list[Entity]:
    """'will provide 50 million dollars in humanitarian assistance to Afghanistan': the
    target of an act of the same kind named in the verb's object or phrases."""
    for phrase in (c for c in verb.children if c.dep_ in ("dobj", "prep")):
        for noun in (t for t in phrase.subtree if t.pos_ == "NOUN"):
            told = lexicon.match(noun)
            if told is not None and told.event == entry.event:
                found = _recipients(noun, told, actors, include_object=False)
                if found:
                    return found
    return []


def _body_asked(verb: Token, actors: DocumentActors) -> list[Entity]:
    """'pushed for a resolution imposing sanctions at the UN Security Council': a request
    pursued at an international body is made of that body."""
    found = [
        e
        for prep in verb.subtree
        if is_prep(prep, "at")
        for e in _objects_of(prep, actors)
        if e.org and not e.country
    ]
    return found[:1]


def _addressees(verb: Token, actors: DocumentActors) -> list[Entity]:
    """'wrote to the US Embassy asking it to waive': what is asked in words is asked of
    whom the words went to (but 'wrote to the Council, accusing Israel' accuses Israel)."""
    if verb.dep_ != "advcl" or verb.head.lemma_.lower() not in REPORTING_VERBS:
        return []
    return [e for p in verb.head.children if is_prep(p, "to") for e in _objects_of(p, actors)]


def _complement_recipients(verb: Token, lexicon: Lexicon, actors: DocumentActors) -> list[Entity]:
    """Where the target sits in the complement: 'demanded that the US cancel' and 'its
    demand that Israel ease' (its subject), 'threatened to cut off power to X', 'offered
    to negotiate with Armenia'; a threat also falls on whoever its condition is about
    ('threatened to stop the talks if the United States deploys'); an offer or invitation
    falls on what it offers ('rejected an invitation to meet Armenia')."""
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "acl" and is_marked(child, "that")):
            return _subjects_of_clause(child, actors)
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            found = _event_recipients(child, lexicon, actors)
            return found or _condition_subjects(child, actors)
        offered = [c for c in child.children if c.dep_ == "acl" and has_infinitive_to(c)]
        if child.dep_ == "dobj" and offered:  # 'rejected an invitation to attend X'
            return _event_recipients(offered[0], lexicon, actors)
    return []


def _subjects_of_clause(clause: Token, actors: DocumentActors) -> list[Entity]:
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [e for s in subjects for e in _resolve(s, actors)]


def _condition_subjects(verb: Token, actors: DocumentActors) -> list[Entity]:
    """'to ban voting if Hamas runs': the one the condition is about."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and is_marked(clause, "if", "unless"):
            return _subjects_of_clause(clause, actors)
    return []


def _crowd_told_as_clause(verb: Token, entry: Trigger) -> bool:
    """'Hundreds of students protested outside the university', which the parser reads as
    students who were protested: a protest with no object is done by the crowd it hangs
    on, never to it."""
    return (
        entry.event == "PROTEST"
        and verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("dobj", "agent") for c in verb.children)
    )


def protesting_crowd(verb: Token, entry: Trigger) -> Token | None:
    """'protesting legislators', 'demonstrating students': the crowd a present participle
    of protest describes is the one protesting. The parser often reads the crowd as the
    participle's object ('interrupted by protesting legislators'); a protest has no
    object, so a bare plural there is the crowd too."""
    if entry.event != "PROTEST" or verb.tag_ != "VBG":
        return None
    if verb.dep_ == "amod":
        return verb.head
    bare = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and c.tag_ == "NNS" and not any(d.dep_ == "det" for d in c.children)
    ]
    return bare[0] if verb.dep_ == "pcomp" and bare else None


def _members(noun: Token, actors: DocumentActors) -> list[Entity]:
    """Who a noun stands for, through a quantity ('hundreds of students': the students)."""
    members = [o for c in noun.children if is_prep(c, "of") for o in objects_of(c)]
    return _resolve(members[0] if members else noun, actors)


def _is_passive(verb: Token) -> bool:
    """'was condemned', its conjunct 'Turkey is under sanctions and was condemned', a
    participle sharing a passive's auxiliary ('was arrested and banned'), and a bare
    participle ('a resolution backed by Japan', 'appeared in court, charged with
    murder')."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not _has_subject(verb):
        return verb.head.pos_ == "VERB" and _is_passive(verb.head)
    bare = not any(c.dep_ == "aux" for c in verb.children)
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and bare


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS or c.dep_ == "nsubjpass" for c in verb.children)


def _passive_parties(
    verb: Token, entry: Trigger, actors: DocumentActors
) -> tuple[list[Entity], list[Entity]]:
    """The agent ('by X', also 'in a statement by X') acts; the subject undergoes. With no
    agent the actor is unknown: the subject is never promoted to actor, except armed forces
    deployed, whose side makes the move."""
    actor: list[Entity] = []
    for token in verb.subtree:
        if token.lower_ == "by" and token.dep_ in ("agent", "prep") and _within(token, verb, 3):
            actor += _objects_of(token, actors)
    recipient: list[Entity] = []
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            recipient += _resolve(child, actors)
    if not recipient and verb.dep_ in ("conj", "advcl"):  # '…, charged with murder'
        head = verb.head
        recipient += [
            e
            for c in head.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for e in _resolve(c, actors)
        ]
    recipient += _recipients(verb, entry, actors, include_object=False)
    if not recipient and verb.dep_ == "acl" and verb.head.lemma_.lower() in PROPOSALS:
        # 'a resolution the US pushed for, backed by Japan': support for its sponsor
        proposal = verb.head
        backers = {e.side for e in actor}
        authors = [e for e in _noun_authors(proposal, actors) if e.side not in backers]
        recipient = authors or _subject_of(proposal, actors)
    if not actor and entry.event == "MOBILIZE":  # 'government troops were deployed to X':
        return [e for e in recipient if e.sector in _FORCES], []  # the forces move
    return actor, recipient


def _within(token: Token, ancestor: Token, depth: int) -> bool:
    for _ in range(depth):
        token = token.head
        if token.i == ancestor.i:
            return True
    return False


def _noun_parties(
    noun: Token, entry: Trigger, lexicon: Lexicon, actors: DocumentActors
) -> tuple[list[Entity], list[Entity]]:
    actor = _noun_authors(noun, actors)
    if entry.symmetric:  # 'the trilateral meeting of Cyprus, Greece and Israel'
        actor += [e for p in noun.children if is_prep(p, "of") for e in _objects_of(p, actors)]
    recipient = _recipients(noun, entry, actors, include_object=False)
    if not recipient and _occurring(noun):  # 'fighting broke out between the army and ELN'
        recipient = _recipients(noun.head, entry, actors, include_object=False)
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        # 'Turkey is under EU sanctions', 'a US national was put under investigation'
        verb = noun.head.head
        undergoing = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        recipient += [e for c in undergoing for e in _resolve(c, actors)]
    if not recipient:  # 'its demand that Israel ease restrictions'
        recipient = _complement_recipients(noun, lexicon, actors)
    if not recipient and noun.dep_ == "dobj":  # 'reiterated its demand today that Israel'
        recipient = [
            e
            for c in noun.head.children
            if c.dep_ == "ccomp" and is_marked(c, "that")
            for e in _subjects_of_clause(c, actors)
        ]
    told = lexicon.match(noun.head) if noun.dep_ == "nsubj" else None
    if told is not None and told.event == entry.event:  # 'the bombing killed a US soldier'
        recipient += _recipients(noun.head, told, actors, include_object=True)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _UNDERGOING:
        recipient += _subject_of(noun.head, actors)  # 'he survived a drone attack'
        return actor, recipient
    if not recipient and _undergone_as(noun):  # 'Mahan has been the subject of US sanctions'
        recipient = _subject_of(noun.head.head.head, actors)
    listed = _standing_phrase(noun)  # 'launched artillery, mortar and rocket fire'
    governor = _supporting_word(listed, lexicon)
    supported = listed.dep_ in _SUPPORTED_DEPS and lexicon.support_verb(governor) is not None
    if supported:
        recipient += _recipients(governor, entry, actors, include_object=False)
    if not actor and (supported or listed.dep_ in ("nsubjpass", "attr")):
        actor = _subject_of(listed, actors)
    # 'negotiators returned to Geneva for talks', 'sent a letter of support', 'jailed X on
    # allegations': the verb the noun's preposition hangs on tells who acts
    grounds = entry.event == "ACCUSE" and on_grounds(noun)
    if not actor and (_gone_for(noun) or _in_document(noun) or grounds):
        actor = _subject_of(noun.head.head, actors)
    if grounds and not recipient:
        recipient = _recipients(noun.head.head, entry, actors, include_object=True)
    if not actor and noun.dep_ == "pobj":  # 'died in the attack, conducted by the Taliban'
        clauses = noun.head.head.children
        actor = [e for c in clauses if _perpetrated(c) for e in _attributed_to(c, actors)]
    if not actor and _responsibility_claimed(noun):  # 'X claimed responsibility for the attack'
        actor = _subject_of(noun.head.head.head, actors)
    return actor, recipient


def _named_next(noun: Token, verb: Token) -> bool:
    """'The militant group Hamas fired': the parser may make both words subjects; the
    common noun is the name's, one party, not a second one."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (
        noun.pos_ == "NOUN"
        and following is not None
        and following.pos_ == "PROPN"
        and following.head.i == verb.i
        and following.dep_ in _SUBJECTS
    )


def _weapon_users(weapon: Token, actors: DocumentActors) -> list[Entity]:
    """Who planted, fired or launched the weapon that is the subject ('an IED planted by
    al-Shabaab militants exploded', 'rockets fired by the Houthis hit the airport')."""
    if weapon.lemma_.lower() not in WEAPONS:
        return []
    return [
        e
        for clause in weapon.children
        if clause.dep_ == "acl" and clause.tag_ == "VBN"
        for agent in clause.children
        if agent.dep_ == "agent"
        for e in _objects_of(agent, actors)
    ]


def _occurring(noun: Token) -> bool:
    """The subject of a verb that only says it happens ('fighting broke out', 'clashes
    erupted', 'talks resumed'): the verb's phrases ('between the army and the rebels',
    'with Iran') are the event's own."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _OCCURRENCE_VERBS


def _undergone_as(noun: Token) -> bool:
    """'has been the subject of sanctions', 'became the target of attacks': the subject of
    the copula is what the event is done to."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    role = noun.head.head
    return role.dep_ == "attr" and role.lemma_.lower() in _UNDERGOING_NOUNS


def _responsibility_claimed(noun: Token) -> bool:
    """'The group claimed responsibility for the bombings': whoever takes responsibility
    for an act is its doer."""
    prep = noun.head
    responsibility = prep.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "for"
        and responsibility.lemma_.lower() in _RESPONSIBILITY
        and responsibility.dep_ == "dobj"
        and responsibility.head.lemma_.lower() in _CLAIMING
    )


def _supporting_word(noun: Token, lexicon: Lexicon) -> Token:
    """The word a nominal event hangs from: its verb, or for a preposition a support verb
    asks for, that verb ('entered into an agreement'; not 'in a 1994 agreement it was
    extended')."""
    if noun.dep_ != "pobj":
        return noun.head
    verb = noun.head.head
    entry = lexicon.support_verb(verb)
    return verb if entry is not None and noun.head.lower_ in entry.requires else noun.head


def _noun_authors(noun: Token, actors: DocumentActors) -> list[Entity]:
    """Whose act or proposal a noun names: 'Serbia's crackdown', 'a Senegalese peace
    plan', 'an offer from Kabul', 'the attack conducted by X'."""
    found: list[Entity] = []
    describers = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    for child in (c for d in describers for c in d.children):
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            found += _objects_of(child, actors)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += _attributed_to(child, actors)
        elif child.dep_ in _NOUN_ACTOR_DEPS and not _is_place_modifier(child, actors):
            if child.tag_ == "VBN" or is_stance(child):
                continue  # 'a UN-brokered deal', 'a Saudi-backed plan': a third party
            if child.lower_ in _KIND_ADJECTIVES:
                continue  # 'military aid' is a kind of aid; 'US aid' is the US's
            found += [e for e in _resolve(child, actors) if e.side]
    return found


def _grounds(prep: Token) -> bool:
    """'on suspicion of supporting the rebels', 'on charges of treason': why, not whom."""
    return prep.lower_ == "on" and any(o.lemma_.lower() in _GROUNDS for o in objects_of(prep))


def on_grounds(noun: Token) -> bool:
    """'arrested on charges of', 'jailed on allegations of': whoever acts, accuses."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "on" and prep.head.pos_ == "VERB"


def _in_document(noun: Token) -> bool:
    """'a letter of support', 'a message of condolence': the document's sender acts."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in DOCUMENT_NOUNS
    )


def _standing_phrase(token: Token) -> Token:
    """The phrase a noun stands in for its governor: the list it ends ('artillery, mortar
    and rocket fire') or the measure it is counted in ('ten days of war games')."""
    while token.head.i != token.i:
        if token.dep_ == "conj":
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and _measures(token.head.head):
            token = token.head.head
        else:
            break
    return token


def _measures(noun: Token) -> bool:
    return noun.lemma_.lower() in _MEASURES


def _reason_clause(verb: Token) -> bool:
    """'(punished X) for torturing', 'of killing': a gerund saying what the object did."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and prep.lower_ in ("for", "of")
        and any(c.dep_ == "dobj" for c in prep.head.children)
    )


def _perpetrated(clause: Token) -> bool:
    """A participle clause that says who carried an attack out (the model often hangs it
    on the sentence's verb rather than on the attack)."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBN" and clause.lemma_ in _PERPETRATION


def _gone_for(noun: Token) -> bool:
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in MOTION_VERBS


def _attributed_to(participle: Token, actors: DocumentActors) -> list[Entity]:
    """'the attack conducted by X', 'an attack ascribed to X', 'a bombing blamed on X'."""
    lemma = participle.lemma_.lower()
    found: list[Entity] = []
    for child in participle.children:
        if child.dep_ == "agent":
            found += _objects_of(child, actors)
        elif child.dep_ == "prep" and (child.lower_, lemma) in _ATTRIBUTIONS:
            found += _objects_of(child, actors)
    return found


def _is_place_modifier(child: Token, actors: DocumentActors) -> bool:
    """'a Kabul car bombing' happened in Kabul; Kabul's government did not bomb."""
    mention = actors.mention_at(child)
    return child.dep_ == "compound" and mention is not None and mention.via == "capital"


def _subject_of(token: Token, actors: DocumentActors) -> list[Entity]:
    """The nearest subject up the tree: 'expected to travel', 'a statement condemning',
    'pushed for the passage of a resolution aimed at imposing sanctions'."""
    current = token
    came_from: Token | None = None
    for _ in range(_MAX_CLIMB):
        if current.lemma_.lower() in REPORTING_VERBS and not _said_alongside(came_from):
            # 'Reuters reported the attack killed 12': the reporter did not kill; but
            # 'wrote to the embassy asking ...' and 'said ... and urged' are the writer's
            return []
        shared = came_from is not None and came_from.dep_ == "conj"
        found = _subjects_at(current, token, actors, shared)
        if found:
            return found
        if current is token and _reason_clause(current):
            # 'sentenced the couple for torturing their children': the couple tortured
            return [
                e
                for c in current.head.head.children
                if c.dep_ == "dobj"
                for e in _resolve(c, actors)
            ]
        if current is token and current.dep_ == "xcomp" and current.pos_ == "VERB":
            controller = [c for c in current.head.children if c.dep_ == "dobj"]
            controller = controller or _addressed(current.head)  # 'called on Russia to'
            controlling = _resolve(controller[0], actors) if controller else []
            if controlling:  # 'encouraged farmers to set fires': the farmers set them
                return controlling  # (not 'began a strike to protest': the strikers do)
        if current is token and current.dep_ == "acl" and current.tag_ == "VBD":
            # a past-tense verb describes no noun: the parser took its subject for its head
            found = _members(current.head, actors)
            if found:
                return found
        if current is not token and current.dep_ == "acl" and current.tag_ == "VBN":
            # 'a US marine convicted of killing a woman': the marine killed
            found = _resolve(current.head, actors)
            if found:
                return found
        if current.dep_ == "relcl":
            # 'actions that violate the law': the relative clause's subject is its head
            # noun, whether or not we can name it; never the main clause's subject.
            return _resolve(current.head, actors)
        if current.dep_ not in _CLIMB_DEPS or current.head.i == current.i:
            return []
        came_from, current = current, current.head
    return []


_ADDRESSING = {("on", "call"), ("upon", "call"), ("to", "appeal")}


def _addressed(verb: Token) -> list[Token]:
    """Whom a call or appeal is made to: they are asked to act ('called on Russia to
    release', 'appealed to Israel to halt')."""
    return [
        obj
        for prep in verb.children
        if prep.dep_ == "prep" and (prep.lower_, verb.lemma_.lower()) in _ADDRESSING
        for obj in objects_of(prep)
    ]


def _said_alongside(clause: Token | None) -> bool:
    """'wrote to the embassy asking it to waive', 'said X and urged Y': a participle or a
    conjunct of a reporting verb is its subject's act too (not a reported clause, nor a
    quoted 'to' clause: '"We stand ready" tweeted Johnson "to provide help"')."""
    if clause is None:
        return True
    if clause.dep_ in ("conj", "dobj"):  # 'announced plans to withdraw' are its own plans
        return True
    return clause.dep_ == "advcl" and not has_infinitive_to(clause)


def _subjects_at(
    current: Token, origin: Token, actors: DocumentActors, shared: bool = False
) -> list[Entity]:
    """Every subject of `current` (the model sometimes splits one list into two
    subjects), or the agent of a passive met on the way up. A conjunct shares its head's
    surface subject, never its agent: in 'the minister was indicted by the court and will
    resign' the minister resigns."""
    raised = current is not origin and current.lemma_.lower() in _RAISING
    found: list[Entity] = []
    for child in current.children:
        is_subject = child.dep_ in _SUBJECTS or ((raised or shared) and child.dep_ == "nsubjpass")
        if is_subject and child.i != origin.i and not _named_next(child, current):
            found += _resolve(child, actors) or _weapon_users(child, actors)
        elif (
            child.dep_ == "agent"
            and current.pos_ == "VERB"
            and current is not origin
            and not shared
        ):
            found += _objects_of(child, actors)
        elif child.dep_ == "poss" and current.pos_ == "NOUN" and current is not origin:
            found += _resolve(child, actors)
    return found


def _recipients(
    token: Token, entry: Trigger, actors: DocumentActors, include_object: bool
) -> list[Entity]:
    preps = entry.recipient_preps or DEFAULT_RECIPIENT_PREPS
    found: list[Entity] = []
    for child in token.children:
        if (
            include_object
            and child.dep_ in ("dobj", "dative")
            and child.lemma_.lower() not in entry.requires
        ):
            found += _object_recipients(child, actors)
        elif child.dep_ == "prep" and child.lower_ in preps and not _grounds(child):
            found += _objects_of(child, actors)
        elif child.dep_ == "prep" and child.lower_ == "in":
            found += _reacted_to(child, actors)
    shifted = shifted_object(token) if include_object else None
    if shifted is not None:
        found += _object_recipients(shifted, actors)
    return found


def _reacted_to(preposition: Token, actors: DocumentActors) -> list[Entity]:
    """'in protest against the violations by the security forces', 'in retaliation for
    Israel's raid', 'in response to X': the event answers X's act, so X is its target."""
    return [
        e
        for noun in objects_of(preposition)
        if noun.lemma_.lower() in REACTIONS
        for prep in noun.children
        if is_prep(prep, *_REACTION_PREPS)
        for e in _objects_of(prep, actors)
    ]


def _object_recipients(obj: Token, actors: DocumentActors) -> list[Entity]:
    """The object ('expelled the Libyan ambassador to Greece'), but the object's own
    target when the object is the actor's own ('closed its borders with Iran')."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
    if owned:
        return _object_targets(obj, actors) or _resolve(obj, actors)
    return _resolve(obj, actors) or _object_targets(obj, actors)


def _object_targets(
    obj: Token, actors: DocumentActors, preps: frozenset[str] = TARGET_PREPS | {"for"}
) -> list[Entity]:
    """An object that is no actor may still name the target: 'break relations with
    Russia', 'impose restrictions against German goods', 'lift the curfew on Gaza',
    'suspended part of the aid program for Bosnia' (through the object's 'of', where
    only a beneficiary or an opponent counts: 'part of a stronghold on the Thai border'
    is not aimed at Thailand)."""
    found = [
        e
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for e in _objects_of(prep, actors)
    ]
    if not found and obj.lemma_.lower() in _POSSESSIONS:  # 'froze the assets of X'
        found = [e for owner in prep_objects(obj, "of") for e in _resolve(owner, actors)]
    if not found:
        parts = prep_objects(obj, "of")
        found = [
            e
            for part in parts
            for e in _object_targets(part, actors, frozenset({"for", "against"}))
        ]
    return found


def _objects_of(preposition: Token, actors: DocumentActors) -> list[Entity]:
    """Who the preposition's object is, whose act it is ('against the decision by X') or
    whom it is aimed at ('committed to assistance to the US-led war')."""
    found: list[Entity] = []
    for child in objects_of(preposition):
        found += (
            _resolve(child, actors)
            or _noun_authors(child, actors)
            or _object_targets(child, actors, TARGET_PREPS)
        )
    return found


def _resolve(token: Token, actors: DocumentActors) -> list[Entity]:
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return actors.entities_for(token.head.head)
    return actors.entities_for(token)


def _merge(first: list[Entity], second: list[Entity]) -> list[Entity]:
    seen = {(e.name, e.side) for e in first}
    return first + [e for e in second if (e.name, e.side) not in seen]


def construction_parties(
    token: Token, entry: Trigger, lexicon: Lexicon, actors: DocumentActors
) -> tuple[list[Entity], list[Entity]]:
    """Parties of a construction (see `constructions`): the one who says 'must' demands
    of the one who must; the one who is ready commits to the content's recipient; the one
    who names something judges whoever it is, or whose it is ('called Mohammad's admission
    a political maneuver')."""
    if entry in NAMINGS:
        actor = _subject_of(token, actors)
        recipient = [e for t in named_thing(token) for e in _object_recipients(t, actors)]
        return actor, recipient
    if entry.event == "REQUEST":
        speaker = token.head
        actor = [e for c in speaker.children if c.dep_ == "nsubj" for e in _resolve(c, actors)]
        obliged = [
            e
            for c in token.children
            if c.dep_ == "nsubj" and c.lower_ not in _SPEAKERS  # 'we have to stop'
            for e in _resolve(c, actors)
        ]
        return actor, obliged
    copula = token.head if token.dep_ == "acomp" else token
    actor = [e for c in copula.children if c.dep_ in _SUBJECTS for e in _resolve(c, actors)]
    recipient: list[Entity] = []
    content = next((c for c in token.children if c.dep_ == "xcomp"), None)
    while content is not None and not recipient:  # 'prepared to resume shelling X'
        recipient = _event_recipients(content, lexicon, actors)
        content = next((c for c in content.children if c.dep_ == "xcomp"), None)
    return actor, recipient
