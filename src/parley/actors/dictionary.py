"""Load and validate the analyst-editable actor dictionaries (countries, organizations, titles,
people).

The dictionaries are data, not code, so analysts can correct or extend them without a release.
Because they are hand-edited, every mistake must surface as one clear ``FILE:LINE: message``
rather than as a silent mis-coding later. An analyst folder may override shipped records by id;
the content hash records which dictionary version coded a run.

News often names officials without their state ("Putin said"), so `people.jsonl` ties a name
and its spellings to a state or body and a sector, with the offices held and their dates; analyst
records replace shipped ones by `name`.

Three layers are read, lowest first: the files converted from the Phoenix (PETRARCH2)
dictionaries (`data/dictionaries/phoenix/`), the shipped files, and the analyst's folder. A
record replaces a lower layer's record with the same key. Converted data is broad and
unreviewed, so it yields where it disagrees: a converted record loses every alias a higher
layer already gives someone, instead of stopping the run with a collision error.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
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
# Layers, lowest first: converted Phoenix data, the shipped files, an analyst's folder.
CONVERTED, SHIPPED, ANALYST = "converted", "default", "override"
CONVERTED_DIR = "phoenix"  # under data/dictionaries; holds no countries.jsonl
# Files an analyst's folder may also hold that other loaders read (the trigger lexicon).
OTHER_FILES = ("triggers.jsonl", "cues.jsonl")

# Fields per file, "*" marking required ones; the field name decides its JSON type (_TYPE,
# or _FILE_TYPE where one file differs).
_FIELDS = {
    COUNTRIES: ("code*", "names*", "abbreviations", "adjectives", "demonyms", "capitals",
                "ambiguous_capitals", "institutions"),
    ORGANIZATIONS: ("org*", "kind*", "names*", "abbreviations", "adjectives", "parent", "home"),
    TITLES: ("title*", "sector*", "variants", "rank"),
    PEOPLE: ("name*", "aliases", "country", "org", "sector", "roles"),
}  # fmt: skip
_ROLE_FIELDS = ("title", "from", "to", "country", "org", "sector")  # "title" or "sector" required
_LISTS = ("names", "abbreviations", "adjectives", "demonyms", "capitals", "ambiguous_capitals")
_TYPE = dict.fromkeys((*_LISTS, "variants", "aliases"), "strs") | {
    "parent": "str?", "home": "str?", "rank": "str?", "institutions": "institutions",
    "roles": "roles",
}  # fmt: skip
_FILE_TYPE = {(PEOPLE, "country"): "str?", (PEOPLE, "org"): "str?"}  # null allowed here only
_WANTED = {
    "str": "a non-empty string", "str?": "a non-empty string or null",
    "strs": "a list of non-empty strings", "institutions": 'a list of {"text", "sector"} objects',
    "roles": 'a list of {"title", "from", "to"} objects (a "title" or a "sector" in each)',
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
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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
    """An office or affiliation a person held, from its first to its last day (None: open or
    not known). A year in the file reads as its first day (`from`) or its last (`to`).

    `country`/`org` are set only when the role was held for another state or body than the
    person's record gives (Guterres, UN, was prime minister of Portugal); `sector` only when it
    differs from the record's. Converted Phoenix roles are affiliations without a title.
    """

    title: str | None
    start: date | None
    end: date | None
    country: str | None = None
    org: str | None = None
    sector: str | None = None

    def covers(self, day: date) -> bool:
        """Whether the role was held on `day` (open ends count as held)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Affiliation:
    """Whom a person served, in which sector and office, at one time."""

    country: str | None
    org: str | None
    sector: str
    title: str | None


