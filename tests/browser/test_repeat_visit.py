"""A repeat visit to a calculator starts Python from the snapshot the first visit saved."""

from __future__ import annotations

from playwright.sync_api import Page, expect

PAGE = "tools/matrix/"
READY_TIMEOUT_MS = 60_000
RECORD_READY = """
window.__ready = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => {
      if (data.type === "ready") window.__ready.push(data);
    });
  }
};
"""
SNAPSHOT_SAVED = """() => new Promise((resolve) => {
  const request = indexedDB.open("samskaping-guide-python");
  request.onsuccess = () => {
    const database = request.result;
    if (!database.objectStoreNames.contains("snapshots")) return resolve(false);
    const get = database.transaction("snapshots").objectStore("snapshots").get("pyodide");
    get.onsuccess = () => resolve(Boolean(get.result && get.result.bytes.length > 1e6));
  };
  request.onerror = () => resolve(false);
})"""


def first_result(page: Page) -> dict:
    expect(page.locator("form[data-calculator]")).to_have_attribute(
        "data-ready", "true", timeout=READY_TIMEOUT_MS
    )
    page.get_by_role("radio", name="Professionals and civil society together").first.check()
    page.locator("#field-production").get_by_role(
        "radio", name="Professionals and civil society together"
    ).check()
    expect(page.locator(".guide-result").get_by_role("heading")).to_have_text(
        "Co-production (thick collaboration)"
    )
    return page.evaluate("window.__ready[0]")


def test_the_second_visit_starts_from_the_snapshot(visit) -> None:
    visit.page.context.add_init_script(RECORD_READY)
    page = visit.open(PAGE)
    assert first_result(page)["snapshot"] is False
    page.wait_for_function(SNAPSHOT_SAVED, timeout=READY_TIMEOUT_MS, polling=250)
    page.reload()
    assert first_result(page)["snapshot"] is True
