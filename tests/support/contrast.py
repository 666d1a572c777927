"""WCAG 2.1 colour contrast from the colours Chromium computes, for checks axe does not make.

axe-core judges text against CSS backgrounds, but not SVG chart marks, SVG text over SVG shapes,
or the palette's custom properties. The browser reports computed colours as strings; this module
parses them, composites translucent layers and computes the ratio the way WCAG defines it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

TEXT = 4.5
"""WCAG 1.4.3: body text against its background."""
LARGE_TEXT = 3.0
"""WCAG 1.4.3: text of at least 24 CSS px, or 18.66 CSS px bold."""
GRAPHICS = 3.0
"""WCAG 1.4.11: chart marks, outlines and other graphics needed to understand the content."""
LARGE_TEXT_PX = 24.0
LARGE_BOLD_TEXT_PX = 18.66

_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?%?"
_RGB = re.compile(
    rf"rgba?\(\s*({_NUMBER})[\s,]+({_NUMBER})[\s,]+({_NUMBER})(?:[\s,/]+({_NUMBER}))?\s*\)"
)
_SRGB = re.compile(
    rf"color\(\s*srgb\s+({_NUMBER})\s+({_NUMBER})\s+({_NUMBER})(?:\s*/\s*({_NUMBER}))?\s*\)"
)


@dataclass(frozen=True)
class Color:
    """An sRGB colour with channels and alpha from 0 to 1."""

    red: float
    green: float
    blue: float
    alpha: float = 1.0

    def over(self, below: Color) -> Color:
        """This colour painted on top of ``below`` (source-over compositing)."""
        alpha = self.alpha + below.alpha * (1 - self.alpha)
        if alpha == 0:
            return Color(0, 0, 0, 0)

        def mix(top: float, bottom: float) -> float:
            return (top * self.alpha + bottom * below.alpha * (1 - self.alpha)) / alpha

        return Color(
            mix(self.red, below.red),
            mix(self.green, below.green),
            mix(self.blue, below.blue),
            alpha,
        )

    def luminance(self) -> float:
        """Relative luminance as WCAG 2.1 defines it (for an opaque colour)."""

        def linear(channel: float) -> float:
            if channel <= 0.04045:
                return channel / 12.92
            return ((channel + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)


def _fraction(text: str, scale: float) -> float:
    if text.endswith("%"):
        return float(text[:-1]) / 100
    return float(text) / scale


def parse_color(text: str) -> Color:
    """A colour as Chromium serialises computed values: ``rgb()``, ``rgba()`` or ``color(srgb)``."""
    text = text.strip().lower()
    if text == "transparent":
        return Color(0, 0, 0, 0)
    for pattern, scale in ((_RGB, 255.0), (_SRGB, 1.0)):
        match = pattern.fullmatch(text)
        if match:
            red, green, blue, alpha = match.groups()
            return Color(
                _fraction(red, scale),
                _fraction(green, scale),
                _fraction(blue, scale),
                1.0 if alpha is None else _fraction(alpha, 1.0),
            )
    raise ValueError(f"unsupported colour syntax {text!r}: add it to tests/support/contrast.py")


def flatten(layers: Iterable[str]) -> Color:
    """Composite colours listed from the top layer down to an opaque bottom layer."""
    result = Color(0, 0, 0, 0)
    for layer in reversed(list(layers)):
        result = parse_color(layer).over(result)
    if result.alpha < 1:
        raise ValueError("the bottom layer must be opaque (the page background)")
    return result


def contrast_ratio(first: Color, second: Color) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter of two opaque colours."""
    lighter, darker = sorted((first.luminance(), second.luminance()), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_minimum(font_size_px: float, font_weight: int) -> float:
    """The contrast text of this size and weight needs (large text needs less)."""
    large = font_size_px >= LARGE_TEXT_PX or (
        font_weight >= 700 and font_size_px >= LARGE_BOLD_TEXT_PX
    )
    return LARGE_TEXT if large else TEXT
