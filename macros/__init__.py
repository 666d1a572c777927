"""Macros that turn the validated model into page fragments (mkdocs-macros entry point).

Pages stay prose plus calls such as ``{{ value_cards() }}``; the HTML lives in
``macros/templates/*.j2``, rendered with autoescaping so no content text is ever raw HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from calculators.runtime import TOOLS
from calculators.savefile import FORMAT
from macros import matrix_page
from macros.pages import Pages
from macros.schema import Source, Text

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


def translate(text: Text, lang: str = "en") -> str:
    """The text in ``lang``; a missing translation is an error, never a silent fallback."""
    value = getattr(text, lang)
    if value is None:
        raise ValueError(f"missing {lang!r} translation of {text.en!r}")
    return value


def cite(source: Source) -> str:
    """A handbook reference in the form the guide uses everywhere: 'Handbook ch. 1, p. 13–14'."""
    return f"Handbook ch. {source.chapter}, p. {source.pages}"


TEMPLATES.filters["t"] = translate
TEMPLATES.filters["cite"] = cite


def render(template: str, **context: Any) -> Markup:
    """Render one template to HTML, dropping blank lines so Markdown keeps it one HTML block."""
    html = TEMPLATES.get_template(template).render(**context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def render_markdown(template: str, **context: Any) -> Markup:
    """Render a page section: Markdown headings around HTML blocks, blank lines kept."""
    return Markup(TEMPLATES.get_template(template).render(**context))


PAGE_MACROS = (
    "chapter_intro",
    "value_intro",
    "field_intro",
    "chapter_cards",
    "value_cards",
    "field_cards",
    "chapter_outro",
    "value_outro",
    "field_outro",
    "points",
    "model_figure",
    "circle_figure",
    "rooms_figure",
    "soimpact_chain",
    "soimpact_steps",
    "boost_table",
    "characteristics_table",
    "grey_areas",
    "text",
    "box",
    "all_cases",
    "checklist",
    "all_checklists",
    "glossary",
    "references",
)
"""Methods of ``Pages`` that pages call as macros."""


def define_env(env: Any) -> None:
    """Register the macros; the model and bundle come from the build hook (``sitebuild``)."""
    build = env.conf["extra"]["build"]
    pages = Pages(build.model, render, render_markdown, translate)
    env.variables["guide_pages"] = pages

    def on_page(method: Any) -> Any:
        """Run a page macro with links made relative to the page being rendered."""

        def macro(*args: Any, **kwargs: Any) -> Any:
            pages.page_url = env.page.url
            return method(*args, **kwargs)

        macro.__name__ = method.__name__
        return macro

    for name in PAGE_MACROS:
        env.macro(on_page(getattr(pages, name)), name)

    @env.macro
    def matrix_table() -> Markup:
        return render("matrix_table.j2", matrix=build.model.matrix)

    @env.macro
    def matrix_scoring(lang: str = "en") -> Markup:
        """How the matrix calculator places a project: the rule and every answer's points."""
        tool = build.model.matrix_tool
        return render("matrix_scoring.j2", tool=tool, **matrix_page.scoring(build.model, lang))

    @env.macro
    def calculator(name: str, lang: str = "en") -> Markup:
        """A calculator's form, toolbar and result area; the page script does the rest."""
        tool = TOOLS[name]
        ui = build.model.ui.calculator
        tool_messages = getattr(build.model, name).messages if tool.tables else {}
        return render(
            "calculator.j2",
            name=name,
            form=f"forms/{name}.j2",
            model=build.model,
            ui=ui,
            messages={key: translate(text, lang) for key, text in ui.items()},
            version=tool.version,
            format=FORMAT,
            csv=tool.table is not None,
            tables=[
                (table, translate(tool_messages[f"csv-{table}"], lang)) for table in tool.tables
            ],
            lang=lang,
            bundle=build.bundle_path,
            pyodide=build.pyodide_path,
        )


def on_post_page_macros(env: Any) -> None:
    """Append the glossary's abbreviations to every page, for the ``abbr`` extension."""
    env.markdown += "\n\n" + env.variables["guide_pages"].abbreviations() + "\n"
