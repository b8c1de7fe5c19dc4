"""The API's typed request and response bodies, named as the FastAPI template names them.

`EventPublic` is the wire record of ``../shared/spec/EVENTS.md``, validated from
`Event.to_dict()`, so the API and `parley query --format jsonl` print the same fields.
The `*Public` models are what OpenAPI documents and what the dashboard reads.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from parley.ingest.problems import invalid_unicode
from parley.models import Document, Event, Status
from parley.store.analytics import ActorCount, Dyad, PlaceCount

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

    @classmethod
    def from_event(cls, event: Event) -> EventPublic:
        return cls.model_validate(event.to_dict())


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
        return cls(
            id=document.id,
            title=document.title,
            url=document.url,
            source=document.source,
            language=document.language,
            published=document.published,
            published_source=document.published_source,
            text=document.text,
            events=[EventPublic.from_event(e) for e in events],
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
        return cls(
            id=count.party,
            name=names.get(count.party, count.party),
            kind="country" if count.is_country else "org",
            events=count.events,
            as_actor=count.as_actor,
            as_recipient=count.as_recipient,
        )


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
    """A dyad: `directed` from actor to recipient, otherwise parties acting together."""

    source: str
    target: str
    directed: bool
    weight: int = Field(description="Events linking the two.")
    conflict: int = Field(description="Of them, verbal or material conflict (quad 3, 4).")

    @classmethod
    def from_dyad(cls, dyad: Dyad) -> EdgePublic:
        return cls(
            source=dyad.source,
            target=dyad.target,
            directed=dyad.directed,
            weight=dyad.weight,
            conflict=dyad.conflict,
        )


class NetworkPublic(BaseModel):
    nodes: list[ActorPublic]
    edges: list[EdgePublic]


class PlaceCountPublic(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    conflict: int
    quad_code: int | None = Field(description="The most common quad class there.")

    @classmethod
    def from_count(cls, place: PlaceCount) -> PlaceCountPublic:
        return cls(
            name=place.name,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            events=place.events,
            conflict=place.conflict,
            quad_code=place.quad_code,
        )


class PlacesPublic(BaseModel):
    places: list[PlaceCountPublic]


class SummaryPublic(BaseModel):
    """The store at a glance, and the vocabularies the dashboard's filters offer."""

    documents: int
    events: int
    first_date: dt.date | None
    last_date: dt.date | None
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
