"""The API's typed request and response bodies, named as the FastAPI template names them.

`EventPublic` is the wire record of ``../shared/spec/EVENTS.md``, validated from
`Event.to_dict()`, so the API and `parley query --format jsonl` print the same fields.
The `*Public` models are what OpenAPI documents and what the dashboard reads; those that
mirror a store record are validated from it (`from_attributes`), not copied field by field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from parley.ingest.problems import invalid_unicode
from parley.models import Document, Event, Status
from parley.store import Agenda, AgendaItem, EventDetail, Report, SourcedEvent
from parley.store.analytics import ActorCount

PartyKind = Literal["country", "org"]

QUAD_LABELS: dict[str, str] = {
    "1": "Verbal cooperation",
    "2": "Material cooperation",
    "3": "Verbal conflict",
    "4": "Material conflict",
}


class SpanPublic(BaseModel):
    """A character span of the document text, end exclusive."""

    start: int
    end: int


class EntityPublic(BaseModel):
    text: str
    name: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    title: str | None = None
    code: str | None = None
    span: SpanPublic | None = None


class PlacePublic(BaseModel):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    precision: str | None = Field(None, description="site, city, province or country.")


class EventPublic(BaseModel):
    """One event record (EVENTS.md)."""

    id: str
    doc_id: str
    event: str
    mode: list[str]
    context: list[str]
    status: Status
    actor: list[EntityPublic]
    recipient: list[EntityPublic]
    date: dt.date | None
    enddate: dt.date | None
    date_text: str | None
    date_precision: str | None = Field(
        description="How precisely the text dates the event: day, week, month, season, quarter,"
        " year, decade or range (an interval it states), or window (it does not: the event lies"
        " in the story's window); null when undated."
    )
    event_loc: PlacePublic | None
    quad_code: int | None
    event_scale: float | None
    cameo: str | None
    trigger: str | None
    text: str
    evidence: SpanPublic
    mentions: list[SpanPublic]
    confidence: float
    cluster_id: str | None = Field(
        None, description="The cross-document cluster: every report of the same event."
    )
    source_count: int | None = Field(None, description="Documents reporting the event.")

    @classmethod
    def from_event(cls, event: Event) -> EventPublic:
        return cls.model_validate(event.to_dict())

    @classmethod
    def from_sourced(cls, sourced: SourcedEvent) -> EventPublic:
        return cls.model_validate(
            {
                **sourced.event.to_dict(),
                "cluster_id": sourced.cluster_id,
                "source_count": sourced.source_count,
            }
        )


class EventsPublic(BaseModel):
    """One page of events; `total` counts every match, for the pager."""

    events: list[EventPublic]
    total: int
    limit: int
    offset: int


class DocumentPublic(BaseModel):
    """A stored article with its events; each event carries its evidence span and its
    parties' spans (`actor[].span`, `recipient[].span`) into `text`."""

    id: str
    title: str | None
    url: str | None
    source: str | None
    language: str | None
    published: dt.date | None
    published_source: str | None
    text: str
    events: list[EventPublic]

    @classmethod
    def from_document(cls, document: Document, events: list[Event]) -> DocumentPublic:
        return cls.model_validate(
            {**asdict(document), "events": [EventPublic.from_event(e) for e in events]}
        )


class ActorPublic(BaseModel):
    """A party (ISO3 country or org id) and how many selected events it takes part in."""

    id: str
    name: str
    kind: PartyKind
    events: int
    as_actor: int
    as_recipient: int

    @classmethod
    def from_count(cls, count: ActorCount, names: dict[str, str]) -> ActorPublic:
        return cls(**asdict(count), name=names.get(count.id, count.id))


class ActorsPublic(BaseModel):
    actors: list[ActorPublic]


class SeriesPublic(BaseModel):
    """One stacked series of the timeline: a category, or a quad class "1".."4"."""

    key: str
    label: str


class BucketPublic(BaseModel):
    """Events starting in [start, start + interval): by series key, apart for those the
    text dates (`stated`) and those dated by their story's window (`window`), and by date
    precision."""

    start: dt.date
    total: int
    stated: dict[str, int]
    window: dict[str, int]
    precision: dict[str, int] = Field(description="Events by date precision, e.g. day, window.")


class TimelinePublic(BaseModel):
    interval: Literal["day", "week", "month", "year"]
    by: Literal["category", "quad"]
    series: list[SeriesPublic]
    buckets: list[BucketPublic]
    first: dt.date | None = Field(description="The axis' first day (null without dated events).")
    last: dt.date | None = Field(description="The axis' last day.")
    before: int = Field(description="Dated events starting before `first`, left off the axis.")
    after: int = Field(description="Dated events starting after `last`, left off the axis.")
    stated: int = Field(description="Matching events the text dates, on the axis or off it.")
    window: int = Field(description="Matching events dated by their story's window.")
    undated: int = Field(description="Matching events without a date, left off the axis.")


class EdgePublic(BaseModel):
    """A dyad: `directed` from actor to recipient, otherwise parties acting together; a
    party linked to itself acts on itself (a domestic event)."""

    model_config = ConfigDict(from_attributes=True)

    source: str
    target: str
    directed: bool
    weight: int = Field(description="Events linking the two.")
    conflict: int = Field(description="Of them, verbal or material conflict (quad 3, 4).")


