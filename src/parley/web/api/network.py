"""GET /api/network: the most involved parties and the dyads among them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.web.deps import NamesDep, SelectionDep, StoreDep
from parley.web.schemas import ActorPublic, EdgePublic, NetworkPublic

router = APIRouter(prefix="/network", tags=["network"])


@router.get("", response_model=NetworkPublic, summary="Actor network (dyads with weights)")
def get_network(
    store: StoreDep,
    selection: SelectionDep,
    names: NamesDep,
    limit: Annotated[int, Query(ge=1, le=200, description="How many parties, at most.")] = 40,
) -> NetworkPublic:
    """Directed edges run from actor to recipient; undirected ones join parties of an event
    without recipients (a meeting). `weight` counts events, `conflict` those of quad 3-4."""
    result = store.network(selection, limit=limit)
    return NetworkPublic(
        nodes=[ActorPublic.from_count(n, names) for n in result.nodes],
        edges=[EdgePublic.model_validate(d) for d in result.dyads],
    )
