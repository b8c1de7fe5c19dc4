"""The owner API: what `parley ingest`, `query`, `show`, `stats`, `export` and the other
commands ask of the server while it holds their store (see `parley.remote`, the other side).

Not part of the public API (left out of /openapi.json): every call needs the key the owner
wrote beside the store for its own user, in the `X-Parley-Owner` header, and is refused
with a 403 otherwise, or when the server has no key (an app built by a test).
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from parley.coding import CodingLimits
from parley.ingest import ReadLimits, read_documents
from parley.remote import OWNER_HEADER, READS, ROWS_HEADER
from parley.store import EventFilter, ExportFormat, FilterError
from parley.web.deps import OwnerDep, StoreDep
from parley.web.jobs import Job
from parley.wire import WireError, decode, encode


def _owner_key(
    request: Request, key: Annotated[str | None, Header(alias=OWNER_HEADER)] = None
) -> None:
    expected = request.app.state.settings.owner_key
    if expected is None or key is None or not secrets.compare_digest(key, expected):
        raise HTTPException(status_code=403, detail="the owner API needs the owner's key")


router = APIRouter(prefix="/api/owner", include_in_schema=False, dependencies=[Depends(_owner_key)])

Payload = Annotated[dict[str, Any], Body()]


@router.get("")
def identify() -> dict[str, Any]:
    return {"pid": os.getpid()}


@router.post("/ingest", status_code=202)
def ingest(owner: OwnerDep, payload: Payload) -> dict[str, str]:
    """Queue the reading and storing of files and folders named by absolute paths."""
    paths = payload.get("paths")
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise HTTPException(status_code=422, detail="paths must be a list of strings")
    if not all(Path(p).is_absolute() for p in paths):
        raise HTTPException(status_code=422, detail="paths must be absolute")
    limits = _read_limits(payload.get("max_record_bytes"))
    coding = _coding_limits(payload.get("time_limit"))
    day = _published(payload.get("published"))
    names = ", ".join(paths) if len(paths) <= 3 else f"{paths[0]} and {len(paths) - 1} more"
    job = Job(
        f"ingest of {names}",
        lambda: read_documents(paths, published=day, limits=limits),
        coding,
    )
    owner.submit(job, track=True)
    return {"job": job.id}


@router.get("/jobs/{job_id}")
def job_progress(owner: OwnerDep, job_id: str, since: int = 0) -> dict[str, Any]:
    """How far a queued ingest got; its summary once done (and then it is forgotten)."""
    job = owner.job(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail=f"no job {job_id!r}")
    progress = job.progress(max(0, since))
    if job.finished:
        owner.forget(job)
    summary = encode(progress.summary) if progress.summary else None
    return {
        "state": progress.state,
        "handled": progress.handled,
        "problems": progress.problems,
        "summary": summary,
        "error": progress.error,
    }


@router.delete("/jobs/{job_id}")
def cancel_job(owner: OwnerDep, job_id: str) -> dict[str, str]:
    job = owner.job(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail=f"no job {job_id!r}")
    job.cancel()
    return {"state": "cancelling"}


@router.post("/read")
def read(store: StoreDep, payload: Payload) -> dict[str, Any]:
    """One read of `parley.remote.READS` on the owner's store: `method`, its `args` and
    `kwargs` as wire values; the answer's `value` is what the call returned."""
    method = payload.get("method")
    if method not in READS:
        raise HTTPException(status_code=422, detail=f"no such read: {method!r}")
    try:
        args, kwargs = decode(payload.get("args") or []), decode(payload.get("kwargs") or {})
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise WireError("args is a list, kwargs an object")
        value = getattr(store, method)(*args, **kwargs)
    except (WireError, TypeError, FilterError) as error:
        raise HTTPException(status_code=422, detail=f"bad {method} call: {error}") from None
    return {"value": encode(value)}


@router.post("/export")
def export(store: StoreDep, payload: Payload) -> FileResponse:
    """The export written to a file of its own, sent, then deleted."""
    try:
        fmt = ExportFormat(payload.get("format"))
    except ValueError:
        raise HTTPException(status_code=422, detail="unknown export format") from None
    folder = Path(tempfile.mkdtemp(prefix="parley-export-"))
    try:
        output = folder / f"export.{fmt.value}"
        rows = store.export(_filter(payload), fmt, output, dyadic=bool(payload.get("dyadic")))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        output,
        headers={ROWS_HEADER: str(rows)},
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


def _filter(payload: dict[str, Any]) -> EventFilter:
    try:
        filters = decode(payload.get("filter"))
    except WireError as error:
        raise HTTPException(status_code=422, detail=f"bad filter: {error}") from None
    if not isinstance(filters, EventFilter):
        raise HTTPException(status_code=422, detail="bad filter: not an event filter")
    return filters


def _coding_limits(value: Any) -> CodingLimits | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or value <= 0:
        raise HTTPException(status_code=422, detail="time_limit must be a positive number")
    return CodingLimits(seconds=float(value))


def _published(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise HTTPException(status_code=422, detail="published must be YYYY-MM-DD") from None


def _read_limits(value: Any) -> ReadLimits:
    if value is None:
        return ReadLimits()
    if not isinstance(value, int) or value < 1:
        raise HTTPException(status_code=422, detail="max_record_bytes must be a positive integer")
    return ReadLimits(max_record_bytes=value)
