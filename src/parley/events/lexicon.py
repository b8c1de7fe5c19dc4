"""The trigger lexicon: which words announce which PLOVER event (data in triggers.jsonl)."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from parley.errors import DictionaryError
from parley.models import PLOVER_CATEGORIES
from parley.nlp.syntax import prep_objects

LEXICON_FILE = "triggers.jsonl"
CAMEO_FILE = "cameo/triggers.jsonl"  # converted from the CAMEO verb dictionary (see its README)
# Parts of speech a trigger word may be mis-tagged as ('staged' as ADJ, 'Strike' as PROPN).
_CONTENT_TAGS = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})
_FIELDS = {
    "lemma",
    "pos",
    "event",
    "mode",
    "cameo",
    "requires",
    "requires_also",
    "excludes",
    "recipient_preps",
    "symmetric",
    "support",
    "source",
}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a head word, the conditions on its dependents, what it codes."""

    lemma: str
    pos: str
    event: str | None
    mode: str | None
    cameo: str | None
    requires: tuple[str, ...] = ()
    requires_also: tuple[str, ...] = ()  # a second condition: 'launched drones' + 'at'
    excludes: tuple[str, ...] = ()
    recipient_preps: tuple[str, ...] = ()
    symmetric: bool = False
    support: bool = False

    def accepts(self, nearby: set[str]) -> bool:
        """Whether a token with these dependents (`_dependent_lemmas`) meets this entry's
        conditions."""
        if self.requires and nearby.isdisjoint(self.requires):
            return False
        if self.requires_also and nearby.isdisjoint(self.requires_also):
            return False
        return nearby.isdisjoint(self.excludes)


class Lexicon:
    """Entries indexed by (lemma, pos); more specific entries (with `requires`) win."""

    def __init__(self, entries: list[Trigger], content_hash: str) -> None:
        self.content_hash = content_hash
        self._index: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        for entry in entries:
            self._index[(entry.lemma, entry.pos)].append(entry)
        for candidates in self._index.values():
            candidates.sort(key=lambda e: -len(e.requires) - len(e.requires_also))
        # the parts of speech each lemma triggers as (for `why_not`)
        self._parts_of_speech: dict[str, set[str]] = defaultdict(set)
        for entry in entries:
            if not entry.support:
                self._parts_of_speech[entry.lemma].add(entry.pos)

    def words(self) -> set[str]:
        """Every word an entry names, as head or condition: common words, not names."""
        entries = [e for candidates in self._index.values() for e in candidates]
        named = {e.lemma for e in entries}
        named |= {w for e in entries for w in (*e.requires, *e.requires_also, *e.excludes)}
        return {w for w in named if w.isalpha()}

    def match(self, token: Token) -> Trigger | None:
        """The event entry `token` triggers, if any (support verbs are not events)."""
        return self._first(token, support=False)

    def support_verb(self, token: Token) -> Trigger | None:
        """The support-verb entry for `token` ('hold' in 'hold talks'), if any. A verb that
        names its object ('called the meeting a routine exchange', 'made the talks a
        priority') carries no event."""
        if any(c.dep_ == "oprd" for c in token.children):
            return None
        return self._first(token, support=True)

    def why_not(self, token: Token) -> str | None:
        """Why a word the lexicon lists triggers nothing here (None: it lists no such word):
        the part of speech the model gave it, or the conditions no entry met."""
        forms = _lemma_forms(token)
        entries = [e for f in forms for e in self._index.get((f, token.pos_), []) if not e.support]
        if not entries:
            listed = sorted({p for f in forms for p in self._parts_of_speech.get(f, ())})
            if not listed or token.pos_ not in _CONTENT_TAGS:
                return None
            return f"listed as {'/'.join(listed)}, but the parse reads it as {token.pos_}"
        needs = sorted({w for e in entries for w in e.requires})
        if any(not e.requires for e in entries):
            excluded = sorted(_dependent_lemmas(token) & {w for e in entries for w in e.excludes})
            return f"excluded by {', '.join(excluded)}" if excluded else None
        also = sorted({w for e in entries for w in e.requires_also})
        paired = f" (some with one of {_listed(also)} too)" if also else ""
        return f"needs one of {_listed(needs)} nearby{paired}"

    def _first(self, token: Token, support: bool) -> Trigger | None:
        nearby: set[str] | None = None  # computed once, for the first candidate
        for lemma in _lemma_forms(token):
            for entry in self._index.get((lemma, token.pos_), []):
                if entry.support != support:
                    continue
                if nearby is None:
                    nearby = _dependent_lemmas(token)
                if entry.accepts(nearby):
                    return entry
        return None


