"""Load and validate the analyst-editable actor dictionaries (countries, organizations, titles).

The dictionaries are data, not code, so analysts can correct or extend them without a release.
Because they are hand-edited, every mistake must surface as one clear ``FILE:LINE: message``
rather than as a silent mis-coding later. An analyst folder may override shipped records by id;
the content hash records which dictionary version coded a run.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from parley.errors import DictionaryError

SECTORS = frozenset({
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "PTY", "CVL", "BUS", "JRN",
    "MED", "IGO", "NGO", "REF", "LAB", "EDU", "HLH", "ELI", "MOD", "RAD", "CRM", "AGR",
    "ENV", "UAF", "SET", "IMG", "REL", "DEV",
})  # fmt: skip
ORG_KINDS = frozenset({"IGO", "NGO", "NSAG", "MEDIA"})
COUNTRIES, ORGANIZATIONS, TITLES = "countries.jsonl", "organizations.jsonl", "titles.jsonl"
FILES = (COUNTRIES, ORGANIZATIONS, TITLES)  # also the fixed order of the content hash
# Files an analyst's folder may also hold that other loaders read (the trigger lexicon).
OTHER_FILES = ("triggers.jsonl",)

# Fields per file, "*" marking required ones; the field name decides its JSON type (_TYPE).
_FIELDS = {
    COUNTRIES: ("code*", "names*", "abbreviations", "adjectives", "demonyms", "capitals",
                "ambiguous_capitals", "institutions"),
    ORGANIZATIONS: ("org*", "kind*", "names*", "abbreviations", "adjectives", "parent"),
    TITLES: ("title*", "sector*", "variants", "rank"),
}  # fmt: skip
_LISTS = ("names", "abbreviations", "adjectives", "demonyms", "capitals", "ambiguous_capitals")
_TYPE = dict.fromkeys((*_LISTS, "variants"), "strs") | {
    "parent": "str?", "rank": "str?", "institutions": "institutions",
}  # fmt: skip
_WANTED = {
    "str": "a non-empty string", "str?": "a non-empty string or null",
    "strs": "a list of non-empty strings", "institutions": 'a list of {"text", "sector"} objects',
}  # fmt: skip
_KEY = {COUNTRIES: "code", ORGANIZATIONS: "org", TITLES: "title"}
_ALIASES = {  # fields whose strings must each name one actor only
    COUNTRIES: ("names", "abbreviations", "adjectives", "demonyms", "capitals"),
    ORGANIZATIONS: ("names", "abbreviations", "adjectives"),
    TITLES: ("title", "variants"),
}
_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
_ORG_ID = re.compile(r"[A-Z][A-Z0-9]*")  # EVENTS.md's own ids G7, G20 need digits after a letter


@dataclass(frozen=True)
class Institution:
    """A body used as a metonym for its state ("the Kremlin said"), with the sector it gives."""

    text: str
    sector: str


@dataclass(frozen=True)
class CountryRecord:
    """Every way news names one state, so the resolver can map any mention to its ISO code."""

    code: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    ambiguous_capitals: tuple[str, ...]
    institutions: tuple[Institution, ...]


@dataclass(frozen=True)
class OrgRecord:
    """An international body or armed group; `parent` lets the resolver roll UNSC up to UN."""

    org: str
    kind: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    adjectives: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class TitleRecord:
    """A role or group noun and the sector it implies ("foreign minister" is GOV)."""

    title: str
    sector: str
    variants: tuple[str, ...]
    rank: str | None


@dataclass(frozen=True)
class Dictionaries:
    """Everything the resolver needs, plus the hash that lets a run say which version coded it."""

    countries: tuple[CountryRecord, ...]
    organizations: tuple[OrgRecord, ...]
    titles: tuple[TitleRecord, ...]
    content_hash: str


Entry = tuple[str, dict[str, Any]]  # ("FILE:LINE", validated JSON object)
_R = TypeVar("_R", CountryRecord, OrgRecord, TitleRecord)


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _check_type(value: Any, field: str, where: str) -> None:
    """Reject wrong JSON types early so later code can trust the record's shape."""
    kind = _TYPE.get(field, "str")
    if kind == "str?" and value is None:
        return
    if kind in ("str", "str?"):
        ok = _text(value)
    elif kind == "strs":
        ok = isinstance(value, list) and all(map(_text, value))
    else:
        ok = isinstance(value, list) and all(
            isinstance(i, dict) and set(i) == {"text", "sector"} for i in value
        )
    if not ok:
        raise DictionaryError(f"{where}: field '{field}' must be {_WANTED[kind]}")
    for inst in value if kind == "institutions" else []:
        _check_type(inst["text"], "text", where)
        _check_sector(inst["sector"], where)


def _check_sector(sector: Any, where: str) -> None:
    if sector not in SECTORS:
        raise DictionaryError(f"{where}: unknown sector {sector!r}")


def _check_values(name: str, obj: dict[str, Any], where: str) -> None:
    """File-specific rules: id formats, closed vocabularies, internal consistency."""
    if name == COUNTRIES and not _COUNTRY_CODE.fullmatch(obj["code"]):
        raise DictionaryError(f"{where}: country code {obj['code']!r} is not 3 upper-case letters")
    if name == COUNTRIES and set(obj.get("ambiguous_capitals", [])) - set(obj.get("capitals", [])):
        raise DictionaryError(f"{where}: every ambiguous_capitals entry must be in capitals")
    for field in ("org", "parent") if name == ORGANIZATIONS else ():
        if obj.get(field) is not None and not _ORG_ID.fullmatch(obj[field]):
            raise DictionaryError(f"{where}: {field} {obj[field]!r} is not upper-case letters")
    if name == ORGANIZATIONS and obj["kind"] not in ORG_KINDS:
        raise DictionaryError(f"{where}: kind {obj['kind']!r} is not one of {sorted(ORG_KINDS)}")
    if name == TITLES:
        _check_sector(obj["sector"], where)
        if any(t != t.lower() for t in [obj["title"], *obj.get("variants", [])]):
            raise DictionaryError(f"{where}: title and variants must be lower-case")


