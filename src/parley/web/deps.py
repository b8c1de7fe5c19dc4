"""Named dependencies shared by the routers: the request's store, the selection, the token.

Every read endpoint takes the same `Selection` (the filters of `parley query` plus `q`), so
the dashboard's table, timeline, network and map cannot disagree about what is selected.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parley.models import Status
from parley.store import EventFilter, Store
from parley.store.filters import parse_precisions
from parley.web.owner import StoreOwner
from parley.web.settings import Settings


@dataclass(frozen=True)
class Selection:
    """Which events a read endpoint covers: `filters` as for `parley query`, and `q`."""

    filters: EventFilter
    q: str | None


def _owner(request: Request) -> StoreOwner:
    return request.app.state.owner


def _store(request: Request) -> Iterator[Store]:
    """A store this request alone uses, returned to the pool after the response."""
    with _owner(request).pool.borrowed() as store:
        yield store


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _names(request: Request) -> dict[str, str]:
    return request.app.state.names()


def _selection(
    event: Annotated[str | None, Query(max_length=40, description="PLOVER category.")] = None,
    actor: Annotated[
        str | None, Query(max_length=40, description="Actor's ISO3 country or org id.")
    ] = None,
    recipient: Annotated[
        str | None, Query(max_length=40, description="Recipient's ISO3 country or org id.")
    ] = None,
    status: Annotated[Status | None, Query()] = None,
    since: Annotated[
        date | None,
        Query(
            description="Events whose whole date interval lies on or after this day (see "
            "`overlap`). Undated events are left out when `since` or `until` is given."
        ),
    ] = None,
    until: Annotated[
        date | None,
        Query(description="Events whose whole date interval lies on or before this day."),
    ] = None,
    overlap: Annotated[
        bool,
        Query(
            description="With since/until: keep events whose interval overlaps the window "
            "rather than lies inside it (an event dated 'in 2020' then matches January 2020)."
        ),
    ] = False,
    precision: Annotated[
        list[str] | None,
        Query(
            description="Only events dated this precisely: day, week, month, season, quarter, "
            "year, decade, range (an interval the text states), window (the text gives no "
            "date: the story's window), undated, or stated (any precision the text states). "
            "Repeat the parameter or separate values by commas."
        ),
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text the evidence contains (any case).")
    ] = None,
) -> Selection:
    """Codes are matched upper case, as `parley query` matches them; empty values (an unset
    form field) do not filter. Contradictory or unknown values (since after until, an
    unknown precision) are a 422 that says which."""
    try:
        filters = EventFilter(
            event=event.upper() if event else None,
            actor=actor.upper() if actor else None,
            recipient=recipient.upper() if recipient else None,
            status=status,
            since=since,
            until=until,
            overlap=overlap,
            precision=parse_precisions(precision or ()),
        )
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None
    return Selection(filters, q or None)


_bearer = HTTPBearer(auto_error=False, description="The server's token (PARLEY_TOKEN).")


def _require_token(
    settings: Annotated[Settings, Depends(_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need `Authorization: Bearer <token>`; compared in constant time."""
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )


StoreDep = Annotated[Store, Depends(_store)]
SelectionDep = Annotated[Selection, Depends(_selection)]
NamesDep = Annotated[dict[str, str], Depends(_names)]
OwnerDep = Annotated[StoreOwner, Depends(_owner)]
TokenDep = Depends(_require_token)
