import csv
import sys
from datetime import date
from pathlib import Path

import pytest

from parley.ingest import ReadProblem, read_csv, read_documents
from parley.ingest.published import find_publication_date
from parley.models import Document

WIKINEWS = Path("/work/shared/corpus/wikinews")

BATCH = (
    "ID,Text,Published,Title,URL,Source\n"  # line 1
    "a,Envoys met in Seoul.,2022-05-31,Talks,https://ex.com/a,Example\n"  # 2: good
    "b,,2022-05-31,No text,,\n"  # 3: empty text
    "c,Envoys met.,31/05/2022,Bad date,,\n"  # 4: bad date
    "d,Envoys met.,2022-05-31\n"  # 5: too few fields
    ',"Line one,\nline two ""quoted""\r\nline three",2022-06-01 23:30:00,,,\n'  # 6-8: good
    ',"May 31, 2022\nEnvoys met.",,Datelined,,\n'  # 9-10: good, date from its text
    "g,Envoys left.,2022-06-01T23:30:00-05:00,Zoned,,\n"  # 11: good
)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def documents(items: list[Document | ReadProblem]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def problems(items: list[Document | ReadProblem]) -> list[str]:
    return [str(item) for item in items if isinstance(item, ReadProblem)]


def test_good_rows_are_read_and_bad_rows_named_by_the_line_they_start_on(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.csv", BATCH)
    items = list(read_csv(path))
    assert [(d.id, d.published, d.published_source, d.title) for d in documents(items)] == [
        ("a", date(2022, 5, 31), "given", "Talks"),
        ("batch-5", date(2022, 6, 1), "given", None),
        ("batch-6", date(2022, 5, 31), "dateline", "Datelined"),
        ("g", date(2022, 6, 1), "given", "Zoned"),
    ]
    assert problems(items) == [
        f"{path}:3: row 2: empty text",
        f"{path}:4: row 3: bad date '31/05/2022': expected YYYY-MM-DD or an ISO datetime",
        f"{path}:5: row 4: expected 6 fields, found 3",
    ]
    first, multiline = documents(items)[:2]
    assert (first.url, first.source) == ("https://ex.com/a", "Example")
    assert multiline.text == 'Line one,\nline two "quoted"\nline three'
    assert (multiline.url, multiline.source) == (None, None)


def test_given_date_fills_in_for_rows_without_one(tmp_path: Path) -> None:
    path = write(tmp_path / "b.csv", "text,date\nEnvoys met.,2022-05-31\nEnvoys left.,\n")
    docs = documents(list(read_csv(path, published=date(2022, 1, 1))))
    assert [(d.id, d.published, d.published_source) for d in docs] == [
        ("b-1", date(2022, 5, 31), "given"),
        ("b-2", date(2022, 1, 1), "given"),
    ]


def test_column_aliases_any_case_and_tsv(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.tsv", "Date\tBODY\tid\n2022-05-31\tEnvoys met.\t7\n")
    [doc] = read_csv(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.published) == ("7", "Envoys met.", date(2022, 5, 31))
    content = write(tmp_path / "c.csv", "Content\nEnvoys met.\n")
    assert [d.text for d in documents(list(read_csv(content)))] == ["Envoys met."]


def test_blank_lines_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path / "w.csv", b"\xef\xbb\xbftext,id\r\n\r\nOne.,x\r\n\r\nTwo.,y\r\n")
    items = list(read_csv(path))
    assert problems(items) == []
    assert [(d.id, d.text) for d in documents(items)] == [("x", "One."), ("y", "Two.")]


def test_long_articles_pass_the_field_limit(tmp_path: Path) -> None:
    long_text = "Envoys met. " * 30_000  # 360,000 characters, over the csv default of 131,072
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["long", long_text], ["short", "Hi."]])
    items = list(read_csv(path))
    assert problems(items) == []
    assert [len(d.text) for d in documents(items)] == [len(long_text), 3]


def test_bad_encoding_on_one_row_keeps_the_others(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.csv", b'text\n"caf\xe9\nau lait"\nGood.\n')
    items = list(read_csv(path))
    assert problems(items) == [f"{path}:2: row 1: not UTF-8 text (byte 0xe9 at offset 4)"]
    assert [d.text for d in documents(items)] == ["Good."]


def test_quote_left_open_is_named_and_earlier_rows_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "open.csv", 'id,text\na,Good.\nb,"never closed\nc,More.\n')
    items = list(read_csv(path))
    assert [d.id for d in documents(items)] == ["a"]
    assert problems(items) == [f"{path}:3: bad CSV: a quoted field is never closed"]


def test_row_the_csv_module_rejects_keeps_row_numbers_for_ids(tmp_path: Path) -> None:
    path = write(tmp_path / "q.csv", 'text,title\n"x"y,z\nFine.,t\n')
    items = list(read_csv(path))
    assert problems(items) == [f"{path}:2: bad CSV: ',' expected after '\"'"]
    assert [d.id for d in documents(items)] == ["q-2"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "{path}: empty file"),
        (b"\n\n", "{path}: empty file"),
        (bytes(range(256)), "{path}: binary file, not text"),
        (
            b"id,title\n1,Envoys\n",
            "{path}:1: no text column (text, body or content) in header ['id', 'title']",
        ),
    ],
)
def test_whole_file_problems(tmp_path: Path, content: bytes, problem: str) -> None:
    path = write(tmp_path / "f.csv", content)
    assert problems(list(read_csv(path))) == [problem.format(path=path)]


def test_read_documents_dispatches_csv_and_ignores_a_doc_id(tmp_path: Path) -> None:
    path = write(tmp_path / "b.csv", "text\nEnvoys met.\n")
    items = list(read_documents([path], doc_id="x"))
    assert problems(items) == [f"{path}: document id 'x' ignored: each CSV row has its own id"]
    assert [d.id for d in documents(items)] == ["b-1"]


# --- the Wikinews corpus ------------------------------------------------------------------


def data_rows(path: Path) -> list[dict[str, str]]:
    """The file's rows, counted with the csv module alone, independently of the reader."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="shared Wikinews corpus not present")
def test_wikinews_csvs_read_every_row_as_a_document() -> None:
    files = sorted(WIKINEWS.glob("*.csv"))
    assert [f.name for f in files] == ["wikinews_2019.csv", "wikinews_2020.csv"]
    for path in files:
        rows = data_rows(path)
        items = list(read_documents([path]))
        docs = documents(items)
        assert len(docs) + len(problems(items)) == len(rows)
        assert problems(items) == []
        assert [d.id for d in docs] == [f"{path.stem}-{n}" for n in range(1, len(rows) + 1)]
        for doc, row in zip(docs, rows, strict=True):
            assert (doc.url, doc.title, doc.text) == (row["url"], row["title"], row["text"])
            assert (doc.published, doc.published_source) == (
                date.fromisoformat(row["date"]),
                "given",
            )
    assert sum(len(data_rows(path)) for path in files) == 295


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="shared Wikinews corpus not present")
def test_wikinews_date_column_agrees_with_the_texts_own_date_line() -> None:
    """2019 texts open with the date; most 2020 texts do not, so the column is what counts."""
    for path in sorted(WIKINEWS.glob("*.csv")):
        for row in data_rows(path):
            stated = find_publication_date(row["text"])
            assert stated in (None, date.fromisoformat(row["date"]))
    opened = [find_publication_date(r["text"]) for r in data_rows(WIKINEWS / "wikinews_2019.csv")]
    assert None not in opened
