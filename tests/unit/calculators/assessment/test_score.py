"""The assessment's core: the scoring rule by hand, and the properties a group result must keep."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.assessment.score import (
    DONT_KNOW,
    OTHER_ROLES,
    PRIVACY_THRESHOLD,
    Response,
    Survey,
    aggregate,
    compare,
    disagreements,
    largest_gaps,
    largest_moves,
    mostly_unknown,
    read_response,
    role_groups,
    weakest,
)
from tests.support.content import guide_data
from tests.support.paths import ROOT

# Aggregating a group takes tens of milliseconds; a loaded machine must not fail the test.
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODEL: dict[str, Any] = guide_data()
SURVEY = Survey.of(MODEL)
STATEMENTS = [statement["id"] for statement in SURVEY.statements]
SCALE = [str(point) for point in range(1, SURVEY.points + 1)]


def response(role: str, ratings: dict[str, str], steps: tuple[str, ...] = ()) -> Response:
    made, problems = read_response({"role": role, "steps": list(steps), **ratings}, SURVEY)
    assert problems == [] and made is not None
    return made


def row(rows: tuple[Any, ...], row_id: str) -> Any:
    return next(item for item in rows if item.id == row_id)


answers_strategy = st.fixed_dictionaries(
    {
        "role": st.sampled_from(SURVEY.roles),
        "steps": st.lists(st.sampled_from(SURVEY.steps), unique=True),
        **{key: st.sampled_from(["", *SCALE, DONT_KNOW]) for key in STATEMENTS},
    },
    optional={"participant-name": st.sampled_from(["", "Kari", "=HYPERLINK()", "<b>Ola</b>"])},
)
responses_strategy = st.lists(
    answers_strategy.map(lambda answers: read_response(answers, SURVEY)[0]), max_size=8
)


def test_scoring_rule_by_hand() -> None:
    """Two roles of three alike: the area score is the mean of each person's mean; don't know
    never counts."""
    staff = response(
        "municipality",
        {
            "ensuring-equality-trust": "5",
            "ensuring-equality-partners": "4",
            "ensuring-equality-ground": DONT_KNOW,
        },
        ("inviting", "ambitious"),
    )
    resident = response(
        "resident",
        {"ensuring-equality-trust": "1", "ensuring-equality-partners": "2"},
        ("curious",),
    )
    group = aggregate([staff, resident] * 3, SURVEY)
    equality = row(group.areas, "ensuring-equality")
    assert equality.overall.mean == pytest.approx((4.5 + 1.5) / 2)
    assert equality.overall.spread == pytest.approx(1.5)
    assert (equality.overall.low, equality.overall.high) == (1.5, 4.5)
    assert equality.overall.count == 6 and equality.dont_know == 3
    assert equality.gap.high_role == "municipality" and equality.gap.low_role == "resident"
    assert equality.gap.size == pytest.approx(3.0)
    ground = row(group.statements, "ensuring-equality-ground")
    assert (ground.overall.count, ground.overall.mean, ground.dont_know) == (0, None, 3)
    assert group.roles == group.shown == {"municipality": 3, "resident": 3}
    assert group.steps == {
        "curious": 3,
        "inviting": 3,
        "ambitious": 3,
        "mature": 0,
        "collaborative": 0,
    }
    assert row(group.areas, "openness").overall.mean is None
    assert [item.id for item in disagreements(group, SURVEY.points)] == [
        "ensuring-equality-trust",
        "ensuring-equality-partners",
    ]
    assert [item.id for item in weakest(group.areas)] == ["ensuring-equality"]
    assert [item.id for item in largest_gaps(group.areas)] == ["ensuring-equality"]
    assert [item.id for item in mostly_unknown(group)] == ["ensuring-equality-ground"]


def test_disagreement_needs_people_on_both_sides_of_the_scale() -> None:
    """4 against 5 both agree and 3 against 5 only differ in how much: neither is a dispute."""
    ratings = [
        {"openness-odd-ideas": "4", "openness-outsiders": "3", "openness-reachable": "2"},
        {"openness-odd-ideas": "5", "openness-outsiders": "5", "openness-reachable": "4"},
        {"openness-odd-ideas": "5", "openness-outsiders": "4", "openness-reachable": "3"},
    ]
    group = aggregate([response("resident", given) for given in ratings], SURVEY)
    assert row(group.statements, "openness-odd-ideas").overall.spread > 0
    assert [item.id for item in disagreements(group, SURVEY.points)] == ["openness-reachable"]


@pytest.mark.parametrize(
    ("roles", "own"),
    [
        ({"municipality": 5, "politician": 1, "resident": 1, "business": 1}, {"municipality"}),
        ({"municipality": 5, "politician": 1}, set()),
        ({"municipality": 3, "politician": 1, "resident": 3}, {"resident"}),
        ({"municipality": 3, "resident": 4}, {"municipality", "resident"}),
        ({"politician": 1, "resident": 1}, set()),
    ],
)
def test_small_roles_are_shown_together_and_never_alone(
    roles: dict[str, int], own: set[str]
) -> None:
    """A role shown on its own has 3 people or more, and so have the other roles together,
    unless they are everyone: the total minus the shown roles never isolates a few people."""
    groups = role_groups(roles)
    assert {role for role, group in groups.items() if group == role} == own
    pooled = sum(count for role, count in roles.items() if groups[role] == OTHER_ROLES)
    assert PRIVACY_THRESHOLD == 3
    assert pooled == 0 or pooled >= PRIVACY_THRESHOLD or not own


def test_a_role_score_resting_on_fewer_raters_is_left_out() -> None:
    """Three residents, but two rated the statement: the residents' mean would be theirs, and
    the staff's mean beside the group's would give it away, so the statement has no role scores."""
    staff = [response("municipality", {"openness-odd-ideas": "5"}) for _ in range(3)]
    residents = [response("resident", {"openness-odd-ideas": "1"}) for _ in range(2)]
    residents.append(response("resident", {"openness-odd-ideas": DONT_KNOW}))
    group = aggregate(staff + residents, SURVEY)
    assert group.shown == {"municipality": 3, "resident": 3}
    statement = row(group.statements, "openness-odd-ideas")
    assert statement.overall.count == 5 and statement.by_role == {} and statement.gap is None


def test_rounds_compare_means_and_rank_the_largest_moves() -> None:
    before = aggregate(
        [response("resident", {"ensuring-equality-trust": "2", "openness-odd-ideas": "3"})], SURVEY
    )
    now = aggregate(
        [response("resident", {"ensuring-equality-trust": "5", "openness-odd-ideas": "3"})], SURVEY
    )
    moves = compare(before.statements, now.statements)
    assert [(move.id, move.change) for move in moves] == [
        ("openness-odd-ideas", 0.0),
        ("ensuring-equality-trust", 3.0),
    ]
    assert [move.id for move in largest_moves(moves)] == ["ensuring-equality-trust"]


@pytest.mark.parametrize(
    ("answers", "problems"),
    [
        ({}, [("role", "choose-role")]),
        ({"role": "mayor"}, [("role", "unknown-role")]),
        ({"role": "other", "openness-odd-ideas": "6"}, [("openness-odd-ideas", "not-on-scale")]),
        ({"role": "other", "steps": ["top"]}, [("steps", "unknown-step")]),
        ({"role": "other", "participant-name": "x" * 81}, [("participant-name", "name-too-long")]),
    ],
)
def test_bad_answers_are_named_by_field(answers: dict[str, Any], problems: list[Any]) -> None:
    assert read_response(answers, SURVEY) == (None, problems)


@given(responses_strategy, st.randoms(use_true_random=False))
@RELAXED
def test_aggregation_does_not_depend_on_the_order_of_participants(
    responses: list[Response], shuffler: random.Random
) -> None:
    shuffled = list(responses)
    shuffler.shuffle(shuffled)
    assert aggregate(shuffled, SURVEY) == aggregate(responses, SURVEY)


@given(responses_strategy)
@RELAXED
def test_dont_know_never_counts_as_a_score(responses: list[Response]) -> None:
    """Turning every open statement into "don't know" changes only the don't-know counts."""
    unsure = [
        Response(
            r.role,
            r.name,
            r.steps,
            tuple((key, dict(r.answers).get(key, DONT_KNOW)) for key in STATEMENTS),
        )
        for r in responses
    ]
    before, after = aggregate(responses, SURVEY), aggregate(unsure, SURVEY)
    for old, new in zip(
        before.areas + before.statements, after.areas + after.statements, strict=True
    ):
        assert (new.overall, new.by_role) == (old.overall, old.by_role)
        assert new.dont_know >= old.dont_know


