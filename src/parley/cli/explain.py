"""`--explain`: each sentence with every candidate word and what became of it."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from parley.models import Document, Event

if TYPE_CHECKING:  # the trace types live with the coder, which loads spaCy
    from parley.events.trace import Candidate, Trace

_MARKS = {"event": "[green]✓[/]", "folded": "[cyan]↳[/]", "dropped": "[red]✗[/]"}


def write_explanation(
    document: Document, events: list[Event], trace: Trace, console: Console, as_json: bool
) -> None:
    """Print the trace of one document: for people sentence by sentence, for programs one
    JSON object a candidate."""
    if as_json:
        for candidate in trace.sorted():
            record = {"doc_id": document.id, **candidate.to_dict()}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    by_id = {event.id: event for event in events}
    console.rule(escape(document.id))
    sentence: tuple[int, int] | None = None
    for candidate in trace.sorted():
        if candidate.sentence != sentence:
            sentence = candidate.sentence
            text = " ".join(document.text[sentence[0] : sentence[1]].split())
            console.print(f"\n[bold]{escape(text)}[/]", highlight=False)
        console.print(f"  {_line(candidate, by_id)}", highlight=False)
    if not trace.candidates:
        console.print("  no word of this document is in the trigger lexicon", highlight=False)


def explain_line(candidate: Candidate, events: dict[str, Event]) -> str:
    """One candidate in words, without markup: what `eval --details` prints too."""
    category = candidate.category or "—"
    if candidate.outcome == "no entry":
        return f"‘{candidate.word}’ is no trigger here: {candidate.reason}"
    parties = _parties(candidate)
    if candidate.outcome == "dropped":
        return f"‘{candidate.word}’ {category} dropped: {candidate.reason}{parties}"
    event = events.get(candidate.event_id or "")
    told = f" → event {candidate.event_id}" if candidate.event_id else ""
    if candidate.outcome == "folded":
        return f"‘{candidate.word}’ {category} folded: {candidate.reason}{told}"
    return f"‘{candidate.word}’ {_event_summary(event) if event else category}{told}"


def _line(candidate: Candidate, events: dict[str, Event]) -> str:
    mark = _MARKS.get(candidate.outcome, "[dim]·[/]")
    return f"{mark} {escape(explain_line(candidate, events))}"


def _parties(candidate: Candidate) -> str:
    if not candidate.actor and not candidate.recipient:
        return ""
    return f" ({', '.join(candidate.actor) or '?'} → {', '.join(candidate.recipient) or '?'})"


def _event_summary(event: Event) -> str:
    actor = ", ".join(e.code or e.text for e in event.actor) or "?"
    recipient = ", ".join(e.code or e.text for e in event.recipient) or "—"
    when = "undated"
    if event.date is not None:
        span = event.date.start.isoformat()
        if event.date.end != event.date.start:
            span += f"…{event.date.end.isoformat()}"
        when = f"{span} ({event.date.granularity})"
    where = event.event_loc.name if event.event_loc else "no place"
    return f"{event.event} {event.status} {actor} → {recipient} · {when} · {where}"
