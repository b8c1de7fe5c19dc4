"""`parley extract` end to end: records on stdout, problems on stderr, exit codes.

Event counts and categories of real articles are not asserted (the coder is being tuned);
the record structure and the command's behaviour are.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

OWN_ARTICLE = (
    "TOKYO, June 2, 2022 (Wire) -- Japan's foreign minister will meet his Chinese counterpart "
    "in Beijing on Friday, the Foreign Ministry said.\n\n"
    "North Korea fired a ballistic missile into the sea on Wednesday, South Korea's military "
    "said. The United States condemned the launch.\n"
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Envoys to meet in Seoul</title>
  <meta property="article:published_time" content="2022-05-31T09:00:00+09:00">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Envoys to meet in Seoul</h1>
    <p>South Korea's nuclear envoy will hold talks with his American and Japanese
    counterparts in Seoul on Friday, the Foreign Ministry said on Tuesday.</p>
    <p>The three envoys are expected to discuss North Korea's recent missile launches and
    signs that Pyongyang is preparing a nuclear test, officials said.</p>
    <p>North Korea fired a ballistic missile into the sea last week, South Korea's Joint
    Chiefs of Staff said. The United States condemned the launch and urged Pyongyang to
    return to dialogue.</p>
  </article>
  <footer>Copyright 2022. All rights reserved.</footer>
</body>
</html>
"""


def test_jsonl_records_follow_the_events_spec(parley, herald: Path, herald_events) -> None:
    text = parley.document_text(herald)
    assert herald_events, "the seed article gave no events"
    for record in herald_events:
        parley.check_record(record, text)
        assert record["doc_id"] == herald.stem


def test_event_ids_are_unique(parley, herald_events) -> None:
    ids = parley.ids(herald_events)
    assert len(set(ids)) == len(ids), "two records share an id"


def test_event_ids_are_stable_across_runs(parley, herald: Path, herald_events) -> None:
    again = parley.invoke("extract", herald, "--published", "2022-05-31")
    parley.assert_clean(again, 0)
    assert parley.ids(parley.jsonl(again.stdout)) == parley.ids(herald_events)


def test_csv_is_a_header_and_one_row_per_event(parley, herald: Path, herald_events) -> None:
    result = parley.invoke("extract", herald, "--published", "2022-05-31", "--format", "csv")
    parley.assert_clean(result, 0)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert rows, result.stdout
    assert {"id", "doc_id", "event", "status", "date", "text"} <= set(rows[0])
    assert [row["id"] for row in rows] == parley.ids(herald_events)
    for row in rows:
        assert row["event"] in parley.CATEGORIES
        assert row["status"] in parley.STATUSES
        assert row["doc_id"] == herald.stem


def test_table_format_exits_zero(parley, herald: Path) -> None:
    result = parley.invoke("extract", herald, "--published", "2022-05-31", "-f", "table")
    parley.assert_clean(result, 0)
    assert result.stdout.strip()


def test_doc_id_option_names_the_document(parley, herald: Path) -> None:
    result = parley.invoke("extract", herald, "--published", "2022-05-31", "--doc-id", "X")
    parley.assert_clean(result, 0)
    records = parley.jsonl(result.stdout)
    assert records
    assert {record["doc_id"] for record in records} == {"X"}


def test_own_short_article(parley, tmp_path: Path) -> None:
    article = tmp_path / "own-article.txt"
    article.write_text(OWN_ARTICLE, encoding="utf-8")
    result = parley.invoke("extract", article, "--published", "2022-06-02")
    parley.assert_clean(result, 0)
    for record in parley.jsonl(result.stdout):
        parley.check_record(record, OWN_ARTICLE)
        assert record["doc_id"] == "own-article"


def test_html_article(parley, tmp_path: Path) -> None:
    page = tmp_path / "envoys.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    result = parley.invoke("extract", page)
    parley.assert_clean(result, 0)
    for record in parley.jsonl(result.stdout):
        parley.check_record(record)
        assert record["doc_id"] == "envoys"
        assert "Copyright" not in record["text"]


