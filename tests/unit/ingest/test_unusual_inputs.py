"""Unusual but real inputs cost their own record, never the good ones around them, and are
always named: links that lead nowhere or in circles, stray NUL bytes, UTF-16 files, lone
surrogates, control characters in file names, records over the memory cap."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from parley.ingest import ReadProblem, read_documents
from parley.models import Document

STORY = "Japan and Australia will hold talks in Canberra on Friday, officials said."


def read(*paths: Path, **options: object) -> tuple[list[Document], list[str]]:
    items = list(read_documents(paths, **options))  # type: ignore[arg-type]
    documents = [item for item in items if isinstance(item, Document)]
    problems = [str(item) for item in items if isinstance(item, ReadProblem)]
    return documents, problems


def test_a_symlink_loop_is_named_and_the_rest_of_the_folder_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY)
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    documents, problems = read(tmp_path)
    assert [d.id for d in documents] == ["good"]
    assert problems == [
        f"{tmp_path / 'loop-a'}: too many levels of symbolic links",
        f"{tmp_path / 'loop-b'}: too many levels of symbolic links",
    ]


def test_a_dangling_symlink_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY)
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    documents, problems = read(tmp_path)
    assert [d.id for d in documents] == ["good"]
    assert problems == [
        f"{tmp_path / 'link.txt'}: broken symbolic link (to {tmp_path / 'gone.txt'}, "
        "which does not exist)"
    ]


def test_a_symlink_to_a_folder_is_named_not_followed(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "story.txt").write_text(STORY)
    os.symlink(tmp_path, tmp_path / "inner" / "up")
    documents, problems = read(tmp_path)
    assert [d.id for d in documents] == ["story"]
    assert problems == [f"{tmp_path / 'inner' / 'up'}: symbolic link to a folder, not followed"]


@pytest.mark.parametrize("where", ["early", "late"])
def test_a_nul_byte_in_a_csv_costs_its_row_wherever_it_is(tmp_path: Path, where: str) -> None:
    rows = [f'r{n},"{STORY} Row {n}."' for n in range(400)]  # about 33 KB
    bad = 3 if where == "early" else 390
    rows[bad] = rows[bad].replace("Row", "Ro\x00w")
    path = tmp_path / "news.csv"
    path.write_text("id,text\n" + "\n".join(rows) + "\n")
    documents, problems = read(path)
    assert len(documents) == 399 and f"r{bad}" not in {d.id for d in documents}
    assert problems == [f"{path}:{bad + 2}: row {bad + 1}: a NUL byte in the line (binary data?)"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".txt"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_files_are_named_as_such(tmp_path: Path, suffix: str, encoding: str) -> None:
    content = {".csv": f'id,text\na,"{STORY}"\n', ".jsonl": json.dumps({"text": STORY}) + "\n"}
    path = tmp_path / f"news{suffix}"
    path.write_bytes(content.get(suffix, STORY).encode(encoding))
    documents, problems = read(path)
    assert documents == []
    assert problems == [
        f"{path}: UTF-16 text, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8 FILE > NEW)"
    ]


def test_a_lone_surrogate_in_a_jsonl_line_costs_that_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        '{"id": "b\\ud800", "text": "' + STORY + '"}',
        json.dumps({"id": "c", "text": STORY + " \\udfff"}).replace("\\\\udfff", "\\udfff"),
        json.dumps({"id": "d", "text": STORY}),
    ]
    path.write_text("\n".join(lines) + "\n")
    documents, problems = read(path)
    assert [d.id for d in documents] == ["a", "d"]
    assert problems == [
        f'{path}:2: not valid Unicode: "id" holds a lone surrogate (\\ud800)',
        f'{path}:3: not valid Unicode: "text" holds a lone surrogate (\\udfff)',
    ]


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    _, [problem] = read(path)
    assert "\n" not in problem
    assert problem == f"{tmp_path}/two\\nlines.txt: empty file"


def test_a_record_over_the_cap_is_named_and_the_next_one_read(tmp_path: Path) -> None:
    from parley.ingest import ReadLimits

    path = tmp_path / "news.jsonl"
    huge = json.dumps({"id": "huge", "text": "word " * 5_000})
    path.write_text(
        "\n".join(
            [json.dumps({"id": "a", "text": STORY}), huge, f'{{"id": "b", "text": "{STORY}"}}']
        )
        + "\n"
    )
    documents, problems = read(path, limits=ReadLimits(max_record_bytes=10_000))
    assert [d.id for d in documents] == ["a", "b"]
    assert problems == [
        f"{path}:2: line of {len(huge) + 1:,} bytes is over the cap of 10,000 bytes per record"
    ]
    big = tmp_path / "big.txt"
    big.write_text(STORY * 200)
    _, problems = read(big, limits=ReadLimits(max_record_bytes=10_000))
    assert problems == [
        f"{big}: file of {len(STORY) * 200:,} bytes is over the cap of 10,000 bytes per record"
    ]
