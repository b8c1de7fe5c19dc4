"""Who a noun phrase is: from a token of the parse to the entities it stands for.

The events stage asks "who is the subject of this verb?"; the answer is a list of
`Entity`, found through dictionary names, people, collective phrases ("the three
countries"), pronouns and surnames met earlier in the document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.actors.dictionary import Dictionaries, PersonRecord
from parley.actors.known_people import KnownPeople
from parley.actors.matcher import VIA_DEMONYM, ActorMatch, ActorMatcher, Locate
from parley.actors.people import PeopleFinder, Person
from parley.actors.titles import TitleLexicon
from parley.models import Entity
from parley.nlp.cues import cue
from parley.nlp.syntax import is_prep, prep_objects
from parley.nlp.vocabulary import (
    DOCUMENT_NOUNS,
    DWELLINGS,
    MOTION_VERBS,
    REPORTING_VERBS,
    STATE_SECTORS,
    TARGET_PREPS,
)

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_GROUP_PRONOUNS = {"they", "them", "their", "we", "our", "us"}
_THING_PRONOUNS = {"it", "its"}
_COLLECTIVE_HEADS = cue("collective_nouns")
_NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "all": 0}
_NP_DEPS = {"compound", "amod", "nmod", "poss", "appos", "conj", "pobj", "nummod", "det"}
_LIST_END = {"VERB", "AUX", "PRON"}
_ARMED = frozenset({"MIL", "COP", "REB", "UAF"})
UNNAMED_BODY = "IGO"  # CAMEO's code for an international organisation the text does not name
_RELATIONS = cue("relation_nouns")
_FOLLOWERS = cue("follower_nouns")
_DOMESTIC_SECTORS = {"CVL", "OPP", "COP", "REB", "LAB", "EDU", "RAD"}
# Officials who act together as a body when named in the plural ('senators condemned',
# 'judges ruled'); plain 'officials' or 'ministers' are whoever the story quotes.
_ACTING_BODIES = {"legislator", "judge", "officer"}
_FIRST_PERSON = {"we", "our", "us", "i", "my", "me"}
_ANAPHORIC_NOUNS = cue("anaphoric_nouns")
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct"}
_PRONOUN_WINDOW = 80
_NOUN_WINDOW = 400  # tokens: a definite noun may point back a few paragraphs


@dataclass
class Mention:
    """A stretch of text that stands for an entity."""

    start: int
    end: int
    entity: Entity
    via: str = "name"


@dataclass
class DocumentActors:
    """Every actor mention of one document, and how to resolve a token to entities."""

    doc: Doc
    mentions: list[Mention]
    titles: TitleLexicon
    enumerations: list[tuple[int, list[Entity]]] = field(default_factory=list)
    counterparts: dict[int, list[Entity]] = field(default_factory=dict)
    main_country: str | None = None
    speakers: list[tuple[int, list[Entity]]] = field(default_factory=list)
    state_names: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 → short name
    by_token: dict[int, Mention] = field(init=False)

    def __post_init__(self) -> None:
        self.by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}

    def entities_for(self, token: Token) -> list[Entity]:
        """The entities the phrase headed by `token` refers to, conjuncts included."""
        entities: list[Entity] = []
        for head in _conjuncts(token):
            entities.extend(self._entities_for_one(head))
        return _unique(entities)

    def state(self, country: str, sector: str | None = None) -> Entity:
        """A state (or one of its sectors) the text implies but does not name here: the
        government a protest is aimed at, the unidentified gunmen of an attack in Iraq."""
        return Entity(text=self.state_names.get(country, country), country=country, sector=sector)

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def quoted(self, token: Token) -> bool:
        """Whether `token` stands inside a quotation."""
        return _in_quote(token)

    def speaker_for(self, token: Token) -> list[Entity]:
        """Who speaks the quotation `token` stands in (see `attribution_for`)."""
        attribution = self._attribution(token)
        return list(attribution[1]) if attribution is not None else []

    def attribution_for(self, token: Token) -> Token | None:
        """The reporting verb of the quotation `token` stands in ('said', 'read')."""
        attribution = self._attribution(token)
        return self.doc[attribution[0]] if attribution is not None else None

    def _attribution(self, token: Token) -> tuple[int, list[Entity]] | None:
        """The attribution that opens or closes the quotation ('The commissioner said,
        "We ..."', '"We ...," the statement issued by A, B and C read'), else the first of
        its paragraph, else the last one before it."""
        if not _in_quote(token):
            return None
        paragraph = _paragraph_bounds(token)
        opening, closing = _quote_bounds(token, paragraph)
        framing = {opening.sent.start, closing.sent.start}
        near = [s for s in self.speakers if self.doc[s[0]].sent.start in framing]
        if near:
            return min(near, key=lambda s: _distance(s[0], opening.i, closing.i))
        same = [s for s in self.speakers if paragraph[0] <= s[0] < paragraph[1]]
        if same:
            return same[0]
        earlier = [s for s in self.speakers if s[0] < token.i]
        return earlier[-1] if earlier else None

    def _entities_for_one(self, token: Token, groups: bool = True) -> list[Entity]:
        mention = self.by_token.get(token.i)
        if mention is not None and mention.via == VIA_DEMONYM:
            residence = self._residence(token)
            if residence is not None:
                return [residence]
        if mention is not None:
            return [self._with_head_sector(mention.entity, token)]
        if token.i in self.counterparts:
            return list(self.counterparts[token.i])
        lower = token.lower_
        if lower in _FIRST_PERSON and self.speaker_for(token):
            return self.speaker_for(token)
        if lower in _PERSON_PRONOUNS:
            return self._antecedent(token, people=True)
        if lower in _GROUP_PRONOUNS:
            return self._group_antecedent(token)
        if lower in _THING_PRONOUNS:
            return self._antecedent(token, people=False)
        if token.lemma_.lower() in _COLLECTIVE_HEADS and self._is_collective(token):
            return self._enumeration_before(token)
        found = self._entities_in_phrase(token)
        if not found and _is_bare_definite(token):
            found = self._same_noun_before(token)
        if not found and groups:
            found = self._domestic_group(token)
        return found

    def _residence(self, demonym: Token) -> Entity | None:
        """'Bosnian Serbs', 'the Albanians of southern Serbia': a people named with the
        state they live in belongs to that state (CAMEO codes residence, not ethnicity);
        so does an 'ethnic' minority the sentence places in a state."""
        own = self.by_token[demonym.i].entity.country
        places = [c for c in demonym.children if c.dep_ in ("amod", "compound")]
        places += prep_objects(demonym, "of", "in")
        if any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in demonym.children):
            # 'killed three ethnic Albanians in a gunbattle in southern Serbia'
            places += [t for t in demonym.sent if t.dep_ == "pobj" and t.head.lower_ == "in"]
        for place in places:
            mention = self.by_token.get(place.i)
            entity = mention.entity if mention is not None else None
            if entity and entity.country and entity.country != own and not entity.name:
                return entity
        return None

    def _domestic_group(self, token: Token) -> list[Entity]:
        """'the protesters', 'police', 'gunmen' with no state named are known by their
        sector until the event's place, else the state the story is mostly about, gives
        them one (protests and arrests happen at home; see `events.extract`). A force
        of international bodies nobody names ('a regional peacekeeping force') is CAMEO's
        generic international organisation, unless the state it serves in is named ('a
        force in Mali' stands for Mali)."""
        modifiers = [c.text for c in token.lefts if c.dep_ in ("amod", "compound")]
        record = self.titles.record_for(token.text, modifiers)
        where = {"start": token.idx, "end": token.idx + len(token)}
        placed = any(is_prep(c, "in") for c in token.children)
        if record is not None and record.sector == UNNAMED_BODY and not placed:
            return [Entity(text=token.text, org=UNNAMED_BODY, sector=UNNAMED_BODY, **where)]
        official = record is not None and record.rank is not None
        body = official and token.tag_ == "NNS" and record.rank in _ACTING_BODIES
        if record is None or (official and not body) or record.sector == UNNAMED_BODY:
            return []  # an official ('the minister') is a person; 'senators' are a group
        return [Entity(text=token.text, sector=record.sector, **where)]

    def _same_noun_before(self, token: Token) -> list[Entity]:
        """'the embassy' is the US Embassy named earlier: the latest earlier phrase with the
        same head noun whose owner we know. A phrase that holds the token ('the electoral
        process, especially the peace process') is not its antecedent but its own head."""
        lemma = token.lemma_.lower()
        for earlier in reversed(self.doc[max(0, token.i - _NOUN_WINDOW) : token.i]):
            if earlier.is_ancestor(token):
                continue
            if earlier.lemma_.lower() == lemma and not _is_bare_definite(earlier):
                found = self._entities_in_phrase(earlier)
                if found:
                    return found
        return []

    def _entities_in_phrase(self, head: Token) -> list[Entity]:
        """'Defense ministers of the three countries', 'the Japanese foreign minister'.
        A group word among the modifiers is the document's own only when the phrase
        names no state ('Kampuchean guerrilla camps': the guerrillas are Kampuchean)."""
        named = [e for e in self._owners_in_phrase(head, groups=False) if e.party]
        found = named or self._owners_in_phrase(head)
        if not found and not _relation(head):
            found = self._first_in_subtree(head)
        if head.lemma_.lower() in _FOLLOWERS:  # 'supporters of the former president'
            found = [self.state(e.country, "CVL") for e in found if e.country] or [
                Entity(text=head.text, sector="CVL", start=head.idx, end=head.idx + len(head))
            ]  # 'supporters of the party' are people of wherever they act
        sector = self._sector_of(head) or (self._group_modifier(head) if named else None)
        if sector:
            found = [e if e.name else replace(e, sector=sector) for e in found]  # role wins
        return _unique(found)

    def _group_modifier(self, head: Token) -> str | None:
        """'Ugandan opposition candidates' are the opposition's: the sector of a group word
        modifying the head."""
        for child in head.children:
            record = (
                self.titles.record_for(child.text) if child.dep_ in ("compound", "amod") else None
            )
            if record is not None and record.sector in _DOMESTIC_SECTORS:
                return record.sector
        return None

    def _owners_in_phrase(self, head: Token, groups: bool = True) -> list[Entity]:
        sector = self._sector_of(head)
        found: list[Entity] = []
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() == "base":  # 'a group based in X'
                found.extend(
                    e for o in prep_objects(child, "in") for e in self._entities_for_one(o)
                )
                continue
            owner = _is_of(child) or self._serves(head, child) or _houses(head, child)
            if _relation(head) and (child.dep_ == "poss" or owner):
                continue  # 'Israel's militia ally', 'a neighbour of Iraq' are someone else
            owner = owner or (_relation(head) and is_prep(child, "in"))
            if child.dep_ not in _NP_DEPS and not owner:
                continue
            if child.dep_ == "poss" and child.pos_ == "PRON" and not sector:
                continue  # 'his critics' are not him; 'his government' is his state's
            if is_stance(child):
                continue  # an 'anti-Syria journalist' is not Syria's
            if child.dep_ == "conj" or (
                child.dep_ == "compound" and not sector and self._is_capital(child)
            ):
                continue  # 'a Kabul car bombing' is in Kabul, not by Kabul's government
            targets = list(child.children) if owner else [child]
            for target in targets:
                if target.dep_ != "conj":
                    found.extend(self._entities_for_one(target, groups))
                for conj in target.conjuncts:
                    found.extend(self._entities_for_one(conj, groups))
        return found

    def _first_in_subtree(self, head: Token) -> list[Entity]:
        """Misparsed phrases ('both of North Korea's launches' with 'both' as a subject)
        still hold their owner somewhere below the head; clauses and other prepositions
        ('a protest to Biden's visit') are not searched."""
        stack = [c for c in head.children if c.dep_ not in _CLAUSES]
        while stack:
            token = stack.pop(0)
            mention = self.by_token.get(token.i)
            capital_compound = token.dep_ == "compound" and mention and mention.via == "capital"
            if mention is not None and not capital_compound and not is_stance(token):
                return [mention.entity]
            if token.dep_ == "prep" and token.lower_ != "of":
                continue
            stack += [c for c in token.children if c.dep_ not in _CLAUSES]
        return []

    def _is_capital(self, token: Token) -> bool:
        mention = self.by_token.get(token.i)
        return mention is not None and mention.via == "capital"

    def _serves(self, head: Token, prep: Token) -> bool:
        """'a spokesman for the prime minister' speaks for him and 'security forces in
        Guinea' are Guinea's; but an envoy for North Korea is sent to deal with it and the
        US embassy in London is not Britain's."""
        if prep.dep_ != "prep":
            return False
        record = self.titles.record_for(head.text)
        if record is None:
            return False
        if prep.lower_ == "for":
            return record.rank == "spokesperson"
        return prep.lower_ == "in" and record.sector in _ARMED

    def _sector_of(self, head: Token) -> str | None:
        record = self.titles.record_for(head.text)
        return record.sector if record else None

    def _with_head_sector(self, entity: Entity, token: Token) -> Entity:
        if entity.name or entity.sector:
            return entity
        sector = self._sector_of(token.head) if token.dep_ in ("amod", "compound") else None
        return replace(entity, sector=sector) if sector else entity

    def _is_collective(self, token: Token) -> bool:
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
            (c.dep_ == "prep" and c.lower_ == "of") or c.i in self.by_token for c in token.children
        )

    def _enumeration_before(self, token: Token) -> list[Entity]:
        wanted = next(
            (_NUMBER_WORDS[c.lower_] for c in token.children if c.lower_ in _NUMBER_WORDS), 0
        )
        for position, entities in reversed(self.enumerations):
            if position >= token.i:
                continue
            if wanted in (0, len(entities)):
                return list(entities)
        return []

    def _antecedent(self, token: Token, people: bool) -> list[Entity]:
        noun = None if people else self._nearer_anaphoric_noun(token)
        if noun is not None:
            return self._entities_in_phrase(noun)
        if not people and self._continues_a_thing(token):
            return []
        candidates = [
            m
            for m in reversed(self.mentions)
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
            [m for m in here if self._is_subject(m)]
            + here
            + [m for m in before if self._is_subject(m)]
            + before
        )
        best = ordered[0] if ordered else None
        return [best.entity] if best else []

    def _continues_a_thing(self, token: Token) -> bool:
        """'The typhoon hit Luzon. It also blocked roads': a subject 'it' goes on with the
        last sentence's subject when that is a thing, not with the last state named."""
        if (
            token.lower_ != "it"
            or token.dep_ not in ("nsubj", "nsubjpass")
            or token.sent.start == 0
        ):
            return False
        previous = self.doc[token.sent.start - 1].sent
        subject = next((t for t in previous if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        return (
            subject is not None
            and subject.pos_ in ("NOUN", "PROPN")
            and subject.i not in self.by_token
            and not self._entities_in_phrase(subject)
            and self._sector_of(subject) is None
        )

    def _is_subject(self, mention: Mention) -> bool:
        """The mention is, or modifies, a subject ('Ivory Coast rebels rejected ...')."""
        token = self.doc[mention.end - 1]
        while token.dep_ in ("compound", "amod", "poss", "nmod") and token.head.i != token.i:
            token = token.head
        return token.dep_ in ("nsubj", "nsubjpass")

    def _nearer_anaphoric_noun(self, token: Token) -> Token | None:
        """'the regime's provocations, including its launch': 'its' is the regime, whether
        or not we can name it (better no actor than the last state mentioned); 'Iraq's
        government announced that it ...': it is Iraq's government."""
        for previous in reversed(token.sent[: token.i - token.sent.start]):
            if previous.i in self.by_token:
                return None
            if previous.lemma_.lower() in _ANAPHORIC_NOUNS:
                return previous
        return None

    def _group_antecedent(self, token: Token) -> list[Entity]:
        for position, entities in reversed(self.enumerations):
            if position < token.i and token.i - position <= _PRONOUN_WINDOW:
                return list(entities)
        return self._antecedent(token, people=False)


class ActorResolver:
    """Finds and resolves the actors of documents; built once per dictionary version."""

    def __init__(
        self,
        nlp: Language,
        dictionaries: Dictionaries,
        locate: Locate | None = None,
    ) -> None:
        """`locate` names the state a place is in (the gazetteer's lookup), for officials
        known by the place they serve ('Northamptonshire's chief constable') and to tell
        places from misspelt states."""
        self._matcher = ActorMatcher(nlp, dictionaries, locate)
        self._locate: Locate = locate or (lambda name: None)
        self._titles = TitleLexicon(dictionaries.titles)
        self._people = PeopleFinder(self._titles, locate)
        self._known = KnownPeople(dictionaries.people)
        self._names = {c.code: c.names[0] for c in dictionaries.countries if c.names}
        self._homes = {o.org: o.home for o in dictionaries.organizations if o.home}

    def remember(self, record: PersonRecord) -> None:
        """Learn a person from an earlier document (the store's people registry)."""
        self._known.learn(record)

    def _identify(self, person: Person, published: date | None) -> None:
        _identify_known(person, self._known, published)

    def analyse(
        self, doc: Doc, home_country: str | None = None, published: date | None = None
    ) -> DocumentActors:
        """All actor mentions in `doc`; `home_country` is where the reporter writes from,
        the state of officials the text introduces without one ("Foreign Ministry here");
        `published` (the document's date) picks a known person's office on that day."""
        matches = self._matcher.find(doc)
        found = self._people.find(doc, matches)
        found = _with_bare_surnames(doc, found, matches, self._known, self._locate)
        people = _resolve_surnames(found)
        mentions = [_match_mention(doc, m) for m in matches]
        # An official the text gives no state serves the reporter's, else the one state
        # the text names or an armed group of it fights in ('Judge X opened investigations
        # against Chilean officials', 'President X conceded to UNITA's demands'); a state
        # that is only ever an act's direct target ('Premier X condemned Russia') is not it.
        states = {
            m.entity.country or self._homes.get(m.entity.org or "")
            for m in mentions
            if not _direct_target(doc[m.end - 1])
        }
        states.discard(None)
        story = home_country or (states.pop() if len(states) == 1 else None)
        dominant = _dominant_country([_match_mention(doc, m) for m in matches])
        for person in people:
            self._identify(person, published)
            if person.country is None and person.org is None and person.title:
                person.country = home_country or (story if person.sector in STATE_SECTORS else None)
            elif person.country is None and person.org is None:
                person.country = home_country or story or dominant
        mentions += [_person_mention(doc, p) for p in people]
        mentions += _bare_north_south(doc, matches, self._names)
        mentions.sort(key=lambda m: m.start)
        mentions = _without_overlaps(mentions)
        _attribute_institutions(doc, mentions)
        actors = DocumentActors(doc, mentions, self._titles, state_names=self._names)
        actors.main_country = _main_country([m for m in mentions if not is_stance(doc[m.start])])
        actors.enumerations = _enumerations(doc, actors)
        _assign_counterparts(doc, actors)
        actors.speakers = _speakers(doc, actors)
        return actors


def _identify_known(person: Person, known: KnownPeople, published: date | None) -> None:
    """Fill in a person's state from the known-people dictionary when the text gave none:
    whom they served on the day of publication (a known name that served no one then is
    left as the text gives it)."""
    if person.country is not None or person.org is not None:
        return
    record = known.identify(person.name)
    if record is None:
        # 'the Bush administration': which Bush is unknown, but both served the US
        side = known.shared_state(person.name) if " " not in person.name else None
        if side is not None:
            person.country, person.sector = side[0], person.sector or side[1]
        return
    held = record.affiliation(published)
    if held is None:
        return
    person.name = record.name
    person.country, person.org = held.country, held.org
    person.sector = person.sector or held.sector
    person.title = person.title or held.title


def _match_mention(doc: Doc, match: ActorMatch) -> Mention:
    ref = match.ref
    entity = Entity(
        text=doc[match.start : match.end].text,
        country=ref.country,
        org=ref.org,
        sector=ref.sector,
        start=doc[match.start].idx,
        end=doc[match.end - 1].idx + len(doc[match.end - 1]),
    )
    return Mention(match.start, match.end, entity, ref.via)


def _person_mention(doc: Doc, person: Person) -> Mention:
    span = doc[person.start : person.end]
    entity = Entity(
        text=span.text,
        name=person.name,
        title=person.title,
        sector=person.sector or ("GOV" if person.title else None),
        country=person.country,
        org=person.org,
        start=span.start_char,
        end=span.end_char,
    )
    return Mention(person.start, person.end, entity, "person")


def _with_bare_surnames(
    doc: Doc, people: list[Person], matches: list[ActorMatch], known: KnownPeople, locate: Locate
) -> list[Person]:
    """The model often misses a later bare 'Scholz' (or tags a rare name as a place); a
    proper noun equal to the surname of a person met before in the document, or of exactly
    one known person, is that person, unless it is a known place where a place goes
    ('shot by police in Lagos' is no Ricardo Lagos)."""
    surnames = {p.name.split()[-1] for p in people if len(p.name.split()) > 1}
    covered = {i for p in people for i in range(p.start, p.end)}
    covered |= {i for m in matches for i in range(m.start, m.end)}
    extra = [
        Person(t.i, t.i + 1, t.text)
        for t in doc
        if (t.text in surnames or known.identify(t.text) is not None)
        and t.pos_ == "PROPN"
        and t.i not in covered
        and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        and not _placed_name(t, locate)
    ]
    return sorted(people + extra, key=lambda p: p.start)


_PLACE_PREPS = {"in", "at", "near", "from", "to", "across", "outside", "inside"}


def _placed_name(token: Token, locate: Locate) -> bool:
    """A name the model takes for a place, after a place preposition, that is one."""
    return (
        token.ent_type_ in ("GPE", "LOC")
        and token.dep_ == "pobj"
        and token.head.lower_ in _PLACE_PREPS
        and locate(token.text) is not None
    )


def _resolve_surnames(people: list[Person]) -> list[Person]:
    """A later 'Kim' or 'Mitsotakis' is the full name met before; repeated full names share
    what any mention of them said."""
    known: list[Person] = []
    for person in people:
        tokens = person.name.split()
        source = None
        if len(tokens) == 1:
            source = next(
                (
                    k
                    for k in reversed(known)
                    if tokens[0] in (k.name.split()[-1], k.name.split()[0])
                ),
                None,
            )
        else:
            source = next((k for k in reversed(known) if k.name == person.name), None)
        if source is not None:
            person.name = source.name
            person.title = person.title or source.title
            person.sector = person.sector or source.sector
            if person.country is None and person.org is None:
                person.country, person.org = source.country, source.org
        if len(person.name.split()) > 1:
            known.append(person)
    return people


def _bare_north_south(doc: Doc, matches: list[ActorMatch], names: dict[str, str]) -> list[Mention]:
    """'the North' is North Korea (or Sudan, or Cyprus) when the document is about it."""
    named = {m.ref.country for m in matches if m.ref.country}
    mentions = []
    for token in doc[1:]:
        if token.text not in ("North", "South") or doc[token.i - 1].lower_ != "the":
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("PROPN", "NOUN"):
            continue
        candidates = [c for c in named if names.get(c, "").startswith(token.text + " ")]
        if len(candidates) == 1:
            entity = Entity(
                text=token.text, country=candidates[0], start=token.idx, end=token.idx + len(token)
            )
            mentions.append(Mention(token.i, token.i + 1, entity, "name"))
    return mentions


def _dominant_country(mentions: list[Mention]) -> str | None:
    """The state a document names at least twice as often as any other, if one is."""
    counts = Counter(m.entity.country for m in mentions if m.entity.country).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] < 2 * counts[1][1]):
        return None
    return counts[0][0]


def _main_country(mentions: list[Mention]) -> str | None:
    """The state a document names most often (first named wins a tie)."""
    counts = Counter(m.entity.country for m in mentions if m.entity.country)
    return counts.most_common(1)[0][0] if counts else None


def _attribute_institutions(doc: Doc, mentions: list[Mention]) -> None:
    """'the Libyan House of Representatives' is Libya's, whatever state the dictionary
    files 'House of Representatives' under: a state named right before wins."""
    by_end = {m.end: m for m in mentions}
    for mention in mentions:
        if mention.via != "institution":
            continue
        before = mention.start
        if before > 0 and doc[before - 1].text in ("'s", "’s"):
            before -= 1
        owner = by_end.get(before)
        if owner is not None and owner.entity.country and owner.via != "institution":
            mention.entity = replace(mention.entity, country=owner.entity.country)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            if (mention.end - mention.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _enumerations(doc: Doc, actors: DocumentActors) -> list[tuple[int, list[Entity]]]:
    """Lists of two or more states or bodies ('South Korea, the US and Japan'), in order."""
    found = []
    for mention in actors.mentions:
        token = doc[mention.end - 1]
        if token.dep_ == "conj" or mention.entity.name:
            continue
        group = [actors.by_token[c.i].entity for c in _conjuncts(token) if c.i in actors.by_token]
        group = [e for e in group if not e.name]
        if len({e.party for e in group}) >= 2:
            found.append((mention.start, _unique(group)))
    return found


def _speakers(doc: Doc, actors: DocumentActors) -> list[tuple[int, list[Entity]]]:
    """Attributions of quotations: the subject of 'said', 'read', 'tweeted'...; for a
    statement, its authors ('the statement issued by A, B and C read')."""
    found = []
    for token in doc:
        is_predicate = token.pos_ == "VERB" or token.dep_ == "ROOT"  # 'read' is often a NOUN
        if not is_predicate or token.lemma_.lower() not in REPORTING_VERBS:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:  # inverted: '"...," read the statement issued by ...'
            subject = next(
                (c for c in token.children if c.dep_ in ("dobj", "attr") and c.i > token.i), None
            )
        if subject is None:
            continue
        if subject.lemma_.lower() in DOCUMENT_NOUNS:
            entities = _authors(subject, actors)
        else:
            entities = actors.entities_for(subject)
        if entities:
            found.append((token.i, entities))
    return found


def _authors(document_noun: Token, actors: DocumentActors) -> list[Entity]:
    """Everyone listed after 'by' up to the reporting verb: the model often breaks a long
    list of titled names into pieces, so the list is read off the text."""
    for token in document_noun.subtree:
        if token.dep_ in ("agent", "prep") and token.lower_ == "by":
            return _listed_from(token.i + 1, actors, named_only=False)
    return []


def _listed_from(start: int, actors: DocumentActors, named_only: bool) -> list[Entity]:
    """The mentions of a list starting at token `start` ('A, B and C'), up to the first
    verb, pronoun or sentence punctuation."""
    listed: list[Entity] = []
    for following in actors.doc[start : start + 40]:
        if following.text in (".", ";", ")", "“", "”", '"') or following.pos_ in _LIST_END:
            break
        mention = actors.by_token.get(following.i)
        if mention is None or (named_only and not mention.entity.name):
            continue
        if following.i + 1 < mention.end:
            continue  # read each mention once, at its last token
        if not any(mention.entity is e for e in listed):
            listed.append(mention.entity)
    named = {e.party for e in listed if e.name}
    return [e for e in listed if e.name or e.party not in named]


def _in_quote(token: Token) -> bool:
    start, _ = _paragraph_bounds(token)
    before = token.doc[start : token.i].text
    curly_open = before.count("“") > before.count("”")
    return curly_open or before.count('"') % 2 == 1


def _quote_bounds(token: Token, paragraph: tuple[int, int]) -> tuple[Token, Token]:
    """The opening and closing quotation marks around `token` (the paragraph's ends when
    a mark is missing)."""
    doc = token.doc
    marks = [t for t in doc[paragraph[0] : min(paragraph[1], len(doc))] if t.is_quote]
    before = [t for t in marks if t.i < token.i]
    after = [t for t in marks if t.i > token.i]
    opening = before[-1] if before else doc[paragraph[0]]
    closing = after[0] if after else doc[min(paragraph[1], len(doc)) - 1]
    return opening, closing


def _distance(index: int, opening: int, closing: int) -> int:
    return opening - index if index < opening else max(0, index - closing)


def _paragraph_bounds(token: Token) -> tuple[int, int]:
    """Token indexes of the paragraph (line) holding `token`."""
    doc = token.doc
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = token.i
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
        end += 1
    return start, end + 1


def _assign_counterparts(doc: Doc, actors: DocumentActors) -> None:
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
            for c in _conjuncts(a)
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
            actors.counterparts[token.i] = _destinations(token, actors)


def _people_listed_with(token: Token, actors: DocumentActors) -> list[Entity]:
    """Named people in apposition to `token`, or listed right after it and a comma."""
    apposed = [
        actors.by_token[c.i].entity
        for a in token.children
        if a.dep_ == "appos"
        for c in _conjuncts(a)
        if c.i in actors.by_token and actors.by_token[c.i].entity.name
    ]
    if apposed or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].text != ",":
        return apposed
    return _listed_from(token.i + 2, actors, named_only=True)


def _destinations(token: Token, actors: DocumentActors) -> list[Entity]:
    """States the sentence's subject travels to ('travel to Washington and Tokyo')."""
    found = []
    for other in token.sent:
        mention = actors.by_token.get(other.i)
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
    return _unique(found)


def _state(token: Token, country: str) -> Entity:
    return Entity(
        text=token.text, country=country, sector="GOV", start=token.idx, end=token.idx + len(token)
    )


def _hyphen_partner(child: Token, head: Token) -> bool:
    doc = head.doc
    return (
        child.i + 2 == head.i
        and doc[child.i + 1].text == "-"
        and child.dep_ in ("npadvmod", "amod", "compound")
        and child.pos_ in ("ADJ", "PROPN")
    )


def _is_bare_definite(token: Token) -> bool:
    """'the embassy', 'the border agreement': a definite noun with nothing that says whose
    (a plain noun modifier like 'border' says what kind, not whose)."""
    children = list(token.children)
    return (
        token.tag_ == "NN"  # singular: 'the ministers' are a group we cannot name
        and any(c.dep_ == "det" and c.lower_ == "the" for c in children)
        and not any(c.dep_ in ("amod", "poss", "prep", "nmod") for c in children)
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children)
    )


