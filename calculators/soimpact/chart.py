"""SVG charts of a SoImpact plan: the chain with the plan's indicators, and their progress.

Every chart is one image with a title and a description, and the page shows a data table
beside it, so nothing depends on seeing the chart. Marks differ by shape and dash as well as
colour: a square is the baseline, a diamond the target, circles are measurements, and the
planned path is dashed.
"""

from __future__ import annotations

from datetime import date

from calculators.core import svg
from calculators.soimpact.progress import Point, Progress
from calculators.soimpact.words import Words

BOX_WIDTH = 124
BOX_HEIGHT = 90
BOX_CHARACTERS = 14
"""Longer box names go on two lines (14 px bold fits about this many in a box)."""
BOX_GAP = 22
CHAIN_TOP = 34

BAR_LABEL_WIDTH = 250
BAR_WIDTH = 300
BAR_ROW = 30
BAR_TOP = 40
LABEL_CHARACTERS = 38

PLOT_WIDTH = 640
PLOT_HEIGHT = 300
PLOT_LEFT = 80
PLOT_RIGHT = 24
PLOT_TOP = 24
PLOT_BOTTOM = 86
MARK = 5
EMPTY_RANGE_DAYS = 30


def chain(counts: dict[str, int], words: Words) -> str:
    """The chain of Figure 7, contribution factors first, each level with the plan's count."""
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
    body = [svg.text(10, 20, words("chain-direction"), class_="axis-title")]
    for index, (name, count, kind) in enumerate(boxes):
        x = 10 + index * (BOX_WIDTH + BOX_GAP)
        body.append(
            _shape(
                "rect",
                x=x,
                y=CHAIN_TOP,
                width=BOX_WIDTH,
                height=BOX_HEIGHT,
                rx=6,
                class_=f"soimpact-box soimpact-box-{kind}",
            )
        )
        centre = x + BOX_WIDTH / 2
        for line, text in enumerate(_wrap(name)):
            y = CHAIN_TOP + 24 + line * 17
            body.append(svg.text(centre, y, text, text_anchor="middle", class_="box-name"))
        body.append(svg.text(centre, CHAIN_TOP + 70, count, text_anchor="middle"))
        if index:
            arrow_x = x - BOX_GAP
            middle = CHAIN_TOP + BOX_HEIGHT / 2
            arrow = f"M{arrow_x + 3} {middle} h{BOX_GAP - 8} m-6 -5 l6 5 l-6 5"
            body.append(_shape("path", d=arrow, class_="soimpact-arrow"))
    width = 20 + len(boxes) * BOX_WIDTH + (len(boxes) - 1) * BOX_GAP
    description = "; ".join(f"{name}: {count}" for name, count, kind in boxes if kind == "level")
    return svg.document(width, CHAIN_TOP + BOX_HEIGHT + 10, words("chain-title"), description, body)


def _wrap(text: str) -> list[str]:
    """A box name on one line, or on two split at the space nearest the middle."""
    if len(text) <= BOX_CHARACTERS or " " not in text:
        return [text]
    spaces = [index for index, char in enumerate(text) if char == " "]
    cut = min(spaces, key=lambda index: abs(index - len(text) / 2))
    return [text[:cut], text[cut + 1 :]]


def _shape(tag: str, **values: str | float) -> str:
    return f"<{tag} {svg.attrs(**values)}/>"


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def overview(progresses: list[Progress], words: Words) -> str:
    """One bar per indicator: the share of the way from baseline to target, 100 % marked."""
    rows = [item for item in progresses if item.share is not None]
    left = BAR_LABEL_WIDTH
    body = [
        svg.text(left, 16, words("overview-start"), text_anchor="middle", class_="axis-label"),
        svg.text(
            left + BAR_WIDTH, 16, words("overview-goal"), text_anchor="middle", class_="axis-label"
        ),
    ]
    bottom = BAR_TOP + BAR_ROW * len(rows)
    for index, item in enumerate(rows):
        y = BAR_TOP + index * BAR_ROW
        done = min(max(item.share or 0.0, 0.0), 1.0)
        body.append(
            svg.text(left - 8, y + 16, _short(words.indicator(item.indicator)), text_anchor="end")
        )
        height = BAR_ROW - 10
        body.append(
            _shape("rect", x=left, y=y + 4, width=BAR_WIDTH, height=height, class_="soimpact-track")
        )
        filled = round(BAR_WIDTH * done, 1)
        body.append(
            _shape("rect", x=left, y=y + 4, width=filled, height=height, class_="soimpact-bar")
        )
        body.append(svg.text(left + BAR_WIDTH + 8, y + 16, words.percent(item.share)))
    for x in (left, left + BAR_WIDTH):
        body.append(_shape("line", x1=x, y1=BAR_TOP - 14, x2=x, y2=bottom, class_="soimpact-axis"))
    description = "; ".join(
        words(
            "overview-row",
            indicator=words.indicator(item.indicator),
            share=words.percent(item.share),
        )
        for item in rows
    )
    width = left + BAR_WIDTH + 70
    return svg.document(width, bottom + 10, words("overview-title"), description, body)


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
    y = PLOT_HEIGHT - 22
    entries = [
        (_square, words("legend-baseline")),
        (_diamond, words("legend-target")),
        (_circle, words("legend-measured")),
    ]
    body = []
    x = PLOT_LEFT
    for mark, label in entries:
        body.append(mark(x, y - 4))
        body.append(svg.text(x + 12, y, label))
        x += 40 + 7 * len(label)
    body.append(_path([(x, y - 4), (x + 28, y - 4)], "planned"))
    body.append(svg.text(x + 34, y, words("legend-planned")))
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
