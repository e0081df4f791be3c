"""Evaluations behind `claimgraph eval …`.

Each evaluation module exposes ``evaluate(data_dir: Path) -> list[Metric]`` and reads its
corpus from ``data_dir`` (by default ``../shared/eval``), never from the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


@dataclass(frozen=True)
class Metric:
    """One measured figure, e.g. ("attribution.source.f1_overlap", 0.86).

    ``column`` names the part of a corpus a figure is for ("kakhovka-dam-2023", "all"): such
    figures print as one table, a row per measure and a column per part."""

    name: str
    value: float
    detail: str = ""
    column: str = ""


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def prf(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (0 where undefined)."""
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    return precision, recall, f1(precision, recall)
