"""Answer keys: one document's gold events, loaded and checked before anything is scored.

A key that scores silently wrong is worse than one that fails, so every field the rules in
``../shared/spec/SCORING.md`` read is validated here, unknown event fields included (a typo
such as ``recipient_optional`` would otherwise change a match without anyone noticing).
Errors are raised as :class:`parley.errors.AnswerKeyError` with the file name first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from parley.errors import AnswerKeyError
from parley.models import PLOVER_CATEGORIES, STATUSES, Document

_EVENT_FIELDS = frozenset(
    {
        "id",
        "required",
        "type",
        "status",
        "participants",
        "actors",
        "recipients",
        "actors_match",
        "recipients_match",
        "recipients_optional",
        "date",
        "location",
        "evidence",
    }
)


@dataclass(frozen=True)
class GoldName:
    """A named person (or body) the gold expects, and the parties it may be coded to.

    Usually the one party of its entry; on a side marked ``"any"`` every party of that side,
    since those are alternative codings of the same actor (Carrie Lam as CHN or HKG).
    """

    name: str
    parties: frozenset[str]


@dataclass(frozen=True)
class Participants:
    """Symmetric event: the predicted parties, actor and recipient together, are compared."""

    parties: frozenset[str]


@dataclass(frozen=True)
class Directed:
    """Directed event: actors and recipients are compared side by side.

    ``actors_any``/``recipients_any`` record the key's ``"any"`` marker (the list holds
    alternatives). SCORING.md applies the same party test either way, so matching does not
    read them; they are kept so that a stricter reading of the unmarked case is one change.
    They do widen the parties a named person may be coded to (see `GoldName`).
    """

    actors: frozenset[str]
    recipients: frozenset[str]
    actors_any: bool
    recipients_any: bool
    recipients_optional: bool


PartyRule = Participants | Directed


@dataclass(frozen=True)
class DateInterval:
    """Inclusive range of days the event may fall in; as wide as the text allows."""

    start: date
    end: date


@dataclass(frozen=True)
class GoldLocation:
    """Acceptable place names for where the event happened."""

    names: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class GoldEvent:
    """One event a careful coder finds in the document."""

    id: str
    required: bool
    types: tuple[str, ...]
    statuses: tuple[str, ...]
    parties: PartyRule
    date: DateInterval | None
    location: GoldLocation | None
    names: tuple[GoldName, ...]
    evidence: str


@dataclass(frozen=True)
class AnswerKey:
    """A validated answer key together with the document text it was coded from."""

    path: Path
    doc_id: str
    text: str
    published: date | None
    title: str | None
    events: tuple[GoldEvent, ...]

    @property
    def required_events(self) -> tuple[GoldEvent, ...]:
        return tuple(event for event in self.events if event.required)

    def document(self) -> Document:
        """The document as extraction sees it, so `parley eval` feeds it the gold's text."""
        return Document(
            id=self.doc_id,
            text=self.text,
            published=self.published,
            published_source="given" if self.published else None,
            title=self.title,
        )