def test_impossible_published_date_is_a_usage_error(parley, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(OWN_ARTICLE, encoding="utf-8")
    result = parley.invoke("extract", article, "--published", "2022-13-01")
    parley.assert_clean(result, 2)
    message = parley.words(result.stderr)
    assert "--published" in message and "2022-13-01" in message
    assert "YYYY-MM-DD" in message
    assert result.stdout == ""


def test_jsonl_with_bad_lines_codes_the_good_one(
    parley, herald: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    good = {"id": "good", "text": parley.document_text(herald), "published": "2022-05-31"}
    Path("mixed.jsonl").write_text(
        json.dumps(good) + "\n" + '{"id": "broken", "text": \n' + '{"id": "textless"}\n',
        encoding="utf-8",
    )
    result = parley.invoke("extract", "mixed.jsonl")
    parley.assert_clean(result, 1)
    records = parley.jsonl(result.stdout)
    assert records, "the good line gave no events"
    for record in records:
        parley.check_record(record, good["text"])
        assert record["doc_id"] == "good"
    problems = [line for line in result.stderr.splitlines() if "mixed.jsonl" in line]
    assert len(problems) == 2, result.stderr
    assert "mixed.jsonl:2" in problems[0] and "JSON" in problems[0]
    assert "mixed.jsonl:3" in problems[1] and "text" in problems[1]
    assert "mixed.jsonl:1" not in result.stderr


UNREADABLE: dict[str, tuple[str, bytes, str]] = {
    "empty": ("empty.txt", b"", "empty"),
    "binary": ("blob.txt", bytes(range(256)), "binary"),
    "latin-1": ("latin.txt", "Café crème à Séoul, déjà vu.\n".encode("latin-1"), "UTF-8"),
    "broken-html": ("broken.html", b"<html><body><div", "no article text"),
}


@pytest.mark.parametrize("case", UNREADABLE.values(), ids=list(UNREADABLE))
def test_unreadable_file_is_one_clear_stderr_line(
    parley, case: tuple[str, bytes, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, data, reason = case
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(data)
    result = parley.invoke("extract", name, "--published", "2022-05-31")
    parley.assert_clean(result, 1)
    assert result.stdout == ""
    problems = [line for line in result.stderr.splitlines() if name in line]
    assert len(problems) == 1, result.stderr
    assert reason in problems[0]


def test_missing_path_is_a_clear_error(
    parley, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = parley.invoke("extract", "no-such-article.txt")
    assert result.exit_code != 0
    parley.assert_clean(result, result.exit_code)
    problems = [line for line in result.stderr.splitlines() if "no-such-article.txt" in line]
    assert len(problems) == 1, result.stderr
    assert "no such file" in problems[0].lower()


def test_problem_with_a_long_path_stays_on_one_stderr_line(parley, tmp_path: Path) -> None:
    """Scripts grep stderr (often a log file, not a terminal) for the file that failed."""
    missing = tmp_path / ("deeply-nested-folder-of-articles-" * 3) / "no-such-article.txt"
    result = parley.invoke("extract", missing)
    assert result.exit_code == 1
    assert any(str(missing) in line for line in result.stderr.splitlines()), result.stderr


def test_real_entry_point_reports_bad_jsonl_lines(parley, herald: Path, tmp_path: Path) -> None:
    good = {"id": "good", "text": parley.document_text(herald), "published": "2022-05-31"}
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(good) + "\nnot json at all\n", encoding="utf-8")
    done = parley.module("extract", corpus)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert f"{corpus}:2" in parley.squashed(done.stderr)
    records: list[dict[str, Any]] = parley.jsonl(done.stdout)
    assert records and {record["doc_id"] for record in records} == {"good"}


def test_extract_help_mentions_published(parley) -> None:
    result = parley.invoke("extract", "--help")
    parley.assert_clean(result, 0)
    assert "--published" in result.stdout


def test_explain_shows_each_sentence_and_why_candidates_were_dropped(
    parley, tmp_path: Path
) -> None:
    article = tmp_path / "explain.txt"
    article.write_text(
        "France urged Iran to release the prisoners on Monday.\n"
        "The king dissolved parliament at the request of the minister.\n",
        encoding="utf-8",
    )
    result = parley.invoke("extract", article, "--published", "2024-05-10", "--explain")
    parley.assert_clean(result, 0)
    text = parley.words(result.stdout)
    assert "France urged Iran to release the prisoners on Monday." in text
    assert "‘urged’ REQUEST occurred FRA → IRN" in text
    assert "‘release’ RETREAT dropped: told by ‘urged’" in text
    assert "‘request’ REQUEST dropped: no actor" in text


def test_explain_as_jsonl_gives_one_record_a_candidate(parley, tmp_path: Path) -> None:
    article = tmp_path / "explain.txt"
    article.write_text("France urged Iran to release the prisoners on Monday.\n", "utf-8")
    result = parley.invoke(
        "extract", article, "--published", "2024-05-10", "--explain", "--format", "jsonl"
    )
    parley.assert_clean(result, 0)
    records = parley.jsonl(result.stdout)
    assert {(r["word"], r["outcome"]) for r in records} == {
        ("urged", "event"),
        ("release", "dropped"),
    }
    assert all(r["doc_id"] == "explain" for r in records)


@pytest.mark.parametrize("explain", [False, True])
def test_a_document_that_raises_costs_only_itself(
    parley,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    real_pipeline,
    faulty,
    explain: bool,
) -> None:
    stories = [
        "Japan and Australia will hold talks in Canberra on Friday.",
        "Police arrested dozens of protesters in Hong Kong on Thursday.",
        "France imposed new sanctions on Russia on Monday.",
        "Germany sent aid to Turkey after the earthquake on Tuesday.",
    ]
    lines = [json.dumps({"id": f"doc-{n}", "text": s}) for n, s in enumerate(stories, 1)]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    broken = faulty(real_pipeline, "doc-3")  # the third document raises, as a bug would
    monkeypatch.setattr("parley.cli.extract_cmd.load_pipeline", lambda _: broken)
    options = ["--explain", "--format", "jsonl"] if explain else []
    result = parley.invoke("extract", corpus, "--published", "2023-03-14", *options)
    parley.assert_clean(result, 1)
    coded = {record["doc_id"] for record in parley.jsonl(result.stdout)}
    assert coded == {"doc-1", "doc-2", "doc-4"}
    assert result.stderr.splitlines() == [
        "skipped doc-3: not coded: RecursionError: maximum recursion depth exceeded",
        "1 input(s) skipped",
    ]


def test_a_text_over_the_parsers_limit_is_coded_in_parts(
    parley, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, real_pipeline
) -> None:
    monkeypatch.setattr(real_pipeline.nlp, "max_length", 3_000)  # 1,000,000 by default
    monkeypatch.setattr("parley.cli.extract_cmd.load_pipeline", lambda _: real_pipeline)
    text = "".join(
        f"Police arrested {n} protesters in Hong Kong on Thursday, officials said.\n\n"
        for n in range(60)
    )
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    result = parley.invoke("extract", article, "--published", "2023-03-14")
    parley.assert_clean(result, 0)
    records = parley.jsonl(result.stdout)
    assert max(record["evidence"]["start"] for record in records) > 1_500  # a later part
    for record in records:
        parley.check_record(record, text)
