"""Who the people of a document are, beyond what the words around each name say (see
`people`): a later bare 'Scholz' is the Olaf Scholz met before, a known person serves whom
they served on the day of publication, and an official the text gives no state serves the
story's.

These need the whole document and the registry of known people, not one name's context.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from parley.actors.dictionary import PersonRecord
from parley.actors.known_people import KnownPeople
from parley.actors.matcher import ActorMatch, Locate
from parley.actors.mentions import Mention, dominant_country
from parley.actors.people import Person
from parley.nlp.vocabulary import STATE_SECTORS, TARGET_PREPS

_PLACE_PREPS = {"in", "at", "near", "from", "to", "across", "outside", "inside"}


class PeopleIdentifier:
    """Completes the people found in a document; built once per dictionary version, it
    keeps the people learned from earlier documents."""

    def __init__(self, known: KnownPeople, homes: dict[str, str], locate: Locate) -> None:
        """`homes` gives the state an organisation belongs to (an armed group's); `locate`
        names the state a place is in."""
        self._known = known
        self._homes = homes
        self._locate = locate

    def remember(self, record: PersonRecord) -> None:
        """Learn a person from an earlier document (the store's people registry)."""
        self._known.learn(record)

    def identify(
        self,
        doc: Doc,
        found: list[Person],
        matches: list[ActorMatch],
        mentions: list[Mention],
        home_country: str | None,
        published: date | None,
    ) -> list[Person]:
        """The people of `doc`: those `found` in the text and the bare surnames the model
        missed, each with their full name and state. `mentions` are the dictionary's;
        `home_country` is where the reporter writes from, `published` picks a known
        person's office on that day."""
        found = _with_bare_surnames(doc, found, matches, self._known, self._locate)
        people = _resolve_surnames(found)
        story = _story_state(doc, mentions, home_country, self._homes)
        dominant = dominant_country(mentions)
        for person in people:
            _identify_known(person, self._known, published)
            if person.country is None and person.org is None and person.title:
                person.country = home_country or (story if person.sector in STATE_SECTORS else None)
            elif person.country is None and person.org is None:
                person.country = home_country or story or dominant
        return people


def _story_state(
    doc: Doc, mentions: list[Mention], home_country: str | None, homes: dict[str, str]
) -> str | None:
    """The state an official the text gives no state serves: the reporter's, else the one
    state the text names or an armed group of it fights in ('Judge X opened investigations
    against Chilean officials', 'President X conceded to UNITA's demands'); a state that is
    only ever an act's direct target ('Premier X condemned Russia') is not it."""
    states = {
        m.entity.country or homes.get(m.entity.org or "")
        for m in mentions
        if not _direct_target(doc[m.end - 1])
    }
    states.discard(None)
    return home_country or (states.pop() if len(states) == 1 else None)


def _direct_target(token: Token) -> bool:
    """The object of a verb, or of a target preposition on a verb ('condemned Russia',
    'appealed to Russia'; not 'imposed in Sudan')."""
    if token.dep_ in ("dobj", "dative"):
        return token.head.pos_ == "VERB"
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in TARGET_PREPS and prep.head.pos_ == "VERB"


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


def without_surname_places(
    doc: Doc, matches: list[ActorMatch], people: list[Person]
) -> list[ActorMatch]:
    """The dictionary's matches less a one-word place that is the surname of a person the
    text named ('Sudesh Amman ... Amman sent videos' is no Jordanian government), unless a
    place preposition puts it where a place goes ('he flew to Amman')."""
    surnames = {p.name.split()[-1] for p in people if len(p.name.split()) > 1}
    return [
        m
        for m in matches
        if m.end - m.start != 1
        or doc[m.start].text not in surnames
        or (doc[m.start].dep_ == "pobj" and doc[m.start].head.lower_ in _PLACE_PREPS)
    ]


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
