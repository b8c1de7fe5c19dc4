"""GET /api/places: where the selected events happened, for the map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.web.deps import SelectionDep, StoreDep
from parley.web.schemas import PlacesPublic

router = APIRouter(prefix="/places", tags=["places"])


@router.get("", response_model=PlacesPublic, summary="Event places with counts")
def list_places(
    store: StoreDep,
    selection: SelectionDep,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> PlacesPublic:
    """Only events whose place resolved to coordinates, busiest places first; `located`
    and `total` say how many of the selected events that is."""
    return PlacesPublic.model_validate(store.places(selection, limit=limit))
