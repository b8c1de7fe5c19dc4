"""Named dependencies shared by the routers: the request's store, the selection, the token.

Every read endpoint takes the same selection (the `EventFilter` of `parley query`), so the
dashboard's table, timeline, network and map cannot disagree about what is selected.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parley.store import EventFilter, FilterError, Store
from parley.store.filters import Sort, parse_precisions, parse_statuses, split_values
from parley.vocabulary import check_parties
from parley.web.owner import StoreOwner
from parley.web.settings import Settings


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
    store: Annotated[Store, Depends(_store)],
    settings: Annotated[Settings, Depends(_settings)],
    event: Annotated[
        list[str] | None, Query(description="PLOVER categories (any case), any of them.")
    ] = None,
    actor: Annotated[
        list[str] | None, Query(description="Actors' ISO3 countries or org ids, any of them.")
    ] = None,
    recipient: Annotated[
        list[str] | None,
        Query(description="Recipients' ISO3 countries or org ids, any of them."),
    ] = None,
    party: Annotated[
        list[str] | None,
        Query(description="Parties on either side (actor or recipient), any of them."),
    ] = None,
    between: Annotated[
        list[str] | None,
        Query(
            description="Two parties (`between=USA,IRN`): events with one on each side, in "
            "either direction, or both among the actors."
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        Query(
            description="occurred (the default), planned, failed, hypothetical, negated, or "
            "`all`; any of them."
        ),
    ] = None,
    country: Annotated[
        list[str] | None, Query(description="Where the event took place (ISO3), any of them.")
    ] = None,
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
    sort: Annotated[
        Sort, Query(description="date: oldest first; -date: newest first (undated last).")
    ] = "date",
) -> EventFilter:
    """The filter of `parley query`, read the same way: codes in any case, repeated or
    comma-separated values meaning any of them, `status` defaulting to `occurred`; empty
    values (an unset form field) do not filter. A value that names nothing (an unknown
    category, status, precision or party) or contradicts another (since after until) is a
    422 naming the parameter, the value and the nearest valid ones."""
    try:
        filters = EventFilter(
            event=split_values(event),
            actor=split_values(actor),
            recipient=split_values(recipient),
            party=split_values(party),
            between=split_values(between) or None,
            status=parse_statuses(status),
            country=split_values(country),
            since=since,
            until=until,
            overlap=overlap,
            precision=parse_precisions(precision or ()),
            q=q,
            sort=sort,
        )
        check_parties(store, filters, settings.dictionaries)
    except FilterError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None
    return filters


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
SelectionDep = Annotated[EventFilter, Depends(_selection)]
NamesDep = Annotated[dict[str, str], Depends(_names)]
OwnerDep = Annotated[StoreOwner, Depends(_owner)]
TokenDep = Depends(_require_token)
