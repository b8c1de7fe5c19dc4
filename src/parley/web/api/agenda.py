"""GET /api/agenda: planned events by expected date, linked to what became of them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from parley.web.deps import SelectionDep, StoreDep
from parley.web.schemas import AgendaPublic

router = APIRouter(prefix="/agenda", tags=["agenda"])


@router.get("", response_model=AgendaPublic, summary="Planned events and their fate")
def get_agenda(
    store: StoreDep,
    selection: SelectionDep,
    as_of: Annotated[
        date | None,
        Query(
            description="The day to judge plans overdue against; default: the latest "
            "publication date in the store (the news it holds, not today)."
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> AgendaPublic:
    """The planned events the other filters select (the status filter does not apply):
    those the text dates by date, then those it only places in the year after their story,
    then undated ones; each `occurred` (with its first report), `overdue` or `upcoming`."""
    return AgendaPublic.from_agenda(store.agenda(selection, as_of, limit))