@dataclass(frozen=True)
class PersonRecord:
    """A well-known official: every spelling of the name, whom they serve and which offices.

    At most one of `country` (ISO alpha-3) or `org` (an organisation id) is set: the state or
    body the person is best known for serving, which applies outside every dated role. A
    converted record may have neither, when it only knows dated roles. `by_surname` is False
    for converted people: their surname alone never names them (see `KnownPeople`).
    """

    name: str
    aliases: tuple[str, ...]
    country: str | None
    org: str | None
    sector: str | None
    roles: tuple[Role, ...]
    by_surname: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        """The full name first, then its aliases: every string that names this person."""
        return (self.name, *self.aliases)

    def affiliation(self, on: date | None) -> Affiliation | None:
        """Whom the person served on `on`: the role held that day (the latest begun, where
        several were), else the record's own state or body; None when neither applies.
        Without a date, the record's own affiliation, else the latest role's."""
        held = [r for r in self.roles if on is not None and r.covers(on)]
        if held:
            return self._in_role(max(held, key=lambda r: r.start or date.min))
        if self.sector is not None:
            titled = held or [r for r in self.roles if r.country is None and r.org is None]
            return Affiliation(self.country, self.org, self.sector, _first_title(titled))
        if on is None and self.roles:
            return self._in_role(max(self.roles, key=lambda r: r.end or date.max))
        return None

    def _in_role(self, role: Role) -> Affiliation | None:
        if role.country is None and role.org is None:
            country, org = self.country, self.org
        else:
            country, org = role.country, role.org
        sector = role.sector or self.sector
        if sector is None or (country is None and org is None):
            return None
        return Affiliation(country, org, sector, role.title)


def _first_title(roles: list[Role]) -> str | None:
    return next((r.title for r in roles if r.title), None)


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
            isinstance(r, dict) and r.keys() & {"title", "sector"} and r.keys() <= set(_ROLE_FIELDS)
            for r in value
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
    """A role's title is lower case like titles.jsonl; its dates are sane and in order."""
    if "title" in role:
        _check_type(role["title"], "title", where)
        if role["title"] != role["title"].lower():
            raise DictionaryError(f"{where}: title {role['title']!r} must be lower-case")
    if "sector" in role:
        _check_sector(role["sector"], where)
    for field in ("country", "org"):
        _check_type(role.get(field), field, where, "str?")
    if role.get("country") is not None and role.get("org") is not None:
        raise DictionaryError(f"{where}: give 'country' or 'org', not both")
    start, end = (_role_day(role.get(f), f, where) for f in ("from", "to"))
    if start is not None and end is not None and start > end:
        raise DictionaryError(f"{where}: 'from' {role['from']} is after 'to' {role['to']}")


def _role_day(value: Any, field: str, where: str = "") -> date | None:
    """A role's `from` or `to` as a day: a year stands for its first day (`from`) or its last
    (`to`), so a role 'from 2017 to 2021' covers both whole years."""
    if value is None:
        return None
    if type(value) is int and value in _YEARS:
        return date(value, 1, 1) if field == "from" else date(value, 12, 31)
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            day = None
        if day is not None and day.year in _YEARS:
            return day
    raise DictionaryError(
        f"{where}: '{field}' must be a year or a YYYY-MM-DD day (or null), not {value!r}"
    )


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
        _check_person(obj, where)
    if name == TITLES:
        _check_sector(obj["sector"], where)
        if any(t != t.lower() for t in [obj["title"], *obj.get("variants", [])]):
            raise DictionaryError(f"{where}: title and variants must be lower-case")


def _check_person(obj: dict[str, Any], where: str) -> None:
    """A person serves one state or body by default; a record without one (converted data
    that only knows dated roles) must say in every role whom it served and in which sector."""
    roles = obj.get("roles", [])
    if obj.get("country") is not None and obj.get("org") is not None:
        raise DictionaryError(f"{where}: give exactly one of 'country' or 'org'")
    if obj.get("country") is None and obj.get("org") is None:
        if (
            "sector" in obj
            or not roles
            or any(
                r.get("country") is None and r.get("org") is None or "sector" not in r
                for r in roles
            )
        ):
            raise DictionaryError(
                f"{where}: give exactly one of 'country' or 'org' (or neither, and a "
                "'country' or 'org' and a 'sector' in every role)"
            )
    elif "sector" not in obj:
        raise DictionaryError(f"{where}: missing required field 'sector'")
    else:
        _check_sector(obj["sector"], where)


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


def _parse(name: str, label: str, data: bytes, check: bool = True) -> list[Entry]:
    """Parse one JSON Lines file. Blank lines are allowed; comments are not (not JSON Lines).
    `check` False skips the per-record checks (for converted files the converter checked)."""
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
        if check:
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


