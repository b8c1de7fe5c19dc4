"""People, with the title and state the text gives them.

News introduces officials in a handful of shapes: a title before the name ("South Korea's
First Vice Foreign Minister Cho Hyun-dong", "the Greek prime minister Kyriakos Mitsotakis"),
an appositive after it ("Kim Gunn, special representative for ...", "Zalmay Khalilzad, a US
peace envoy"), or "of" a state ("President Patrice Talon of Benin"). Later mentions use the
surname alone; those are resolved in `identities`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley.actors.matcher import VIA_CAPITAL, ActorMatch, Locate
from parley.actors.titles import TitleLexicon

_STOP_POS = {"VERB", "AUX", "DET", "PRON", "PUNCT", "ADP", "SCONJ", "CCONJ", "NUM", "ADV"}
_PREFIX_LIMIT = 8
_APPOSITIVE_LIMIT = 14


@dataclass
class Person:
    """A named person and what the text says they are."""

    start: int  # token span of the name
    end: int
    name: str
    title: str | None = None
    sector: str | None = None
    country: str | None = None
    org: str | None = None


class PeopleFinder:
    """Builds `Person` records from the model's PERSON entities and the context around them.
    `locate` gives the state of a place name ('Northamptonshire's chief constable' serves
    Britain); without it, only actor names give a person's state."""

    def __init__(self, titles: TitleLexicon, locate: Locate | None = None):
        self._titles = titles
        self._locate = locate

    def find(self, doc: Doc, actors: list[ActorMatch]) -> list[Person]:
        by_token = {i: match for match in actors for i in range(match.start, match.end)}
        people = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name_span = self._strip_leading_titles(ent)
            if name_span is None or _names_an_actor(name_span, by_token):
                continue
            if self._place_after_preposition(name_span):
                continue
            person = Person(name_span.start, name_span.end, _clean_name(name_span))
            self._describe_from_prefix(doc, person, by_token)
            if person.title is None or (person.country is None and person.org is None):
                self._describe_from_appositive(doc, person, by_token)
            if person.country is None and person.org is None:
                self._describe_from_of_phrase(doc, person, by_token)
            if person.country is None and person.org is None and person.title:
                person.country = self._place_of_office(doc, person, by_token)
            people.append(person)
        return people

    def _place_after_preposition(self, name: Span) -> bool:
        """'Residents of Goma', 'clashes in Beni': a one-word name after a preposition
        that the gazetteer knows as a place is the place the model took for a person."""
        if self._locate is None or len(name) != 1 or name.start == 0:
            return False
        before = name.doc[name.start - 1]
        return before.dep_ == "prep" and self._locate(name.text) is not None

    def _strip_leading_titles(self, ent: Span) -> Span | None:
        """The model often puts 'President' or 'Prime Minister' inside the PERSON span."""
        start = ent.start
        while start < ent.end and ent.doc[start].lower_ in self._titles.words:
            start += 1
        if start >= ent.end:
            return None
        return ent.doc[start : ent.end]

    def _prefix(self, doc: Doc, person: Person, by_token: dict[int, ActorMatch]) -> Span:
        """The words just before the name that describe it."""
        start = person.start
        while start > 0 and person.start - start < _PREFIX_LIMIT:
            token = doc[start - 1]
            if not _may_precede_name(token, self._titles.words, by_token):
                break
            start -= 1
        return doc[start : person.start]

    def _describe_from_prefix(
        self, doc: Doc, person: Person, by_token: dict[int, ActorMatch]
    ) -> None:
        """Words just before the name: title, and the state or body it serves."""
        prefix = self._prefix(doc, person, by_token)
        if len(prefix) == 0:
            return
        self._apply_title(person, prefix)
        _apply_affiliation(person, [by_token[t.i] for t in prefix if t.i in by_token])

    def _describe_from_appositive(
        self, doc: Doc, person: Person, by_token: dict[int, ActorMatch]
    ) -> None:
        """'Name, a US peace envoy,' and 'Name, the chief executive of Hong Kong'."""
        phrase = _appositive(doc, person)
        if phrase is None:
            return
        words = [t.text for t in phrase]
        match = self._titles.find(words)
        if match is None or not _describes(phrase, match.start, match.end):
            return
        if person.title is None:
            person.title = phrase[match.start : match.end].text
            person.sector = match.record.sector
        title_end = phrase.start + match.end
        nearby = [
            by_token[i]
            for i in range(phrase.start, min(phrase.end, title_end + 3))
            if i in by_token and (i < title_end or doc[title_end].lower_ == "of")
        ]
        _apply_affiliation(person, nearby)

    def _describe_from_of_phrase(
        self, doc: Doc, person: Person, by_token: dict[int, ActorMatch]
    ) -> None:
        """'President Patrice Talon of Benin', 'Prime Minister Igor Matovič of the Slovak
        Republic'."""
        at = person.end + 1
        if at < len(doc) and doc[at].lower_ == "the":
            at += 1
        if at < len(doc) and doc[person.end].lower_ == "of" and at in by_token:
            _apply_affiliation(person, [by_token[at]])

    def _place_of_office(
        self, doc: Doc, person: Person, by_token: dict[int, ActorMatch]
    ) -> str | None:
        """A place named in the title ('Northamptonshire's chief constable', 'Sharif Hotak,
        of the Maidan Wardak provincial council'): its state is the person's."""
        if self._locate is None:
            return None
        spans = [self._prefix(doc, person, by_token), _appositive(doc, person)]
        described = {t.i for span in spans if span is not None for t in span}
        places = [e for e in doc.ents if e.label_ in ("GPE", "LOC") and e.start in described]
        return next(filter(None, (self._locate(e.text) for e in places)), None)

    def _apply_title(self, person: Person, prefix: Span) -> None:
        match = self._titles.find([t.text for t in prefix])
        if match is None:
            return
        person.title = prefix[match.start : match.end].text
        person.sector = match.record.sector


