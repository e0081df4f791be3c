"""Paired rounds: code versions or settings timed taking turns, each by its fastest round.

The machine is shared and its speed drifts by a third within minutes; taking turns puts a
slow spell on every run alike, and the fastest round (as timeit takes) says most about the
code and least about the neighbours.
"""

from __future__ import annotations

import time
from typing import Callable


def best_seconds(runs: dict[str, Callable[[], object]], rounds: int, warm_up: bool = True) -> dict[str, float]:
    """Seconds of each run in its fastest of ``rounds`` rounds, after one untimed pass each
    if ``warm_up`` (a run whose start-up is part of what is measured goes without)."""
    if warm_up:
        for run in runs.values():
            run()
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    return best
