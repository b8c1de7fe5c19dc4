"""`parley show ID`: one event with everything an analyst checks before citing it."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from parley.cli.access import Readable, reading
from parley.cli.common import console
from parley.cli.output import date_text, dyad_codes, events_table, parties_text
from parley.cli.selection import DbOption
from parley.models import Event
from parley.store import EventDetail, Report
from parley.store.filters import UNSCALED_STATUSES

CONTEXT_CHARS = 400
"""At most this much of the evidence's paragraph is shown on either side of it."""


def show(
    event_id: str = typer.Argument(
        ..., help="The event's id, or its first characters (8 are shown by `parley query`)."
    ),
    db: Path = DbOption,
) -> None:
    """Print one event with its evidence and source.

    What, when, where, who, the evidence in its paragraph, the document it came from (title,
    source, URL, publication date), how many documents report it and which, what a plan
    became, and the document's other events."""
    with reading(db) as store:
        detail = store.event_detail(_resolve(store, event_id))
    if detail is None:  # deleted between the look-up and the read
        raise typer.BadParameter(f"no event {event_id!r} in {db}", param_hint="ID")
    print_detail(detail, console)


def _resolve(store: Readable, given: str) -> str:
    """The one stored event id that `given` is or starts."""
    found = store.matching_event_ids(given)
    if len(found) == 1:
        return found[0]
    if not found:
        raise typer.BadParameter(
            f"no event {given!r} (ids, or their first 4 or more characters, are printed by "
            "`parley query`)",
            param_hint="ID",
        )
    raise typer.BadParameter(
        f"{given!r} starts {', '.join(found)}{' …' if len(found) >= 5 else ''}: give more of it",
        param_hint="ID",
    )


def print_detail(detail: EventDetail, out: Console) -> None:
    event, document = detail.event, detail.document
    out.print(f"[b]{event.event}[/b] · {event.status} · {event.id}", highlight=False)
    for label, value in _facts(detail):
        out.print(f"  {label:<11}{escape(value)}", highlight=False, soft_wrap=True)
    out.print()
    out.print(_in_context(document.text, event), highlight=False, soft_wrap=True)
    sections = (
        ("Other reports of this event", detail.reports),
        ("What this plan became", detail.outcomes),
        ("The plans this event fulfils", detail.plans),
    )
    for title, reports in sections:
        if reports:
            out.print(f"\n[b]{title}[/b] ({len(reports)}):", highlight=False)
            for report in reports:
                out.print(f"  {escape(_report_line(report))}", highlight=False, soft_wrap=True)
    if detail.siblings:
        out.print(f"\n[b]Other events of {escape(document.id)}[/b] ({len(detail.siblings)}):")
        out.print(events_table([(e, None) for e in detail.siblings], out.width))


def _facts(detail: EventDetail) -> list[tuple[str, str]]:
    event, document = detail.event, detail.document
    when = date_text(event)
    if event.date is not None:
        phrase = f", “{event.date.text}”" if event.date.text else ""
        when += f" ({event.date.granularity}{phrase})"
    place = event.event_loc
    where = "not stated"
    if place is not None:
        where = ", ".join(p for p in (place.name, place.country) if p)
        where += f" ({place.precision})" if place.precision else ""
    published = str(document.published) if document.published else "no publication date"
    documents = "document" if detail.source_count == 1 else "documents"
    return [
        ("when", when),
        ("where", where),
        ("actor", parties_text(event.actor) or "—"),
        ("recipient", parties_text(event.recipient) or "—"),
        ("codes", _codes(event)),
        ("document", " · ".join(p for p in (document.id, document.source) if p)),
        ("title", document.title or "—"),
        ("published", published),
        ("url", document.url or "—"),
        ("reported", f"by {detail.source_count} {documents} (cluster {detail.cluster_id})"),
    ]


def _codes(event: Event) -> str:
    scale = "none (did not take place)" if event.status in UNSCALED_STATUSES else event.event_scale
    parts = [
        f"CAMEO {event.cameo}" if event.cameo else None,
        f"quad {event.quad_code}" if event.quad_code else None,
        f"Goldstein {scale}" if scale is not None else None,
        f"mode {', '.join(event.mode)}" if event.mode else None,
        f"confidence {event.confidence:.2f}",
    ]
    return " · ".join(p for p in parts if p)


def _in_context(text: str, event: Event) -> str:
    """The evidence, marked, inside its paragraph (cut to `CONTEXT_CHARS` either side)."""
    start, end = event.evidence.start, event.evidence.end
    first = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    last = text.find("\n", end)
    last = min(len(text) if last < 0 else last, end + CONTEXT_CHARS)
    before = ("…" if first > 0 and text[first - 1] != "\n" else "") + text[first:start]
    after = text[end:last] + ("…" if last < len(text) and text[last] != "\n" else "")
    return f"  {escape(before)}[reverse]«{escape(text[start:end])}»[/reverse]{escape(after)}"


def _report_line(report: Report) -> str:
    event = report.event
    title = f" “{report.title}”" if report.title else ""
    published = report.published.isoformat() if report.published else "undated"
    return (
        f"{event.id[:8]}  {published}  {report.doc_id}{title}: {event.event} {event.status} "
        f"{dyad_codes(event)} {date_text(event)} — {' '.join(event.text.split())}"
    )
