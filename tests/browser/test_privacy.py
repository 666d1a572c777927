"""The privacy page's "Delete all my data" deletes what the guide keeps in the browser, after
confirmation, and leaves other sites' and applications' data on the same server alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import focus_problem, tab_to

BUTTON = "[data-guide-delete-data]"
SERVICE_WORKER = "test-service-worker.js"

SEED = """async (worker) => {
  const site = new URL("../", location.href).pathname;  // the site's root, as Material scopes it
  localStorage.setItem("samskaping-guide:matrix", '{"planning": "together"}');
  localStorage.setItem("samskaping-guide:language", "nb");
  localStorage.setItem(site + ".__palette", '{"index": 1}');
  sessionStorage.setItem("samskaping-guide:draft", "typed");
  localStorage.setItem("another-app:notes", "keep");
  localStorage.setItem("/kommune/other-site/.__palette", "keep");
  await (await caches.open("samskaping-guide-pages-v1")).put("probe", new Response("x"));
  await caches.open("another-app-cache");
  await navigator.serviceWorker.register(new URL("../" + worker, location.href));
}"""

LEFT = """async () => ({
  local: Object.keys(localStorage).sort(),
  session: Object.keys(sessionStorage),
  caches: (await caches.keys()).sort(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


@pytest.fixture
def service_worker(site: Path) -> Iterator[str]:
    """A do-nothing service worker script at the site's root, for the guide's own scope."""
    script = site / SERVICE_WORKER
    script.write_text("// Registered by tests/browser/test_privacy.py only.\n", encoding="utf-8")
    yield SERVICE_WORKER
    script.unlink()


def seeded(visit, service_worker: str) -> Page:
    page = visit.open("privacy/")
    page.evaluate(SEED, service_worker)
    return page


def test_delete_all_my_data_with_the_keyboard_removes_only_the_guides_data(
    visit, service_worker: str
) -> None:
    page = seeded(visit, service_worker)
    page.once("dialog", lambda dialog: dialog.accept())
    tab_to(page, BUTTON)
    page.keyboard.press("Enter")
    expect(page.locator("#guide-delete-status")).to_have_text(
        "Done. Everything this guide kept in this browser is deleted. "
        "Files you exported are not affected."
    )
    assert page.evaluate(LEFT) == {
        "local": ["/kommune/other-site/.__palette", "another-app:notes"],
        "session": [],
        "caches": ["another-app-cache"],
        "workers": 0,
    }
    assert focus_problem(page) is None


def test_cancelling_the_confirmation_deletes_nothing(visit, service_worker: str) -> None:
    page = seeded(visit, service_worker)
    before = page.evaluate(LEFT)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(BUTTON).click()
    expect(page.locator("#guide-delete-status")).to_have_text("")
    assert page.evaluate(LEFT) == before
    assert before["workers"] == 1 and len(before["local"]) == 5
