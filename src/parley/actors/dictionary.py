"""Load and validate the analyst-editable actor dictionaries (countries, organizations, titles,
people).

The dictionaries are data, not code, so analysts can correct or extend them without a release.
Because they are hand-edited, every mistake must surface as one clear ``FILE:LINE: message``
rather than as a silent mis-coding later. An analyst folder may override shipped records by id;
the content hash records which dictionary version coded a run.

News often names officials without their state ("Putin said"), so `people.jsonl` ties a name
and its spellings to a state or body and a sector, with the offices held and their years; analyst
records replace shipped ones by `name`.
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
PEOPLE = "people.jsonl"
FILES = (COUNTRIES, ORGANIZATIONS, TITLES, PEOPLE)  # also the fixed order of the content hash
# Files an analyst's folder may also hold that other loaders read (the trigger lexicon).
OTHER_FILES = ("triggers.jsonl",)

# Fields per file, "*" marking required ones; the field name decides its JSON type (_TYPE,
# or _FILE_TYPE where one file differs).
_FIELDS = {
    COUNTRIES: ("code*", "names*", "abbreviations", "adjectives", "demonyms", "capitals",
                "ambiguous_capitals", "institutions"),
    ORGANIZATIONS: ("org*", "kind*", "names*", "abbreviations", "adjectives", "parent", "home"),
    TITLES: ("title*", "sector*", "variants", "rank"),
    PEOPLE: ("name*", "aliases", "country", "org", "sector*", "roles"),
}  # fmt: skip
_ROLE_FIELDS = ("title", "from", "to", "country", "org")  # "title" required
_LISTS = ("names", "abbreviations", "adjectives", "demonyms", "capitals", "ambiguous_capitals")
_TYPE = dict.fromkeys((*_LISTS, "variants", "aliases"), "strs") | {
    "parent": "str?", "home": "str?", "rank": "str?", "institutions": "institutions",
    "roles": "roles",
}  # fmt: skip
_FILE_TYPE = {(PEOPLE, "country"): "str?", (PEOPLE, "org"): "str?"}  # null allowed here only
_WANTED = {
    "str": "a non-empty string", "str?": "a non-empty string or null",
    "strs": "a list of non-empty strings", "institutions": 'a list of {"text", "sector"} objects',
    "roles": 'a list of {"title", "from", "to"} objects',
}  # fmt: skip
_KEY = {COUNTRIES: "code", ORGANIZATIONS: "org", TITLES: "title", PEOPLE: "name"}
_ALIASES = {  # fields whose strings must each name one actor only
    COUNTRIES: ("names", "abbreviations", "adjectives", "demonyms", "capitals"),
    ORGANIZATIONS: ("names", "abbreviations", "adjectives"),
    TITLES: ("title", "variants"),
    PEOPLE: ("name", "aliases"),
}
_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
_ORG_ID = re.compile(r"[A-Z][A-Z0-9]*")  # EVENTS.md's own ids G7, G20 need digits after a letter
_YEARS = range(1800, 2101)  # a role year outside this is a typo, not history


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
    """An international body or armed group; `parent` lets the resolver roll UNSC up to UN.
    `home` is the state a national armed group fights in or over (Hamas: PSE): Parley
    codes the group by its id, codings that have no such id (CAMEO) by its home."""

    org: str
    kind: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    adjectives: tuple[str, ...]
    parent: str | None
    home: str | None = None


@dataclass(frozen=True)
class TitleRecord:
    """A role or group noun and the sector it implies ("foreign minister" is GOV)."""

    title: str
    sector: str
    variants: tuple[str, ...]
    rank: str | None


@dataclass(frozen=True)
class Role:
    """An office a person held, with its first and last year (None: open or not known).

    `country`/`org` are set only when the office was held for another state or body than the
    person's record gives (Guterres, UN, was prime minister of Portugal).
    """

    title: str
    start: int | None
    end: int | None
    country: str | None = None
    org: str | None = None

    def covers(self, year: int) -> bool:
        """Whether the office was held at some point of `year` (open ends count as held)."""
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class PersonRecord:
    """A well-known official: every spelling of the name, whom they serve and which offices.

    Exactly one of `country` (ISO alpha-3) or `org` (an organisation id) is set: the state or
    body the person is best known for serving.
    """

    name: str
    aliases: tuple[str, ...]
    country: str | None
    org: str | None
    sector: str
    roles: tuple[Role, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The full name first, then its aliases: every string that names this person."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Dictionaries:
    """Everything the resolver needs, plus the hash that lets a run say which version coded it."""

    countries: tuple[CountryRecord, ...]
    organizations: tuple[OrgRecord, ...]
    titles: tuple[TitleRecord, ...]
    people: tuple[PersonRecord, ...]
    content_hash: str


Entry = tuple[str, dict[str, Any]]  # ("FILE:LINE", validated JSON object)
_R = TypeVar("_R", CountryRecord, OrgRecord, TitleRecord, PersonRecord)


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _kind(name: str, field: str) -> str:
    return _FILE_TYPE.get((name, field)) or _TYPE.get(field, "str")


def _check_type(value: Any, field: str, where: str, kind: str | None = None) -> None:
    """Reject wrong JSON types early so later code can trust the record's shape."""
    kind = kind or _TYPE.get(field, "str")
    if kind == "str?" and value is None:
        return
    if kind in ("str", "str?"):
        ok = _text(value)
    elif kind == "strs":
        ok = isinstance(value, list) and all(map(_text, value))
    elif kind == "roles":
        ok = isinstance(value, list) and all(
            isinstance(r, dict) and "title" in r and r.keys() <= set(_ROLE_FIELDS) for r in value
        )
    else:
        ok = isinstance(value, list) and all(
            isinstance(i, dict) and set(i) == {"text", "sector"} for i in value
        )
    if not ok:
        raise DictionaryError(f"{where}: field '{field}' must be {_WANTED[kind]}")
    for inst in value if kind == "institutions" else []:
        _check_type(inst["text"], "text", where)
        _check_sector(inst["sector"], where)
    for number, role in enumerate(value if kind == "roles" else [], start=1):
        _check_role(role, f"{where}: role {number}")


