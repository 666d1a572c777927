"""The SoImpact worksheet's page: its form is all it shows (``templates/forms/soimpact/``, the
steps with the indicator bank); the chain and steps as figures are reading-page macros."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from macros.pages import Pages

PAGE_MACROS: dict[str, Callable[[Pages], Markup]] = {}
"""Macros its page calls beside ``calculator("soimpact")``: none."""