def load_lexicon(override_dir: Path | None = None) -> Lexicon:
    """The trigger lexicon: the analyst's `triggers.jsonl` in `override_dir` over Parley's
    shipped `triggers.jsonl` over the entries converted from the CAMEO verb dictionary
    (`cameo/triggers.jsonl`); see `layered_lexicon`."""
    package = resources.files("parley.data.dictionaries")
    layers = [
        (LEXICON_FILE, package.joinpath(LEXICON_FILE).read_bytes()),
        (CAMEO_FILE, package.joinpath(*CAMEO_FILE.split("/")).read_bytes()),
    ]
    if override_dir is not None and (override_dir / LEXICON_FILE).is_file():
        analyst = override_dir / LEXICON_FILE
        layers.insert(0, (str(analyst), analyst.read_bytes()))
    return layered_lexicon(layers)


def layered_lexicon(layers: list[tuple[str, bytes]]) -> Lexicon:
    """A lexicon from trigger files (name, content), highest layer first. A word (lemma and
    part of speech) that a layer has any entry for is coded by that layer's entries only,
    so a curated restriction ('fire' only with `requires`) is never undone by a looser
    entry of a lower layer. Within a layer a repeated key (lemma, pos, requires, support)
    keeps its last line. The content hash covers every layer's bytes, in order."""
    digest = hashlib.sha256()
    coded: dict[tuple[str, str], list[Trigger]] = {}
    for name, data in layers:
        digest.update(hashlib.sha256(data).digest())
        layer: dict[tuple, Trigger] = {}
        for entry in _parse(name, data):
            layer[(entry.lemma, entry.pos, entry.requires, entry.requires_also, entry.support)] = (
                entry
            )
        words: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        for entry in layer.values():
            words[(entry.lemma, entry.pos)].append(entry)
        for word, entries in words.items():
            coded.setdefault(word, entries)
    return Lexicon([e for entries in coded.values() for e in entries], digest.hexdigest())


def _parse(name: str, data: bytes) -> list[Trigger]:
    lines = [
        (n, line) for n, line in enumerate(data.decode("utf-8").splitlines(), 1) if line.strip()
    ]
    try:  # one call for the whole file: the converted CAMEO layer has thousands of lines
        records = json.loads("[" + ",".join(line for _, line in lines) + "]")
    except json.JSONDecodeError:
        records = [_json_line(name, number, line) for number, line in lines]
    return [
        _entry(name, number, record) for (number, _), record in zip(lines, records, strict=True)
    ]


