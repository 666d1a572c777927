"""The SoImpact worksheet in Chromium: keyboard filling, repeatable indicators and measurements,
the worked example, the bank, review and progress, saving and opening, hostile files, print,
and axe in every state. The ``visit`` fixture fails any test that makes a non-local request."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.a11y import axe_violations
from tests.support.calculators import READY_TIMEOUT_MS, open_ready
from tests.support.projects import open_project

PAGE = "tools/soimpact/"
IMPACT = (
    "Share of those helped who had been in work for at least three months, three years after"
    " arriving in Oslo"
)


def result(page: Page):
    return page.locator(".guide-result")


def notice(page: Page):
    return page.locator(".guide-notice")


def type_into(page: Page, label: str, text: str) -> None:
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def load_example(page: Page) -> None:
    page.get_by_role("button", name="Load the Boost Refugee example").click()
    expect(notice(page)).to_contain_text("The example is now in the worksheet")
    expect(result(page).get_by_role("heading", name="Review")).to_be_visible()


def indicator_names(page: Page) -> list[str]:
    fields = page.locator('.soimpact-indicator input[name$=".name"]')
    return [fields.nth(i).input_value() for i in range(fields.count())]


def test_fill_the_worksheet_by_keyboard_and_follow_progress(visit, axe_script: Path) -> None:
    page = open_ready(visit, PAGE)
    assert axe_violations(page, axe_script) == []  # the empty worksheet
    type_into(page, "Name of the effort", "Work for young adults")
    page.keyboard.press("Tab")
    page.keyboard.type("Young adults in our district are left outside work.")
    add = page.get_by_role("button", name="Add an indicator")
    add.focus()
    page.keyboard.press("Enter")  # focus moves to the new indicator's first field
    page.keyboard.type("Young adults in work")
    page.keyboard.press("Tab")  # level on the chain: Choose… → Output → Outcome
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # kind of data: Quantitative
    page.keyboard.press("ArrowDown")
    item = page.locator(".soimpact-indicator").first
    for label, keys in [
        ("Baseline value", "20"),
        ("Baseline date", "01152024"),
        ("Target value", "60"),
        ("Target date", "01152026"),
    ]:
        item.get_by_label(label).focus()
        page.keyboard.type(keys)
    item.get_by_role("button", name="Add a measurement").focus()
    page.keyboard.press("Enter")  # focus moves to the measurement's date
    page.keyboard.type("01152025")
    item.locator(".soimpact-measurement").get_by_label(
        "Value"
    ).focus()  # Tab walks the date's parts
    page.keyboard.type("40")
    page.get_by_role("button", name="Show the result").focus()
    page.keyboard.press("Enter")

    expect(result(page)).to_be_focused()
    overview = result(page).get_by_role("table", name="How far each indicator has come")
    expect(overview.get_by_role("row").nth(1)).to_have_text(
        re.compile(r"Young adults in work\s*20\s*60\s*40\s*50 %")
    )
    chart = result(page).locator('svg[role="img"]', has_text="How far each indicator has come")
    expect(chart.locator("desc")).to_have_text("Young adults in work: 50 %")
    readings = result(page).get_by_role("table", name=re.compile("^Baseline, measurements"))
    expect(readings.get_by_role("row")).to_have_count(4)
    steps = result(page).get_by_role("table", name="The ten steps and how far you have come")
    expect(steps.get_by_role("row", name=re.compile("Step 1:"))).to_contain_text("Done")
    expect(steps.get_by_role("row", name=re.compile("Step 6:"))).to_contain_text("Not started")
    assert axe_violations(page, axe_script) == []  # filled, with result


def test_add_and_remove_indicators_and_measurements(visit, axe_script: Path) -> None:
    page = open_ready(visit, PAGE)
    add = page.get_by_role("button", name="Add an indicator")
    for name in ("A", "B", "C"):
        add.click()
        page.keyboard.type(name)
    page.get_by_role("button", name="Remove indicator 2").click()
    assert indicator_names(page) == ["A", "C"]
    expect(add).to_be_focused()
    expect(page.locator(".soimpact-indicator legend[data-item-number]")).to_have_text(
        ["Indicator 1", "Indicator 2"]
    )
    second = page.locator(".soimpact-indicator").nth(1)
    for number, value in enumerate(("5", "7"), 1):
        second.get_by_role("button", name="Add a measurement").click()
        second.get_by_role("group", name=f"Measurement {number}").get_by_label("Value").fill(value)
    second.get_by_role("button", name="Remove measurement 1").click()
    values = second.locator('input[name$=".value"]')
    expect(values).to_have_count(1)
    expect(values).to_have_attribute("name", "indicators.1.measurements.0.value")
    expect(values).to_have_value("7")
    answers = open_project(page, "soimpact")["data"]["answers"]
    assert answers["indicators.1.name"] == "C"
    assert answers["indicators.1.measurements.0.value"] == "7"
    assert "indicators.2.name" not in answers
    assert axe_violations(page, axe_script) == []  # groups open


def test_boost_refugee_example_is_reviewed_and_prints(visit, axe_script: Path) -> None:
    page = open_ready(visit, PAGE)
    load_example(page)
    assert indicator_names(page)[-1] == IMPACT
    levels = page.locator('.soimpact-indicator select[name$=".level"]')
    assert [levels.nth(i).input_value() for i in range(6)] == [
        "output",
        "output",
        "outcome",
        "outcome",
        "outcome",
        "impact",
    ]
    finding = result(page).get_by_role("listitem").filter(has_text="No measurement yet for")
    expect(finding).to_have_text(f"Step 9: Measure regularly No measurement yet for: {IMPACT}.")
    chain = result(page).get_by_role("table", name="The SoImpact chain and your indicators")
    expect(chain.get_by_role("row", name=re.compile("^Impact"))).to_contain_text(IMPACT)
    wide = result(page).get_by_role("region", name="Indicators and how they are measured")
    expect(wide).to_have_attribute("tabindex", "0")  # a wide table scrolls and can be reached
    assert axe_violations(page, axe_script) == []  # the example, with review and charts
    finding.get_by_role("link").click()
    assert page.url.endswith("#soimpact-step-regular-measurements")
    expect(page.locator("#soimpact-step-regular-measurements")).to_be_in_viewport()

    page.emulate_media(media="print")  # the report: the result and the plan in brief, no form
    for hidden in (".guide-toolbar", ".soimpact-example", ".soimpact-step-nav", ".soimpact-step"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(result(page).get_by_role("heading", name="Review")).to_be_visible()
    plan = result(page).get_by_role("table", name="What the plan says")
    expect(plan).to_contain_text("Boost Refugee (Oslo, 2016–2017)")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) > 1
    page.emulate_media(media="screen")

    advice = "Recommendation: Combine quantitative and qualitative data"
    result(page).get_by_role("link", name=advice).click()  # guidance on the chapter 6 page
    expect(page).to_have_url(
        re.compile(r"chapters/impact-measurement/#recommendation-combine-data$")
    )
    expect(page.locator("#recommendation-combine-data")).to_be_in_viewport()


def test_indicators_picked_from_the_bank_join_the_plan(visit, axe_script: Path) -> None:
    page = open_ready(visit, PAGE)
    page.get_by_text("Youth", exact=True).focus()
    page.keyboard.press("Enter")  # open the domain
    page.get_by_role("checkbox", name=re.compile("^Young people who joined the activity")).focus()
    page.keyboard.press("Space")
    assert axe_violations(page, axe_script) == []  # bank open, a box ticked
    page.get_by_role("button", name="Add the ticked indicators").click()
    expect(notice(page)).to_contain_text("The ticked indicators are added")
    assert indicator_names(page) == ["Young people who joined the activity"]
    expect(page.locator('select[name="indicators.0.level"]')).to_have_value("output")
    expect(
        page.get_by_role("checkbox", name=re.compile("^Young people who joined"))
    ).not_to_be_checked()
    page.get_by_role("button", name="Add the ticked indicators").click()
    expect(notice(page)).to_have_text("Tick one or more indicators in the bank first.")
    page.get_by_role("button", name="Restore earlier answers").click()
    assert indicator_names(page) == []  # restore undoes the addition


def test_what_is_typed_while_the_example_loads_is_kept(visit) -> None:
    """The form waits for the example's answer (clicked before Python is ready, it is seconds
    away), so a name typed right after the click is not overwritten by the example's own."""
    page = visit.open(PAGE)
    page.get_by_role("button", name="Load the Boost Refugee example").click()
    title = page.get_by_label("Name of the effort", exact=True)
    expect(title).to_be_disabled()
    title.fill("Our own effort", timeout=READY_TIMEOUT_MS)
    expect(notice(page)).to_contain_text("The example is now in the worksheet")
    expect(result(page).get_by_role("heading", name="Review")).to_be_visible()
    expect(title).to_have_value("Our own effort")
    assert indicator_names(page)[0] == "Refugees who received help"
    assert open_project(page, "soimpact")["data"]["answers"]["title"] == "Our own effort"


