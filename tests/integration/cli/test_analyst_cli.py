"""The analyst's workflow on the command line (issue 16), through Typer's runner on the
hand-built `analyst_corpus` of tests/conftest.py: loud errors instead of empty tables, any
case and several values, the questions (between, newest first, months side by side, a
period, one event in full, the agenda), and output for people and for pipes."""

from __future__ import annotations

import json
from typing import Any

import pytest

QUERY = ("query", "stats", "export")


def _run(parley: Any, analyst_corpus: Any, command: str, *options: str) -> Any:
    extra = ("-f", "csv", "-o", str(analyst_corpus.path.parent / "x.csv"))
    args = [command, "--db", analyst_corpus.path, *options, *(extra if command == "export" else ())]
    return parley.invoke(*args)


def _ids(parley: Any, analyst_corpus: Any, *options: str) -> list[str]:
    result = _run(parley, analyst_corpus, "query", "--format", "jsonl", *options)
    parley.assert_clean(result, 0)
    return parley.ids(parley.jsonl(result.stdout))


@pytest.mark.parametrize("command", QUERY)
@pytest.mark.parametrize(
    ("options", "option", "words"),
    [
        (("--event", "PROTESTS"), "--event", "unknown event 'PROTESTS'; did you mean PROTEST?"),
        (("--status", "happened"), "--status", "unknown status 'happened'"),
        (("--actor", "Trump"), "--actor", "did you mean USA (Donald Trump)"),
        (("--recipient", "turkey"), "--recipient", "did you mean TUR (Turkey)"),
        (("--party", "USA", "--party", "ZZZ"), "--party", "unknown party 'ZZZ'"),
        (("--between", "USA", "usa"), "--between", "two different parties"),
    ],
)
def test_a_value_that_names_nothing_is_a_usage_error(
    parley: Any,
    analyst_corpus: Any,
    command: str,
    options: tuple[str, ...],
    option: str,
    words: str,
) -> None:
    """`--event PROTESTS`, `--status happened` and `--actor Trump` printed an empty table and
    exited 0: an analyst concluded nothing happened."""
    result = _run(parley, analyst_corpus, command, *options)
    parley.assert_clean(result, 2)
    message = parley.words(result.stderr)
    assert option in message and words in message, message


@pytest.mark.parametrize("command", ["query", "export"])
def test_an_unknown_order_is_a_usage_error(parley: Any, analyst_corpus: Any, command: str) -> None:
    result = _run(parley, analyst_corpus, command, "--sort", "newest")
    parley.assert_clean(result, 2)
    assert "unknown sort 'newest'" in parley.words(result.stderr)


def test_a_known_state_without_events_is_an_honest_empty_answer(
    parley: Any, analyst_corpus: Any
) -> None:
    assert _ids(parley, analyst_corpus, "--actor", "FRA") == []


def test_codes_in_any_case_and_repeated_options_mean_any_of_them(
    parley: Any, analyst_corpus: Any
) -> None:
    """The CLI took only upper case, and a repeated --actor kept only the last one."""
    events = analyst_corpus.events
    assert _ids(parley, analyst_corpus, "--event", "accuse") == [events["accusation"].id]
    both = _ids(parley, analyst_corpus, "--actor", "irn", "--actor", "TUR")
    assert both == analyst_corpus.ids("detentions", "call", "meeting", "accusation")
    assert _ids(parley, analyst_corpus, "--actor", "irn,tur") == both


def test_status_is_what_happened_unless_asked(parley: Any, analyst_corpus: Any) -> None:
    everything = _ids(parley, analyst_corpus, "--status", "all")
    assert len(everything) == len(analyst_corpus.events)
    occurred = _ids(parley, analyst_corpus)
    assert set(occurred) == set(
        analyst_corpus.ids("call", "detentions", "meeting", "accusation", "sanctions")
    )
    planned = _ids(parley, analyst_corpus, "--status", "planned,negated")
    assert set(planned) == set(analyst_corpus.ids("plan", "deal", "no_concession"))


def test_between_and_newest_first(parley: Any, analyst_corpus: Any) -> None:
    """ "When did Trump and Erdogan last meet?": the calls are coded with both as actors, so
    --actor USA --recipient TUR missed them, and the oldest came first."""
    missed = _ids(
        parley, analyst_corpus, "--actor", "USA", "--recipient", "TUR", "--event", "CONSULT"
    )
    assert missed == []
    calls = ("--between", "usa", "tur", "--event", "CONSULT")
    assert _ids(parley, analyst_corpus, *calls) == analyst_corpus.ids("call", "meeting")
    latest = _ids(parley, analyst_corpus, *calls, "--sort", "-date", "--limit", "1")
    assert latest == analyst_corpus.ids("meeting")


