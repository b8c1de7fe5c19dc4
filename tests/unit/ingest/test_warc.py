import io
from datetime import date
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.ingest import ReadLimits, ReadProblem, read_documents, read_warc
from parley.models import Document

ENVOYS_ID = "0b6a3f8e-5c1d-4f0e-9a43-1f2e3d4c5b6a"
TALKS_ID = "7d1e2c3b-4a59-4e6f-8071-9283a4b5c6d7"

ENVOYS = """<!DOCTYPE html>
<html><head>
<title>Envoys meet in Seoul | Example News</title>
<meta property="og:title" content="Envoys meet in Seoul">
<meta property="article:published_time" content="2022-05-31T09:15:00+09:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article>
<h1>Envoys meet in Seoul</h1>
<p>SEOUL - South Korea, the United States and Japan will hold trilateral talks on Friday to
discuss measures to deter North Korea, the Foreign Ministry said on Tuesday.</p>
<p>The meeting is the first face-to-face gathering of the three envoys since February, when
they last met in Honolulu, officials said.</p>
</article>
</body></html>
"""

TALKS = """<!DOCTYPE html>
<html><head><title>Ministers hold talks</title></head><body>
<article>
<h1>Ministers hold talks</h1>
<p>The foreign ministers of Germany and France met in Berlin on Monday and agreed to
coordinate their response to the crisis, a government spokesman said afterwards.</p>
<p>Both ministers said they would meet again next month to review progress on the plan
that their governments announced earlier this year.</p>
</article>
</body></html>
"""


def response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    record_id: str | None = None,
) -> object:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": "2024-03-01T12:00:00Z"}  # the crawl, long after publication
    if record_id:
        headers["WARC-Record-ID"] = f"<urn:uuid:{record_id}>"
    return writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=headers
    )