def _build(
    cls: type[_R], name: str, obj: dict[str, Any], title_sectors: dict[str, str] | None = None
) -> _R:
    """A frozen record from a validated object: lists become tuples, absent lists empty.
    A role held for another state or body without a sector of its own takes its title's
    (`title_sectors`): Guterres as Portugal's prime minister was GOV, not IGO."""
    values: dict[str, Any] = {}
    for field in (f.rstrip("*") for f in _FIELDS[name]):
        is_list = _TYPE.get(field) in ("strs", "institutions", "roles")
        value = obj.get(field, [] if is_list else None)
        if field == "institutions":
            value = [Institution(i["text"], i["sector"]) for i in value]
        if field == "roles":
            value = [_build_role(r, title_sectors or {}) for r in value]
        values[field] = tuple(value) if isinstance(value, list) else value
    return cls(**values)


def _build_role(role: dict[str, Any], title_sectors: dict[str, str]) -> Role:
    sector = role.get("sector")
    if sector is None and (role.get("country") or role.get("org")):
        sector = title_sectors.get(role.get("title") or "")
    return Role(
        role.get("title"),
        _role_day(role.get("from"), "from"),
        _role_day(role.get("to"), "to"),
        role.get("country"),
        role.get("org"),
        sector,
    )


def _converted_person(obj: dict[str, Any]) -> PersonRecord:
    """A converted person, built the short way (the converter writes every role with its
    own state or body, sector and ISO days): `_build` would take most of the start-up."""
    roles = tuple(
        Role(
            None,
            date.fromisoformat(r["from"]) if r["from"] else None,
            date.fromisoformat(r["to"]) if r["to"] else None,
            r.get("country"),
            r.get("org"),
            r["sector"],
        )
        for r in obj.get("roles", ())
    )
    aliases = tuple(obj.get("aliases", ()))
    country, org, sector = obj.get("country"), obj.get("org"), obj.get("sector")
    return PersonRecord(obj["name"], aliases, country, org, sector, roles, by_surname=False)


Source = tuple[str, str, Traversable]  # (file name, layer, path)


def _sources(override_dir: Path | None, converted: bool = True) -> list[Source]:
    """(file name, layer, path) of every file to read, in the fixed hashing order: shipped,
    the analyst's, converted (the order layers are merged in, highest first)."""
    package = resources.files("parley") / "data" / "dictionaries"
    found: list[Source] = [(n, SHIPPED, package / n) for n in FILES]
    if override_dir is not None:
        if not override_dir.is_dir():
            raise DictionaryError(f"{override_dir}: dictionary folder not found")
        unexpected = sorted(
            p.name for p in override_dir.glob("*.jsonl") if p.name not in FILES + OTHER_FILES
        )
        if unexpected:  # a misspelt file name would otherwise be ignored without a word
            raise DictionaryError(f"{override_dir}: unknown dictionary file(s) {unexpected}")
        found += [(n, ANALYST, override_dir / n) for n in FILES if (override_dir / n).is_file()]
    folder = package / CONVERTED_DIR
    return found + [
        (n, CONVERTED, folder / n) for n in FILES if converted and (folder / n).is_file()
    ]


Layered = dict[str, dict[str, tuple[str, Entry]]]  # file name → key → (layer, entry)


def _aliases(name: str, obj: dict[str, Any]) -> list[str]:
    values = [obj.get(field, []) for field in _ALIASES[name]]
    return [a for v in values for a in ([v] if isinstance(v, str) else v)]


