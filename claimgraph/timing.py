"""StageClock: wall time per pipeline stage (read, extract, resolve, store, link).

Ingest's stages run interleaved, one document pulling the next through generators: storing
asks for an extracted document, extraction asks for a read one.  So a stage entered inside
another pauses the outer one, and each second counts for exactly one stage: the stages add
up to the run's wall time.  `--verbose` logs each batch's split (`lap`); ingest ends with
the whole run's (`IngestReport.stage_seconds`).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
STAGES = ("read", "extract", "resolve", "store", "link")  # the order in which a split is written


class StageClock:
    """Seconds per stage, each counted once; `lap` gives the seconds since the last lap."""

    def __init__(self) -> None:
        self.totals: Counter[str] = Counter()
        self._lap_start: Counter[str] = Counter()
        self._running: list[str] = []
        self._since = time.perf_counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self._charge()
        self._running.append(name)
        try:
            yield
        finally:
            self._charge()
            self._running.pop()

    def timed(self, name: str, items: Iterable[T]) -> Iterator[T]:
        """The items, the time spent producing each charged to stage ``name``."""
        iterator = iter(items)
        while True:
            with self.stage(name):
                item = next(iterator, _END)
            if item is _END:
                return
            yield item

    def lap(self) -> dict[str, float]:
        """Seconds per stage since the previous lap."""
        self._charge()
        lap = {name: self.totals[name] - self._lap_start[name] for name in self.totals}
        self._lap_start = Counter(self.totals)
        return {name: seconds for name, seconds in lap.items() if seconds > 0}

    def _charge(self) -> None:
        now = time.perf_counter()
        if self._running:
            self.totals[self._running[-1]] += now - self._since
        self._since = now


_END = object()


def split_text(seconds: dict[str, float]) -> str:
    """"read 0.4 s · extract 12.1 s · …": the known stages in pipeline order, then any other."""
    names = [n for n in STAGES if n in seconds] + sorted(set(seconds) - set(STAGES))
    return " · ".join(f"{name} {seconds[name]:.1f} s" for name in names)
