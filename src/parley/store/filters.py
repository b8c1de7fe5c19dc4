"""Which events a query wants, and the parameterised WHERE clause that selects them.

`EventFilter` is the one filter model of the CLI, the API and the dashboard: each reads its
users' values into it (`parse_*` below), and every store query reads it the same way. A value
that names nothing (an unknown category, status or precision; a party the store and the
dictionaries do not know, see `parley.vocabulary`) is a `FilterError` naming the value and
the nearest valid ones, never an empty answer that looks like a finding.

Filter values come from analysts (CLI flags, URL parameters), so they only ever travel as
query parameters; the SQL text is assembled from the fixed fragments below and nothing else.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from parley.models import PLOVER_CATEGORIES, STATUSES

STATED_PRECISIONS: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "year",
    "decade",
    "range",
)
"""How precisely an event's text dates it (`DateSpan.granularity`), finest first; `range` is
an interval the text states ("June 10-12", "from 2019 to 2021")."""

WINDOW = "window"
"""The precision of an event the text does not date: it lies in the story's window (from
the last past time the story names before it to publication, or a year from publication
for a plan)."""

UNDATED = "undated"
"""Not a stored precision: how filters and counts name events without any date."""

PRECISIONS: tuple[str, ...] = (*STATED_PRECISIONS, WINDOW, UNDATED)
"""Every value a precision filter takes, besides the alias `stated` (all of
STATED_PRECISIONS); also the order in which counts by precision are listed."""

DEFAULT_STATUS: tuple[str, ...] = ("occurred",)
"""What `query`, `stats`, `export`, the API and the dashboard count unless told otherwise:
what happened. Plans, failures, denials and hypotheticals are asked for by name (or `all`)."""

ALL = "all"
"""The status value that lifts the default: every status."""

UNSCALED_STATUSES: tuple[str, ...] = ("negated", "hypothetical", "failed")
"""Statuses of events that did not take place: they carry no Goldstein-style value in an
export (a negated CONCEDE is no +5 of cooperation)."""

Sort = Literal["date", "-date"]
SORTS: tuple[str, ...] = get_args(Sort)

Codes = tuple[str, ...]

_STATED_ALIAS = "stated"

# A party matches a code by its country or its organisation (`party_roles`, one row per
# event and code, says in which roles; see `parley.store.parties`).
_HAS_CODE = (
    "EXISTS (SELECT 1 FROM party_roles r WHERE r.event_key = e.event_key"
    " AND {role}list_contains(?, r.code))"
)
_ACTOR = _HAS_CODE.format(role="r.in_actors AND ")
_RECIPIENT = _HAS_CODE.format(role="r.in_recipients AND ")
_ANY_PARTY = _HAS_CODE.format(role="")
# Two parties on opposite sides, in either direction, or both among the actors (a call
# between two leaders is coded with both as actors).
_BETWEEN = """EXISTS (SELECT 1 FROM party_roles a JOIN party_roles b ON b.event_key = a.event_key
    WHERE a.event_key = e.event_key AND a.code = ? AND b.code = ?
        AND (a.in_actors AND (b.in_recipients OR b.in_actors)
            OR a.in_recipients AND b.in_actors))"""
# What `e.text ILIKE '%q%'` matches (ILIKE lower-cases both sides with `lower`), as a plain
# substring test on the text lower-cased when it was written (migration 6): a third the cost.
_TEXT = "contains(e.search_text, lower(?))"
_CLUSTER = "e.event_id IN (SELECT c.event_id FROM event_clusters c WHERE c.cluster_id = ?)"
_PRECISION = f"list_contains(?, coalesce(e.date_precision, '{UNDATED}'))"

_ORDERS: dict[str, str] = {
    "date": "e.date ASC NULLS LAST, e.doc_id, e.evidence_start, e.event_id",
    "-date": "e.date DESC NULLS LAST, e.doc_id, e.evidence_start, e.event_id",
}
EVENT_ORDER = _ORDERS["date"]
"""The one default order of events everywhere (query, export, the API): by date (undated
last), document, then evidence start; event_id last, so ties on the documented keys still
page in a stable order. `order_by` gives it for a filter's `sort`."""