def _json_line(name: str, number: int, line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise DictionaryError(f"{name}:{number}: invalid JSON ({error.msg})") from None


def _entry(name: str, number: int, record: object) -> Trigger:
    if not isinstance(record, dict):
        raise DictionaryError(f"{name}:{number}: expected a JSON object")
    if unknown := record.keys() - _FIELDS:
        raise DictionaryError(f"{name}:{number}: unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(record.get("lemma"), str) or record.get("pos") not in ("VERB", "NOUN"):
        raise DictionaryError(f"{name}:{number}: needs a 'lemma' and a 'pos' of VERB or NOUN")
    support = bool(record.get("support", False))
    event = record.get("event")
    if not support and event not in PLOVER_CATEGORIES:
        raise DictionaryError(f"{name}:{number}: 'event' must be a PLOVER category, not {event!r}")
    if not isinstance(record.get("source", ""), str):
        raise DictionaryError(f"{name}:{number}: 'source' must be a string")
    return Trigger(
        lemma=record["lemma"].lower(),
        pos=record["pos"],
        event=event,
        mode=record.get("mode"),
        cameo=record.get("cameo"),
        requires=tuple(map(str.lower, record.get("requires", ()))),
        requires_also=tuple(map(str.lower, record.get("requires_also", ()))),
        excludes=tuple(map(str.lower, record.get("excludes", ()))),
        recipient_preps=tuple(record.get("recipient_preps", ())),
        symmetric=bool(record.get("symmetric", False)),
        support=support,
    )


def _listed(words: list[str]) -> str:
    return f"{', '.join(words[:8])}{' …' if len(words) > 8 else ''}"


def _lemma_forms(token: Token) -> tuple[str, ...]:
    """The model lemmatises some nouns oddly ('talks' stays 'talks'); try both."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    return (lemma,) if lemma == lower else (lemma, lower)


def _dependent_lemmas(token: Token) -> set[str]:
    """Lemmas of the dependents a condition may name: children, objects of child
    prepositions, and the word a hyphen joins to ('test-fire'). A time phrase is not a
    dependent a condition means: the 'on' of 'on Sunday' is not 'fired on'."""
    lemmas: set[str] = set()
    for child in token.children:
        if _is_time_phrase(child):
            continue
        lemmas.add(child.lemma_.lower())
        lemmas.add(child.lower_)
        if child.dep_ in ("prep", "prt", "agent", "dative", "dobj", "compound", "amod"):
            for grandchild in child.children:  # a 'dative' is 'to' the model files apart
                lemmas.add(grandchild.lemma_.lower())
                if child.dep_ in ("prep", "agent", "dative"):  # 'in a car bomb explosion'
                    lemmas |= _compounds(grandchild)
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
            lemmas |= _compounds(child)  # 'a minefield explosion killed'
        if child.dep_ == "dobj" or (child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN"):
            lemmas |= _of_phrase(child)
    if token.i >= 2 and token.doc[token.i - 1].text == "-":
        lemmas.add(token.doc[token.i - 2].lemma_.lower())
    for subject in split_passive_subjects(token):  # 'a car bomb was on Monday rammed into'
        lemmas |= {subject.lemma_.lower(), *_compounds(subject)}
    return lemmas


def split_passive_subjects(verb: Token) -> list[Token]:
    """'A car bomb was on Monday rammed into a base': the model makes 'was' the root and
    the participle its adverbial; the participle's passive subject is the root's subject."""
    head = verb.head
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "advcl" or head.lemma_ != "be":
        return []
    return [c for c in head.children if c.dep_ == "nsubj" and c.i < verb.i]


def _compounds(noun: Token) -> set[str]:
    return {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}


def _of_phrase(noun: Token) -> set[str]:
    """'allow the return of U.N. weapons inspectors', 'suspended part of the aid program',
    'a patch of peacekeeping troops arrived': what the object or subject noun is a part or
    act of. (Not a pronoun's: in 'both of the missile launches', misparsed with 'launches'
    as a verb, 'missile' is not what launched.)"""
    return {
        word.lemma_.lower()
        for obj in prep_objects(noun, "of")
        for word in (obj, *(c for c in obj.children if c.dep_ in ("compound", "amod")))
    }


def _is_time_phrase(token: Token) -> bool:
    """'Tuesday', 'on Tuesday', 'to' as an infinitive marker: not content of the event."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    if token.dep_ == "aux":
        return True
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return (
        token.dep_ == "prep"
        and bool(objects)
        and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
    )
