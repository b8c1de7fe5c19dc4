import json
from datetime import date
from pathlib import Path

import htmldate.utils
import pytest
import trafilatura.downloads

from parley.errors import InputError
from parley.ingest import ReadProblem, read_documents, read_html, read_text
from parley.ingest.text import UTF16
from parley.models import Document

EXAMPLES = Path("/work/shared/examples")

ARTICLE_HTML = """<!DOCTYPE html>
<html><head>
<title>Envoys meet in Seoul | Example News</title>
<meta property="og:title" content="Envoys meet in Seoul">
<meta property="article:published_time" content="2022-05-31T09:15:00+09:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Log in</a></li></ul></nav>
<article>
<h1>Envoys meet in Seoul</h1>
<p>SEOUL - South Korea, the United States and Japan will hold trilateral talks on Friday to
discuss measures to deter North Korea, the Foreign Ministry said on Tuesday.</p>
<p>The meeting is the first face-to-face gathering of the three envoys since February, when
they last met in Honolulu, officials said.</p>
</article>
<footer>Copyright 2021 Example News. All rights reserved.</footer>
</body></html>
"""


def read_all(*paths: Path | str, **options: object) -> list[Document | ReadProblem]:
    return list(read_documents(paths, **options))  # type: ignore[arg-type]


def documents(items: list[Document | ReadProblem]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def problems(items: list[Document | ReadProblem]) -> list[str]:
    return [str(item) for item in items if isinstance(item, ReadProblem)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- plain text -------------------------------------------------------------------------


def test_text_file_id_from_stem_and_date_from_its_date_line(tmp_path: Path) -> None:
    path = write(tmp_path / "talks.txt", "Envoys meet\n\nMay 31, 2022\n\nSEOUL – Envoys met.\n")
    [doc] = read_all(path)
    assert doc == Document(
        id="talks",
        text="Envoys meet\n\nMay 31, 2022\n\nSEOUL – Envoys met.\n",
        published=date(2022, 5, 31),
        published_source="dateline",
    )


def test_text_with_bom_and_crlf_reads_like_plain_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfLine one\r\nLine two\r\n")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == "Line one\nLine two\n"


def test_given_date_and_id_override(tmp_path: Path) -> None:
    path = write(tmp_path / "talks.md", "May 31, 2022\nEnvoys met.")
    [doc] = read_all(path, published=date(2022, 6, 1), doc_id="kh-1")
    assert isinstance(doc, Document)
    assert (doc.id, doc.published, doc.published_source) == ("kh-1", date(2022, 6, 1), "given")


def test_undated_text_is_still_a_document(tmp_path: Path) -> None:
    [doc] = read_all(write(tmp_path / "note.txt", "Envoys met on Friday."))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (None, None)


def test_unknown_extension_is_read_as_text_when_it_is_utf8(tmp_path: Path) -> None:
    [doc] = read_all(write(tmp_path / "wire.story", "Envoys met."))
    assert isinstance(doc, Document)
    assert doc.id == "wire"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\xef\xbb\xbf \n\n", "empty file"),
        ("empty.html", b"", "empty file"),
        ("blob.txt", bytes(range(256)), "binary file, not text"),
        ("blob.dat", bytes(range(256)), "binary file, not text"),
        (
            "latin1.txt",
            "caf\xe9 \xe0 la".encode("latin-1"),
            "not UTF-8 text (byte 0xe9 at offset 3)",
        ),
        ("bom-latin1.txt", b"\xef\xbb\xbfcaf\xe9", "not UTF-8 text (byte 0xe9 at offset 6)"),
        ("utf16.txt", "hi".encode("utf-16"), UTF16),
        ("broken.html", b"<html><body><div", "no article text found in HTML"),
    ],
)
def test_bad_files_become_problems(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = write(tmp_path / name, content)
    assert read_all(path) == [ReadProblem(str(path), None, reason)]
    assert problems(read_all(path)) == [f"{path}: {reason}"]


def test_missing_path_is_a_problem_and_later_paths_are_still_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Envoys met.")
    items = read_all(tmp_path / "nope.txt", good)
    assert problems(items) == [f"{tmp_path / 'nope.txt'}: no such file or directory"]
    assert [doc.id for doc in documents(items)] == ["good"]


def test_unreadable_file_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    path = write(tmp_path / "secret.txt", "Envoys met.")
    monkeypatch.setattr(Path, "open", deny)
    assert problems(read_all(path)) == [f"{path}: permission denied"]


def test_format_readers_raise_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"empty\.txt: empty file$"):
        read_text(write(tmp_path / "empty.txt", b""))
    with pytest.raises(InputError, match=r"broken\.html: no article text found in HTML$"):
        read_html(write(tmp_path / "broken.html", "<html><body><div"))


