"""The self-assessment's page: its form is all it shows (``templates/forms/assessment/``)."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from macros.pages import Pages

PAGE_MACROS: dict[str, Callable[[Pages], Markup]] = {}
"""Macros its page calls beside ``calculator("assessment")``: none."""