def test_plan_survives_reload_and_travels_by_file_and_csv(visit, browser, tmp_path: Path) -> None:
    page = open_ready(visit, PAGE)
    load_example(page)
    page.reload()
    expect(page.get_by_label("Name of the effort")).to_have_value("Boost Refugee (Oslo, 2016–2017)")
    assert indicator_names(page)[0] == "Refugees who received help"
    expect(result(page).get_by_text("No measurement yet for")).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )

    with page.expect_download() as saved:
        page.get_by_role("button", name="Save to a file").click()
    plan = tmp_path / saved.value.suggested_filename
    saved.value.save_as(plan)
    exported = json.loads(plan.read_text(encoding="utf-8"))
    assert exported["tool"] == "soimpact" and exported["version"] == 1

    tables = {}
    for name in ("indicators", "measurements"):
        with page.expect_download() as csv_download:
            page.get_by_role("button", name=f"Download the {name} (CSV)").click()
        assert re.fullmatch(
            rf"soimpact-project-1-{name}-\d{{4}}-\d{{2}}-\d{{2}}\.csv",
            csv_download.value.suggested_filename,
        )
        tables[name] = Path(csv_download.value.path()).read_bytes().decode("utf-8")
    assert tables["indicators"].startswith("\ufeffNo.,Indicator,Level on the chain")
    assert tables["measurements"].count("\r\n") == 6  # header and five final results
    header, *rows = csv.reader(io.StringIO(tables["indicators"].removeprefix("\ufeff")))
    column = header.index("Target group it concerns")
    assert {row[column] for row in rows} == {"Newly arrived refugees in Oslo"}

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(visit.base_url + PAGE)
        expect(other.locator("form[data-ready=true]")).to_have_count(1, timeout=READY_TIMEOUT_MS)
        other.get_by_label("Open a saved file").set_input_files(plan)
        expect(other.locator(".guide-notice")).to_contain_text(f"Opened {plan.name}")
        stored = open_project(other, "soimpact")
        assert stored["data"]["answers"] == exported["data"]["answers"]
        expect(other.locator('input[name="indicators.5.name"]')).to_have_value(IMPACT)
        expect(other.locator(".guide-result")).to_contain_text("No measurement yet for")
    finally:
        fresh.close()