def _check_role(role: dict[str, Any], where: str) -> None:
    """A role's title is lower case like titles.jsonl; its years are sane and in order."""
    _check_type(role["title"], "title", where)
    if role["title"] != role["title"].lower():
        raise DictionaryError(f"{where}: title {role['title']!r} must be lower-case")
    for field in ("country", "org"):
        _check_type(role.get(field), field, where, "str?")
    if role.get("country") is not None and role.get("org") is not None:
        raise DictionaryError(f"{where}: give 'country' or 'org', not both")
    for field in ("from", "to"):
        year = role.get(field)
        if year is not None and (type(year) is not int or year not in _YEARS):
            raise DictionaryError(f"{where}: '{field}' must be a year (or null), not {year!r}")
    if None not in (role.get("from"), role.get("to")) and role["from"] > role["to"]:
        raise DictionaryError(f"{where}: 'from' {role['from']} is after 'to' {role['to']}")


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
    if name == PEOPLE:
        _check_sector(obj["sector"], where)
        if (obj.get("country") is None) == (obj.get("org") is None):
            raise DictionaryError(f"{where}: give exactly one of 'country' or 'org'")
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
            _check_type(obj[field], field, where, _kind(name, field))
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
            what = "name" if name == PEOPLE else "id"
            raise DictionaryError(f"{where}: duplicate {what} {key!r} (first at {seen[key]})")
        seen[key] = where
        entries.append((where, obj))
    return entries


