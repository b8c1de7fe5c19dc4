"""Whose a noun phrase is: the states, bodies and groups its modifiers and prepositions name
('Defense ministers of the three countries', 'security forces in Guinea', 'Bosnian Serbs').

A phrase's owner may itself be a pronoun or a collective ('his government', 'ministers of
the three countries'), so the words of the phrase are resolved through `DocumentActors`,
which sends each to the rule that knows it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from parley.actors.mentions import Mention, unique
from parley.actors.titles import TitleLexicon
from parley.models import Entity
from parley.nlp.cues import cue
from parley.nlp.syntax import is_prep, prep_objects
from parley.nlp.vocabulary import DWELLINGS

if TYPE_CHECKING:
    from parley.actors.resolve import DocumentActors

_NP_DEPS = {"compound", "amod", "nmod", "poss", "appos", "conj", "pobj", "nummod", "det"}
_ARMED = frozenset({"MIL", "COP", "REB", "UAF"})
UNNAMED_BODY = "IGO"  # CAMEO's code for an international organisation the text does not name
_RELATIONS = cue("relation_nouns")
_FOLLOWERS = cue("follower_nouns")
_DOMESTIC_SECTORS = {"CVL", "OPP", "COP", "REB", "LAB", "EDU", "RAD"}
# Officials who act together as a body when named in the plural ('senators condemned',
# 'judges ruled'); plain 'officials' or 'ministers' are whoever the story quotes.
_ACTING_BODIES = {"legislator", "judge", "officer"}
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct"}


def entities_in_phrase(head: Token, actors: DocumentActors) -> list[Entity]:
    """'Defense ministers of the three countries', 'the Japanese foreign minister'.
    A group word among the modifiers is the document's own only when the phrase
    names no state ('Kampuchean guerrilla camps': the guerrillas are Kampuchean)."""
    named = [e for e in _owners_in_phrase(head, actors, groups=False) if e.party]
    found = named or _owners_in_phrase(head, actors)
    if not found and not _relation(head):
        found = _first_in_subtree(head, actors.by_token)
    if head.lemma_.lower() in _FOLLOWERS:  # 'supporters of the former president'
        found = [actors.state(e.country, "CVL") for e in found if e.country] or [
            Entity(text=head.text, sector="CVL", start=head.idx, end=head.idx + len(head))
        ]  # 'supporters of the party' are people of wherever they act
    sector = sector_of(head, actors.titles) or (
        _group_modifier(head, actors.titles) if named else None
    )
    if sector:
        found = [e if e.name else replace(e, sector=sector) for e in found]  # role wins
    return unique(found)


def residence(demonym: Token, by_token: dict[int, Mention]) -> Entity | None:
    """'Bosnian Serbs', 'the Albanians of southern Serbia': a people named with the
    state they live in belongs to that state (CAMEO codes residence, not ethnicity);
    so does an 'ethnic' minority the sentence places in a state."""
    own = by_token[demonym.i].entity.country
    places = [c for c in demonym.children if c.dep_ in ("amod", "compound")]
    places += prep_objects(demonym, "of", "in")
    if any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in demonym.children):
        # 'killed three ethnic Albanians in a gunbattle in southern Serbia'
        places += [t for t in demonym.sent if t.dep_ == "pobj" and t.head.lower_ == "in"]
    for place in places:
        mention = by_token.get(place.i)
        entity = mention.entity if mention is not None else None
        if entity and entity.country and entity.country != own and not entity.name:
            return entity
    return None


def domestic_group(token: Token, titles: TitleLexicon) -> list[Entity]:
    """'the protesters', 'police', 'gunmen' with no state named are known by their
    sector until the event's place, else the state the story is mostly about, gives
    them one (protests and arrests happen at home; see `events.extract`). A force
    of international bodies nobody names ('a regional peacekeeping force') is CAMEO's
    generic international organisation, unless the state it serves in is named ('a
    force in Mali' stands for Mali)."""
    modifiers = [c.text for c in token.lefts if c.dep_ in ("amod", "compound")]
    record = titles.record_for(token.text, modifiers)
    where = {"start": token.idx, "end": token.idx + len(token)}
    placed = any(is_prep(c, "in") for c in token.children)
    if record is not None and record.sector == UNNAMED_BODY and not placed:
        return [Entity(text=token.text, org=UNNAMED_BODY, sector=UNNAMED_BODY, **where)]
    official = record is not None and record.rank is not None
    body = official and token.tag_ == "NNS" and record.rank in _ACTING_BODIES
    if record is None or (official and not body) or record.sector == UNNAMED_BODY:
        return []  # an official ('the minister') is a person; 'senators' are a group
    return [Entity(text=token.text, sector=record.sector, **where)]


def with_head_sector(entity: Entity, token: Token, titles: TitleLexicon) -> Entity:
    """A state modifying a role is that role of the state ('Chinese police' are China's
    police); a person or an entity with its own sector keeps it."""
    if entity.name or entity.sector:
        return entity
    sector = sector_of(token.head, titles) if token.dep_ in ("amod", "compound") else None
    return replace(entity, sector=sector) if sector else entity


def sector_of(head: Token, titles: TitleLexicon) -> str | None:
    """The sector of the role a head noun names ('police' are COP), if it names one."""
    record = titles.record_for(head.text)
    return record.sector if record else None


def _group_modifier(head: Token, titles: TitleLexicon) -> str | None:
    """'Ugandan opposition candidates' are the opposition's: the sector of a group word
    modifying the head."""
    for child in head.children:
        record = titles.record_for(child.text) if child.dep_ in ("compound", "amod") else None
        if record is not None and record.sector in _DOMESTIC_SECTORS:
            return record.sector
    return None


def _owners_in_phrase(head: Token, actors: DocumentActors, groups: bool = True) -> list[Entity]:
    sector = sector_of(head, actors.titles)
    found: list[Entity] = []
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() == "base":  # 'a group based in X'
            found.extend(e for o in prep_objects(child, "in") for e in actors.entities_for_one(o))
            continue
        owner = _is_of(child) or _serves(head, child, actors.titles) or _houses(head, child)
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
            child.dep_ == "compound" and not sector and _is_capital(child, actors.by_token)
        ):
            continue  # 'a Kabul car bombing' is in Kabul, not by Kabul's government
        targets = list(child.children) if owner else [child]
        for target in targets:
            if target.dep_ != "conj":
                found.extend(actors.entities_for_one(target, groups))
            for conj in target.conjuncts:
                found.extend(actors.entities_for_one(conj, groups))
    return found