class _Reader:
    """Validation helpers that prefix every message with the key's file name."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str) -> AnswerKeyError:
        return AnswerKeyError(f"{self.path}: {message}")

    def string(self, data: dict[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}: '{key}' must be a non-empty string")
        return value

    def optional_string(self, data: dict[str, Any], key: str, where: str) -> str | None:
        if data.get(key) is None:
            return None
        return self.string(data, key, where)

    def day(self, value: Any, where: str) -> date:
        if not isinstance(value, str):
            raise self.fail(f"{where}: expected an ISO date (YYYY-MM-DD), got {value!r}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None

    def choices(self, value: Any, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
        """A string or a non-empty list of strings, each one of `allowed`."""
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values:
            raise self.fail(f"{where}: expected a string or a non-empty list of strings")
        for item in values:
            if item not in allowed:
                raise self.fail(f"{where}: {item!r} is not one of {', '.join(allowed)}")
        return tuple(dict.fromkeys(values))

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}: '{key}' must be true or false")
        return value

    def any_marker(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key)
        if value not in (None, "any"):
            raise self.fail(f"{where}: '{key}' may only be \"any\", got {value!r}")
        return value == "any"


def load_key(path: Path) -> AnswerKey:
    """Read and validate an answer key and the document text it points to."""
    reader = _Reader(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise reader.fail(f"cannot read: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise reader.fail(f"not valid JSON (line {exc.lineno}): {exc.msg}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("doc"), dict):
        raise reader.fail("expected an object with a 'doc' object and an 'events' list")
    events = raw.get("events")
    if not isinstance(events, list):
        raise reader.fail("'events' must be a list")
    doc = raw["doc"]
    published = doc.get("published")
    gold = tuple(_event(reader, item, index) for index, item in enumerate(events))
    _check_unique_ids(reader, gold)
    return AnswerKey(
        path=path,
        doc_id=reader.string(doc, "id", "doc"),
        text=_document_text(reader, doc),
        published=None if published is None else reader.day(published, "doc.published"),
        title=reader.optional_string(doc, "title", "doc"),
        events=gold,
    )


def _document_text(reader: _Reader, doc: dict[str, Any]) -> str:
    """The text file is named relative to the key, so keys and texts move together."""
    text_path = reader.path.parent / reader.string(doc, "text_file", "doc")
    try:
        text = text_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise reader.fail(f"doc.text_file {text_path}: {exc.strerror or exc}") from None
    if not text.strip():
        raise reader.fail(f"doc.text_file {text_path} is empty")
    return text


def _check_unique_ids(reader: _Reader, events: tuple[GoldEvent, ...]) -> None:
    seen: set[str] = set()
    for event in events:
        if event.id in seen:
            raise reader.fail(f"event id {event.id!r} is used twice")
        seen.add(event.id)


def _event(reader: _Reader, item: Any, index: int) -> GoldEvent:
    if not isinstance(item, dict):
        raise reader.fail(f"events[{index}] must be an object")
    where = f"event {item.get('id', f'#{index + 1}')}"
    unknown = sorted(set(item) - _EVENT_FIELDS)
    if unknown:
        raise reader.fail(f"{where}: unknown field(s) {', '.join(unknown)}")
    if "required" not in item:
        raise reader.fail(f"{where}: 'required' is missing")
    parties, names = _party_rule(reader, item, where)
    return GoldEvent(
        id=reader.string(item, "id", where),
        required=reader.flag(item, "required", where),
        types=reader.choices(item.get("type"), PLOVER_CATEGORIES, f"{where}: type"),
        statuses=reader.choices(item.get("status"), STATUSES, f"{where}: status"),
        parties=parties,
        date=_interval(reader, item.get("date"), where),
        location=_location(reader, item.get("location"), where),
        names=names,
        evidence=reader.string(item, "evidence", where),
    )


def _party_rule(
    reader: _Reader, item: dict[str, Any], where: str
) -> tuple[PartyRule, tuple[GoldName, ...]]:
    """Exactly one of `participants` or `actors` (+ `recipients`) says who took part."""
    if ("participants" in item) == ("actors" in item):
        raise reader.fail(f"{where}: give either 'participants' or 'actors', not both or neither")
    if "participants" in item:
        directed_only = {"recipients", "actors_match", "recipients_match", "recipients_optional"}
        stray = sorted(directed_only & set(item))
        if stray:
            raise reader.fail(f"{where}: {', '.join(stray)} only apply to 'actors'")
        parties, names = _entities(reader, item["participants"], f"{where}: participants")
        if not parties:
            raise reader.fail(f"{where}: 'participants' is empty")
        return Participants(parties), names
    actors, actor_names = _entities(reader, item["actors"], f"{where}: actors")
    if not actors:
        raise reader.fail(f"{where}: 'actors' is empty")
    recipients, recipient_names = _entities(
        reader, item.get("recipients", []), f"{where}: recipients"
    )
    rule = Directed(
        actors=actors,
        recipients=recipients,
        actors_any=reader.any_marker(item, "actors_match", where),
        recipients_any=reader.any_marker(item, "recipients_match", where),
        recipients_optional=reader.flag(item, "recipients_optional", where),
    )
    if rule.actors_any:
        actor_names = _widen(actor_names, actors)
    if rule.recipients_any:
        recipient_names = _widen(recipient_names, recipients)
    return rule, actor_names + recipient_names


def _widen(names: tuple[GoldName, ...], parties: frozenset[str]) -> tuple[GoldName, ...]:
    return tuple(GoldName(name=gold.name, parties=parties) for gold in names)


def _entities(
    reader: _Reader, value: Any, where: str
) -> tuple[frozenset[str], tuple[GoldName, ...]]:
    if not isinstance(value, list):
        raise reader.fail(f"{where}: expected a list of entities")
    parties: list[str] = []
    names: list[GoldName] = []
    for position, entity in enumerate(value, start=1):
        spot = f"{where}[{position}]"
        if not isinstance(entity, dict) or set(entity) - {"name", "country", "org"}:
            raise reader.fail(f"{spot}: expected an object with name, country and/or org")
        party = reader.optional_string(entity, "country", spot) or reader.optional_string(
            entity, "org", spot
        )
        if party is None:
            raise reader.fail(f"{spot}: needs a 'country' or an 'org'")
        parties.append(party)
        name = reader.optional_string(entity, "name", spot)
        if name is not None:
            names.append(GoldName(name=name, parties=frozenset({party})))
    return frozenset(parties), tuple(names)


def _interval(reader: _Reader, value: Any, where: str) -> DateInterval | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"start", "end"}:
        raise reader.fail(f"{where}: 'date' must be null or {{start, end}}")
    start = reader.day(value["start"], f"{where}: date.start")
    end = reader.day(value["end"], f"{where}: date.end")
    if end < start:
        raise reader.fail(f"{where}: date ends ({end}) before it starts ({start})")
    return DateInterval(start, end)


def _location(reader: _Reader, value: Any, where: str) -> GoldLocation | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"names", "country"}:
        raise reader.fail(f"{where}: 'location' must be null or {{names, country}}")
    names = value.get("names")
    if not isinstance(names, list) or not names:
        raise reader.fail(f"{where}: location.names must be a non-empty list")
    if not all(isinstance(name, str) and name.strip() for name in names):
        raise reader.fail(f"{where}: location.names must hold non-empty strings")
    return GoldLocation(
        names=tuple(names),
        country=reader.optional_string(value, "country", f"{where}: location"),
    )
