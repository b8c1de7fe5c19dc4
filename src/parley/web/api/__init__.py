"""The JSON API: one router per resource, all under /api."""

from __future__ import annotations

from fastapi import APIRouter

from parley.web.api import (
    actors,
    agenda,
    documents,
    events,
    export,
    meta,
    network,
    places,
    timeline,
)

router = APIRouter(prefix="/api")
for module in (events, documents, actors, timeline, network, places, agenda, export, meta):
    router.include_router(module.router)
router.include_router(meta.health_router)

health_router = APIRouter(prefix="/api")
"""All that `parley watch` serves besides the owner API: liveness."""
health_router.include_router(meta.health_router)