def _names_an_actor(name: Span, by_token: dict[int, ActorMatch]) -> bool:
    """Whether the dictionary reads the name as a state or body; a city inside a longer
    name is only a name part ('Sudesh Amman' is no Jordanian)."""
    overlapping = [by_token[i] for i in range(name.start, name.end) if i in by_token]
    cities = all(m.ref.via == VIA_CAPITAL and m.end - m.start == 1 for m in overlapping)
    return bool(overlapping) and not (cities and len(name) > len(overlapping))


def _appositive(doc: Doc, person: Person) -> Span | None:
    """'Name, a US peace envoy,': the description after the name's comma."""
    if person.end >= len(doc) or doc[person.end].text != ",":
        return None
    end = person.end + 1
    while end < len(doc) and end - person.end < _APPOSITIVE_LIMIT:
        token = doc[end]
        clause = token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"  # not 'leading'
        if (token.is_punct and token.text != "-") or clause or token.is_space:
            break
        end += 1
    return doc[person.end + 1 : end]


def _describes(phrase: Span, start: int, end: int) -> bool:
    """The title found is the appositive's own: near its start, or with everything before
    it modifying it ("Algeria's leading human rights activist")."""
    if start <= 3:
        return True
    title = phrase[end - 1]
    return all(title.i in {a.i for a in t.ancestors} for t in phrase[:start])


def _may_precede_name(token: Token, title_words: frozenset[str], by_token: dict) -> bool:
    if token.i in by_token:
        return True
    if token.text in ("'s", "’s", "-", "of", "and"):
        return True
    if token.is_space or "\n" in token.whitespace_:
        return False
    if token.lower_ in title_words:
        return True
    return token.pos_ not in _STOP_POS and (token.is_title or token.pos_ in ("NOUN", "ADJ"))


def _apply_affiliation(person: Person, matches: list[ActorMatch]) -> None:
    """The nearest state or body named in the description is the person's."""
    for match in reversed(matches):
        if match.ref.via == VIA_CAPITAL and match.ref.country is None:
            continue
        if match.ref.country and person.country is None and person.org is None:
            person.country = match.ref.country
        elif match.ref.org and person.org is None and person.country is None:
            person.org = match.ref.org
        if person.sector is None and match.ref.sector:
            person.sector = match.ref.sector


def _clean_name(span: Span) -> str:
    tokens = [t for t in span if t.text not in ("'s", "’s", "'", "’")]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.replace("\n", " ")
