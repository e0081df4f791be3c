"""What `claimgraph ingest` shows while it works: files done out of the total, documents read,
stored and failed, time elapsed and an estimate of the time left, then the linking step.

A file counts as done once it has been read and each of its documents is stored, found to be
a copy, or failed; documents are extracted in batches, so reading runs ahead of storing and a
bar over files read would reach its end before the work does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Optional

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from claimgraph.model import ReadFailure

DONE = ("stored", "duplicate", "failed")


class IngestProgress:
    """A ProgressCallback (see app.py) drawing a Rich progress bar on ``console``."""

    def __init__(self, console: Console, total_files: int, on_failure: Callable[[ReadFailure], None]):
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TextColumn("files · {task.fields[counts]} ·"),
                                 TimeElapsedColumn(), TextColumn("· left"), TimeRemainingColumn(),
                                 console=console, transient=True)
        self.counts: Counter[str] = Counter()
        self.task: TaskID = self.progress.add_task("ingesting", total=total_files, counts=self._counts_text())
        self.on_failure = on_failure
        self.current: Optional[str] = None  # the file being read (files are read one after another)
        self.pending: Counter[str] = Counter()  # documents of each file read but not yet done
        self.owner: dict[str, str] = {}  # document origin -> its file

    def __enter__(self) -> "IngestProgress":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, what: str, item: object) -> None:
        if what == "file":
            self._next_file(str(item))
        elif what == "read":
            self._read(item)
        elif what in DONE:
            self._done(what, item)
        elif what == "linking":
            self._finish_reading()
            self.progress.update(self.task, description="linking")
        self.progress.update(self.task, counts=self._counts_text())

    def _next_file(self, path: str) -> None:
        self._finish_reading()
        self.current = path

    def _read(self, item: object) -> None:
        self.counts["read"] += 1
        self.pending[self.current] += 1
        self.owner[item.origin] = self.current

    def _done(self, what: str, item: object) -> None:
        self.counts[what] += 1
        if what == "failed":
            self.on_failure(item)
        path = self.owner.pop(item.origin, self.current)
        self.pending[path] -= 1
        self._advance_if_done(path)

    def _finish_reading(self) -> None:
        finished, self.current = self.current, None
        self._advance_if_done(finished)

    def _advance_if_done(self, path: Optional[str]) -> None:
        if path is not None and path != self.current and self.pending[path] <= 0:
            del self.pending[path]
            self.progress.advance(self.task)

    def _counts_text(self) -> str:
        return " · ".join(f"{self.counts[what]} {what}" for what in ("read", "stored", "failed"))