def _conjuncts(token: Token) -> list[Token]:
    """A token and the members of the list it heads. The model often parses the second
    member of "South Korea, the US and Japan" as an appositive; named members count."""
    if token.dep_ == "conj":
        return [token]
    members = [token, *token.conjuncts]
    for member in list(members):
        for child in member.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                members += [child, *child.conjuncts]
            elif _hyphen_partner(child, member):  # 'Turkish-Libyan': both
                members.append(child)
    return list(dict.fromkeys(members))


def _is_of(token: Token) -> bool:
    """Prepositions that name whose a thing is: 'ministers of X', 'calls by X', 'an offer
    from X'."""
    return token.dep_ == "prep" and token.lower_ in ("of", "by", "from")


def _relation(head: Token) -> bool:
    """An ally or neighbour is known by whose it is, not who it is: 'Israel's militia
    ally in southern Lebanon' is Lebanese."""
    return head.lemma_.lower() in _RELATIONS


def _houses(head: Token, prep: Token) -> bool:
    """'a camp for Congolese refugees' is the refugees' camp."""
    return is_prep(prep, "for") and head.lemma_.lower() in DWELLINGS


def is_stance(token: Token) -> bool:
    """'anti-Syria', 'pro-Russian', 'Armenian-backed': a side taken or a backer, not the
    owner of what it modifies (but 'Vietnamese-led forces' are Vietnam's)."""
    doc = token.doc
    taken = token.i >= 2 and doc[token.i - 2].lower_ in ("anti", "pro")
    backer = token.i + 2 < len(doc) and doc[token.i + 2].tag_ == "VBN"
    backer = backer and doc[token.i + 2].lemma_.lower() != "lead"  # 'Vietnamese-led' is theirs
    return (taken and doc[token.i - 1].text == "-") or (backer and doc[token.i + 1].text == "-")


def _direct_target(token: Token) -> bool:
    """The object of a verb, or of a target preposition on a verb ('condemned Russia',
    'appealed to Russia'; not 'imposed in Sudan')."""
    if token.dep_ in ("dobj", "dative"):
        return token.head.pos_ == "VERB"
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in TARGET_PREPS and prep.head.pos_ == "VERB"


def _unique(entities: list[Entity]) -> list[Entity]:
    seen: set[tuple] = set()
    out = []
    for entity in entities:
        key = (entity.name, entity.country, entity.org, entity.sector)
        if key not in seen and (entity.country or entity.org or entity.name or entity.sector):
            seen.add(key)
            out.append(entity)
    return out