def test_stats_compares_two_parties_month_by_month(parley: Any, analyst_corpus: Any) -> None:
    """Months without events were left out, and two actors could not be compared."""
    result = _run(
        parley,
        analyst_corpus,
        "stats",
        "--by",
        "month",
        "--party",
        "TUR",
        "--party",
        "IRN",
        "--format",
        "jsonl",
    )
    parley.assert_clean(result, 0)
    assert parley.jsonl(result.stdout) == [
        {"month": "2020-01", "TUR": 2, "IRN": 0},
        {"month": "2020-02", "TUR": 0, "IRN": 0},
        {"month": "2020-03", "TUR": 1, "IRN": 1},
        {"month": "2020-04", "TUR": 0, "IRN": 0},
        {"month": "2020-05", "TUR": 0, "IRN": 1},
    ]


def test_stats_limit_and_by_status(parley: Any, analyst_corpus: Any) -> None:
    result = _run(parley, analyst_corpus, "stats", "--by", "dyad", "--limit", "2", "-f", "jsonl")
    parley.assert_clean(result, 0)
    assert len(parley.jsonl(result.stdout)) == 2
    result = _run(
        parley, analyst_corpus, "stats", "--by", "status", "--status", "all", "-f", "jsonl"
    )
    parley.assert_clean(result, 0)
    counts = {row["status"]: row["events"] for row in parley.jsonl(result.stdout)}
    assert counts == {"occurred": 5, "planned": 2, "negated": 1}


def test_summary_of_a_period(parley: Any, analyst_corpus: Any) -> None:
    period = ("--since", "2020-03-01", "--until", "2020-06-30")
    result = _run(parley, analyst_corpus, "summary", *period)
    parley.assert_clean(result, 0)
    text = parley.words(result.stdout)
    assert (
        "3 events" in text and "2 planned" in text and "Parties first seen since 2020-03-01" in text
    )
    assert "IRN" in text and "Top dyads" in text and "Most reported events" in text
    result = _run(parley, analyst_corpus, "summary", *period, "--json")
    parley.assert_clean(result, 0)
    found = json.loads(result.stdout)
    assert found["events"] == 3 and found["new_parties"][0]["party"] == "IRN"


def test_show_prints_an_event_with_its_evidence_and_source(
    parley: Any, analyst_corpus: Any
) -> None:
    """There was no way to see one event with its evidence and source document."""
    plan = analyst_corpus.events["plan"]
    result = parley.invoke("show", plan.id[:8], "--db", analyst_corpus.path)
    parley.assert_clean(result, 0)
    text = parley.words(result.stdout)
    for words in (
        f"CONSULT · planned · {plan.id}",
        "title Trump and Erdogan talk",
        "published 2020-01-10",
        "url https://news.example/talks",
        "«The two leaders will meet in Washington in the first week of March.»",
        "What this plan became (1)",
        "Trump met Erdogan at the White House on Wednesday.",
        "Other events of talks (3)",
    ):
        assert words in text, (words, text)
    negated = analyst_corpus.events["no_concession"]
    shown = parley.invoke("show", negated.id, "--db", analyst_corpus.path)
    assert "Goldstein none (did not take place)" in parley.words(shown.stdout)


@pytest.mark.parametrize(("given", "words"), [("zzzzzzzz", "no event"), ("ab", "no event")])
def test_show_an_unknown_event_is_a_usage_error(
    parley: Any, analyst_corpus: Any, given: str, words: str
) -> None:
    result = parley.invoke("show", given, "--db", analyst_corpus.path)
    parley.assert_clean(result, 2)
    assert words in parley.words(result.stderr)


def test_agenda_lists_plans_by_date_with_their_fate(parley: Any, analyst_corpus: Any) -> None:
    result = _run(parley, analyst_corpus, "agenda", "--format", "jsonl")
    parley.assert_clean(result, 0)
    rows = parley.jsonl(result.stdout)
    assert [(r["expected"], r["state"], r["event"]) for r in rows] == [
        ("2020-03-02…2020-03-08", "occurred", "CONSULT"),
        ("2020-04-01…2020-04-30", "overdue", "AGREE"),
    ]
    assert rows[0]["became"] == analyst_corpus.events["meeting"].id[:8]


def test_a_pipe_gets_tsv_and_a_terminal_a_one_line_table(parley: Any, analyst_corpus: Any) -> None:
    """Piped, a table was wrapped into a word a line; at 80 columns the parties were '…'."""
    piped = _run(parley, analyst_corpus, "query")
    parley.assert_clean(piped, 0)
    header, *lines = piped.stdout.splitlines()
    assert header.split("\t")[:3] == ["id", "doc_id", "date"]
    assert len(lines) == 5 and all(len(line.split("\t")) == 12 for line in lines)

    table = _run(parley, analyst_corpus, "query", "--format", "table")  # 80 columns
    parley.assert_clean(table, 0)
    header, _, *rows = table.stdout.splitlines()
    assert header.split()[:3] == ["id", "date", "dated"] and len(rows) == 5
    call = analyst_corpus.events["call"]
    (row,) = [row for row in rows if row.startswith(call.id[:8])]
    assert "USA, TUR" in row and "2020-01-09" in row
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
