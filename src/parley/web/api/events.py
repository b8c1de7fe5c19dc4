"""GET /api/events (filtered, paged), /api/events/{id} and /api/events/{id}/detail."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from parley.web.deps import SelectionDep, StoreDep
from parley.web.schemas import ErrorPublic, EventDetailPublic, EventPublic, EventsPublic

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
    """Matching events by date (oldest first, or newest with `sort=-date`; undated last),
    then document and evidence position, as `parley query` lists them, each with its cluster
    and source count; `total` counts all matches."""
    page = store.events_page(replace(selection, limit=limit, offset=offset))
    return EventsPublic(
        events=[EventPublic.from_sourced(e) for e in page.events],
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
    detail = store.event_detail(event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return EventPublic.from_sourced(detail.sourced)


@router.get(
    "/{event_id}/detail",
    response_model=EventDetailPublic,
    responses={404: {"model": ErrorPublic}},
    summary="One event with its document, other reports and plan links",
)
def get_event_detail(store: StoreDep, event_id: str) -> EventDetailPublic:
    """What `parley show` prints: the event, its document's title, URL and date, the
    document's other events, the other documents reporting it, and what a plan became."""
    detail = store.event_detail(event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return EventDetailPublic.from_detail(detail)
