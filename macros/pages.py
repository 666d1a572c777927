"""Macros for the reading pages: chapters, values, fields, figures, checklists, glossary, sources.

A page in ``docs/`` is a title, a little prose and calls such as ``{{ value_intro("openness") }}``
and ``{{ value_outro("openness") }}``; whatever the page adds between the two (a figure, a text
box) sits in the middle. All text comes from ``content/`` through autoescaped templates.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from macros.figures import circle_layout, model_layout
from macros.links import chapter_doc, field_doc, relative_url, value_doc
from model.base import Text
from model.schema import Chapter, Checklist, FieldOfAction, Model, Value

Renderer = Callable[..., Markup]


class Pages:
    """The model plus the page being rendered: its language, and its URL to link relative to.

    ``lang`` and ``page_url`` are set before each page renders (``macros.on_pre_page_macros``).
    """

    def __init__(
        self,
        model: Model,
        render: Renderer,
        render_markdown: Renderer,
        translate: Callable[[Text, str], str],
    ) -> None:
        self.model = model
        self.render = render
        self.render_markdown = render_markdown
        self._translate = translate
        self.lang = "en"
        self.page_url = ""

    # Helpers the templates call.

    def translate(self, text: Text) -> str:
        return self._translate(text, self.lang)

    def label(self, key: str) -> str:
        return self.translate(self.model.ui.labels[key])

    def href(self, doc: str) -> str:
        return relative_url(doc, self.page_url)

    def fragment(self, template: str, **context: Any) -> Markup:
        return self.render(template, **self._globals(), **context)

    def markdown(self, template: str, **context: Any) -> Markup:
        """A page section: Markdown headings (for the table of contents) around HTML fragments."""
        return self.render_markdown(template, **self._globals(), **context)

    def _globals(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "fragment": self.fragment,
            "href": self.href,
            "lang": self.lang,
            "labels": self.model.ui.labels,
            "handbook": self.model.handbook,
        }

    # Lookups.

    def chapter(self, number: int) -> Chapter:
        return self.model.chapters.chapters[number - 1]

    def value(self, value_id: str) -> Value:
        return _by_id(self.model.values.values, value_id)

    def field(self, field_id: str) -> FieldOfAction:
        return _by_id(self.model.fields.fields, field_id)

    def checklist_for(self, chapter: int) -> Checklist | None:
        found = [item for item in self.model.checklists.checklists if item.chapter == chapter]
        return found[0] if found else None

    def link(self, doc: str, label: Text | str) -> dict[str, str]:
        text = label if isinstance(label, str) else self.translate(label)
        return {"href": self.href(doc), "label": text}

    # Page sections.

    def _intro(self, item: Chapter | Value | FieldOfAction) -> Markup:
        return self.markdown("pages/intro.md.j2", item=item)

    def chapter_intro(self, number: int) -> Markup:
        return self._intro(self.chapter(number))

    def value_intro(self, value_id: str) -> Markup:
        return self._intro(self.value(value_id))

    def field_intro(self, field_id: str) -> Markup:
        return self._intro(self.field(field_id))

    def chapter_outro(self, number: int) -> Markup:
        chapter = self.chapter(number)
        return self.markdown(
            "pages/outro.md.j2",
            item=chapter,
            boxes=[box for box in self.model.boxes.boxes if box.chapter == number],
            cases=[case for case in self.model.cases.cases if case.chapter == number],
            checklist=self.checklist_for(number),
            links=[self.link(link.page, link.label) for link in chapter.related],
        )

    def value_outro(self, value_id: str) -> Markup:
        value = self.value(value_id)
        fields = [field for field in self.model.fields.fields if value_id in field.values]
        cases = [case for case in self.model.cases.cases if value_id in case.values]
        links = [self.link(field_doc(field.id), field.name) for field in fields]
        return self._part_outro(value, cases, links)

    def field_outro(self, field_id: str) -> Markup:
        field = self.field(field_id)
        cases = [case for case in self.model.cases.cases if field_id in case.fields]
        links = [self.link(value_doc(value), self.value(value).name) for value in field.values]
        return self._part_outro(field, cases, links)

    def _part_outro(
        self, item: Value | FieldOfAction, cases: list[Any], links: list[Any]
    ) -> Markup:
        """The end of a value or field page: checklist, cases, and where to go next."""
        chapter = self.chapter(item.source.chapter)
        links += [
            self.link(chapter_doc(chapter.id), chapter.title),
            self.link("model.md", self.label("model-title")),
        ]
        return self.markdown(
            "pages/outro.md.j2",
            item=item,
            boxes=[],
            cases=cases,
            checklist=self.checklist_for(item.source.chapter),
            links=links,
        )

    # Cards that lead to pages.

    def chapter_cards(self) -> Markup:
        return self._cards(self.model.chapters.chapters, chapter_doc)

    def value_cards(self) -> Markup:
        return self._cards(self.model.values.values, value_doc)

    def field_cards(self) -> Markup:
        return self._cards(self.model.fields.fields, field_doc)

    def _cards(self, items: list[Any], doc: Callable[[str], str]) -> Markup:
        cards = [
            {
                "anchor": f"card-{item.id}",
                "href": self.href(doc(item.id)),
                "name": self.translate(item.title if isinstance(item, Chapter) else item.name),
                "summary": self.translate(item.summary),
                "source": item.source,
            }
            for item in items
        ]
        return self.fragment("link_cards.j2", cards=cards)

    def points(self, path: str, prefix: str, numbered: bool = False) -> Markup:
        """Cards for one point or a list of points, named by path: 'leadership.functions'."""
        found = operator.attrgetter(path)(self.model)
        points = found if isinstance(found, list) else [found]
        return self.fragment("points.j2", points=points, prefix=prefix, numbered=numbered)

    # Figures.

    def model_figure(self) -> Markup:
        values = self.model.values.values
        fields = self.model.fields.fields
        layout = model_layout(
            [self.translate(value.name) for value in values],
            [self.translate(field.name) for field in fields],
        )
        return self.fragment(
            "figures/model.j2",
            layout=layout,
            source=self.chapter(3).points[0].source,
            values=[
                {"id": value.id, **self.link(value_doc(value.id), value.name)} for value in values
            ],
            fields=[
                {"closest": field.values, **self.link(field_doc(field.id), field.name)}
                for field in fields
            ],
        )

    def circle_figure(self, name: str, number: int) -> Markup:
        circle = getattr(self.model.circles, name)
        layout = circle_layout([self.translate(stage.name) for stage in circle.stages])
        return self.fragment("figures/circle.j2", circle=circle, layout=layout, number=number)

    def rooms_figure(self) -> Markup:
        return self.fragment("figures/rooms.j2", rooms=self.model.rooms)

    def soimpact_chain(self) -> Markup:
        impact = self.model.impact
        return self.fragment("figures/chain.j2", chain=impact.chain, source=impact.chain_source)

    def soimpact_steps(self) -> Markup:
        impact = self.model.impact
        return self.fragment("impact_steps.j2", steps=impact.steps, source=impact.steps_source)

    def boost_table(self) -> Markup:
        impact = self.model.impact
        return self.fragment("figures/boost.j2", rows=impact.boost, source=impact.boost_source)

    def characteristics_table(self) -> Markup:
        return self.fragment("characteristics.j2", collaboration=self.model.collaboration)

    def matrix_table(self) -> Markup:
        """Figure 2 as a real table: planning across, production down."""
        return self.fragment("figures/matrix.j2", matrix=self.model.matrix)

    def grey_areas(self) -> Markup:
        return self.fragment("grey_areas.j2", matrix=self.model.matrix)

    def text(self, path: str, css: str = "guide-lead") -> Markup:
        """One text of the model, named by its path: 'collaboration.nesting'."""
        text = operator.attrgetter(path)(self.model)
        return self.fragment("text.j2", text=text, css=css, source=None)

    # Boxes and cases.

    def box(self, box_id: str) -> Markup:
        return self.fragment("boxes.j2", boxes=[_by_id(self.model.boxes.boxes, box_id)])

    def all_cases(self) -> Markup:
        return self.fragment("cases.j2", cases=self.model.cases.cases)

    # Checklists.

    def checklist(self, checklist_id: str, level: int = 3) -> Markup:
        checklist = _by_id(self.model.checklists.checklists, checklist_id)
        return self.fragment("checklist.j2", checklist=checklist, level=level)

    def all_checklists(self) -> Markup:
        parts = [self.fragment("checklists_total.j2")]
        parts += [self.checklist(item.id, level=2) for item in self.model.checklists.checklists]
        return Markup("\n".join(parts))

    # Reference pages.

    def glossary(self) -> Markup:
        terms = sorted(
            self.model.glossary.terms, key=lambda term: self.translate(term.term).casefold()
        )
        return self.fragment("glossary.j2", terms=terms)

    def references(self) -> Markup:
        return self.fragment("references.j2", references=self.model.references.references)

    def abbreviations(self) -> str:
        """Markdown abbreviation definitions, so short forms get their expansion on hover/focus."""
        return "\n".join(
            f"*[{term.abbreviation.short}]: {self.translate(term.abbreviation.expansion)}"
            for term in self.model.glossary.terms
            if term.abbreviation
        )


def _by_id(items: list[Any], item_id: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(f"no item with id {item_id!r}")
