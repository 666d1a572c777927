"""The matrix page's parts built from content: the form, the scoring rule, the worked examples."""

from __future__ import annotations

import json
from html import unescape
from html.parser import HTMLParser

import pytest

from calculators.matrix import score
from calculators.runtime import handle
from macros import render
from macros.tools.matrix import scoring
from tests.support.content import guide_data, guide_model

TYPED = guide_model()
MODEL = guide_data()


class Fields(HTMLParser):
    """Names, ids and label targets of a rendered form."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.ids: set[str] = set()
        self.errors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("name"):
            self.names.add(found["name"])
        if found.get("id"):
            self.ids.add(found["id"])
        if found.get("class") == "guide-error":
            self.errors.add(found["id"])


def form_html(lang: str = "en") -> str:
    return render("forms/matrix/form.j2", model=TYPED, lang=lang, labels=TYPED.ui.labels)


def test_the_form_asks_every_question_the_calculator_reads_in_both_columns() -> None:
    fields = Fields()
    fields.feed(form_html())
    assert fields.names == score.answer_names(MODEL)
    for name in fields.names - {"participant"}:
        assert f"field-{name}" in fields.ids
        assert f"{name}-error" in fields.errors


def test_the_form_offers_not_sure_and_no_goal_but_never_for_a_required_answer() -> None:
    html = form_html()
    assert 'name="planning" value=""' not in html
    assert 'name="desired.planning" value=""' in html
    assert 'name="duration" value=""' in html
    assert html.count("(required)") == 2


def test_the_scoring_rule_shows_every_answers_points() -> None:
    context = scoring(TYPED, "en")
    assert (context["axis"], context["top"], context["middle"]) == (8, 100, 50)
    html = render(
        "forms/matrix/scoring.j2",
        tool=TYPED.matrix_tool,
        lang="en",
        labels=TYPED.ui.labels,
        **context,
    )
    assert "Each shared axis adds 8 points" in html
    assert "up to 28 for the relationship between the actors, 28 for the duration" in html
    assert "below 50 a collaboration is in the thin half" in html
    points = [option["points"] for q in score.determinants(MODEL) for option in q["options"]]
    points += [8, 0, 0] * 2  # each axis: "together" counts, either side alone does not
    for value in set(points):
        assert html.count(f"<td>+{value}</td>") == points.count(value)
    assert html.count("<td>+") == len(points)
    assert "orderer–performer" in html  # why a one-sided contract adds nothing


@pytest.mark.parametrize(
    ("lang", "own"),
    [("en", "the guide's own construction"), ("nb", "veilederens egen konstruksjon")],
)
def test_the_page_says_the_scale_is_the_guides_own(lang: str, own: str) -> None:
    context = scoring(TYPED, lang)
    labels = TYPED.ui.labels
    html = render(
        "forms/matrix/scoring.j2", tool=TYPED.matrix_tool, lang=lang, labels=labels, **context
    )
    assert own in unescape(html).replace("this guide's own", "the guide's own")


@pytest.mark.parametrize("example", MODEL["matrix_tool"]["examples"], ids=lambda e: e["id"])
def test_each_example_button_loads_exactly_its_answers(example: dict) -> None:
    html = form_html()
    payload = json.dumps({"example": example["id"]})
    assert f"data-payload='{payload}'" in html
    state = {"answers": {"planning": "professionals"}, "participants": []}
    request = {"action": "operate", "tool": "matrix", "op": "load-example", "state": state}
    response = handle({**request, "payload": json.loads(payload)}, MODEL)
    assert response == {"ok": True, "state": {**state, "answers": example["answers"]}}


def test_an_unknown_example_is_refused() -> None:
    request = {"action": "operate", "tool": "matrix", "op": "load-example", "state": {}}
    response = handle({**request, "payload": {"example": "nowhere"}}, MODEL)
    assert response == {"ok": False, "message": "There is no such example."}


def test_examples_show_their_case_and_cell() -> None:
    html = form_html()
    assert html.count('<section class="guide-card" id="example-') == len(TYPED.matrix_tool.examples)
    assert "Sisters in Business" in html  # the title comes from cases.yml
    assert "Handbook ch. 4, p. 35" in html  # and so does the page of the case
    assert "Load the example: A tendered service" in html
    assert html.count(" hidden>Load the example") == len(TYPED.matrix_tool.examples)