def write_plan(path: Path, answers: object, version: int = 1) -> Path:
    envelope = {"format": "samskaping-guide", "tool": "soimpact", "version": version}
    path.write_text(json.dumps({**envelope, "data": {"answers": answers}}), encoding="utf-8")
    return path


def test_hostile_files_are_refused_or_inert(visit, axe_script: Path, tmp_path: Path) -> None:
    page = open_ready(visit, PAGE)
    load_example(page)
    wrong = write_plan(tmp_path / "wrong.json", {"indicators.0.name": 5})
    page.get_by_label("Open a saved file").set_input_files(wrong)
    expect(notice(page)).to_contain_text("wrong.json was not opened")
    expect(notice(page)).to_have_attribute("role", "alert")
    assert axe_violations(page, axe_script) == []  # a refused file, announced
    newer = write_plan(tmp_path / "newer.json", {}, version=99)
    page.get_by_label("Open a saved file").set_input_files(newer)
    expect(notice(page)).to_contain_text("saved by a newer version")
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * 50_000_000)
    page.get_by_label("Open a saved file").set_input_files(huge)
    expect(notice(page)).to_contain_text("huge.json was not opened: huge.json is larger than 2 MB.")
    assert indicator_names(page)[0] == "Refugees who received help"  # work untouched

    script = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>'
    hostile = write_plan(
        tmp_path / "hostile.json",
        {"title": script, "indicators.0.name": script, "indicators.0.level": "impact"},
    )
    page.get_by_label("Open a saved file").set_input_files(hostile)
    expect(notice(page)).to_contain_text("Opened hostile.json")
    expect(page.locator('input[name="indicators.0.name"]')).to_have_value(script)
    expect(result(page).get_by_role("table", name=re.compile("chain"))).to_contain_text(script)
    assert page.locator(".guide-result img, .guide-result script").count() == 0
    assert page.evaluate("window.pwned") is None
    assert axe_violations(page, axe_script) == []  # imported


