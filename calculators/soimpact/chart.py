"""SVG charts of a SoImpact plan: the chain with the plan's indicators, and their progress.

Every chart is one image with a title and a description, and the page shows a data table
beside it, so nothing depends on seeing the chart. Marks differ by shape and dash as well as
colour: a square is the baseline, a diamond the target, circles are measurements, and the
planned path is dashed.
"""

from __future__ import annotations

import textwrap
from datetime import date

from calculators.core import svg
from calculators.soimpact.progress import Point, Progress
from calculators.soimpact.words import Words

WIDTH = 320
"""Every chart is drawn for a phone's 288 px column, where its 12-unit text stays 10.8 px high;
wider screens scale it up (tools/soimpact.css)."""
CHART_CLASS = "soimpact-chart"
LEFT = 10

BOX_WIDTH = WIDTH - 2 * LEFT
BOX_HEIGHT = 48
BOX_GAP = 20
TITLE_CHARACTERS = 36
"""Characters per line of the chain's heading (14 px bold in the chart's width)."""

BAR_LEFT = 16
BAR_WIDTH = 236
BAR_ROW = 46
"""An indicator's name, then its bar below it."""
BAR_TOP = 34
LABEL_CHARACTERS = 44

PLOT_WIDTH = WIDTH
PLOT_HEIGHT = 270
PLOT_LEFT = 64
PLOT_RIGHT = 14
PLOT_TOP = 24
PLOT_BOTTOM = 96
LEGEND_LINE = 22
MARK = 5
EMPTY_RANGE_DAYS = 30


def chain(counts: dict[str, int], words: Words) -> str:
    """The chain of Figure 7 from top to bottom, contribution factors first, each level with the
    plan's count."""
    boxes = [
        (
            words.text(link["name"]),
            words("chain-count", count=counts[link["id"]])
            if link["id"] in counts
            else words("chain-outside"),
            "level" if link["id"] in counts else "contribution",
        )
        for link in words.impact["chain"]
    ]
    heading = textwrap.wrap(words("chain-direction"), TITLE_CHARACTERS)
    body = [svg.lines(LEFT, 20, heading, 17, class_="axis-title")]
    top = 20 + 17 * len(heading)
    centre = LEFT + BOX_WIDTH / 2
    for index, (name, count, kind) in enumerate(boxes):
        y = top + index * (BOX_HEIGHT + BOX_GAP)
        body.append(
            _shape(
                "rect",
                x=LEFT,
                y=y,
                width=BOX_WIDTH,
                height=BOX_HEIGHT,
                rx=6,
                class_=f"soimpact-box soimpact-box-{kind}",
            )
        )
        body.append(svg.text(centre, y + 20, name, text_anchor="middle", class_="box-name"))
        body.append(svg.text(centre, y + 38, count, text_anchor="middle"))
        if index:
            arrow = f"M{centre} {y - BOX_GAP + 3} v{BOX_GAP - 8} m-5 -6 l5 6 l5 -6"
            body.append(_shape("path", d=arrow, class_="soimpact-arrow"))
    height = top + len(boxes) * BOX_HEIGHT + (len(boxes) - 1) * BOX_GAP + 10
    description = "; ".join(f"{name}: {count}" for name, count, kind in boxes if kind == "level")
    return svg.document(WIDTH, height, words("chain-title"), description, body, CHART_CLASS)


def _shape(tag: str, **values: str | float) -> str:
    return f"<{tag} {svg.attrs(**values)}/>"


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def overview(progresses: list[Progress], words: Words) -> str:
    """One bar per indicator, under its name: the share of the way from baseline to target,
    100 % marked."""
    rows = [item for item in progresses if item.share is not None]
    right = BAR_LEFT + BAR_WIDTH
    body = [
        svg.text(BAR_LEFT, 16, words("overview-start"), text_anchor="start", class_="axis-label"),
        svg.text(right, 16, words("overview-goal"), text_anchor="middle", class_="axis-label"),
    ]
    bottom = BAR_TOP + BAR_ROW * len(rows)
    for index, item in enumerate(rows):
        y = BAR_TOP + index * BAR_ROW
        done = min(max(item.share or 0.0, 0.0), 1.0)
        body.append(svg.text(LEFT, y + 14, _short(words.indicator(item.indicator))))
        height = 18
        bar_y = y + 22
        body.append(
            _shape(
                "rect", x=BAR_LEFT, y=bar_y, width=BAR_WIDTH, height=height, class_="soimpact-track"
            )
        )
        filled = round(BAR_WIDTH * done, 1)
        body.append(
            _shape("rect", x=BAR_LEFT, y=bar_y, width=filled, height=height, class_="soimpact-bar")
        )
        body.append(svg.text(right + 8, bar_y + 14, words.percent(item.share)))
    for x in (BAR_LEFT, right):
        body.append(_shape("line", x1=x, y1=BAR_TOP - 10, x2=x, y2=bottom, class_="soimpact-axis"))
    description = "; ".join(
        words(
            "overview-row",
            indicator=words.indicator(item.indicator),
            share=words.percent(item.share),
        )
        for item in rows
    )
    return svg.document(WIDTH, bottom + 10, words("overview-title"), description, body, CHART_CLASS)


