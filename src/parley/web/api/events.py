"""GET /api/events (filtered, paged) and GET /api/events/{id}."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from parley.store import analytics
from parley.web.deps import SelectionDep, StoreDep
from parley.web.schemas import ErrorPublic, EventPublic, EventsPublic

router = APIRouter(prefix="/events", tags=["events"])

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000
"""Far past any store's last event, far under what the database's integers hold."""


@router.get("", response_model=EventsPublic, summary="Events, filtered and paged")
def list_events(
    store: StoreDep,
    selection: SelectionDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EventsPublic:
    """Matching events by date (undated last), then document and evidence position, as
    `parley query` lists them; `total` counts all matches."""
    filters = replace(selection.filters, offset=offset)
    page = analytics.events_page(store, filters, selection.q, limit=limit)
    return EventsPublic(
        events=[EventPublic.from_event(e) for e in page.events],
        total=page.total,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/{event_id}",
    response_model=EventPublic,
    responses={404: {"model": ErrorPublic}},
    summary="One event",
)
def get_event(store: StoreDep, event_id: str) -> EventPublic:
    event = analytics.get_event(store, event_id)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return EventPublic.from_event(event)