def _check_record(name: str, obj: Any, where: str) -> None:
    if not isinstance(obj, dict):
        raise DictionaryError(f"{where}: a record must be a JSON object")
    fields = {f.rstrip("*"): f.endswith("*") for f in _FIELDS[name]}
    if unknown := sorted(obj.keys() - fields.keys()):
        raise DictionaryError(f"{where}: unknown field '{unknown[0]}'")
    for field, required in fields.items():
        if field in obj:
            _check_type(obj[field], field, where)
        elif required:
            raise DictionaryError(f"{where}: missing required field '{field}'")
    _check_values(name, obj, where)


def _parse(name: str, label: str, data: bytes) -> list[Entry]:
    """Parse one JSON Lines file. Blank lines are allowed; comments are not (not JSON Lines)."""
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"{label}: not UTF-8 ({exc.reason})") from exc
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        where = f"{label}:{number}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DictionaryError(f"{where}: invalid JSON: {exc.msg}") from exc
        _check_record(name, obj, where)
        key = obj[_KEY[name]]
        if key in seen:
            raise DictionaryError(f"{where}: duplicate id {key!r} (first at {seen[key]})")
        seen[key] = where
        entries.append((where, obj))
    return entries


def _check_collisions(name_groups: tuple[str, ...], merged: dict[str, list[Entry]]) -> None:
    """One alias must name one actor, or the resolver would have to guess between them.

    Case-insensitive, because news capitalisation varies; reports both records' locations.
    """
    owner: dict[str, tuple[str, str]] = {}
    for name in name_groups:
        for where, obj in merged[name]:
            for field in _ALIASES[name]:
                values = obj.get(field, [])
                for alias in [values] if isinstance(values, str) else values:
                    first_id, first = owner.setdefault(alias.casefold(), (obj[_KEY[name]], where))
                    if first_id != obj[_KEY[name]]:
                        raise DictionaryError(
                            f"{where}: alias {alias!r} of {obj[_KEY[name]]!r} is also given "
                            f"to {first_id!r} at {first}"
                        )


def _check_parents(orgs: list[Entry]) -> None:
    known = {obj["org"] for _, obj in orgs}
    for where, obj in orgs:
        if obj.get("parent") is not None and obj["parent"] not in known:
            raise DictionaryError(f"{where}: parent {obj['parent']!r} is not a known org")


def _build(cls: type[_R], name: str, obj: dict[str, Any]) -> _R:
    """A frozen record from a validated object: lists become tuples, absent lists empty."""
    values: dict[str, Any] = {}
    for field in (f.rstrip("*") for f in _FIELDS[name]):
        value = obj.get(field, [] if _TYPE.get(field) in ("strs", "institutions") else None)
        if field == "institutions":
            value = [Institution(i["text"], i["sector"]) for i in value]
        values[field] = tuple(value) if isinstance(value, list) else value
    return cls(**values)


def _sources(override_dir: Path | None) -> list[tuple[str, str, Traversable]]:
    """(file name, role, path) of every file to read, in the fixed hashing order."""
    package = resources.files("parley") / "data" / "dictionaries"
    found: list[tuple[str, str, Traversable]] = [(n, "default", package / n) for n in FILES]
    if override_dir is None:
        return found
    if not override_dir.is_dir():
        raise DictionaryError(f"{override_dir}: dictionary folder not found")
    unexpected = sorted(
        p.name for p in override_dir.glob("*.jsonl") if p.name not in FILES + OTHER_FILES
    )
    if unexpected:  # a misspelt file name would otherwise be ignored without a word
        raise DictionaryError(f"{override_dir}: unknown dictionary file(s) {unexpected}")
    return found + [
        (n, "override", override_dir / n) for n in FILES if (override_dir / n).is_file()
    ]


def load_dictionaries(override_dir: Path | None = None) -> Dictionaries:
    """Load the shipped dictionaries, merge an analyst folder over them, validate everything.

    An override record replaces the default with the same id in place; new ids are appended.
    """
    digest = hashlib.sha256()
    merged: dict[str, dict[str, Entry]] = {n: {} for n in FILES}
    for name, role, path in _sources(override_dir):
        data = path.read_bytes()
        digest.update(f"{role}/{name}\0{len(data)}\0".encode() + data)
        merged[name].update((obj[_KEY[name]], (w, obj)) for w, obj in _parse(name, str(path), data))
    entries = {name: list(records.values()) for name, records in merged.items()}
    _check_collisions((COUNTRIES, ORGANIZATIONS), entries)
    _check_collisions((TITLES,), entries)
    _check_parents(entries[ORGANIZATIONS])
    return Dictionaries(
        countries=tuple(_build(CountryRecord, COUNTRIES, o) for _, o in entries[COUNTRIES]),
        organizations=tuple(_build(OrgRecord, ORGANIZATIONS, o) for _, o in entries[ORGANIZATIONS]),
        titles=tuple(_build(TitleRecord, TITLES, o) for _, o in entries[TITLES]),
        content_hash=digest.hexdigest(),
    )