@given(answers_strategy)
@RELAXED
def test_one_participant_gives_zero_spread(answers: dict[str, Any]) -> None:
    group = aggregate([read_response(answers, SURVEY)[0]], SURVEY)
    for item in group.areas + group.statements:
        assert item.overall.spread in (None, 0.0)
        assert item.gap is None
    assert disagreements(group, SURVEY.points) == []


@settings(max_examples=50, deadline=None)
@given(responses_strategy)
def test_statement_means_stay_on_the_scale(responses: list[Response]) -> None:
    group = aggregate(responses, SURVEY)
    for item in group.areas + group.statements:
        if item.overall.mean is not None:
            assert 1 <= item.overall.low <= item.overall.mean <= item.overall.high <= SURVEY.points


def test_every_message_the_code_uses_exists() -> None:
    sources = [
        *ROOT.glob("calculators/assessment/*.py"),
        ROOT / "macros/templates/forms/assessment/form.j2",
    ]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    used = set(re.findall(r'(?:words|message\(model,|words\.count\(|msg\[)\(?\s*"([a-z-]+)"', text))
    dynamic = {
        f"import-{key}"
        for key in (
            "added",
            "duplicate",
            "refused",
            "choose-role",
            "unknown-role",
            "same-id",
            "alike",
        )
    } | {"group-heading-one", "moved-intro-one", "earlier-only-one", "csv-statement-row"}
    missing = (used | dynamic) - set(MODEL["assessment"]["messages"])
    assert len(used) > 60 and missing == set()


def test_areas_are_the_four_values_and_seven_fields_with_pages() -> None:
    kinds = [(area["id"], area["kind"]) for area in SURVEY.areas]
    values = [value["id"] for value in MODEL["values"]["values"]]
    assert [area_id for area_id, kind in kinds if kind == "value"] == values
    assert [area_id for area_id, kind in kinds if kind == "field"] == [
        "ensuring-equality",
        "common-goals",
        "communication",
        "anchoring",
        "facilitate",
        "focus-on-resources",
        "several-competencies",
    ]
    for area in SURVEY.areas:
        expected = f"values/{area['id']}/" if area["kind"] == "value" else f"fields/{area['id']}/"
        assert area["page"] == expected
    assert {source["chapter"] for source in _sources()} == {3, 4}


def _sources() -> list[dict[str, Any]]:
    assessment = MODEL["assessment"]
    return [item["source"] for item in assessment["statements"]] + [
        advice["source"] for area in assessment["areas"] for advice in area["advice"]
    ]
