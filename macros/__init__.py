"""Macros that turn the validated model into page fragments (mkdocs-macros entry point).

Pages stay prose plus calls such as ``{{ value_cards() }}``; the HTML lives in
``macros/templates/`` (a calculator's in ``forms/<tool>/``), rendered with autoescaping so no
content text is ever raw HTML. Reading pages' macros are in ``pages.py``, the calculators' in
``tools/`` (one module per tool, tied to its content and templates by ``tools.TOOLS``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from macros import tools
from macros.pages import Pages
from model.base import Source, Text
from model.schema import Model

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


def cite(source: Source, form: str) -> str:
    """A handbook reference in the page's language: 'Handbook ch. 1, p. 13–14'.

    ``form`` is the ``citation`` label of ``content/ui.yml`` with ``{chapter}`` and ``{pages}``.
    """
    return form.format(chapter=source.chapter, pages=source.pages)


@pass_context
def _translate_filter(context: Context, text: Text) -> str:
    return translate(text, context["lang"])


@pass_context
def _cite_filter(context: Context, source: Source) -> str:
    """Chapters are cited with the ``citation`` label, the foreword (chapter 0) by its name."""
    form = (
        context["handbook"].foreword_citation
        if source.chapter == 0
        else context["labels"]["citation"]
    )
    return cite(source, translate(form, context["lang"]))


TEMPLATES.filters["t"] = _translate_filter
TEMPLATES.filters["cite"] = _cite_filter
"""Every template is rendered with ``lang``, ``labels`` (the ui labels) and ``handbook``."""


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
    "matrix_table",
    "text",
    "box",
    "all_cases",
    "checklist",
    "all_checklists",
    "glossary",
    "references",
)
"""Methods of ``Pages`` that pages call as macros."""


class Build(Protocol):
    """What the macros render from: the build hook (``sitebuild/mkdocs_hooks.py``) makes it."""

    model: Model

    @property
    def bundle_path(self) -> str: ...

    def locate(self, url: str) -> tuple[Any, str]:
        """The language of the page at ``url`` (its ``code``) and the page's path inside it."""
        ...


_build: Build | None = None


def use_build(build: Build) -> None:
    """Hand the macros the build, here rather than in ``config.extra``: mkdocs-macros
    JSON-encodes every config variable for a debug line, even with debug off, and the build holds
    the model and the standard library zip."""
    global _build
    _build = build


def _current_build() -> Build:
    if _build is None:
        raise RuntimeError("the macros run inside the site build, which hands them the model")
    return _build


def define_env(env: Any) -> None:
    """Register the macros; the model and bundle come from the build hook (``use_build``)."""
    build = _current_build()
    pages = Pages(build.model, render, render_markdown, translate)
    env.variables["guide_pages"] = pages

    for name in PAGE_MACROS:
        env.macro(getattr(pages, name), name)

    @env.macro
    def calculator(name: str) -> Markup:
        """A calculator's form, toolbar and result area, in the page's language."""
        return tools.calculator(pages, name, build.bundle_path)

    for tool in tools.TOOLS.values():
        for name, macro in tool.macros.items():
            env.macro(partial(macro, pages), name)


def on_pre_page_macros(env: Any) -> None:
    """Before a page renders: its language, and its URL inside that language's tree.

    Links between pages stay inside the reader's language because they are made relative to the
    page's place in its own tree ('fields/anchoring/', not 'nb/fields/anchoring/').
    """
    language, path = _current_build().locate(env.page.url)
    pages = env.variables["guide_pages"]
    pages.lang = language.code
    pages.page_url = path


def on_post_page_macros(env: Any) -> None:
    """Append the glossary's abbreviations to every page, for the ``abbr`` extension."""
    env.markdown += "\n\n" + env.variables["guide_pages"].abbreviations() + "\n"
