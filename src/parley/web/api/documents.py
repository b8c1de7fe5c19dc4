"""GET /api/documents/{id} (text, events, spans) and POST /api/documents (ingest, token)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from parley.web.deps import OwnerDep, StoreDep, TokenDep
from parley.web.ingest import answer, posted_job
from parley.web.schemas import DocumentIn, DocumentPublic, ErrorPublic, IngestPublic

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get(
    "/{doc_id}",
    response_model=DocumentPublic,
    responses={404: {"model": ErrorPublic}},
    summary="A document with its events and their spans",
)
def get_document(store: StoreDep, doc_id: str) -> DocumentPublic:
    found = store.document_with_events(doc_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    return DocumentPublic.from_document(*found)


@router.post(
    "",
    response_model=IngestPublic,
    dependencies=[TokenDep],
    responses={
        401: {"model": ErrorPublic, "description": "No or wrong bearer token."},
        413: {"model": ErrorPublic, "description": "Request body over the server's cap."},
        503: {"model": ErrorPublic, "description": "The writer's queue is full, or stopping."},
    },
    summary="Code and store documents (needs the bearer token)",
)
async def post_documents(owner: OwnerDep, documents: list[DocumentIn]) -> IngestPublic:
    """Runs the full pipeline before answering (the first call also loads it: seconds), on
    the store's one writer, after the jobs queued before it. Re-posting an unchanged
    document changes nothing; a changed one replaces its events; a near-duplicate of a
    stored one is linked to it; one that cannot be coded fails alone, with its reason."""
    ids = [d.id for d in documents]
    if len(set(ids)) != len(ids):
        raise HTTPException(status_code=422, detail="document ids must be unique in one request")
    job = owner.submit(posted_job(documents))
    await job.wait()
    if job.state != "done":
        raise HTTPException(status_code=503, detail=job.error or "not stored")
    return answer(job)
