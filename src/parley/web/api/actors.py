"""GET /api/actors: the parties of the selected events, most involved first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

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
    """`events` counts a party's events in either role, as `party=` filters them;
    `as_actor` and `as_recipient` count them as `actor=` and `recipient=` do."""
    counts = store.actors(selection, limit=limit)
    return ActorsPublic(actors=[ActorPublic.from_count(c, names) for c in counts])