def test_an_indicators_target_group_is_chosen_from_step_3(visit, tmp_path: Path) -> None:
    page = open_ready(visit, PAGE)
    load_example(page)
    group = page.locator('select[name="indicators.0.group"]')
    refugees, entrepreneurs = (
        "Newly arrived refugees in Oslo",
        "Community entrepreneurs in the programme",
    )
    expect(group).to_have_value(refugees)
    expect(group.locator("option")).to_have_text(["Choose…", refugees, entrepreneurs])
    page.get_by_role("button", name="Add a target group").click()
    page.locator('input[name="groups.2.name"]').fill("Employers in Oslo")
    expect(group.locator("option")).to_have_text(
        ["Choose…", refugees, entrepreneurs, "Employers in Oslo"]
    )
    page.locator('select[name="indicators.1.group"]').select_option("Employers in Oslo")
    answers = open_project(page, "soimpact")["data"]["answers"]
    assert answers["indicators.1.group"] == "Employers in Oslo"
    assert answers["indicators.0.group"] == refugees
    expect(page.locator("#field-indicators\\.0\\.group [data-unlisted]")).to_be_hidden()

    typed = write_plan(
        tmp_path / "typed.json",
        {
            "groups.0.name": "Young adults",
            "indicators.0.name": "Jobs",
            "indicators.0.group": "Youth",
        },
    )
    page.get_by_label("Open a saved file").set_input_files(typed)
    expect(notice(page)).to_contain_text("Opened typed.json")
    expect(group).to_have_value("Youth")  # an older file's typed group is kept ...
    expect(group.locator("option")).to_have_text(["Choose…", "Young adults", "Youth"])
    note = page.locator("#field-indicators\\.0\\.group [data-unlisted]")
    expect(note).to_have_text(
        "This group is not one of the target groups in step 3. Add it there, or choose one of them."
    )
    expect(group).to_have_attribute("aria-describedby", note.get_attribute("id"))  # ... and said so
    group.select_option("Young adults")
    expect(note).to_be_hidden()
    assert open_project(page, "soimpact")["data"]["answers"]["indicators.0.group"] == "Young adults"


def test_a_norwegian_office_gets_semicolons_and_decimal_commas(visit) -> None:
    page = open_ready(visit, f"nb/{PAGE}")
    page.get_by_role("button", name="Last inn eksempelet Boost Refugee").click()
    expect(notice(page)).to_contain_text("Eksempelet ligger nå i arbeidsarket")
    expect(result(page).get_by_role("heading", name="Gjennomgang")).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )
    value = page.get_by_role("group", name="Indikator 1").get_by_label("Målverdi", exact=True)
    value.fill("600.5")
    overview = result(page).get_by_role("table", name="Hvor langt hver indikator har kommet")
    expect(overview).to_contain_text("600,5", timeout=READY_TIMEOUT_MS)
    tables = {}
    for name, word in (("indikatorene", "indikatorer"), ("målingene", "målinger")):
        with page.expect_download() as download:
            page.get_by_role("button", name=f"Last ned {name} (CSV)").click()
        assert re.fullmatch(
            rf"soimpact-prosjekt-1-{word}-\d{{4}}-\d{{2}}-\d{{2}}\.csv",
            download.value.suggested_filename,
        )
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert text.startswith("\ufeff")
        tables[word] = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    header, first, *_ = tables["indikatorer"]
    assert first[header.index("Målverdi")] == "600,5"
    assert first[header.index("Andel av veien (%)")] == "88,9"  # 534 of 600.5
    header, first, *_ = tables["målinger"]
    assert first[header.index("Verdi")] == "534"