class FilterError(ValueError):
    """A filter value that names nothing or contradicts another: `field` is the filter's
    field (`event`, `actor`, `since` ...), so the CLI names the option and the API the
    parameter; the message names the value and the nearest valid ones."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class EventFilter:
    """A conjunction of conditions on stored events; a field left at None does not filter.

    Code fields take any of several values ("USA or TUR"); a single string is one value.
    Codes are compared upper case (categories, parties) or lower case (statuses), so any
    case works. `event` and `status` must be PLOVER categories and statuses. `actor` and
    `recipient` take ISO alpha-3 countries or organisation ids and match parties in that
    role; `party` matches either role; `between` (two parties) keeps events with one on each
    side, in either direction, or both among the actors. `country` is where the event took
    place.

    `since`/`until` keep events whose whole date interval lies inside [since, until] (either
    bound may be open), so a filter for January 2020 does not return an event dated "in
    2020" or "2019-2021"; with `overlap` they keep every event whose interval overlaps the
    window instead. An undated event lies in no window, so it is left out whenever either
    bound is given. `precision` keeps events dated that precisely (values of `PRECISIONS`;
    see `parse_precisions`).

    `q` keeps events whose evidence text contains it, in any case (`%` and `_` are plain
    characters); `cluster` keeps the events of one cross-document cluster (see
    `event_clusters`). `sort` is `date` (oldest first) or `-date` (newest first); undated
    events come last either way.
    """

    event: Codes | None = None
    actor: Codes | None = None
    recipient: Codes | None = None
    party: Codes | None = None
    between: tuple[str, str] | None = None
    status: Codes | None = None
    country: Codes | None = None
    since: date | None = None
    until: date | None = None
    overlap: bool = False
    precision: Codes | None = None
    doc_id: str | None = None
    q: str | None = None
    cluster: str | None = None
    sort: Sort = "date"
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("event", "actor", "recipient", "party", "country", "between"):
            self._set(name, _codes(getattr(self, name), upper=True))
        self._set("status", _codes(self.status, upper=False))
        self._set("q", self.q or None)
        _check_vocabulary("event", self.event, PLOVER_CATEGORIES, "PLOVER categories")
        _check_vocabulary("status", self.status, STATUSES, f"statuses ({ALL} for every one)")
        if self.between is not None and (
            len(self.between) != 2 or self.between[0] == self.between[1]
        ):
            raise FilterError("between", "between takes two different parties, e.g. USA IRN")
        if self.sort not in SORTS:
            raise FilterError("sort", f"unknown sort {self.sort!r}; use {' or '.join(SORTS)}")
        if self.limit is not None and self.limit < 0:
            raise FilterError("limit", f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise FilterError("offset", f"offset must be 0 or more, not {self.offset}")
        if self.since and self.until and self.since > self.until:
            raise FilterError(
                "since",
                f"since ({self.since}) is after until ({self.until}): no event lies in that window",
            )
        unknown = sorted(set(self.precision or ()) - set(PRECISIONS))
        if unknown:
            raise FilterError(
                "precision", f"unknown date precision {unknown[0]!r}; {_PRECISION_HELP}"
            )

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def named_parties(self) -> dict[str, Codes]:
        """The party codes each party field names, for checking them against the store."""
        fields = {
            "actor": self.actor,
            "recipient": self.recipient,
            "party": self.party,
            "between": self.between,
        }
        return {name: codes for name, codes in fields.items() if codes}


def _codes(value: Iterable[str] | str | None, upper: bool) -> Codes | None:
    """`value` as a tuple of stripped codes in one case, in the order given, each once;
    None for nothing. A string is one code."""
    if value is None:
        return None
    values = (value,) if isinstance(value, str) else tuple(value)
    stripped = [v.strip() for v in values if v and v.strip()]
    cased = [v.upper() if upper else v.lower() for v in stripped]
    return tuple(dict.fromkeys(cased)) or None


def _check_vocabulary(
    field: str, values: Codes | None, vocabulary: tuple[str, ...], label: str
) -> None:
    for value in values or ():
        if value not in vocabulary:
            raise FilterError(field, unknown_message(field, value, vocabulary, label))


def unknown_message(field: str, value: str, vocabulary: Iterable[str], label: str) -> str:
    """ "unknown event 'PROTESTS'; did you mean PROTEST? (PLOVER categories: ...)"."""
    known = list(vocabulary)
    near = nearest(value, known)
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    return f"unknown {field} {value!r}{hint} ({label}: {', '.join(known)})"


def nearest(value: str, vocabulary: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` entries of `vocabulary` closest to `value` in spelling, ignoring case; an
    entry that `value` starts with, or that starts with it, comes first ('PROTESTS' →
    PROTEST)."""
    by_upper = {entry.upper(): entry for entry in vocabulary}
    key = value.upper()
    prefixed = [e for u, e in by_upper.items() if u and (key.startswith(u) or u.startswith(key))]
    close = difflib.get_close_matches(key, list(by_upper), n=n, cutoff=0.6)
    return list(dict.fromkeys([*prefixed, *(by_upper[c] for c in close)]))[:n]


