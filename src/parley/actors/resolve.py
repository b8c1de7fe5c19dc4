"""Who a noun phrase is: from a token of the parse to the entities it stands for.

The events stage asks "who is the subject of this verb?"; the answer is a list of
`Entity`, found through dictionary names, people, collective phrases ("the three
countries"), pronouns and surnames met earlier in the document. `ActorResolver.analyse`
finds a document's mentions once; `DocumentActors` answers for each token by sending it to
the rule that knows its kind of word: `phrases` (whose a phrase is), `coreference` (what a
word that points back stands for), `quotations` (who speaks), with `identities` having
settled who each person is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.actors.coreference import (
    antecedent,
    assign_counterparts,
    enumeration_before,
    find_enumerations,
    group_antecedent,
    is_bare_definite,
    is_collective,
    same_noun_before,
    same_title_before,
)
from parley.actors.dictionary import Dictionaries, PersonRecord
from parley.actors.identities import PeopleIdentifier, without_surname_places
from parley.actors.known_people import KnownPeople
from parley.actors.matcher import VIA_DEMONYM, ActorMatcher, Locate
from parley.actors.mentions import (
    Mention,
    attribute_institutions,
    bare_north_south,
    conjuncts,
    main_country,
    match_mention,
    person_mention,
    unique,
    without_overlaps,
)
from parley.actors.people import PeopleFinder
from parley.actors.phrases import (
    domestic_group,
    entities_in_phrase,
    is_stance,
    residence,
    with_head_sector,
)
from parley.actors.quotations import Speaker, attribution_of, find_speakers, quoted_tokens
from parley.actors.titles import TitleLexicon
from parley.models import Entity
from parley.nlp.cues import cue
from parley.nlp.syntax import is_prep, objects_of

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_QUANTITY_NOUNS = cue("quantity_nouns")
_GROUP_PRONOUNS = {"they", "them", "their", "we", "our", "us"}
_THING_PRONOUNS = {"it", "its"}
_FIRST_PERSON = {"we", "our", "us", "i", "my", "me"}
_COLLECTIVE_HEADS = cue("collective_nouns")
# A demonym that modifies a noun ("the Japanese ambassador") names the noun's state.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass
class DocumentActors:
    """Every actor mention of one document, and how to resolve a token to entities."""

    doc: Doc
    mentions: list[Mention]
    titles: TitleLexicon
    enumerations: list[tuple[int, list[Entity]]] = field(default_factory=list)
    counterparts: dict[int, list[Entity]] = field(default_factory=dict)
    main_country: str | None = None
    speakers: list[Speaker] = field(default_factory=list)
    state_names: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 → short name
    by_token: dict[int, Mention] = field(init=False)
    _quoted: list[bool] = field(init=False)

    def __post_init__(self) -> None:
        self.by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}
        self._quoted = quoted_tokens(self.doc)

    def entities_for(self, token: Token) -> list[Entity]:
        """The entities the phrase headed by `token` refers to, conjuncts included."""
        entities: list[Entity] = []
        for head in conjuncts(token):
            entities.extend(self.entities_for_one(head))
        return unique(entities)

    def entities_for_one(self, token: Token, groups: bool = True) -> list[Entity]:
        """The entities `token` alone refers to, by the first rule that knows its kind of
        word: a mention, a counterpart, a pronoun, a collective, the owners of its phrase,
        the same noun met before, else (with `groups`) the sector of a group word."""
        mention = self.by_token.get(token.i)
        if mention is not None and mention.via == VIA_DEMONYM:
            resident = residence(token, self.by_token)
            if resident is not None:
                return [resident]
            if mention.entity.sector is None and token.dep_ not in _MODIFIER_DEPS:
                return [replace(mention.entity, sector="CVL")]  # 'Kenyans': its people
        if mention is not None:
            return [with_head_sector(mention.entity, token, self.titles)]
        if token.i in self.counterparts:
            return list(self.counterparts[token.i])
        lower = token.lower_
        if lower in _FIRST_PERSON and self.speaker_for(token):
            return self.speaker_for(token)
        if lower in _PERSON_PRONOUNS:
            return antecedent(token, self, people=True)
        if lower in _GROUP_PRONOUNS:
            return group_antecedent(token, self)
        if lower in _THING_PRONOUNS:
            return antecedent(token, self, people=False)
        if token.lemma_.lower() in _COLLECTIVE_HEADS and is_collective(token, self.by_token):
            return enumeration_before(token, self)
        found = entities_in_phrase(token, self)
        if not found and is_bare_definite(token):
            found = same_noun_before(token, self)
        if not found:
            found = same_title_before(token, self)
        if not found and groups:
            found = self._counted(token) or domestic_group(token, self.titles)
        return found

    def _counted(self, token: Token) -> list[Entity]:
        """'hundreds of students' are students; 'thousands rallied', a crowd of civilians."""
        if token.lower_ not in _QUANTITY_NOUNS:
            return []
        counted = [o for c in token.children if is_prep(c, "of") for o in objects_of(c)]
        if counted:
            return self.entities_for_one(counted[0])
        where = {"start": token.idx, "end": token.idx + len(token)}
        return [Entity(text=token.text, sector="CVL", **where)]

    def state(self, country: str, sector: str | None = None) -> Entity:
        """A state (or one of its sectors) the text implies but does not name here: the
        government a protest is aimed at, the unidentified gunmen of an attack in Iraq."""
        return Entity(text=self.state_names.get(country, country), country=country, sector=sector)

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def quoted(self, token: Token) -> bool:
        """Whether `token` stands inside a quotation."""
        return self._quoted[token.i]

    def speaker_for(self, token: Token) -> list[Entity]:
        """Who speaks the quotation `token` stands in (see `attribution_for`)."""
        attribution = self._attribution(token)
        return list(attribution[1]) if attribution is not None else []

    def attribution_for(self, token: Token) -> Token | None:
        """The reporting verb of the quotation `token` stands in ('said', 'read')."""
        attribution = self._attribution(token)
        return self.doc[attribution[0]] if attribution is not None else None

    def _attribution(self, token: Token) -> Speaker | None:
        return attribution_of(token, self.speakers) if self.quoted(token) else None


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
        places from misspelt states, and the state of a story that names only its places."""
        self._locate = locate or (lambda name: None)
        self._matcher = ActorMatcher(nlp, dictionaries, locate)
        self._titles = TitleLexicon(dictionaries.titles)
        self._people = PeopleFinder(self._titles, locate)
        homes = {o.org: o.home for o in dictionaries.organizations if o.home}
        self._identities = PeopleIdentifier(KnownPeople(dictionaries.people), homes, self._locate)
        self._names = {c.code: c.names[0] for c in dictionaries.countries if c.names}

    def remember(self, record: PersonRecord) -> None:
        """Learn a person from an earlier document (the store's people registry)."""
        self._identities.remember(record)

    def _country_of_places(self, doc: Doc) -> str | None:
        """The state most of a document's places are in: local news names its towns
        ('police in Kanpur', 'a village near Patna'), not its state."""
        states = Counter(self._locate(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC"))
        states.pop(None, None)
        return states.most_common(1)[0][0] if states else None

    def analyse(
        self, doc: Doc, home_country: str | None = None, published: date | None = None
    ) -> DocumentActors:
        """All actor mentions in `doc`; `home_country` is where the reporter writes from,
        the state of officials the text introduces without one ("Foreign Ministry here");
        `published` (the document's date) picks a known person's office on that day."""
        matches = self._matcher.find(doc)
        found = self._people.find(doc, matches)
        matches = without_surname_places(doc, matches, found)
        mentions = [match_mention(doc, m) for m in matches]
        people = self._identities.identify(doc, found, matches, mentions, home_country, published)
        mentions += [person_mention(doc, p) for p in people]
        mentions += bare_north_south(doc, matches, self._names)
        mentions.sort(key=lambda m: m.start)
        mentions = without_overlaps(mentions)
        attribute_institutions(doc, mentions)
        actors = DocumentActors(doc, mentions, self._titles, state_names=self._names)
        stated = main_country([m for m in mentions if not is_stance(doc[m.start])])
        actors.main_country = stated or self._country_of_places(doc)
        actors.enumerations = find_enumerations(doc, actors)
        assign_counterparts(doc, actors)
        actors.speakers = find_speakers(doc, actors)
        return actors
