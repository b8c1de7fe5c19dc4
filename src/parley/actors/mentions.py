"""The actor mentions of a document: what a mention is, how the dictionary's matches and
the people found become mentions, and how a list of them is read off the parse.

Every other actor module reads these: coreference points back to mentions, quotations
attribute speech to them, phrases take their owner from them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from parley.actors.matcher import ActorMatch
from parley.actors.people import Person
from parley.models import Entity

_LIST_END = {"VERB", "AUX", "PRON"}


@dataclass
class Mention:
    """A stretch of text that stands for an entity."""

    start: int
    end: int
    entity: Entity
    via: str = "name"


def match_mention(doc: Doc, match: ActorMatch) -> Mention:
    """The mention of a dictionary name found in `doc`."""
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


def person_mention(doc: Doc, person: Person) -> Mention:
    """The mention of a person; a titled person with no sector given is an official."""
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


def bare_north_south(doc: Doc, matches: list[ActorMatch], names: dict[str, str]) -> list[Mention]:
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


def dominant_country(mentions: list[Mention]) -> str | None:
    """The state a document names at least twice as often as any other, if one is."""
    counts = Counter(m.entity.country for m in mentions if m.entity.country).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] < 2 * counts[1][1]):
        return None
    return counts[0][0]


def main_country(mentions: list[Mention]) -> str | None:
    """The state a document names most often (first named wins a tie)."""
    counts = Counter(m.entity.country for m in mentions if m.entity.country)
    return counts.most_common(1)[0][0] if counts else None


def attribute_institutions(doc: Doc, mentions: list[Mention]) -> None:
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


def without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Of mentions sorted by start that overlap, the longer (the earlier on a tie)."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            if (mention.end - mention.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def listed_from(
    doc: Doc, start: int, by_token: dict[int, Mention], named_only: bool
) -> list[Entity]:
    """The mentions of a list starting at token `start` ('A, B and C'), up to the first
    verb, pronoun or sentence punctuation."""
    listed: list[Entity] = []
    for following in doc[start : start + 40]:
        if following.text in (".", ";", ")", "“", "”", '"') or following.pos_ in _LIST_END:
            break
        mention = by_token.get(following.i)
        if mention is None or (named_only and not mention.entity.name):
            continue
        if following.i + 1 < mention.end:
            continue  # read each mention once, at its last token
        if not any(mention.entity is e for e in listed):
            listed.append(mention.entity)
    named = {e.party for e in listed if e.name}
    return [e for e in listed if e.name or e.party not in named]


def conjuncts(token: Token) -> list[Token]:
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


def _hyphen_partner(child: Token, head: Token) -> bool:
    doc = head.doc
    return (
        child.i + 2 == head.i
        and doc[child.i + 1].text == "-"
        and child.dep_ in ("npadvmod", "amod", "compound")
        and child.pos_ in ("ADJ", "PROPN")
    )


def unique(entities: list[Entity]) -> list[Entity]:
    """Entities in order, each party, person and sector once; one with none of them (a bare
    word) is no actor."""
    seen: set[tuple] = set()
    out = []
    for entity in entities:
        key = (entity.name, entity.country, entity.org, entity.sector)
        if key not in seen and (entity.country or entity.org or entity.name or entity.sector):
            seen.add(key)
            out.append(entity)
    return out
