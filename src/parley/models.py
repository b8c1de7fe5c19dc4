"""The records that flow between Parley's stages.

Each stage takes and returns these types only, so a stage can be rewritten without its
neighbours noticing. `Event.to_dict()` is the wire format of ``../shared/spec/EVENTS.md``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Status = Literal["occurred", "planned", "failed", "hypothetical", "negated"]
STATUSES: tuple[str, ...] = ("occurred", "planned", "failed", "hypothetical", "negated")

PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class Document:
    """One news article. `published` anchors every relative date in it."""

    id: str
    text: str
    published: date | None = None
    published_source: str | None = None  # "given", "dateline", "html-metadata" or None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = "en"

    @property
    def content_hash(self) -> str:
        """Hash of what the coder reads, so re-ingesting unchanged text is a no-op."""
        basis = f"{self.published}\n{self.text}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()


@dataclass
class Entity:
    """A party to an event: a state (by ISO alpha-3), an organisation, or a person of one."""

    text: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    title: str | None = None
    start: int | None = None  # character span of `text` in the document
    end: int | None = None

    @property
    def party(self) -> str | None:
        """What scoring compares: the country, or the organisation when stateless."""
        return self.country or self.org

    @property
    def side(self) -> str | None:
        """Who the entity stands for when a document's parties are compared: its party,
        or for a group known only by its sector ('gunmen', 'police'), that sector."""
        if self.party:
            return self.party
        return f"~{self.sector}" if self.sector and not self.name else None

    @property
    def code(self) -> str | None:
        """CAMEO-style actor code (country or org, then sector) for legacy tools."""
        base = self.country or self.org
        if base is None:
            # CAMEO codes a group whose state is unknown by its agent code alone
            return self.sector if not self.name else None
        return base + (self.sector or "") if self.country else base

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        for key in ("name", "country", "org", "sector", "title"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["code"] = self.code
        if self.start is not None:
            out["span"] = {"start": self.start, "end": self.end}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        span = data.get("span") or {}
        return cls(
            text=data.get("text", ""),
            country=data.get("country"),
            org=data.get("org"),
            sector=data.get("sector"),
            name=data.get("name"),
            title=data.get("title"),
            start=span.get("start"),
            end=span.get("end"),
        )


@dataclass(frozen=True)
class DateSpan:
    """An inclusive interval of days, with the phrase it was resolved from and how
    precisely the text dates it: day, week, month, season, quarter, year, decade, range
    (an interval the text states), or window (the story's time, when the text gives none)."""

    start: date
    end: date
    text: str
    granularity: str = "day"


@dataclass(frozen=True)
class Place:
    """A gazetteer place where an event happened, and how precise it is: a site, city,
    province (or state, or region) or country."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    text: str | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "gazetteer_id": self.gazetteer_id,
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(
            name=data["name"],
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            gazetteer_id=data.get("gazetteer_id"),
            precision=data.get("precision"),
        )


@dataclass(frozen=True)
class Evidence:
    """A character span of the document text that supports an event."""

    start: int
    end: int


@dataclass
class Event:
    """One real-world event as coded from one document."""

    doc_id: str
    event: str
    status: Status
    text: str
    evidence: Evidence
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    date: DateSpan | None = None
    event_loc: Place | None = None
    cameo: str | None = None
    quad_code: int | None = None
    event_scale: float | None = None
    confidence: float = 0.5
    trigger: str | None = None
    trigger_start: int | None = None  # character offset of the trigger word
    mentions: list[Evidence] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Stable across runs: the same document, span, category, trigger (word and place)
        and parties give the same id; two events of one sentence differ by the latter."""
        sides = [sorted(p for e in side if (p := e.party)) for side in (self.actor, self.recipient)]
        basis = (
            f"{self.doc_id}|{self.evidence.start}|{self.evidence.end}|{self.event}|"
            f"{self.trigger}|{self.trigger_start}|{sides}"
        )
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]

    def parties(self) -> set[str]:
        return {e.party for e in self.actor + self.recipient if e.party}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event": self.event,
            "mode": list(self.mode),
            "context": list(self.context),
            "status": self.status,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date.start.isoformat() if self.date else None,
            "enddate": self.date.end.isoformat() if self.date else None,
            "date_text": self.date.text if self.date else None,
            "date_precision": self.date.granularity if self.date else None,
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "quad_code": self.quad_code,
            "event_scale": self.event_scale,
            "cameo": self.cameo,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "text": self.text,
            "evidence": {"start": self.evidence.start, "end": self.evidence.end},
            "mentions": [{"start": m.start, "end": m.end} for m in self.mentions],
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        date_span = None
        if data.get("date"):
            date_span = DateSpan(
                start=date.fromisoformat(data["date"]),
                end=date.fromisoformat(data.get("enddate") or data["date"]),
                text=data.get("date_text") or "",
                granularity=data.get("date_precision") or "day",
            )
        return cls(
            doc_id=data["doc_id"],
            event=data["event"],
            status=data["status"],
            text=data["text"],
            evidence=Evidence(**data["evidence"]),
            actor=[Entity.from_dict(e) for e in data.get("actor", [])],
            recipient=[Entity.from_dict(e) for e in data.get("recipient", [])],
            mode=list(data.get("mode", [])),
            context=list(data.get("context", [])),
            date=date_span,
            event_loc=Place.from_dict(data["event_loc"]) if data.get("event_loc") else None,
            cameo=data.get("cameo"),
            quad_code=data.get("quad_code"),
            event_scale=data.get("event_scale"),
            confidence=data.get("confidence", 0.5),
            trigger=data.get("trigger"),
            trigger_start=data.get("trigger_start"),
            mentions=[Evidence(**m) for m in data.get("mentions", [])],
        )
