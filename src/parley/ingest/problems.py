"""What a reader reports instead of a document, so one bad file never stops a batch."""

from __future__ import annotations

from dataclasses import dataclass

from parley.errors import InputError


@dataclass(frozen=True)
class ReadProblem:
    """Why a file, or one line of a JSONL file, gave no document.

    `read_documents` yields these beside the documents it could read, so the caller can
    report every bad input in one run and still process the good ones.
    """

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


class UnreadableInput(InputError):
    """An `InputError` that keeps its `ReadProblem`, so a batch reader can yield it instead."""

    def __init__(self, problem: ReadProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def unreadable(path: object, reason: str, line: int | None = None) -> UnreadableInput:
    """The error to raise when `path` (at `line`, if any) cannot become a document."""
    return UnreadableInput(ReadProblem(str(path), line, reason))
