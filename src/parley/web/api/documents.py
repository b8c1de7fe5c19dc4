"""GET /api/documents/{id} (text, events, spans) and POST /api/documents (ingest, token)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from parley.web.deps import IngestorDep, StoreDep, TokenDep
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
    },
    summary="Code and store documents (needs the bearer token)",
)
def post_documents(
    store: StoreDep, ingestor: IngestorDep, documents: list[DocumentIn]
) -> IngestPublic:
    """Runs the full pipeline before answering (the first call also loads it: seconds).
    Re-posting an unchanged document changes nothing; a changed one replaces its events."""
    ids = [d.id for d in documents]
    if len(set(ids)) != len(ids):
        raise HTTPException(status_code=422, detail="document ids must be unique in one request")
    return ingestor.ingest(store, documents)
