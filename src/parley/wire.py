"""The values that cross between a command and the server that owns its store, as JSON.

`parley query`, `show`, `summary` and the others call a `Store`; while a server holds the
file they call it through the server instead (`parley.remote`), and the arguments and
answers of those calls (filters, events, summaries, people, counts) must come back as the
very objects a local `Store` returns, so that a command prints the same either way.

`encode` turns such a value into JSON data, tagging what JSON cannot say by itself (a date,
a tuple, a set, one of our records); `decode` rebuilds it. Only the record types listed in
`_RECORDS` are ever built from the wire, by their own constructors, so a request can
make nothing else.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from importlib import import_module
from typing import Any

_TYPE = "$type"
_ENUM = "$enum"
_VALUE = "value"


class WireError(ValueError):
    """Data that does not describe a value this module can rebuild."""


def encode(value: Any) -> Any:
    """`value` as JSON data (see the module's docstring for what it may hold)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return {_ENUM: type(value).__name__, _VALUE: value.value}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [encode(item) for item in value]}
    if isinstance(value, set | frozenset):
        return {"$set": [encode(item) for item in sorted(value)]}
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {_TYPE: type(value).__name__, _VALUE: _record_fields(value)}
    raise WireError(f"cannot send a {type(value).__name__}")


def decode(data: Any) -> Any:
    """The value `encode` gave `data` for; `WireError` when `data` describes none."""
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict):
        raise WireError(f"unexpected {type(data).__name__}")
    try:
        return _decode_object(data)
    except (TypeError, ValueError, KeyError) as error:
        if isinstance(error, WireError):
            raise
        raise WireError(str(error) or type(error).__name__) from None


def _decode_object(data: dict[str, Any]) -> Any:
    if "$date" in data:
        return date.fromisoformat(data["$date"])
    if "$datetime" in data:
        return datetime.fromisoformat(data["$datetime"])
    if "$tuple" in data:
        return tuple(decode(item) for item in _listed(data["$tuple"]))
    if "$set" in data:
        return {decode(item) for item in _listed(data["$set"])}
    if _ENUM in data:
        return _known(data[_ENUM], Enum)(data[_VALUE])
    if _TYPE in data:
        return _record(_known(data[_TYPE], object), data[_VALUE])
    return {key: decode(item) for key, item in data.items()}


def _record_fields(value: Any) -> dict[str, Any]:
    """A record's fields, through its own `to_dict` when it has one (events keep the form
    of their JSON Lines export)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return {field.name: encode(getattr(value, field.name)) for field in dataclasses.fields(value)}


def _record(kind: type, fields: Any) -> Any:
    if not isinstance(fields, dict):
        raise WireError(f"a {kind.__name__} is an object")
    if hasattr(kind, "from_dict"):
        return kind.from_dict(fields)
    return kind(**{name: decode(item) for name, item in fields.items()})


def _listed(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise WireError("expected a list")
    return data


_RECORDS = {
    "Agenda": "parley.store",
    "AgendaItem": "parley.store",
    "Comparison": "parley.store",
    "Document": "parley.models",
    "Event": "parley.models",
    "EventDetail": "parley.store",
    "EventFilter": "parley.store",
    "IngestSummary": "parley.batch",
    "LinkCounts": "parley.store",
    "NewParty": "parley.store.digest",
    "PeriodSummary": "parley.store",
    "Person": "parley.store",
    "Report": "parley.store",
    "SourcedEvent": "parley.store",
    "ExportFormat": "parley.store",
    "StatsBy": "parley.store",
}
"""Every type the wire may build, by name, and the module that defines it: imported when
first met (the ingest summary's module loads the coder's machinery, which a query need not)."""


def _known(name: Any, kind: type) -> type:
    if not isinstance(name, str) or name not in _RECORDS:
        raise WireError(f"unknown type {name!r}")
    found = getattr(import_module(_RECORDS[name]), name)
    if not (isinstance(found, type) and issubclass(found, kind)):
        raise WireError(f"{name} is not a {kind.__name__}")
    return found
