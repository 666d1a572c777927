"""The privacy page's "Delete all my data" deletes what the guide keeps in the browser, after
confirmation, and leaves other sites' and applications' data on the same server alone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.a11y import focus_problem, tab_to
from tests.support.waiting import eventually

BUTTON = "[data-guide-delete-data]"
OFFLINE_COPY_READY = (
    "navigator.serviceWorker.getRegistration().then((found) => Boolean(found?.active))"
)

SEED = """async () => {
  const site = new URL("../", location.href).pathname;  // the site's root, as Material scopes it
  localStorage.setItem("samskaping-guide:matrix", '{"planning": "together"}');
  localStorage.setItem("samskaping-guide:language", "nb");
  localStorage.setItem(site + ".__palette", '{"index": 1}');
  sessionStorage.setItem("samskaping-guide:draft", "typed");
  localStorage.setItem("another-app:notes", "keep");
  localStorage.setItem("/kommune/other-site/.__palette", "keep");
  await (await caches.open("samskaping-guide-pages-v1")).put("probe", new Response("x"));
  await caches.open("another-app-cache");
  for (const name of ["samskaping-guide-python", "another-app-db"]) {
    await new Promise((done) => { indexedDB.open(name).onsuccess = ({ target }) => {
      target.result.close();
      done();
    }; });
  }
}"""

LEFT = """async () => ({
  local: Object.keys(localStorage).sort(),
  session: Object.keys(sessionStorage),
  caches: (await caches.keys()).filter((name) => !name.startsWith("samskaping-guide-")).sort(),
  guideCaches: (await caches.keys()).filter((name) => name.startsWith("samskaping-guide-")).length,
  databases: (await indexedDB.databases()).map(({ name }) => name).sort(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def seeded(visit) -> Page:
    """The privacy page once the guide's own offline copy (a service worker and its cache, which
    every page installs a moment after loading) is in place, with more of the guide's data and
    other applications' data beside it."""
    page = visit.open("privacy/")
    eventually(page, OFFLINE_COPY_READY)
    page.evaluate(SEED)
    return page


def test_delete_all_my_data_with_the_keyboard_removes_only_the_guides_data(visit) -> None:
    page = seeded(visit)
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
        "guideCaches": 0,
        "databases": ["another-app-db"],
        "workers": 0,
    }
    assert focus_problem(page) is None


def test_cancelling_the_confirmation_deletes_nothing(visit) -> None:
    page = seeded(visit)
    before = page.evaluate(LEFT)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(BUTTON).click()
    expect(page.locator("#guide-delete-status")).to_have_text("")
    assert page.evaluate(LEFT) == before
    assert before["workers"] == 1 and len(before["local"]) == 5
    assert before["guideCaches"] == 2 and before["databases"] == [
        "another-app-db",
        "samskaping-guide-python",
    ]
