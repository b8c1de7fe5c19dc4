"""Find the states, organisations and institutions a document names, from the dictionaries.

The English model tags "DPRK" as an organisation and misses "Pyongyang" as a government;
our dictionaries know better, so their matches come first and the model's entities only
fill the gaps (people and places).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from parley.actors.dictionary import CountryRecord, Dictionaries

# How a name refers to its state; a capital or adjective is weaker evidence than a name.
VIA_NAME = "name"
VIA_ABBREVIATION = "abbreviation"
VIA_ADJECTIVE = "adjective"
VIA_DEMONYM = "demonym"
VIA_CAPITAL = "capital"
VIA_INSTITUTION = "institution"

# The gazetteer's lookup: the state a place name is in, or None for no known place.
Locate = Callable[[str], str | None]

_MISSPELLABLE = 7  # shorter names are too close to each other ('Iran', 'Iraq')
_NAME_LABELS = {"GPE", "NORP", "LOC"}


@dataclass(frozen=True)
class ActorRef:
    """What a dictionary name stands for."""

    country: str | None
    org: str | None
    sector: str | None
    via: str
    ambiguous: bool = False


@dataclass(frozen=True)
class ActorMatch:
    """A dictionary name found in a document, as a token span."""

    start: int
    end: int
    ref: ActorRef

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


class ActorMatcher:
    """Phrase matching of every dictionary alias over a parsed document."""

    def __init__(
        self,
        nlp: Language,
        dictionaries: Dictionaries,
        locate: Locate | None = None,
    ) -> None:
        """`locate` (the gazetteer's lookup) tells a real place from a misspelt state:
        'Indiana' is no slip for 'Indians'."""
        self._refs: dict[str, ActorRef] = {}
        self._locate = locate
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._make_doc = nlp.make_doc
        # one-word state names under each form with one letter dropped, for misspellings
        self._spellings: dict[str, dict[str, ActorRef]] = defaultdict(dict)
        for country in dictionaries.countries:
            self._add_country(country)
        for org in dictionaries.organizations:
            ref = ActorRef(country=None, org=org.org, sector=None, via=VIA_NAME)
            self._add(org.names, ref, caseless=True)
            self._add(org.abbreviations, ref, caseless=False)
            adjective = ActorRef(country=None, org=org.org, sector=None, via=VIA_ADJECTIVE)
            self._add(org.adjectives, adjective, caseless=False)

    def _add_country(self, country: CountryRecord) -> None:
        def ref(via: str, sector: str | None = None, ambiguous: bool = False) -> ActorRef:
            return ActorRef(country.code, None, sector, via, ambiguous)

        self._add(country.names, ref(VIA_NAME), caseless=True)
        self._add(country.abbreviations, ref(VIA_ABBREVIATION), caseless=False)
        self._add(country.adjectives, ref(VIA_ADJECTIVE), caseless=False)
        self._add(country.demonyms, ref(VIA_DEMONYM), caseless=False)
        for aliases, via in (
            (country.names, VIA_NAME),
            (country.adjectives, VIA_ADJECTIVE),
            (country.demonyms, VIA_DEMONYM),
        ):
            for alias in aliases:
                if " " not in alias and len(alias) >= _MISSPELLABLE:
                    for key in _drops(alias.lower()):
                        self._spellings[key][alias.lower()] = ref(via)
        ambiguous = set(country.ambiguous_capitals)
        for capital in country.capitals:
            self._add([capital], ref(VIA_CAPITAL, "GOV", capital in ambiguous), caseless=False)
        for institution in country.institutions:
            self._add([institution.text], ref(VIA_INSTITUTION, institution.sector), caseless=True)

    def _add(self, aliases: Iterable[str], ref: ActorRef, caseless: bool) -> None:
        matcher = self._caseless if caseless else self._exact
        for alias in aliases:
            alias = _strip_article(alias)
            if not alias:
                continue
            key = f"{ref.country or ref.org}|{ref.via}|{ref.sector}|{alias.lower()}"
            if key in self._refs:
                continue
            self._refs[key] = ref
            spellings = {alias, alias.replace("'", "’")}
            matcher.add(key, [self._make_doc(spelling) for spelling in spellings])

    def find(self, doc: Doc) -> list[ActorMatch]:
        """All dictionary names in `doc`, longest first where they overlap."""
        spans: list[Span] = []
        for matcher, caseless in ((self._exact, False), (self._caseless, True)):
            for match_id, start, end in matcher(doc):
                span = Span(doc, start, end, label=match_id)
                if caseless and not _looks_like_a_name(span):
                    continue
                spans.append(span)
        matches = []
        for span in filter_spans(spans):
            ref = self._refs[doc.vocab.strings[span.label]]
            if ref.ambiguous and not (_is_subject(span) or span.root.ent_type_ == "GPE"):
                continue
            matches.append(ActorMatch(span.start, span.end, ref))
        covered = {i for m in matches for i in range(m.start, m.end)}
        matches += self._misspelled(doc, covered)
        return sorted(matches, key=lambda m: m.start)

    def _misspelled(self, doc: Doc, covered: set[int]) -> list[ActorMatch]:
        """'Afganistan', 'Ethopia': a one-word name no alias matched, not a person's or a
        company's, that is one slip of the keyboard from exactly one state's name."""
        found = []
        for token in doc:
            word = token.lower_
            if token.i in covered or len(word) < _MISSPELLABLE or not _single_name(token):
                continue
            if self._locate is not None and self._locate(token.text):
                continue
            refs = {
                ref
                for key in _drops(word)
                for alias, ref in self._spellings.get(key, {}).items()
                if _one_slip(word, alias)
            }
            if len(refs) == 1:
                found.append(ActorMatch(token.i, token.i + 1, refs.pop()))
        return found


def _single_name(token: Token) -> bool:
    """A capitalised word standing alone as a place or people, or as a name the model
    could not place."""
    if not token.is_title or not token.is_alpha:
        return False
    if not token.ent_type_:
        return token.pos_ == "PROPN"
    alone = token.ent_iob_ == "B" and (
        token.i + 1 == len(token.doc) or token.nbor().ent_iob_ != "I"
    )
    return alone and token.ent_type_ in _NAME_LABELS


def _drops(word: str) -> set[str]:
    """The word and every form of it with one letter dropped: two words one slip apart
    share one of these."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_slip(word: str, alias: str) -> bool:
    """One letter added, dropped, changed or two swapped (and not the same word)."""
    if word == alias or abs(len(word) - len(alias)) > 1:
        return False
    start = 0  # the first letter that differs
    while start < min(len(word), len(alias)) and word[start] == alias[start]:
        start += 1
    if len(word) != len(alias):
        return word[start:] == alias[start + 1 :] or word[start + 1 :] == alias[start:]
    swapped = word[start + 1 : start + 2] + word[start : start + 1] + word[start + 2 :]
    return word[start + 1 :] == alias[start + 1 :] or swapped == alias[start:]


def _strip_article(alias: str) -> str:
    """'the United States' and 'United States' are one alias; the article is matched apart."""
    alias = alias.strip()
    if alias.lower().startswith("the "):
        return alias[4:].strip()
    return alias


def _looks_like_a_name(span: Span) -> bool:
    """Caseless matching is for ALL-CAPS wires; a lower-case 'turkey' is a bird."""
    first = span[0].text
    return first[:1].isupper()


def _is_subject(span: Span) -> bool:
    return span.root.dep_ in ("nsubj", "nsubjpass")
