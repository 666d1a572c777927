"""The building blocks of every content file's schema, site-wide or a tool's.

They sit apart from ``model/schema.py`` because that module's ``Model`` gathers the tools' files
(``model/<tool>.py``), which are built from these same blocks: one place each, no import cycle.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

LANGUAGES = ("en", "nb")
"""English is the reference; Norwegian bokmål follows it key by key."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in YAML must never become a silent default."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One user-visible string in every language the guide offers."""

    en: Prose
    nb: Prose | None = None


class Source(Strict):
    """Where in the handbook a piece of the guide comes from; chapter 0 is the foreword."""

    chapter: int = Field(ge=0, le=6)
    pages: Annotated[str, StringConstraints(pattern=r"^\d+(–\d+)?$")]

    @property
    def page_range(self) -> tuple[int, int]:
        """The first and last page cited, for checking them against the table of contents."""
        first, _, last = self.pages.partition("–")
        return int(first), int(last or first)


DocPath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md(#[a-z0-9-]+)?$")]
"""A page of the guide, as a path under ``docs/`` with an optional anchor."""


class Link(Strict):
    """A link to another part of the guide, with the words a reader clicks."""

    page: DocPath
    label: Text


KeyPath = tuple[str | int, ...]
"""Where in a YAML file: its keys and list positions, from the top."""
Problem = tuple[str, KeyPath, str]
"""A reference that points nowhere: the content file, the key path in it and what is wrong."""
