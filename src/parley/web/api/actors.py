"""GET /api/actors: the parties of the selected events, most involved first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.store import analytics
from parley.web.deps import NamesDep, SelectionDep, StoreDep
from parley.web.schemas import ActorPublic, ActorsPublic

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=ActorsPublic, summary="Actors with event counts")
def list_actors(
    store: StoreDep,
    selection: SelectionDep,
    names: NamesDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> ActorsPublic:
    counts = analytics.actors(store, selection.filters, selection.q, limit=limit)
    return ActorsPublic(actors=[ActorPublic.from_count(c, names) for c in counts])
