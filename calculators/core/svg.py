"""Small helpers to write accessible SVG as text, with every text escaped."""

from __future__ import annotations

from html import escape


def attrs(**values: str | float) -> str:
    """``key="value"`` pairs, escaped; a trailing underscore is dropped and ``_`` becomes ``-``."""
    return " ".join(
        f'{key.rstrip("_").replace("_", "-")}="{escape(str(value))}"'
        for key, value in values.items()
    )


def text(x: float, y: float, content: str, **extra: str | float) -> str:
    return f"<text {attrs(x=x, y=y, **extra)}>{escape(content)}</text>"


def document(
    width: int, height: int, title: str, description: str, body: list[str], class_: str = ""
) -> str:
    """An SVG root that screen readers announce as one image with a title and a description."""
    extra = f" {attrs(class_=class_)}" if class_ else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" {attrs(viewBox=f"0 0 {width} {height}")}{extra} '
        f'role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        + "".join(body)
        + "</svg>"
    )


def element(tag: str, **values: str | float) -> str:
    """An empty element such as ``rect``, ``circle``, ``polygon`` or ``line``."""
    return f"<{tag} {attrs(**values)}/>"


def lines(x: float, y: float, content: list[str], height: float, **extra: str | float) -> str:
    """Several lines of text, one ``tspan`` each, the first at ``y`` and the rest below it."""
    spans = "".join(
        f"<tspan {attrs(x=x, dy=0 if index == 0 else height)}>{escape(line)}</tspan>"
        for index, line in enumerate(content)
    )
    return f"<text {attrs(x=x, y=y, **extra)}>{spans}</text>"
