"""`parley eval --muc`: incidents of the MUC-4 keys found by Parley (issue 12).

Coding 200 messages takes minutes, so the run shows a progress bar and reports its time;
the figures are counts with their shares (``parley.eval.muc``).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.table import Table

from parley.actors.dictionary import load_dictionaries
from parley.cli.common import console, err_console, load_pipeline, progress_bar
from parley.eval.muc import INCIDENT_CATEGORIES, MucTotal, Tally
from parley.eval.muc_keys import HELD_OUT, SPLITS, country_codes, load_corpus

if TYPE_CHECKING:  # the evaluation runs the coder, which loads spaCy: imported when used
    from parley.eval.run import MucResult

DEFAULT_CORPUS = Path("../shared/corpus/muc34")
DEFAULT_SPLITS: tuple[str, ...] = ("tst1", "tst2")


def muc_splits(values: list[str] | None) -> list[str]:
    """The `--split` values (repeated, or joined with ',' or '+'), tst1+tst2 by default."""
    if not values:
        return list(DEFAULT_SPLITS)
    names = [name.strip().lower() for value in values for name in re.split(r"[,+]", value)]
    names = [name for name in names if name]
    unknown = [name for name in names if name not in SPLITS]
    if unknown or not names:
        raise typer.BadParameter(
            f"{(unknown or values)[0]!r} is not a MUC split ({', '.join(SPLITS)})",
            param_hint="--split",
        )
    return list(dict.fromkeys(names))


def run_muc(
    corpus: Path,
    splits: list[str],
    limit: int | None,
    as_json: bool,
    details: bool,
    dictionaries: Path | None,
) -> None:
    """Load the keys first (a bad key fails before the model loads), code, print."""
    from parley.eval.run import evaluate_muc

    if not corpus.is_dir():
        raise typer.BadParameter(
            f"{corpus} is not a folder; give the MUC-3/4 corpus folder ({DEFAULT_CORPUS})",
            param_hint="KEYS",
        )
    cases = load_corpus(corpus, splits, country_codes(load_dictionaries(dictionaries)))[:limit]
    held_out = sorted(HELD_OUT.intersection(splits))
    if held_out:
        err_console.print(
            f"warning: {' and '.join(held_out)} are the held-out test keys: report these "
            "figures, never tune on them",
            highlight=False,
        )
    pipeline = load_pipeline(dictionaries)
    started = time.perf_counter()
    with progress_bar() as progress:
        task = progress.add_task("coding MUC messages", total=len(cases))
        results, total = evaluate_muc(cases, pipeline, lambda: progress.advance(task))
    seconds = time.perf_counter() - started
    if as_json:
        payload: dict[str, Any] = {"splits": splits, "seconds": seconds, **total.to_dict()}
        if details:
            payload["missed"] = [miss for result in results for miss in _misses(result)]
        console.print_json(json.dumps(payload))
        return
    _print_total(total, splits)
    err_console.print(f"{len(cases)} messages coded in {seconds:.0f} s", highlight=False)
    if details:
        for result in results:
            _print_misses(result)


def _print_total(total: MucTotal, splits: list[str]) -> None:
    name = "+".join(splits)
    found = _tally_table(f"MUC-4 incidents found, {name} (required templates)", "split", {})
    for split, tally in total.by_split.items():
        found.add_row(split, *_figures(tally))
    found.add_row("[b]total[/b]", *_figures(total.required), end_section=True)
    found.add_row("optional templates", *_figures(total.optional))
    console.print(found)
    console.print(_tally_table("By incident type", "type", total.by_type))
    console.print(_tally_table("By stage of execution", "stage", total.by_stage))
    kinds = "/".join(sorted(INCIDENT_CATEGORIES))
    events = ", ".join(f"{category} {n}" for category, n in total.unkeyed_events.items())
    console.print(
        f"Precision proxy (loose: MUC keys only terrorist incidents): of "
        f"{total.messages_without_incident} messages with no incident, "
        f"{total.messages_without_incident_with_events} have {kinds} events "
        f"({events or 'none'})",
        highlight=False,
    )


def _tally_table(title: str, first: str, tallies: Mapping[str, Tally]) -> Table:
    table = Table(title=title)
    for column in (first, "incidents", "found", "share"):
        table.add_column(column, justify="left" if column == first else "right")
    for name, tally in tallies.items():
        table.add_row(name, *_figures(tally))
    return table


def _figures(tally: Tally) -> list[str]:
    share = f"{tally.share:.3f}" if tally.share is not None else "—"
    return [str(tally.incidents), str(tally.found), share]


def _misses(result: MucResult) -> list[dict[str, Any]]:
    """The message's missed incidents, each with every event Parley coded for the message."""
    events = [_event_summary(record) for record in result.predictions]
    return [
        {
            "message": outcome.incident.message,
            "split": result.score.message.split,
            "template": outcome.incident.number,
            "optional": outcome.incident.optional,
            "type": outcome.incident.type_label,
            "stage": outcome.incident.stage_label,
            "location": outcome.incident.location,
            "countries": sorted(outcome.incident.countries),
            "events": events,
        }
        for outcome in result.score.outcomes
        if not outcome.found
    ]


def _event_summary(record: dict[str, Any]) -> dict[str, Any]:
    place = record.get("event_loc") or {}
    return {
        "event": record.get("event"),
        "status": record.get("status"),
        "actor": _parties(record.get("actor")),
        "recipient": _parties(record.get("recipient")),
        "place": place.get("country"),
        "trigger": record.get("trigger"),
    }


def _parties(entities: list[dict[str, Any]] | None) -> list[str]:
    return [entity.get("country") or entity.get("org") or "?" for entity in entities or []]


def _print_misses(result: MucResult) -> None:
    missed = [outcome for outcome in result.score.outcomes if not outcome.found]
    if not missed:
        return
    console.rule(result.score.message.id)
    for outcome in missed:
        incident = outcome.incident
        flag = "missed (optional)" if incident.optional else "MISSED"
        console.print(
            f"  {flag} #{incident.number} {incident.type_label} ({incident.stage_label}) in "
            f"{','.join(sorted(incident.countries)) or '?'}: {incident.location or '-'}",
            highlight=False,
        )
    if not result.predictions:
        console.print("    (no events coded)", highlight=False)
    serving = {o.event: o.incident.number for o in result.score.outcomes if o.event is not None}
    for index, record in enumerate(result.predictions):
        event = _event_summary(record)
        served = f" serves #{serving[index]}" if index in serving else ""
        console.print(
            f"    [{index}] {event['event']} {event['status']} "
            f"{','.join(event['actor'])}→{','.join(event['recipient'])} "
            f"at {event['place'] or '?'} “{event['trigger']}”{served}",
            highlight=False,
        )