def _yield_to_higher_layers(merged: Layered) -> set[str]:
    """Converted records give up every alias a shipped or analyst record uses; one whose own
    name (a person's `name`, a title's `title`, every org name) is taken is dropped whole.
    Returns the ids of the converted organisations dropped."""
    dropped: set[str] = set()
    for group in ((COUNTRIES, ORGANIZATIONS), (TITLES,), (PEOPLE,)):
        taken = {
            alias.casefold()
            for name in group
            for layer, (_, obj) in merged[name].values()
            if layer != CONVERTED
            for alias in _aliases(name, obj)
        }
        for name in group:
            records = merged[name]
            for key in [k for k, (layer, _) in records.items() if layer == CONVERTED]:
                where, obj = records[key][1]
                if taken.isdisjoint(a.casefold() for a in _aliases(name, obj)):
                    continue
                kept = {
                    field: [a for a in obj[field] if a.casefold() not in taken]
                    for field in _ALIASES[name]
                    if isinstance(obj.get(field), list)
                }
                own = obj.get(_KEY[name]) if _KEY[name] in _ALIASES[name] else None
                if (own is not None and own.casefold() in taken) or kept.get("names") == []:
                    del records[key]
                    dropped.update([key] if name == ORGANIZATIONS else [])
                else:
                    records[key] = (CONVERTED, (where, obj | kept))
    return dropped


def _without_dangling_people(merged: Layered, dropped_orgs: set[str]) -> None:
    """A converted person who serves a converted organisation that was dropped (its every
    name taken by a higher layer) is dropped too: an analyst's file must never make
    converted data fail to load. (Shipped states and bodies cannot be removed.)"""
    if not dropped_orgs:
        return
    for key, (layer, (_, obj)) in list(merged[PEOPLE].items()):
        places = [obj, *obj.get("roles", [])]
        if layer == CONVERTED and any(place.get("org") in dropped_orgs for place in places):
            del merged[PEOPLE][key]


def load_dictionaries(
    override_dir: Path | None = None, check_converted: bool = False, converted: bool = True
) -> Dictionaries:
    """Load the three layers (converted, shipped, analyst), merge them, validate everything.

    A record replaces a lower layer's record with the same key in place; new keys are
    appended, converted records after all others. People are keyed by `name`, so an
    analyst's record of a shipped person replaces it whole. The converted files are
    generated and checked by `scripts/convert_phoenix_actors.py` (`check_converted`, which
    it and the tests set): checking their 18,000 records on every start would double it.
    `converted` False leaves the converted layer out (to measure what it adds).
    """
    digest = hashlib.sha256()
    merged: Layered = {n: {} for n in FILES}
    for name, layer, path in _sources(override_dir, converted):
        data = path.read_bytes()
        digest.update(f"{layer}/{name}\0{len(data)}\0".encode() + data)
        check = check_converted or layer != CONVERTED
        for where, obj in _parse(name, str(path), data, check):
            key = obj[_KEY[name]]
            if layer == CONVERTED:
                merged[name].setdefault(key, (layer, (where, obj)))
            else:
                merged[name][key] = (layer, (where, obj))
    _without_dangling_people(merged, _yield_to_higher_layers(merged))
    entries = {name: [entry for _, entry in records.values()] for name, records in merged.items()}
    checked = {  # converted records were checked by the converter (or are now)
        name: [entry for layer, entry in records.values() if check_converted or layer != CONVERTED]
        for name, records in merged.items()
    }
    collisions = [
        message
        for group in ((COUNTRIES, ORGANIZATIONS), (TITLES,), (PEOPLE,))
        for message in _collisions(group, checked)
    ]
    if collisions:  # one line (errors.py), every collision in it
        raise DictionaryError("; ".join(collisions))
    _check_parents(entries[ORGANIZATIONS], entries[COUNTRIES])
    _check_people(entries | {PEOPLE: checked[PEOPLE]})
    titles = tuple(_build(TitleRecord, TITLES, o) for _, o in entries[TITLES])
    title_sectors = {phrase: t.sector for t in titles for phrase in (t.title, *t.variants)}
    people = tuple(
        _build(PersonRecord, PEOPLE, obj, title_sectors)
        if layer != CONVERTED
        else _converted_person(obj)
        for layer, (_, obj) in merged[PEOPLE].values()
    )
    return Dictionaries(
        countries=tuple(_build(CountryRecord, COUNTRIES, o) for _, o in entries[COUNTRIES]),
        organizations=tuple(_build(OrgRecord, ORGANIZATIONS, o) for _, o in entries[ORGANIZATIONS]),
        titles=titles,
        people=people,
        content_hash=digest.hexdigest(),
    )