# --- HTML -------------------------------------------------------------------------------


def test_html_main_text_title_and_metadata_date(tmp_path: Path) -> None:
    [doc] = read_all(write(tmp_path / "envoys.html", ARTICLE_HTML))
    assert isinstance(doc, Document)
    assert doc.id == "envoys"
    assert doc.title == "Envoys meet in Seoul"
    assert (doc.published, doc.published_source) == (date(2022, 5, 31), "html-metadata")
    assert "trilateral talks on Friday" in doc.text
    assert "last met in Honolulu" in doc.text
    for boilerplate in ("Home", "Log in", "Copyright", "All rights reserved"):
        assert boilerplate not in doc.text


def test_html_given_date_overrides_metadata(tmp_path: Path) -> None:
    [doc] = read_all(write(tmp_path / "envoys.htm", ARTICLE_HTML), published=date(2022, 6, 2))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (date(2022, 6, 2), "given")


def test_html_date_is_never_guessed_from_a_copyright_footer(tmp_path: Path) -> None:
    undated = ARTICLE_HTML.replace(
        '<meta property="article:published_time" content="2022-05-31T09:15:00+09:00">', ""
    )
    [doc] = read_all(write(tmp_path / "undated.html", undated))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (None, None)


def test_html_never_touches_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to fetch a URL")

    monkeypatch.setattr(htmldate.utils, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    path = write(tmp_path / "link.html", "https://example.com/article")
    assert problems(read_all(path)) == [f"{path}: no article text found in HTML"]
    assert documents(read_all(write(tmp_path / "envoys.html", ARTICLE_HTML)))


# --- JSONL ------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Envoys met.", "published": "2022-05-31", "title": "T"}),
        '{"id": "b", "text": ',
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"id": "d", "text": "Talks.", "published": "31/05/2022"}),
        json.dumps({"text": "Envoys left.", "published": "2022-06-01T23:30:00-05:00"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = read_all(path)
    assert [(d.id, d.published, d.published_source, d.title) for d in documents(items)] == [
        ("a", date(2022, 5, 31), "given", "T"),
        ("batch-5", date(2022, 6, 1), "given", None),
    ]
    assert [(p.line, p.path) for p in items if isinstance(p, ReadProblem)] == [
        (2, str(path)),
        (3, str(path)),
        (4, str(path)),
    ]
    found = problems(items)
    assert found[0].startswith(f"{path}:2: bad JSON")
    assert found[1] == f'{path}:3: missing "text"'
    assert found[2].startswith(f"{path}:4: bad \"published\" '31/05/2022'")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2]", "not a JSON object"),
        ('{"text": "   "}', '"text" is empty'),
        ('{"text": 5}', '"text" must be a string'),
        ('{"text": "x", "title": 5}', '"title" must be a string, not int'),
        ('{"text": "x", "id": [1]}', '"id" must be a string or an integer, not list'),
    ],
)
def test_jsonl_line_problems(tmp_path: Path, line: str, reason: str) -> None:
    path = write(tmp_path / "one.ndjson", line + "\n")
    assert problems(read_all(path)) == [f"{path}:1: {reason}"]


