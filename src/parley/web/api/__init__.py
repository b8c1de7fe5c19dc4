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
