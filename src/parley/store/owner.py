"""Who holds a store file, and how to reach them.

DuckDB lets one process at a time open a store file for writing (and none other while it
does). So a store has at most one owner: a process that opened it and keeps it, `parley
serve` or `parley watch`, through which everyone else reads and writes. The owner says so in
a small file beside the store (`events.duckdb.owner`, readable by its user only): its address
and a key for the owner's API. Every other `parley` command on that store looks
there first and, when a live owner answers, go through it; otherwise they open the file
themselves. An advertisement left behind by an owner that died (kill -9, a power cut) names
a process that no longer exists, and is removed by the next one to look.

When a process without an advertisement holds the file (a plain `parley ingest`), DuckDB's
lock error names its PID; `StoreLocked` carries it, and `describe` says what that process is.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

ADVERT_SUFFIX = ".owner"
OwnerKind = Literal["serve", "watch"]

_LOCK_PID = re.compile(r"\(PID (\d+)\)")
_COMMAND_CHARS = 120


@dataclass(frozen=True)
class Owner:
    """An owner's advertisement: where its API listens, its process, the key its owner API
    asks for, what it is, and the dictionaries it codes with (a resolved path or None)."""

    url: str
    pid: int
    key: str
    kind: OwnerKind
    dictionaries: str | None = None

    @classmethod
    def new(cls, url: str, kind: OwnerKind, dictionaries: Path | None) -> Owner:
        """This process as the owner reachable at `url`, with a fresh key."""
        folder = str(dictionaries.resolve()) if dictionaries else None
        return cls(url, os.getpid(), secrets.token_urlsafe(32), kind, folder)


def advert_path(store: Path) -> Path:
    """Where the owner of `store` advertises itself: beside it, named after it."""
    return store.with_name(store.name + ADVERT_SUFFIX)


def advertise(store: Path, owner: Owner) -> None:
    """Write `owner`'s advertisement for `store`, readable by this user only, in one step
    (written aside, then renamed), so a reader never sees half of it."""
    target = advert_path(store)
    descriptor, temporary = tempfile.mkstemp(prefix=".owner-", dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(asdict(owner), handle)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def withdraw(store: Path, owner: Owner) -> None:
    """Remove `owner`'s advertisement for `store`, unless another owner's has replaced it."""
    current = _read(advert_path(store))
    if current is not None and current.key == owner.key:
        with contextlib.suppress(OSError):
            advert_path(store).unlink()


def find_owner(store: Path) -> Owner | None:
    """The live owner of `store`, or None. An advertisement whose process is gone, or that
    cannot be read as one, is stale and removed."""
    path = advert_path(store)
    if not path.exists():
        return None
    owner = _read(path)
    if owner is not None and _alive(owner.pid):
        return owner
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def lock_holder(message: str) -> int | None:
    """The PID in DuckDB's "Could not set lock ... (PID 1234)" message, if any."""
    match = _LOCK_PID.search(message)
    return int(match.group(1)) if match else None


def describe(pid: int) -> str:
    """'PID 1234 (parley ingest news/ --db events.duckdb)': what a process is, as far as this
    system says (its command line, where /proc has it)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return f"PID {pid}"
    words = [word.decode("utf-8", "replace") for word in raw.split(b"\0") if word]
    for index, word in enumerate(words):
        if Path(word).name == "parley":  # `python -m parley ...` or the `parley` script
            words = ["parley", *words[index + 1 :]]
            break
    command = " ".join(" ".join(words).split())
    if len(command) > _COMMAND_CHARS:
        command = command[: _COMMAND_CHARS - 1] + "…"
    return f"PID {pid} ({command})" if command else f"PID {pid}"


def _read(path: Path) -> Owner | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Owner(**data)
    except (OSError, ValueError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True
