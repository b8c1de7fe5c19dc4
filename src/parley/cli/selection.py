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

DbOption = typer.Option(Path("parley.duckdb"), "--db", help="The DuckDB store file.")
EventOption = typer.Option(None, "--event", help="PLOVER category, e.g. CONSULT.")
ActorOption = typer.Option(None, "--actor", help="Actor's ISO3 country or org id.")
RecipientOption = typer.Option(None, "--recipient", help="Recipient's ISO3 or org id.")
StatusOption = typer.Option(None, "--status", help="occurred, planned, failed, …")
SinceOption = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD.")
UntilOption = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD.")
TextOption = typer.Option(None, "--q", help="Text the evidence contains (any case).")
ClusterOption = typer.Option(None, "--cluster", help="Events of one cross-document cluster.")


def event_filter(
    event: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    cluster: str | None = None,
    limit: int | None = None,
) -> EventFilter:
    """The filter of the options as typed: codes upper-cased, dates checked."""
    return EventFilter(
        event=event.upper() if event else None,
        actor=actor.upper() if actor else None,
        recipient=recipient.upper() if recipient else None,
        status=status,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        q=q or None,
        cluster=cluster,
        limit=limit,
    )


def existing_store(db: Path) -> Path:
    """`db`, or a usage error when there is no such file: reading must not create a store."""
    if not db.exists():
        raise typer.BadParameter(
            f"{db} does not exist; create it with `parley ingest`", param_hint="--db"
        )
    return db
