"""What the commands that read the store share: the store option and the event filters.

The options are declared once so every command spells and explains every filter the same
way; each command lists them as its own parameters (Typer reads signatures) and passes them
to `event_filter`, which builds the library's one `EventFilter`. A value that names nothing
is a usage error (exit 2) naming the option, the value and the nearest valid ones, never an
empty table.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import typer

from parley.cli.common import parse_day
from parley.models import PLOVER_CATEGORIES, STATUSES
from parley.store import EventFilter, FilterError, Store
from parley.store.filters import ALL, DEFAULT_STATUS, Sort, parse_precisions, parse_statuses
from parley.store.filters import split_values as _split
from parley.vocabulary import check_parties

DbOption = typer.Option(Path("parley.duckdb"), "--db", help="The DuckDB store file.")
_ANY = "Repeat the option or separate values by commas for any of them; any case."
EventOption = typer.Option(
    None, "--event", help=f"PLOVER category: {', '.join(PLOVER_CATEGORIES)}. {_ANY}"
)
ActorOption = typer.Option(
    None, "--actor", help=f"Actor's ISO3 country or org id, e.g. USA, UN. {_ANY}"
)
RecipientOption = typer.Option(
    None, "--recipient", help=f"Recipient's ISO3 country or org id. {_ANY}"
)
PartyOption = typer.Option(
    None, "--party", help=f"A party on either side, actor or recipient. {_ANY}"
)
BetweenOption = typer.Option(
    None,
    "--between",
    metavar="A B",
    help="Events between two parties: one on each side, in either direction, or both among "
    "the actors (a call between two leaders).",
)
StatusOption = typer.Option(
    None,
    "--status",
    help=f"{', '.join(STATUSES)}, or {ALL}. Default: {', '.join(DEFAULT_STATUS)} (what "
    f"happened; plans, failures, denials and hypotheticals only when named). {_ANY}",
)
CountryOption = typer.Option(
    None, "--country", help=f"Where the event took place (ISO3 country). {_ANY}"
)
SinceOption = typer.Option(
    None,
    "--since",
    help="Events whose whole date interval lies on or after YYYY-MM-DD: with --until "
    "2020-01-31, an event dated 'in 2020' is left out (see --overlap). Undated events are "
    "left out whenever --since or --until is given.",
)
UntilOption = typer.Option(
    None, "--until", help="Events whose whole date interval lies on or before YYYY-MM-DD."
)
OverlapOption = typer.Option(
    False,
    "--overlap",
    help="With --since/--until: keep events whose date interval overlaps the window instead "
    "of lying inside it (an event dated 'in 2020' then matches January 2020).",
)
PrecisionOption = typer.Option(
    None,
    "--precision",
    help="Only events dated this precisely: day, week, month, season, quarter, year, decade, "
    "range (an interval the text states), window (the text gives no date: the event lies in "
    "its story's window), undated, or stated (any precision the text states). Repeat the "
    "option or separate values by commas: --precision day,week.",
)
TextOption = typer.Option(None, "--q", help="Text the evidence contains (any case).")
ClusterOption = typer.Option(None, "--cluster", help="Events of one cross-document cluster.")
SortOption = typer.Option(
    "date", "--sort", help="date (oldest first) or -date (newest first); undated last."
)

_OPTIONS = {
    "event": "--event",
    "actor": "--actor",
    "recipient": "--recipient",
    "party": "--party",
    "between": "--between",
    "status": "--status",
    "country": "--country",
    "since": "--since/--until",
    "precision": "--precision",
    "sort": "--sort",
    "limit": "--limit",
}


def event_filter(
    *,
    event: list[str] | None = None,
    actor: list[str] | None = None,
    recipient: list[str] | None = None,
    party: list[str] | None = None,
    between: tuple[str, str] | None = None,
    status: list[str] | None = None,
    country: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    overlap: bool = False,
    precision: list[str] | None = None,
    q: str | None = None,
    cluster: str | None = None,
    sort: str = "date",
    limit: int | None = None,
) -> EventFilter:
    """The filter of the options as typed: codes in any case, each option repeated or
    comma-separated meaning any of them, status `occurred` unless named; a bad or
    contradictory value is a usage error naming its option."""
    try:
        return EventFilter(
            event=_split(event),
            actor=_split(actor),
            recipient=_split(recipient),
            party=_split(party),
            between=between,
            status=parse_statuses(status),
            country=_split(country),
            since=parse_day(since, "--since"),
            until=parse_day(until, "--until"),
            overlap=overlap,
            precision=parse_precisions(precision or ()),
            q=q,
            cluster=cluster,
            sort=cast(Sort, sort),  # EventFilter refuses anything but date and -date
            limit=limit,
        )
    except FilterError as error:
        raise usage_error(error) from None


_FILTER_OPTIONS = frozenset(inspect.signature(event_filter).parameters)


def filter_of(options: Mapping[str, object], **fixed: object) -> EventFilter:
    """The filter a command's own options give: `options` are its parameters as Typer
    parsed them (its `locals()`, read before it sets any other name); the filter's options
    among them are read as `event_filter` reads them, `fixed` set by the command itself
    (the agenda covers every status; `stats --limit` limits rows, not events)."""
    given = {name: value for name, value in options.items() if name in _FILTER_OPTIONS}
    return event_filter(**{**given, **fixed})  # type: ignore[arg-type]


def checked(store: Store, filters: EventFilter) -> EventFilter:
    """`filters`, once every party it names is known to the store or the dictionaries."""
    try:
        check_parties(store, filters)
    except FilterError as error:
        raise usage_error(error) from None
    return filters


def usage_error(error: FilterError) -> typer.BadParameter:
    return typer.BadParameter(str(error), param_hint=_OPTIONS.get(error.field, error.field))


def existing_store(db: Path) -> Path:
    """`db`, or a usage error when there is no such file: reading must not create a store."""
    if not db.exists():
        raise typer.BadParameter(
            f"{db} does not exist; create it with `parley ingest`", param_hint="--db"
        )
    return db