def build(*records: tuple[str, bytes, str, str, str | None], gzip: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for uri, body, content_type, status, record_id in records:
        writer.write_record(response(writer, uri, body, content_type, status, record_id))
    return buffer.getvalue()


HTML = "text/html; charset=utf-8"
STANDARD = (
    ("https://news.example.com/envoys", ENVOYS.encode(), HTML, "200 OK", ENVOYS_ID),
    ("https://news.example.com/logo.png", b"\x89PNG\r\n" + bytes(64), "image/png", "200 OK", None),
    ("https://news.example.com/talks", TALKS.encode(), HTML, "200 OK", TALKS_ID),
)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def documents(items: list[Document | ReadProblem]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def problems(items: list[Document | ReadProblem]) -> list[str]:
    return [str(item) for item in items if isinstance(item, ReadProblem)]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, build(*STANDARD, gzip=name.endswith(".gz")))
    items = list(read_warc(path))
    assert problems(items) == []
    envoys, talks = documents(items)
    assert (envoys.id, envoys.url, envoys.title) == (
        ENVOYS_ID,
        "https://news.example.com/envoys",
        "Envoys meet in Seoul",
    )
    assert (envoys.published, envoys.published_source) == (date(2022, 5, 31), "html-metadata")
    assert "trilateral talks on Friday" in envoys.text
    assert "Log in" not in envoys.text
    assert (talks.id, talks.url) == (TALKS_ID, "https://news.example.com/talks")
    # No date on the page: unknown, never the WARC-Date of the crawl.
    assert (talks.published, talks.published_source) == (None, None)


def test_given_date_fills_in_only_for_pages_without_one(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.warc.gz", build(*STANDARD))
    docs = documents(list(read_warc(path, published=date(2022, 6, 1))))
    assert [(d.published, d.published_source) for d in docs] == [
        (date(2022, 5, 31), "html-metadata"),
        (date(2022, 6, 1), "given"),
    ]


def test_pages_that_are_not_articles(tmp_path: Path) -> None:
    records = (
        ("https://news.example.com/empty", b"<html><body><div>", HTML, "200 OK", None),
        ("https://news.example.com/old", b"<html>Moved</html>", HTML, "301 Moved", None),
        ("https://news.example.com/gone", TALKS.encode(), HTML, "404 Not Found", None),
        ("https://news.example.com/talks", TALKS.encode(), HTML, "200 OK", TALKS_ID),
    )
    path = write(tmp_path / "mixed.warc.gz", build(*records))
    items = list(read_warc(path))
    assert problems(items) == [
        f"{path}: record 1 (https://news.example.com/empty): no article text",
        f"{path}: record 3 (https://news.example.com/gone): HTTP status 404, not an article",
    ]
    assert [d.id for d in documents(items)] == [TALKS_ID]


def test_record_id_falls_back_to_the_target_uri(tmp_path: Path) -> None:
    # warcio always writes a record id, so it is cut out of the archive here.
    plain = build(
        ("https://news.example.com/talks", TALKS.encode(), HTML, "200 OK", None), gzip=False
    )
    start = plain.index(b"WARC-Record-ID:")
    end = plain.index(b"\r\n", start) + 2
    path = write(tmp_path / "noid.warc", plain[:start] + plain[end:])
    [doc] = read_warc(path)
    assert isinstance(doc, Document)
    assert doc.id == "https://news.example.com/talks"


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_archive_keeps_the_records_before_the_break(tmp_path: Path, gzip: bool) -> None:
    data = build(*STANDARD, gzip=gzip)
    plain = build(*STANDARD, gzip=False)
    # Cut inside the third record's page (the talks article), after its headers.
    cut = len(data) - 200 if gzip else plain.index(b"Both ministers")
    path = write(tmp_path / ("cut.warc.gz" if gzip else "cut.warc"), data[:cut])
    items = list(read_warc(path))
    assert [d.id for d in documents(items)] == [ENVOYS_ID]
    [problem] = [item for item in items if isinstance(item, ReadProblem)]
    assert problem.reason.startswith("record 3: archive is")
    assert "truncated" in problem.reason


@pytest.mark.parametrize("gzip", [True, False])
def test_no_cut_of_an_archive_raises_or_invents_documents(tmp_path: Path, gzip: bool) -> None:
    data = build(*STANDARD, gzip=gzip)
    full = [d.id for d in documents(list(read_warc(write(tmp_path / "full.warc", data))))]
    assert full == [ENVOYS_ID, TALKS_ID]
    records = ArchiveIterator(io.BytesIO(data))
    ends = [records.get_record_offset() + records.get_record_length() for _ in records]
    path = tmp_path / "cut.warc"
    for cut in range(1, len(data), 7):
        items = list(read_warc(write(path, data[:cut])))
        ids = [d.id for d in documents(items)]
        assert ids == full[: len(ids)], cut
        if not problems(items):
            # Only the record separator or the end of a gzip member was lost: all content
            # is there. Anywhere else, the cut is reported, once.
            assert any(-16 <= cut - end <= 4 for end in ends), cut
        assert len(problems(items)) <= 1, (cut, problems(items))


def test_header_cut_off_after_the_last_whole_record_is_reported(tmp_path: Path) -> None:
    data = build(*STANDARD, gzip=False)
    third = data.index(b"WARC/1.", data.index(b"logo.png"))
    path = write(tmp_path / "cut.warc", data[: third + 40])
    items = list(read_warc(path))
    assert [d.id for d in documents(items)] == [ENVOYS_ID]
    [problem] = [item for item in items if isinstance(item, ReadProblem)]
    assert problem.reason.startswith("record 3: archive is")


def test_garbage_is_one_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "junk.warc", b"this is not a web archive\n" * 10)
    [problem] = read_warc(path)
    assert isinstance(problem, ReadProblem)
    assert problem.reason.startswith("record 1: archive is corrupt or truncated (")


def test_wrong_content_length_is_reported_and_reading_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = build(*STANDARD, gzip=False)
    first_length = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", first_length)
    declared = int(data[first_length + len(b"Content-Length: ") : end])
    short = data[:first_length] + f"Content-Length: {declared - 9}".encode() + data[end:]
    path = write(tmp_path / "short.warc", short)
    items = list(read_warc(path))
    assert problems(items) == [
        f"{path}: record 1: record length does not match its Content-Length; reading on"
    ]
    assert [d.id for d in documents(items)] == [ENVOYS_ID, TALKS_ID]
    assert capsys.readouterr().err == ""  # warcio's warning became the problem above


def test_folders_read_warc_gz_and_still_skip_plain_gz(tmp_path: Path) -> None:
    write(tmp_path / "crawl.warc.gz", build(*STANDARD))
    write(tmp_path / "backup.gz", b"\x1f\x8b" + bytes(32))
    items = list(read_documents([tmp_path]))
    assert problems(items) == []
    assert [d.id for d in documents(items)] == [ENVOYS_ID, TALKS_ID]


def test_doc_id_is_ignored_for_an_archive(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.warc.gz", build(*STANDARD))
    items = list(read_documents([path], doc_id="x"))
    assert problems(items) == [f"{path}: document id 'x' ignored: each WARC record has its own id"]


def test_oversized_page_is_a_problem_and_reading_goes_on(tmp_path: Path) -> None:
    cap = ReadLimits(max_record_bytes=len(ENVOYS) - 1)
    path = write(tmp_path / "crawl.warc.gz", build(*STANDARD))
    items = list(read_warc(path, limits=cap))
    [problem] = problems(items)
    assert problem.startswith(f"{path}: record 1 (https://news.example.com/envoys): page of ")
    assert problem.endswith(f"is over the cap of {len(ENVOYS) - 1:,} bytes per record, skipped")
    assert [d.id for d in documents(items)] == [TALKS_ID]