def _first_in_subtree(head: Token, by_token: dict[int, Mention]) -> list[Entity]:
    """Misparsed phrases ('both of North Korea's launches' with 'both' as a subject)
    still hold their owner somewhere below the head; clauses and other prepositions
    ('a protest to Biden's visit') are not searched."""
    stack = [c for c in head.children if c.dep_ not in _CLAUSES]
    while stack:
        token = stack.pop(0)
        mention = by_token.get(token.i)
        capital_compound = token.dep_ == "compound" and mention and mention.via == "capital"
        if mention is not None and not capital_compound and not is_stance(token):
            return [mention.entity]
        if token.dep_ == "prep" and token.lower_ != "of":
            continue
        stack += [c for c in token.children if c.dep_ not in _CLAUSES]
    return []


def _is_capital(token: Token, by_token: dict[int, Mention]) -> bool:
    mention = by_token.get(token.i)
    return mention is not None and mention.via == "capital"


def _serves(head: Token, prep: Token, titles: TitleLexicon) -> bool:
    """'a spokesman for the prime minister' speaks for him and 'security forces in
    Guinea' are Guinea's; but an envoy for North Korea is sent to deal with it and the
    US embassy in London is not Britain's."""
    if prep.dep_ != "prep":
        return False
    record = titles.record_for(head.text)
    if record is None:
        return False
    if prep.lower_ == "for":
        return record.rank == "spokesperson"
    return prep.lower_ == "in" and record.sector in _ARMED


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