class _Scale:
    """Maps dates and values onto the plot area."""

    def __init__(self, points: list[Point]) -> None:
        days = [point.day.toordinal() for point in points]
        values = [point.value for point in points]
        self.first, self.last = min(days), max(days)
        if self.first == self.last:
            self.first, self.last = self.first - EMPTY_RANGE_DAYS, self.last + EMPTY_RANGE_DAYS
        self.low, self.high = min(values), max(values)
        if self.low == self.high:
            self.low, self.high = self.low - 1, self.high + 1

    def x(self, day: date) -> float:
        span = PLOT_WIDTH - PLOT_LEFT - PLOT_RIGHT
        return round(
            PLOT_LEFT + span * (day.toordinal() - self.first) / (self.last - self.first), 1
        )

    def y(self, value: float) -> float:
        span = PLOT_HEIGHT - PLOT_TOP - PLOT_BOTTOM
        return round(PLOT_TOP + span * (self.high - value) / (self.high - self.low), 1)


def _square(x: float, y: float) -> str:
    side = 2 * MARK
    return _shape("rect", x=x - MARK, y=y - MARK, width=side, height=side, class_="mark-baseline")


def _diamond(x: float, y: float) -> str:
    corners = f"{x},{y - MARK - 2} {x + MARK + 2},{y} {x},{y + MARK + 2} {x - MARK - 2},{y}"
    return _shape("polygon", points=corners, class_="mark-target")


def _circle(x: float, y: float) -> str:
    return _shape("circle", cx=x, cy=y, r=MARK - 1, class_="mark-measured")


def _path(points: list[tuple[float, float]], kind: str) -> str:
    coordinates = " ".join(f"{x},{y}" for x, y in points)
    return _shape("polyline", points=coordinates, class_=f"soimpact-{kind}")


def _legend(words: Words) -> list[str]:
    """The marks' meanings under the plot, on as many lines as the chart's width needs."""
    entries = [
        (_square, words("legend-baseline")),
        (_diamond, words("legend-target")),
        (_circle, words("legend-measured")),
        (None, words("legend-planned")),
    ]
    body = []
    x, y = LEFT + 6, PLOT_HEIGHT - PLOT_BOTTOM + 46
    for mark, label in entries:
        key = 28 if mark is None else 12
        width = key + 18 + 7 * len(label)
        if x > LEFT + 6 and x + width > WIDTH:
            x, y = LEFT + 6, y + LEGEND_LINE
        if mark is None:
            body.append(_path([(x - 4, y - 4), (x + 24, y - 4)], "planned"))
        else:
            body.append(mark(x, y - 4))
        body.append(svg.text(x + key, y, label))
        x += width
    return body


def timeline(item: Progress, words: Words) -> str:
    """The indicator's measurements over time, from its baseline towards its target."""
    points = [p for p in (item.baseline, item.target, *item.measured) if p]
    scale = _Scale(points)
    floor, right = PLOT_HEIGHT - PLOT_BOTTOM, PLOT_WIDTH - PLOT_RIGHT
    body = [
        _shape("line", x1=PLOT_LEFT, y1=PLOT_TOP, x2=PLOT_LEFT, y2=floor, class_="soimpact-axis"),
        _shape("line", x1=PLOT_LEFT, y1=floor, x2=right, y2=floor, class_="soimpact-axis"),
    ]
    for value in sorted({scale.low, scale.high}):
        body.append(
            svg.text(PLOT_LEFT - 8, scale.y(value) + 4, words.number(value), text_anchor="end")
        )
    axis_y = PLOT_HEIGHT - PLOT_BOTTOM + 18
    first, last = date.fromordinal(scale.first), date.fromordinal(scale.last)
    body.append(svg.text(PLOT_LEFT, axis_y, first.isoformat(), text_anchor="start"))
    body.append(svg.text(PLOT_WIDTH - PLOT_RIGHT, axis_y, last.isoformat(), text_anchor="end"))
    if item.baseline and item.target:
        planned = [(scale.x(p.day), scale.y(p.value)) for p in (item.baseline, item.target)]
        body.append(_path(planned, "planned"))
    measured = [p for p in (item.baseline, *item.measured) if p]
    if len(measured) > 1:
        body.append(_path([(scale.x(p.day), scale.y(p.value)) for p in measured], "measured"))
    if item.baseline:
        body.append(_square(scale.x(item.baseline.day), scale.y(item.baseline.value)))
    if item.target:
        body.append(_diamond(scale.x(item.target.day), scale.y(item.target.value)))
    body.extend(_circle(scale.x(p.day), scale.y(p.value)) for p in item.measured)
    if item.latest:
        x, y = scale.x(item.latest.day), scale.y(item.latest.value)
        anchor = "end" if x > PLOT_WIDTH / 2 else "start"
        body.append(
            svg.text(
                x + (-10 if anchor == "end" else 10),
                y - 8,
                words.number(item.latest.value),
                text_anchor=anchor,
            )
        )
    body.extend(_legend(words))
    name = words.indicator(item.indicator)
    return svg.document(
        PLOT_WIDTH,
        PLOT_HEIGHT,
        words("timeline-title", indicator=name),
        describe(item, words),
        body,
        CHART_CLASS,
    )


def describe(item: Progress, words: Words) -> str:
    """The chart in one or two sentences, for screen readers and as its caption."""

    def sentence(key: str, point: Point, **extra: object) -> str:
        return words(key, value=words.number(point.value), date=point.day.isoformat(), **extra)

    parts = []
    if item.baseline:
        parts.append(sentence("describe-baseline", item.baseline))
    if item.target:
        parts.append(sentence("describe-target", item.target))
    if item.latest:
        parts.append(sentence("describe-latest", item.latest, count=len(item.measured)))
    else:
        parts.append(words("describe-unmeasured"))
    if item.share is not None:
        parts.append(words("describe-share", share=words.percent(item.share)))
    return " ".join(parts)
