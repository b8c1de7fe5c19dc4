"""POST /api/documents as a job for the store's writer, and the answer made from it.

Posted documents are coded by the same writer, in the same way, as `parley ingest` codes
files (`parley.batch`): unchanged ones are not coded again, near-duplicates are linked, a
document that cannot be coded or stored fails alone and says why.
"""

from __future__ import annotations

from parley.batch import DocumentOutcome
from parley.ingest import publication
from parley.models import Document
from parley.web.jobs import Job
from parley.web.schemas import DocumentIn, IngestedPublic, IngestPublic


def posted_job(posted: list[DocumentIn]) -> Job:
    """The job that stores `posted`, keeping each document's outcome for the answer."""
    documents = [_document(item) for item in posted]
    return Job(f"POST of {len(documents)} document(s)", lambda: documents, keep=True)


def answer(job: Job) -> IngestPublic:
    """Each posted document's outcome, in the order posted (the writer reports a
    near-duplicate or an unchanged document before those it codes), and the events stored."""
    posted = {document.id: number for number, document in enumerate(job.items())}
    outcomes = sorted(job.outcomes, key=lambda outcome: posted.get(outcome.id, len(posted)))
    documents = [_public(outcome) for outcome in outcomes]
    return IngestPublic(documents=documents, events=sum(d.events or 0 for d in documents))


def _public(outcome: DocumentOutcome) -> IngestedPublic:
    problem = outcome.problem.reason if outcome.problem is not None else None
    return IngestedPublic(
        id=outcome.id, outcome=outcome.outcome, events=outcome.events, problem=problem
    )


def _document(item: DocumentIn) -> Document:
    """A `Document` whose publication date is the given one, else the text's date line."""
    published, source = publication(item.text, given=item.published)
    return Document(
        id=item.id,
        text=item.text,
        published=published,
        published_source=source,
        title=item.title,
        url=item.url,
        source=item.source,
    )
