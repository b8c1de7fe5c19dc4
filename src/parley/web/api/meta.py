"""GET /api/health, /api/summary and /api/world: liveness, the store at a glance, the map."""

from __future__ import annotations

from fastapi import APIRouter, Response

from parley.models import PLOVER_CATEGORIES, STATUSES
from parley.web.deps import SelectionDep, StoreDep
from parley.web.schemas import QUAD_LABELS, HealthPublic, SeriesPublic, SummaryPublic, WorldPublic
from parley.web.world import world_json

router = APIRouter(tags=["meta"])
health_router = APIRouter(tags=["meta"])


@health_router.get("/health", response_model=HealthPublic, summary="Liveness (touches no store)")
def health() -> HealthPublic:
    return HealthPublic()


@router.get("/summary", response_model=SummaryPublic, summary="Counts, date range, vocabularies")
def get_summary(store: StoreDep, selection: SelectionDep) -> SummaryPublic:
    found = store.summary(selection)
    return SummaryPublic(
        documents=found.documents,
        events=found.events,
        first_date=found.first_date,
        last_date=found.last_date,
        by_status=found.statuses,
        categories=list(PLOVER_CATEGORIES),
        statuses=list(STATUSES),
        quad_classes=[SeriesPublic(key=k, label=v) for k, v in QUAD_LABELS.items()],
    )


@router.get("/world", response_model=WorldPublic, summary="Country outlines (GeoJSON)")
def get_world() -> Response:
    """Natural Earth 1:110m countries, packaged with Parley; the same for every store, so it
    is serialised once per process and cached by the browser for a day."""
    return Response(
        world_json(), media_type="application/json", headers={"Cache-Control": "max-age=86400"}
    )