class NetworkPublic(BaseModel):
    nodes: list[ActorPublic]
    edges: list[EdgePublic]


class PlaceCountPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    conflict: int
    quad_code: int | None = Field(description="The most common quad class there.")


class PlacesPublic(BaseModel):
    """The places of the selected events; `located` of the `total` selected events have
    coordinates, so a map can say how much of the selection it shows."""

    model_config = ConfigDict(from_attributes=True)

    places: list[PlaceCountPublic]
    located: int
    total: int


class SummaryPublic(BaseModel):
    """The store at a glance, and the vocabularies the dashboard's filters offer."""

    documents: int
    events: int
    first_date: dt.date | None
    last_date: dt.date | None
    by_status: dict[str, int] = Field(
        description="The selection counted by status, whatever the status filter."
    )
    categories: list[str]
    statuses: list[str]
    quad_classes: list[SeriesPublic]


class HealthPublic(BaseModel):
    status: Literal["ok"] = "ok"


class DocumentIn(BaseModel):
    """An article to code, as in a JSON Lines corpus. Without `published`, a date line in the
    text is used, as `parley ingest` does; relative dates stay unresolved without either."""

    id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1)
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @field_validator("id", "text", "title", "url", "source")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        """JSON can escape a lone surrogate ("\\ud800"), which is no character: refused
        with a 422 rather than failing when the text is stored."""
        if value is not None and invalid_unicode({"value": value}) is not None:
            raise ValueError("not valid Unicode: holds a lone surrogate")
        return value


class IngestedPublic(BaseModel):
    id: str
    outcome: Literal["new", "updated", "unchanged", "duplicate", "failed"] = Field(
        description="duplicate: a near-duplicate of a stored document, linked to it, not coded."
    )
    events: int | None = Field(description="Events stored; null when nothing was coded.")
    problem: str | None = None


class IngestPublic(BaseModel):
    documents: list[IngestedPublic]
    events: int


class ErrorPublic(BaseModel):
    detail: str


class GeometryPublic(BaseModel):
    type: Literal["MultiPolygon"] = "MultiPolygon"
    coordinates: list[list[list[tuple[float, float]]]]


class CountryPropertiesPublic(BaseModel):
    name: str
    iso3: str | None = Field(description="ISO 3166-1 alpha-3, as events' `country`.")


class CountryFeaturePublic(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str | None
    properties: CountryPropertiesPublic
    geometry: GeometryPublic


class WorldPublic(BaseModel):
    """Country outlines as a GeoJSON FeatureCollection (Natural Earth 1:110m)."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[CountryFeaturePublic]


class ReportPublic(BaseModel):
    """An event as one document reports it, with the document's title, URL and date."""

    event: EventPublic
    doc_id: str
    title: str | None
    url: str | None
    published: dt.date | None

    @classmethod
    def from_report(cls, report: Report) -> ReportPublic:
        return cls.model_validate({**vars(report), "event": EventPublic.from_event(report.event)})


class ReportDocumentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None


class EventDetailPublic(BaseModel):
    """One event with its document (without its text: GET /api/documents/{id} has it), the
    document's other events, the other reports of it, and its planned→occurred links."""

    event: EventPublic
    document: ReportDocumentPublic
    siblings: list[EventPublic]
    reports: list[ReportPublic]
    outcomes: list[ReportPublic] = Field(description="What a planned event became.")
    plans: list[ReportPublic] = Field(description="The plans an event fulfilled.")

    @classmethod
    def from_detail(cls, detail: EventDetail) -> EventDetailPublic:
        return cls(
            event=EventPublic.from_sourced(detail.sourced),
            document=ReportDocumentPublic.model_validate(detail.document),
            siblings=[EventPublic.from_event(e) for e in detail.siblings],
            reports=[ReportPublic.from_report(r) for r in detail.reports],
            outcomes=[ReportPublic.from_report(r) for r in detail.outcomes],
            plans=[ReportPublic.from_report(r) for r in detail.plans],
        )


class AgendaItemPublic(BaseModel):
    """A planned event and its fate: `occurred` (with the first report of it), `overdue`
    (its last expected day passed unreported) or `upcoming`; `stated` is false for a plan
    the text gives no date (it lies in the year after its story)."""

    event: EventPublic
    title: str | None
    published: dt.date | None
    source_count: int
    state: Literal["occurred", "overdue", "upcoming"]
    stated: bool
    occurrence: EventPublic | None

    @classmethod
    def from_item(cls, item: AgendaItem) -> AgendaItemPublic:
        occurrence = EventPublic.from_event(item.occurrence) if item.occurrence else None
        return cls.model_validate(
            {**vars(item), "event": EventPublic.from_event(item.event), "occurrence": occurrence}
        )


class AgendaPublic(BaseModel):
    as_of: dt.date | None = Field(
        description="The day plans are judged overdue against (default: the latest "
        "publication date in the store)."
    )
    items: list[AgendaItemPublic]

    @classmethod
    def from_agenda(cls, agenda: Agenda) -> AgendaPublic:
        return cls(as_of=agenda.as_of, items=[AgendaItemPublic.from_item(i) for i in agenda.items])
