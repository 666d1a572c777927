"""The contrast arithmetic the chart and palette checks rely on matches WCAG's own figures."""

from __future__ import annotations

import pytest

from tests.support.contrast import (
    LARGE_TEXT,
    TEXT,
    Color,
    contrast_ratio,
    flatten,
    parse_color,
    text_minimum,
)

WHITE = Color(1, 1, 1)
BLACK = Color(0, 0, 0)


def test_black_on_white_is_21_to_1_and_order_does_not_matter() -> None:
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, BLACK) == pytest.approx(21.0)


def test_grey_767676_is_the_lightest_grey_that_passes_on_white() -> None:
    assert contrast_ratio(parse_color("rgb(118, 118, 118)"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(parse_color("rgb(119, 119, 119)"), WHITE) < TEXT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rgb(255, 0, 0)", Color(1, 0, 0)),
        ("rgba(0, 0, 0, 0.5)", Color(0, 0, 0, 0.5)),
        ("rgb(0 0 0 / 25%)", Color(0, 0, 0, 0.25)),
        ("color(srgb 0.5 0.25 1 / 0.4)", Color(0.5, 0.25, 1, 0.4)),
        ("transparent", Color(0, 0, 0, 0)),
    ],
)
def test_parses_what_chromium_computes(text: str, expected: Color) -> None:
    assert parse_color(text) == expected


def test_unknown_syntax_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="unsupported colour syntax"):
        parse_color("oklch(0.5 0.1 200)")


def test_translucent_black_over_white_is_mid_grey() -> None:
    grey = flatten(["rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)"])
    assert grey.red == pytest.approx(0.5)
    assert grey.alpha == 1


def test_flatten_needs_an_opaque_bottom() -> None:
    with pytest.raises(ValueError, match="opaque"):
        flatten(["rgba(0, 0, 0, 0.5)"])


def test_large_text_needs_3_to_1() -> None:
    assert text_minimum(16, 400) == TEXT
    assert text_minimum(24, 400) == LARGE_TEXT
    assert text_minimum(19, 700) == LARGE_TEXT
    assert text_minimum(19, 400) == TEXT
