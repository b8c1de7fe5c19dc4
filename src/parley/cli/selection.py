"""What `query`, `stats` and `export` share: the store option and the event filters.

The options are declared once so the three commands spell and explain every filter the same
way; each command lists them as its own parameters (Typer reads signatures) and passes them to
`event_filter`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.common import parse_day
from parley.store import EventFilter
from parley.store.filters import parse_precisions

DbOption = typer.Option(Path("parley.duckdb"), "--db", help="The DuckDB store file.")
EventOption = typer.Option(None, "--event", help="PLOVER category, e.g. CONSULT.")
ActorOption = typer.Option(None, "--actor", help="Actor's ISO3 country or org id.")
RecipientOption = typer.Option(None, "--recipient", help="Recipient's ISO3 or org id.")
StatusOption = typer.Option(None, "--status", help="occurred, planned, failed, …")
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


def event_filter(
    *,
    event: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    overlap: bool = False,
    precision: list[str] | None = None,
    q: str | None = None,
    cluster: str | None = None,
    limit: int | None = None,
) -> EventFilter:
    """The filter of the options as typed: codes upper-cased, dates and precisions checked;
    a bad or contradictory value is a usage error naming its option."""
    try:
        precisions = parse_precisions(precision or ())
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--precision") from None
    try:
        return EventFilter(
            event=event.upper() if event else None,
            actor=actor.upper() if actor else None,
            recipient=recipient.upper() if recipient else None,
            status=status,
            since=parse_day(since, "--since"),
            until=parse_day(until, "--until"),
            overlap=overlap,
            precision=precisions,
            q=q or None,
            cluster=cluster,
            limit=limit,
        )
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--since/--until") from None


def existing_store(db: Path) -> Path:
    """`db`, or a usage error when there is no such file: reading must not create a store."""
    if not db.exists():
        raise typer.BadParameter(
            f"{db} does not exist; create it with `parley ingest`", param_hint="--db"
        )
    return db
