"""How much of one input record a reader may hold in memory.

A reader never holds more than one record (a file, a JSONL line, a WARC record) at a time,
so this cap bounds its memory however large or hostile the input: a record over it is named
and skipped, and reading goes on after it. Compressed input is inflated as a stream and
counted as it inflates, so a small archive that inflates to gigabytes costs the time to
inflate it, never the memory.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_RECORD_BYTES = 64 * 1024 * 1024
"""64 MiB: hundreds of times the longest news article, a small share of a laptop's memory
even with the parse of its text in parts."""


@dataclass(frozen=True)
class ReadLimits:
    """`max_record_bytes` caps one record (a file, a line, an archived page), as bytes read
    or inflated."""

    max_record_bytes: int = MAX_RECORD_BYTES

    def __post_init__(self) -> None:
        if self.max_record_bytes < 1:
            raise ValueError("the record cap must be at least one byte")

    @property
    def cap(self) -> str:
        """'the cap of 64.0 MiB per record'."""
        return f"the cap of {_size(self.max_record_bytes)} per record"

    def over(self, size: int) -> str:
        """The reason a record of `size` bytes is skipped."""
        return f"{_size(size)} is over {self.cap}"


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count:,} bytes"
    return f"{count / (1024 * 1024):,.1f} MiB"
