"""Every reader, fed whatever hypothesis makes up: never a traceback, only documents and
problems, and the good records among bad ones all read.

Good records are written as the format asks; the bad ones around them are any bytes on a
line of their own (CSV: without a quote, which may rightly join the lines after it into one
field). Only a file whose start is mostly control bytes (binary data) or UTF-16 is refused
whole, as the readers promise. Files of one document are judged whole: anything, and never
an exception.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from random import Random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.ingest import ReadLimits, ReadProblem, read_documents
from parley.ingest.text import looks_utf16, mostly_binary
from parley.models import Document

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STORY = "Japan and Australia will hold talks in Canberra on Friday, officials said."

good_ids = st.lists(
    st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), min_size=1, max_size=6, unique=True
)
junk_line = st.one_of(
    st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ").replace(b"\r", b" ")),
    st.text(max_size=60).map(
        lambda t: t.replace("\n", " ").replace("\r", " ").encode("utf-8", "surrogatepass")
    ),
)


def read(name: str, data: bytes, **options: object) -> list[Document | ReadProblem]:
    """Everything `read_documents` yields for a file `name` holding `data`, which must be
    documents and problems only."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_documents([path], **options))  # type: ignore[arg-type]
    assert all(isinstance(item, Document | ReadProblem) for item in items)
    for item in items:
        if isinstance(item, ReadProblem):
            assert "\n" not in str(item)
    return items


def ids(items: list[Document | ReadProblem]) -> list[str]:
    return [item.id for item in items if isinstance(item, Document)]


def refused_whole(items: list[Document | ReadProblem], data: bytes) -> bool:
    """True when the file was refused as a whole, which only binary or UTF-16 data may be."""
    if len(items) != 1 or not isinstance(items[0], ReadProblem) or items[0].line is not None:
        return False
    assert mostly_binary(data) or looks_utf16(data), items
    return True


@FUZZ
@given(good_ids, st.lists(junk_line, max_size=6), st.randoms(use_true_random=False))
def test_jsonl_keeps_every_good_line(names: list[str], junk: list[bytes], rng: Random) -> None:
    lines = [json.dumps({"id": name, "text": f"{STORY} ({name})"}).encode() for name in names]
    mixed = lines + [line for line in junk if not line.lstrip().startswith((b"{", b"\xef"))]
    rng.shuffle(mixed)
    data = b"\n".join(mixed) + b"\n"
    items = read("news.jsonl", data)
    if refused_whole(items, data):
        return
    assert sorted(ids(items)) == sorted(names)
    assert all(item.line is not None for item in items if isinstance(item, ReadProblem))


@FUZZ
@given(good_ids, st.lists(junk_line, max_size=6), st.randoms(use_true_random=False))
def test_csv_keeps_every_good_row(names: list[str], junk: list[bytes], rng: Random) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    rows = []
    for name in names:
        writer.writerow([name, f"{STORY} ({name})"])
        rows.append(buffer.getvalue().encode())
        buffer.seek(0)
        buffer.truncate()
    mixed = rows + [line + b"\n" for line in junk if b'"' not in line]
    rng.shuffle(mixed)
    data = b"id,text\n" + b"".join(mixed)
    items = read("news.csv", data)
    if refused_whole(items, data):
        return
    assert set(names) <= set(ids(items))


@FUZZ
@given(
    st.binary(max_size=3_000),
    st.sampled_from(
        [
            "a.txt",
            "a.html",
            "a.md",
            "a.xml",
            "a.rss",
            "a.jsonl",
            "a.csv",
            "a.tsv",
            "a.warc",
            "a.warc.gz",
            "a",
        ]
    ),
)
def test_any_bytes_in_any_format_are_documents_or_problems(data: bytes, name: str) -> None:
    read(name, data)


@FUZZ
@given(st.binary(min_size=1, max_size=30), st.integers(0, 10_000), st.booleans())
def test_a_damaged_feed_never_raises_and_an_intact_one_is_whole(
    junk: bytes, where: int, damage: bool
) -> None:
    entries = "".join(
        f"<item><guid>https://news.example/{n}</guid><title>Talks {n}</title>"
        f"<description>{STORY} ({n})</description></item>"
        for n in range(4)
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"{entries}</channel></rss>"
    ).encode()
    if not damage:
        assert len(ids(read("news.rss", feed))) == 4
        return
    at = where % len(feed)
    read("news.rss", feed[:at] + junk + feed[at:])


def _archive() -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(3):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = f"<html><body><article><p>{STORY} ({n})</p></article></body></html>".encode()
        fixed = {  # the same bytes every run, so a failing example can be replayed
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-00000000000{n}>",
            "WARC-Date": "2024-05-10T12:00:00Z",
        }
        record = writer.create_warc_record(
            f"https://news.example/{n}",
            "response",
            payload=io.BytesIO(page),
            http_headers=http,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return buffer.getvalue()


ARCHIVE = _archive()


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(ARCHIVE) - 1), st.integers(0, 255)), max_size=4),
    st.integers(1, len(ARCHIVE)),
)
@example(flips=[(145, 142)], cut=375)  # a damaged member cut off before zlib's checksum
def test_a_damaged_web_archive_never_raises_nor_invents_pages(
    flips: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(ARCHIVE[:cut])
    for where, value in flips:
        if where < len(data):
            data[where] = value
    items = read("crawl.warc.gz", bytes(data), limits=ReadLimits(max_record_bytes=100_000))
    urls = {item.url for item in items if isinstance(item, Document)}
    assert urls <= {f"https://news.example/{n}" for n in range(3)}
