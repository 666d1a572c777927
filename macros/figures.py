"""Geometry for the figures the guide draws as SVG (handbook Figures 3, 4 and 5).

The templates in ``templates/figures/`` place real text at these coordinates; the numbers live
here, named, so a template holds no arithmetic beyond reading them.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

MODEL_WIDTH = 360
MODEL_HEADER = 40
MODEL_BAND_HEIGHT = 34
MODEL_BAND_GAP = 10
MODEL_FOOTER = 14
MODEL_BAND_CHARS = 30
"""A longer field name takes two lines, so it fits its band even with WCAG text spacing."""
MODEL_LINE_HEIGHT = 14
MODEL_BASELINE = 4
"""From the middle of a band to the baseline of a one-line label."""

CIRCLE_SIZE = 360
CIRCLE_RADIUS = 118
NODE_WIDTH = 104
NODE_HEIGHT = 36
ARROW_GAP_DEGREES = 24
"""How far from each node an arrow starts and ends, so arrows never run under a label."""


@dataclass(frozen=True)
class Placed:
    """Something drawn at a point: a label centred on (x, y) inside a box of the given size."""

    label: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Band(Placed):
    """A field's band: its name in lines, the first line's baseline at ``baseline``."""

    lines: list[str]
    baseline: float


@dataclass(frozen=True)
class ModelLayout:
    width: int
    height: int
    pillars: list[Placed]
    bands: list[Band]
    line_height: int


def model_layout(values: list[str], fields: list[str]) -> ModelLayout:
    """Figure 5: the values as pillars standing through the fields, which lie across as bands."""
    column = MODEL_WIDTH / len(values)
    step = MODEL_BAND_HEIGHT + MODEL_BAND_GAP
    height = MODEL_HEADER + step * len(fields) + MODEL_FOOTER
    pillars = [
        Placed(name, column * (index + 0.5), height / 2, column - 8, height)
        for index, name in enumerate(values)
    ]
    bands = []
    for index, name in enumerate(fields):
        middle = MODEL_HEADER + step * index + MODEL_BAND_HEIGHT / 2
        lines = textwrap.wrap(name, MODEL_BAND_CHARS)
        baseline = middle + MODEL_BASELINE - (len(lines) - 1) * MODEL_LINE_HEIGHT / 2
        bands.append(
            Band(name, MODEL_WIDTH / 2, middle, MODEL_WIDTH, MODEL_BAND_HEIGHT, lines, baseline)
        )
    return ModelLayout(MODEL_WIDTH, round(height), pillars, bands, MODEL_LINE_HEIGHT)


def _point(angle: float) -> tuple[float, float]:
    centre = CIRCLE_SIZE / 2
    return (
        round(centre + CIRCLE_RADIUS * math.cos(angle), 1),
        round(centre + CIRCLE_RADIUS * math.sin(angle), 1),
    )


@dataclass(frozen=True)
class CircleLayout:
    size: int
    nodes: list[Placed]
    arcs: list[str]
    """SVG path data of the arrows from each stage to the next, clockwise."""


def circle_layout(stages: list[str]) -> CircleLayout:
    """Figure 4: the stages round a circle from the top, with an arrow from each to the next."""
    count = len(stages)
    angles = [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]
    gap = math.radians(ARROW_GAP_DEGREES)
    nodes = [
        Placed(name, *_point(angle), NODE_WIDTH, NODE_HEIGHT)
        for name, angle in zip(stages, angles, strict=True)
    ]
    arcs = []
    for index, angle in enumerate(angles):
        start = _point(angle + gap)
        end = _point(angles[(index + 1) % count] + (2 * math.pi if index == count - 1 else 0) - gap)
        arcs.append(
            f"M {start[0]} {start[1]} A {CIRCLE_RADIUS} {CIRCLE_RADIUS} 0 0 1 {end[0]} {end[1]}"
        )
    return CircleLayout(CIRCLE_SIZE, nodes, arcs)
