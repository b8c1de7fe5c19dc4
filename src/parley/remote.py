"""A store reached through its owner: the calls of `Store` that the command line makes, sent
to the process that holds the file (`parley serve` or `parley watch`).

While an owner runs, nobody else can open its store, so `parley query` and the others send it
their request instead: the owner runs the very same `Store` call on its open database and
sends the result back, and the command prints it as it would have printed its own. Ingest
goes the same way: the owner reads the named files and codes them with its one writer,
while the command shows the progress. Only the owner's own machine reaches it (its key is in
a file only its user can read; see `parley.store.owner`), over plain HTTP to the address it
advertised.

The values that cross (filters, events, summaries, people) are `parley.wire` values, on
both sides; `READS` lists the calls a command may make.
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from parley.errors import StoreError
from parley.store import EventFilter, ExportFormat
from parley.store.owner import Owner
from parley.wire import decode, encode

if TYPE_CHECKING:
    from parley.batch import IngestSummary

OWNER_HEADER = "X-Parley-Owner"
ROWS_HEADER = "X-Parley-Rows"

_POLL_SECONDS = 0.5
_TIMEOUT = 600.0


class OwnerUnavailable(StoreError):
    """The advertised owner does not answer (it stopped between the look and the call)."""

    code = "owner-unavailable"


READS = frozenset(
    {
        "agenda",
        "count_events",
        "event_detail",
        "matching_event_ids",
        "party_codes",
        "people",
        "period_summary",
        "query_events",
        "sourced_events",
        "stats",
        "stored_parties",
    }
)
"""The `Store` methods a command may call through the owner: every read the command line
makes. Their arguments and answers cross as `parley.wire` values."""


class RemoteStore:
    """The owner of a store, answering the calls `parley` makes of a `Store`."""

    def __init__(self, owner: Owner) -> None:
        self.owner = owner
        parts = urlsplit(owner.url)
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 80

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def __getattr__(self, name: str) -> Callable[..., Any]:
        """`store.sourced_events(filters)` and every other read of `READS`, answered by the
        owner's own `Store`: the same call, the same value back."""
        if name not in READS:
            raise AttributeError(f"a store reached through its owner has no {name!r}")

        def call(*args: Any, **kwargs: Any) -> Any:
            body = {"method": name, "args": encode(list(args)), "kwargs": encode(kwargs)}
            return decode(self._json("POST", "/read", body)["value"])

        return call

    def export(
        self, filters: EventFilter, fmt: ExportFormat, output: Path, dyadic: bool = False
    ) -> int:
        """The owner writes the file aside and sends it; it is written to `output` here."""
        body = {"filter": encode(filters), "format": fmt.value, "dyadic": dyadic}
        response, data = self._call("POST", "/export", body)
        try:
            output.write_bytes(data)
        except OSError as error:
            raise StoreError(f"cannot export to {output}: {error.strerror or error}") from error
        return int(response.getheader(ROWS_HEADER) or 0)

    def ingest(
        self,
        paths: list[Path],
        max_record_bytes: int,
        time_limit: float | None,
        on_progress: Callable[[int, list[str]], None],
        published: date | None = None,
    ) -> IngestSummary:
        """Have the owner read and store `paths` (within the record cap, and the time limit
        per document when given); `on_progress(handled, new_problems)` hears how far it got,
        every half second. Interrupted here (Ctrl+C), the job is cancelled there: what it
        stored stays stored, as with a local ingest."""
        body = {
            "paths": [str(path.resolve()) for path in paths],
            "max_record_bytes": max_record_bytes,
            "time_limit": time_limit,
            "published": published.isoformat() if published else None,
        }
        job = self._json("POST", "/ingest", body)["job"]
        seen = 0
        try:
            while True:
                progress = self._json("GET", f"/jobs/{job}?since={seen}")
                seen += len(progress["problems"])
                on_progress(progress["handled"], progress["problems"])
                if progress["state"] == "done":
                    return decode(progress["summary"])
                if progress["state"] in ("failed", "stopped"):
                    raise StoreError(
                        f"the server's ingest {progress['state']}: {progress['error']}"
                    )
                time.sleep(_POLL_SECONDS)
        except KeyboardInterrupt:
            self._call("DELETE", f"/jobs/{job}", None)
            raise

    def _json(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        _, data = self._call(method, path, body)
        return json.loads(data)

    def _call(
        self, method: str, path: str, body: dict[str, Any] | None
    ) -> tuple[http.client.HTTPResponse, bytes]:
        """One request to the owner API; its errors become `StoreError`s with the owner's
        own one-line reason."""
        connection = http.client.HTTPConnection(self._host, self._port, timeout=_TIMEOUT)
        headers = {OWNER_HEADER: self.owner.key, "Content-Type": "application/json"}
        payload = json.dumps(body).encode() if body is not None else None
        try:
            connection.request(method, "/api/owner" + path, payload, headers)
            response = connection.getresponse()
            data = response.read()
        except OSError as error:
            raise OwnerUnavailable(
                f"the server that holds this store ({self.owner.url}, PID {self.owner.pid}) "
                f"does not answer: {error}"
            ) from error
        finally:
            connection.close()
        if response.status >= 400:
            raise StoreError(f"the server at {self.owner.url} refused: {_detail(data)}")
        return response, data


def _detail(data: bytes) -> str:
    try:
        detail = json.loads(data).get("detail")
    except (ValueError, AttributeError):
        detail = None
    return str(detail) if detail else data[:200].decode("utf-8", "replace")
