"""`parley eval`: score extraction against answer keys or the PLOVER gold-standard records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich import box
from rich.table import Table

from parley.cli.common import DictionariesOption, console, load_pipeline
from parley.cli.eval_muc import DEFAULT_CORPUS, muc_splits, run_muc
from parley.cli.explain import explain_line
from parley.eval.misses import by_reason

if TYPE_CHECKING:  # the evaluation runs the coder, which loads spaCy: imported when used
    from parley.eval.gsr import GsrTotal
    from parley.eval.misses import Miss
    from parley.eval.run import KeyResult
    from parley.eval.scoring import DocumentScore, TotalScore


def evaluate(
    keys: list[Path] = typer.Argument(
        None,
        help="Answer keys (JSON), e.g. ../shared/gold/dev/*.json; with --muc, the MUC-3/4 "
        f"corpus folder (default {DEFAULT_CORPUS}, from the current directory).",
    ),
    gsr: Path | None = typer.Option(
        None, "--gsr", help="PLOVER gold-standard records (JSONL) to score instead.", exists=True
    ),
    muc: bool = typer.Option(
        False,
        "--muc",
        help="Score the MUC-4 incident keys instead (issue 12): an incident is found when an "
        "event of its message has a matching category in the incident's country.",
    ),
    split: list[str] = typer.Option(
        None,
        "--split",
        help="With --muc: dev, tst1 or tst2 (repeat, or join with '+'; default tst1+tst2). "
        "tst3 and tst4 are the held-out test keys: they run only when named, and are never "
        "to be tuned on.",
    ),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="With --muc: only the first N messages, for a quick run."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    details: bool = typer.Option(
        False,
        "--details",
        help="List every miss and false positive; for each missed required event, what "
        "became of the words of its sentence (see `parley extract --explain`), and the "
        "misses counted by reason (with --muc: each missed incident, with the events "
        "Parley coded for its message).",
    ),
    dictionaries: Path | None = DictionariesOption,
) -> None:
    """Score Parley against answer keys, the PLOVER records (--gsr) or MUC-4 (--muc).

    By ../shared/spec/SCORING.md: event P/R/F1, strict F1, field accuracy; or on the PLOVER
    gold-standard records (--gsr) or the MUC-4 incident keys (--muc)."""
    if muc:
        if gsr is not None:
            raise typer.BadParameter("--muc and --gsr are two evaluations; give one")
        if keys and len(keys) > 1:
            raise typer.BadParameter("with --muc, give one corpus folder", param_hint="KEYS")
        corpus = keys[0] if keys else DEFAULT_CORPUS
        run_muc(corpus, muc_splits(split), limit, as_json, details, dictionaries)
        return
    if split or limit is not None:
        raise typer.BadParameter("--split and --limit go with --muc")
    if not keys and gsr is None:
        raise typer.BadParameter("give answer keys, or --gsr FILE", param_hint="KEYS")
    from parley.eval.run import evaluate_gsr, evaluate_keys

    pipeline = load_pipeline(dictionaries)
    if gsr is not None:
        _print_gsr(evaluate_gsr(gsr, pipeline), as_json, details)
        return
    results, total = evaluate_keys(keys, pipeline)
    misses = [miss for result in results for miss in result.misses()]
    if as_json:
        payload = {
            "documents": [r.score.to_dict() for r in results],
            "total": total.to_dict(),
            "misses_by_reason": dict(by_reason(misses)),
        }
        console.print_json(json.dumps(payload, default=str))
        return
    console.print(_scores_table([r.score for r in results], total))
    if details:
        for result in results:
            _print_details(result)
        console.print(_reasons_table(misses))


def _scores_table(scores: list[DocumentScore], total: TotalScore) -> Table:
    """Documents by their whole ids (a narrow terminal squeezes the figures' headers, never
    the ids: "wikinews…" eighteen times names nothing)."""
    table = Table(
        title="Extraction against answer keys",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),
    )
    longest = max((len(score.doc_id) for score in scores), default=8)
    table.add_column("document", no_wrap=True, min_width=longest)
    for column in ("P", "R", "F1", "strict F1", "status", "date", "place", "names"):
        table.add_column(column, justify="right", min_width=4)
    for score in scores:
        table.add_row(score.doc_id, *_figures(score))
    table.add_row("[b]total[/b]", *_figures(total), end_section=True)
    return table


def _figures(score: DocumentScore | TotalScore) -> list[str]:
    fields = [score.status, score.date, score.location, score.names]
    return [
        f"{score.precision:.2f}",
        f"{score.recall:.2f}",
        f"{score.f1:.2f}",
        f"{score.strict_f1:.2f}",
        *[f"{f.accuracy:.2f}" if f.accuracy is not None else "—" for f in fields],
    ]


def _print_details(result: KeyResult) -> None:
    score = result.score
    console.rule(score.doc_id)
    misses = {miss.gold.id: miss for miss in result.misses()}
    by_id = {event.id: event for event in result.events}
    for outcome in score.outcomes:
        if outcome.prediction is None:
            flag = "MISSED" if outcome.required else "missed (optional)"
            console.print(f"  {outcome.gold_id}: {flag}", highlight=False)
            if outcome.gold_id in misses:
                _print_miss(misses[outcome.gold_id], by_id)
        elif outcome.wrong:
            console.print(
                f"  {outcome.gold_id}: found, wrong {', '.join(outcome.wrong)}", highlight=False
            )
    for fp in score.false_positives:
        record = result.predictions[fp.prediction]
        kind = f"duplicate of {fp.duplicate_of}" if fp.duplicate_of else "false positive"
        parties = [e.get("country") or e.get("org") for e in record.get("actor", [])]
        targets = [e.get("country") or e.get("org") for e in record.get("recipient", [])]
        console.print(
            f"  {kind}: {record.get('event')} {record.get('status')} {parties}→{targets} "
            f"{record.get('date')} “{record.get('trigger')}”",
            highlight=False,
        )


def _print_miss(miss: Miss, events: dict) -> None:
    gold = miss.gold
    evidence = " ".join(gold.evidence.split())
    console.print(
        f"      {'/'.join(gold.types)}: “{evidence[:110]}{'…' if len(evidence) > 110 else ''}”",
        highlight=False,
    )
    console.print(f"      why: {miss.reason}", highlight=False)
    for candidate in miss.candidates:
        console.print(f"        {explain_line(candidate, events)}", highlight=False)


def _reasons_table(misses: list[Miss]) -> Table:
    table = Table(title=f"Missed required events by reason ({len(misses)})")
    table.add_column("reason")
    table.add_column("misses", justify="right")
    for reason, count in by_reason(misses).most_common():
        table.add_row(reason, str(count))
    return table


def _print_gsr(total: GsrTotal, as_json: bool, details: bool) -> None:
    if as_json:
        console.print_json(json.dumps(total.to_dict(), default=str))
        return
    table = Table(title=f"PLOVER gold-standard records ({total.n})")
    for column in ("category", "records", "category found", "category and parties"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for category, tally in sorted(total.by_category.items()):
        table.add_row(category, str(tally.n), str(tally.category_found), str(tally.parties_found))
    table.add_row(
        "[b]share[/b]",
        str(total.n),
        f"{total.category_share:.3f}",
        f"{total.category_and_parties_share:.3f}",
    )
    console.print(table)
    if details:
        for miss in total.misses:
            console.print(f"  {miss.id}: {miss.category} missed {miss.missed}", highlight=False)