_PRECISION_HELP = f"use {', '.join(PRECISIONS)} or {_STATED_ALIAS}"


def split_values(values: Iterable[str] | None) -> Codes:
    """Values as analysts give them: each option one value or a comma-separated list."""
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


def parse_statuses(values: Iterable[str] | None) -> Codes | None:
    """The statuses named by `values` (see `split_values`); `DEFAULT_STATUS` when none is
    named, None (every status) when `all` is among them."""
    named = split_values(values)
    if not named:
        return DEFAULT_STATUS
    if any(value.lower() == ALL for value in named):
        return None
    return named


def parse_precisions(values: Iterable[str]) -> Codes | None:
    """The precisions named by `values` (each one name or a comma-separated list, any case;
    `stated` stands for every precision the text states), in the order of `PRECISIONS`;
    None when nothing is named. Raises FilterError naming an unknown value."""
    named: set[str] = set()
    for name in (value.lower() for value in split_values(values)):
        if name == _STATED_ALIAS:
            named.update(STATED_PRECISIONS)
        elif name in PRECISIONS:
            named.add(name)
        else:
            raise FilterError("precision", f"unknown date precision {name!r}; {_PRECISION_HELP}")
    return tuple(p for p in PRECISIONS if p in named) or None


def where_clause(filters: EventFilter) -> tuple[str, list[object]]:
    """The `WHERE ...` text (empty when nothing filters) over `events e`, and its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    for sql, values in _conditions(filters):
        clauses.append(sql)
        params.extend(values)
    if not clauses:
        return "", params
    return " WHERE " + " AND ".join(clauses), params


def and_where(where: str, condition: str) -> str:
    """`where` (from `where_clause`) with one more condition."""
    return where + (" AND " if where else " WHERE ") + condition


def order_by(filters: EventFilter) -> str:
    """The ORDER BY terms (over `events e`) of the filter's sort."""
    return _ORDERS[filters.sort]


def _conditions(filters: EventFilter) -> list[tuple[str, list[object]]]:
    # Inside: the interval starts on or after `since` and ends on or before `until`.
    # Overlap: it ends on or after `since` and starts on or before `until`.
    since = "e.enddate >= ?" if filters.overlap else "e.date >= ?"
    until = "e.date <= ?" if filters.overlap else "e.enddate <= ?"
    actor, recipient, party = (
        list(codes or ()) for codes in (filters.actor, filters.recipient, filters.party)
    )
    a, b = filters.between or ("", "")
    candidates: list[tuple[object, str, list[object]]] = [
        (filters.event, "list_contains(?, e.event)", [list(filters.event or ())]),
        (filters.status, "list_contains(?, e.status)", [list(filters.status or ())]),
        (filters.country, "list_contains(?, e.place_country)", [list(filters.country or ())]),
        (filters.doc_id, "e.doc_id = ?", [filters.doc_id]),
        (filters.since, since, [filters.since]),
        (filters.until, until, [filters.until]),
        (filters.precision, _PRECISION, [list(filters.precision or ())]),
        (filters.actor, _ACTOR, [actor]),
        (filters.recipient, _RECIPIENT, [recipient]),
        (filters.party, _ANY_PARTY, [party]),
        (filters.between, _BETWEEN, [a, b]),
        (filters.q, _TEXT, [filters.q]),
        (filters.cluster, _CLUSTER, [filters.cluster]),
    ]
    return [(sql, values) for value, sql, values in candidates if value is not None]


def escape_like(text: str) -> str:
    """`text` as a literal inside a LIKE pattern whose ESCAPE character is a backslash."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
