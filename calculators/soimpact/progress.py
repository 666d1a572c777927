"""How far each quantitative indicator has come from its baseline towards its target.

The share of the way is ``(value − baseline) / (target − baseline)``: 0 at the baseline, 1 at
the target, whichever way the target points (fewer evictions is progress as much as more jobs).
Below 0 the indicator has moved away from its target; above 1 it has passed it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from calculators.soimpact.plan import Indicator, Reading


def share(baseline: float, target: float, value: float) -> float | None:
    """The share of the way from ``baseline`` to ``target`` that ``value`` has covered."""
    way = target - baseline
    if way == 0:
        return None
    result = (value - baseline) / way
    return result if math.isfinite(result) else None


@dataclass(frozen=True)
class Point:
    day: date
    value: float


@dataclass(frozen=True)
class Progress:
    indicator: Indicator
    baseline: Point | None
    target: Point | None
    measured: tuple[Point, ...]
    """Dated measurements with a number, oldest first."""

    @property
    def latest(self) -> Point | None:
        return self.measured[-1] if self.measured else None

    @property
    def share(self) -> float | None:
        """The latest measurement's share of the way, when baseline and target are numbers."""
        start, goal, latest = (
            self.indicator.baseline.number,
            self.indicator.target.number,
            self.latest,
        )
        if start is None or goal is None or latest is None:
            return None
        return share(start, goal, latest.value)

    def share_of(self, value: float) -> float | None:
        start, goal = self.indicator.baseline.number, self.indicator.target.number
        return None if start is None or goal is None else share(start, goal, value)


def _point(reading: Reading) -> Point | None:
    number = reading.number
    return Point(reading.day, number) if reading.day and number is not None else None


def progress(indicator: Indicator) -> Progress | None:
    """The indicator's numbers over time; ``None`` when it has none to draw."""
    if not indicator.quantitative:
        return None
    measured = sorted(
        (point for reading in indicator.measurements if (point := _point(reading))),
        key=lambda point: point.day,
    )
    result = Progress(
        indicator, _point(indicator.baseline), _point(indicator.target), tuple(measured)
    )
    return result if result.baseline or result.target or result.measured else None
