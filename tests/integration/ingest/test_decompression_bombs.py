"""Web archives that inflate to a gigabyte cost the time to inflate them, never the memory:
the record is named, the records around it are kept.

The archives are made here, in a temporary folder, in well under a second: a gzip member
of a gigabyte of zeros is one compressed megabyte repeated (after a full flush the
compressor's output for the same input is the same), closed with the checksum of the whole.
Each is read by a fresh interpreter, whose own peak memory is the figure checked.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.ingest import ReadLimits, ReadProblem, read_warc

GIGABYTE = 1 << 30
_MEGABYTE = 1 << 20
PAGE = (
    "<html><head><title>Talks</title></head><body><article><p>SEOUL - South Korea and Japan "
    "will hold talks in Tokyo on Friday, officials said on Tuesday ({n}).</p><p>The meeting "
    "is the first since February, the ministry said.</p></article></body></html>"
)


def zeros_member(prefix: bytes, zeros: int, suffix: bytes = b"") -> bytes:
    """One gzip member holding `prefix`, `zeros` zero bytes (a multiple of a megabyte) and
    `suffix`, made without compressing the zeros more than once."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(bytes(_MEGABYTE)) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush()
    crc = zlib.crc32(prefix)
    for _ in range(zeros // _MEGABYTE):
        crc = zlib.crc32(bytes(_MEGABYTE), crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + zeros + len(suffix)
    trailer = crc.to_bytes(4, "little") + (size % (1 << 32)).to_bytes(4, "little")
    return head + block * (zeros // _MEGABYTE) + tail[:-8] + trailer


def page_record(uri: str, body: bytes) -> bytes:
    """One gzipped WARC response record, as crawlers write them."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    return buffer.getvalue()


def bomb_record(uri: str, zeros: int) -> bytes:
    """A well-formed response record whose page is `zeros` zero bytes."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {zeros}\r\n\r\n"
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + zeros}\r\n\r\n{http}"
    )
    return zeros_member(head.encode(), zeros, b"\r\n\r\n")


def read_in_a_fresh_process(path: Path) -> tuple[list[str], int]:
    """The ids and problems `read_warc` gives for `path`, and the reader's peak memory."""
    script = (
        "import json, resource, sys\n"
        "from pathlib import Path\n"
        "from parley.ingest import ReadProblem, read_warc\n"
        "items = [str(i) if isinstance(i, ReadProblem) else i.url "
        "for i in read_warc(Path(sys.argv[1]))]\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "print(json.dumps({'items': items, 'peak': peak}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    answer = json.loads(done.stdout)
    return answer["items"], answer["peak"]


def test_a_gigabyte_record_among_pages_is_named_and_the_pages_kept(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        page_record("http://news.example/1", PAGE.format(n=1).encode())
        + bomb_record("http://news.example/bomb", GIGABYTE)
        + page_record("http://news.example/3", PAGE.format(n=3).encode())
    )
    assert path.stat().st_size < 2 * _MEGABYTE
    items, peak = read_in_a_fresh_process(path)
    assert items == [
        "http://news.example/1",
        f"{path}: record 2 (http://news.example/bomb): page of 1,024.0 MiB is over the cap of "
        "64.0 MiB per record, skipped",
        "http://news.example/3",
    ]
    assert peak < GIGABYTE


def test_a_gigabyte_of_zeros_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "zeros.warc.gz"
    path.write_bytes(zeros_member(b"", GIGABYTE))
    items, peak = read_in_a_fresh_process(path)
    assert items == [
        f"{path}: record 1: a line or header block longer than the cap of 64.0 MiB per record; "
        "skipped"
    ]
    assert peak < GIGABYTE


def test_a_header_that_never_ends_costs_its_record_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    endless = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example/x\r\n"
    path.write_bytes(
        page_record("http://news.example/1", PAGE.format(n=1).encode())
        + zeros_member(endless + b"X-Padding: ", 4 * _MEGABYTE)
        + page_record("http://news.example/3", PAGE.format(n=3).encode())
    )
    items = list(read_warc(path, limits=ReadLimits(max_record_bytes=_MEGABYTE)))
    assert [item.url for item in items if not isinstance(item, ReadProblem)] == [
        "http://news.example/1",
        "http://news.example/3",
    ]
    assert [str(item) for item in items if isinstance(item, ReadProblem)] == [
        f"{path}: record 2: a line or header block longer than the cap of 1.0 MiB per record; "
        "skipped"
    ]
