"""axe-core (pinned, vendored into the test run only) finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.support.site import built_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page, axe_script: Path) -> list[str]:
    # Evaluated by the test driver, not added as an inline <script>: the site's
    # Content-Security-Policy (rightly) refuses inline scripts.
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    # Judge the page at rest: a control still fading in (Material's "back to top") has no
    # contrast yet. Two frames first, so a transition a scroll just asked for has started.
    # Endless animations (a progress bar) are not waited for.
    page.evaluate(
        """async () => {
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            await Promise.all(document.getAnimations()
                .filter(a => a.effect?.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null)));
        }"""
    )
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


# The pages are the same whichever server sends them: checking them once is enough.
@pytest.mark.parametrize("base_url", ["test-server"], indirect=True)
def test_every_page_passes_axe(site: Path, visit, axe_script: Path) -> None:
    found = {}
    for path in built_pages(site):
        visit.open(path).wait_for_load_state("networkidle")
        problems = axe_violations(visit.page, axe_script)
        if problems:
            found[path] = problems
    assert found == {}