def _collisions(name_groups: tuple[str, ...], merged: dict[str, list[Entry]]) -> list[str]:
    """One alias must name one actor, or the resolver would have to guess between them.

    Case-insensitive, because news capitalisation varies; each message gives both records'
    locations. All collisions are returned, so one run shows an analyst every one to fix.
    """
    owner: dict[str, tuple[str, str]] = {}
    found: list[str] = []
    for name in name_groups:
        for where, obj in merged[name]:
            for field in _ALIASES[name]:
                values = obj.get(field, [])
                for alias in [values] if isinstance(values, str) else values:
                    first_id, first = owner.setdefault(alias.casefold(), (obj[_KEY[name]], where))
                    if first_id != obj[_KEY[name]]:
                        found.append(
                            f"{where}: alias {alias!r} of {obj[_KEY[name]]!r} is also given "
                            f"to {first_id!r} at {first}"
                        )
    return found


def _check_parents(orgs: list[Entry], countries: list[Entry]) -> None:
    known = {obj["org"] for _, obj in orgs}
    states = {obj["code"] for _, obj in countries}
    for where, obj in orgs:
        if obj.get("parent") is not None and obj["parent"] not in known:
            raise DictionaryError(f"{where}: parent {obj['parent']!r} is not a known org")
        if obj.get("home") is not None and obj["home"] not in states:
            raise DictionaryError(f"{where}: home {obj['home']!r} is not a known country")


def _check_people(entries: dict[str, list[Entry]]) -> None:
    """Every state and body a person (or one of their roles) serves must be a known actor."""
    known = {
        "country": {obj["code"] for _, obj in entries[COUNTRIES]},
        "org": {obj["org"] for _, obj in entries[ORGANIZATIONS]},
    }
    dictionary = {"country": COUNTRIES, "org": ORGANIZATIONS}
    for where, obj in entries[PEOPLE]:
        places = [(where, obj)] + [
            (f"{where}: role {n}", role) for n, role in enumerate(obj.get("roles", []), start=1)
        ]
        for place, record in places:
            for field, ids in known.items():
                if record.get(field) is not None and record[field] not in ids:
                    raise DictionaryError(
                        f"{place}: {field} {record[field]!r} is not in {dictionary[field]}"
                    )


def _build(cls: type[_R], name: str, obj: dict[str, Any]) -> _R:
    """A frozen record from a validated object: lists become tuples, absent lists empty."""
    values: dict[str, Any] = {}
    for field in (f.rstrip("*") for f in _FIELDS[name]):
        is_list = _TYPE.get(field) in ("strs", "institutions", "roles")
        value = obj.get(field, [] if is_list else None)
        if field == "institutions":
            value = [Institution(i["text"], i["sector"]) for i in value]
        if field == "roles":
            value = [
                Role(r["title"], r.get("from"), r.get("to"), r.get("country"), r.get("org"))
                for r in value
            ]
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
    People are keyed by `name`, so an analyst's record of a shipped person replaces it whole.
    """
    digest = hashlib.sha256()
    merged: dict[str, dict[str, Entry]] = {n: {} for n in FILES}
    for name, role, path in _sources(override_dir):
        data = path.read_bytes()
        digest.update(f"{role}/{name}\0{len(data)}\0".encode() + data)
        merged[name].update((obj[_KEY[name]], (w, obj)) for w, obj in _parse(name, str(path), data))
    entries = {name: list(records.values()) for name, records in merged.items()}
    collisions = [
        message
        for group in ((COUNTRIES, ORGANIZATIONS), (TITLES,), (PEOPLE,))
        for message in _collisions(group, entries)
    ]
    if collisions:  # one line (errors.py), every collision in it
        raise DictionaryError("; ".join(collisions))
    _check_parents(entries[ORGANIZATIONS], entries[COUNTRIES])
    _check_people(entries)
    return Dictionaries(
        countries=tuple(_build(CountryRecord, COUNTRIES, o) for _, o in entries[COUNTRIES]),
        organizations=tuple(_build(OrgRecord, ORGANIZATIONS, o) for _, o in entries[ORGANIZATIONS]),
        titles=tuple(_build(TitleRecord, TITLES, o) for _, o in entries[TITLES]),
        people=tuple(_build(PersonRecord, PEOPLE, o) for _, o in entries[PEOPLE]),
        content_hash=digest.hexdigest(),
    )
