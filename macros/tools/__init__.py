"""The calculators' pages: one table ties each tool's parts together.

A tool's name (what pages write in ``{{ calculator("matrix") }}`` and the runtime knows it by)
does not have to match its content key or its folders: the matrix's words are ``matrix_tool``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from calculators.core.savefile import FORMAT
from calculators.runtime import tool_named
from macros.pages import Pages
from macros.tools import assessment, matrix, soimpact


@dataclass(frozen=True)
class ToolPage:
    """Where one calculator's page finds its parts."""

    content: str
    """Its own words in the model: ``Model.<content>`` (``content/<content>.yml``)."""
    templates: str
    """Its template folder: ``form.j2`` is the form, beside the parts the form and page use."""
    macros: dict[str, Callable[[Pages], Markup]]
    """What its page shows beside the form, from its module in ``macros/tools/``."""


TOOLS: dict[str, ToolPage] = {
    "matrix": ToolPage("matrix_tool", "forms/matrix", matrix.PAGE_MACROS),
    "assessment": ToolPage("assessment", "forms/assessment", assessment.PAGE_MACROS),
    "soimpact": ToolPage("soimpact", "forms/soimpact", soimpact.PAGE_MACROS),
}


def calculator(pages: Pages, name: str, bundle: str) -> Markup:
    """A calculator's form, toolbar and result area, in the page's language.

    ``bundle`` is the calculators zip's path, which the page script hands to the worker.
    """
    tool = tool_named(name)
    page = TOOLS.get(name)
    if tool is None or page is None:
        raise ValueError(f"There is no calculator {name!r}.")
    ui = pages.model.ui.calculator
    named_tables = list(tool.tables) if len(tool.tables) > 1 else []
    words = getattr(pages.model, page.content).messages if named_tables else {}
    return pages.fragment(
        "calculator.j2",
        name=name,
        form=f"{page.templates}/form.j2",
        model=pages.model,
        ui=ui,
        messages={key: pages.translate(text) for key, text in ui.items()},
        version=tool.version,
        format=FORMAT,
        csv=len(tool.tables) == 1,
        tables=[(table, pages.translate(words[f"csv-{table}"])) for table in named_tables],
        bundle=bundle,
    )
