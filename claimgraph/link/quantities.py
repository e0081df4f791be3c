"""Quantities as value ranges, so "more than 100" and "about 120" can be compared."""

from __future__ import annotations

import math
from typing import Any, Optional

from claimgraph.model import Quantity


def value_range(quantity: Quantity, tolerance: float, open_cues: tuple[str, ...]) -> Optional[tuple[float, float]]:
    """[low, high] a quantity allows; approximate values are widened by `tolerance` each way.

    A value with no max whose text says so ("more than 100", "hundreds of") runs to infinity;
    a value with no number gives None.
    """
    low = quantity.min if quantity.min is not None else quantity.conservative
    if low is None:
        return None
    high = quantity.max if quantity.max is not None else (math.inf if _is_open(quantity, open_cues) else low)
    if quantity.approximate:
        low, high = low * (1 - tolerance), high * (1 + tolerance)
    return low, high


def _is_open(quantity: Quantity, open_cues: tuple[str, ...]) -> bool:
    text = quantity.text.lower()
    return any(cue in text for cue in open_cues)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def unit_of(quantity: Quantity) -> str:
    return (quantity.unit or "").lower()


def summarise(values: list[dict[str, Any]]) -> dict[str, Any]:
    """Event-level {min, max, values} for one unit from per-claim value records."""
    lows = [v["min"] for v in values if v.get("min") is not None]
    highs = [v["max"] if v.get("max") is not None else v.get("min") for v in values]
    highs = [h for h in highs if h is not None]
    return {"min": min(lows) if lows else None, "max": max(highs) if highs else None, "values": values}


def value_record(claim_id: str, quantity: Quantity) -> dict[str, Any]:
    return {"claim": claim_id, "text": quantity.text, "min": quantity.min, "max": quantity.max,
            "approximate": quantity.approximate}


def record_as_quantity(record: dict[str, Any], unit: str) -> Quantity:
    """Rebuild a Quantity from an event's stored value record (incremental linking)."""
    return Quantity(text=record.get("text") or "", min=record.get("min"), max=record.get("max"),
                    unit=unit, approximate=bool(record.get("approximate")))
