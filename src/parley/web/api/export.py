"""GET /api/export: the selected events as a file, as `parley export` writes them."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from parley.store import ExportFormat
from parley.web.deps import SelectionDep, StoreDep

router = APIRouter(prefix="/export", tags=["export"])

_MEDIA_TYPES = {
    ExportFormat.csv: "text/csv",
    ExportFormat.parquet: "application/vnd.apache.parquet",
    ExportFormat.jsonl: "application/x-ndjson",
}


@router.get(
    "",
    response_class=FileResponse,
    responses={200: {"content": {media: {} for media in _MEDIA_TYPES.values()}}},
    summary="The selected events as CSV, Parquet or JSON Lines",
)
def export_events(
    store: StoreDep,
    selection: SelectionDep,
    fmt: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.csv,
    dyadic: Annotated[
        bool, Query(description="One row per actor × recipient pair (GDELT/ICEWS style).")
    ] = False,
) -> FileResponse:
    """Every selected event (no paging), each row with its document's URL, title and
    publication date and its source count; the dashboard's export buttons link here."""
    folder = Path(tempfile.mkdtemp(prefix="parley-export-"))
    shape = "dyads" if dyadic else "events"
    path = folder / f"parley-{shape}.{fmt.value}"
    store.export(selection, fmt, path, dyadic=dyadic)
    return FileResponse(
        path,
        media_type=_MEDIA_TYPES[fmt],
        filename=path.name,
        background=BackgroundTask(_remove, folder),
    )


def _remove(folder: Path) -> None:
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