def test_jsonl_given_date_fills_in_and_dateline_is_the_last_resort(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 7, "text": "Envoys met.", "published": "2022-05-31"}),
        json.dumps({"text": "Envoys met."}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines))
    given = documents(read_all(path, published=date(2022, 1, 1)))
    assert [(d.id, d.published) for d in given] == [
        ("7", date(2022, 5, 31)),
        ("batch-2", date(2022, 1, 1)),
    ]
    datelined = write(tmp_path / "dl.jsonl", json.dumps({"text": "2022-05-31\nEnvoys met."}))
    [doc] = read_all(datelined)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (date(2022, 5, 31), "dateline")


def test_jsonl_skips_blank_lines_and_reports_empty_or_binary_files(tmp_path: Path) -> None:
    spaced = write(tmp_path / "spaced.jsonl", '\n{"text": "a"}\n\n{"text": "b"}\n\n')
    assert [d.id for d in documents(read_all(spaced))] == ["spaced-2", "spaced-4"]
    empty = write(tmp_path / "empty.jsonl", "\n\n")
    assert problems(read_all(empty)) == [f"{empty}: empty file"]
    binary = write(tmp_path / "blob.jsonl", bytes(range(256)))
    assert problems(read_all(binary)) == [f"{binary}: binary file, not text"]


def test_jsonl_bad_encoding_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.jsonl", b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    items = read_all(path)
    assert problems(items) == [f"{path}:1: not UTF-8 text (byte 0xe9 at offset 13)"]
    assert [d.text for d in documents(items)] == ["ok"]


# --- folders and doc_id -----------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_binary(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Second.")
    write(root / "a" / "z.txt", "First.")
    write(root / "a" / "deeper" / "y.html", ARTICLE_HTML)
    write(root / "c.jsonl", '{"id": "j1", "text": "Third."}\n')
    write(root / ".hidden.txt", "Hidden.")
    write(root / ".git" / "notes.txt", "Hidden too.")
    write(root / "photo.png", bytes(range(256)))
    items = read_all(root)
    assert problems(items) == []
    assert [d.id for d in documents(items)] == ["y", "z", "b", "j1"]


def test_doc_id_with_several_files_is_the_first_problem(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt", "One.")
    two = write(tmp_path / "two.txt", "Two.")
    items = read_all(one, two, doc_id="x")
    assert isinstance(items[0], ReadProblem)
    assert str(items[0]).startswith(f"{one}: document id 'x' names one document, but 2 files")
    assert [d.id for d in documents(items)] == ["one", "two"]


def test_doc_id_with_a_jsonl_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", '{"id": "a", "text": "One."}\n')
    items = read_all(path, doc_id="x")
    assert problems(items) == [f"{path}: document id 'x' ignored: each JSONL line has its own id"]
    assert [d.id for d in documents(items)] == ["a"]


# --- the reference article --------------------------------------------------------------


def test_reference_article_reads_with_its_dateline_date() -> None:
    [doc] = read_all(EXAMPLES / "korea-herald-2022-05-31.txt")
    assert isinstance(doc, Document)
    assert doc.id == "korea-herald-2022-05-31"
    assert (doc.published, doc.published_source) == (date(2022, 5, 31), "dateline")
    assert "Kim Gunn" in doc.text
    assert doc.text == (EXAMPLES / "korea-herald-2022-05-31.txt").read_text(encoding="utf-8")
    assert len(doc.content_hash) == 64


def test_other_corpora_field_names_are_understood(tmp_path: Path) -> None:
    path = tmp_path / "muc.jsonl"
    path.write_text('{"docid": "DEV-0001", "date_iso": "1989-01-03", "text": "SAN SALVADOR"}\n')
    (document,) = read_documents([path])
    assert (document.id, document.published.isoformat()) == ("DEV-0001", "1989-01-03")


def test_a_store_beside_its_input_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Japan and China held talks.")
    (tmp_path / "events.duckdb.wal").write_bytes(b"\x00\x01")
    documents = list(read_documents([tmp_path]))
    assert [d.id for d in documents] == ["a"]
