"""A repeat visit to a calculator starts Python from the snapshot the first visit saved; the
snapshot holds Python before any calculator loads, so every calculator starts from it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.support.calculators import FIRST_RESULT, answer_co_production, calculator_pages
from tests.support.waiting import eventually

PAGE = "tools/matrix/"
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
SNAPSHOT = """() => new Promise((resolve) => {
  const request = indexedDB.open("samskaping-guide-python");
  request.onsuccess = () => {
    const database = request.result;
    if (!database.objectStoreNames.contains("snapshots")) return resolve(null);
    const get = database.transaction("snapshots").objectStore("snapshots").get("pyodide");
    get.onsuccess = () => {
      const saved = get.result;
      resolve(saved ? { key: saved.key, bytes: saved.bytes.length } : null);
    };
  };
  request.onerror = () => resolve(null);
})"""
"""The saved snapshot's key and size, or null."""


def snapshot_saved(key: str | None = None) -> str:
    """A script that is true once a whole snapshot is saved (under ``key``, if given)."""
    fits = "true" if key is None else f"saved.key === {json.dumps(key)}"
    return f"async () => ((saved) => !!saved && {fits} && saved.bytes > 1e6)(await ({SNAPSHOT})())"


# Changes the saved snapshot: {key} saves it under another key, {broken: true} spoils its bytes.
CHANGE_SNAPSHOT = """(change) => new Promise((resolve, reject) => {
  const request = indexedDB.open("samskaping-guide-python");
  request.onsuccess = () => {
    const store = request.result.transaction("snapshots", "readwrite").objectStore("snapshots");
    const get = store.get("pyodide");
    get.onsuccess = () => {
      const record = { ...get.result, key: change.key ?? get.result.key };
      if (change.broken) record.bytes = new Uint8Array(65536);
      const put = store.put(record, "pyodide");
      put.onsuccess = () => resolve(true);
      put.onerror = () => reject(put.error);
    };
  };
  request.onerror = () => reject(request.error);
})"""


def first_result(page: Page, answer: Callable[[Page], None] = answer_co_production) -> dict:
    answer(page)
    return page.evaluate("window.__ready[0]")


def test_every_later_visit_starts_from_the_snapshot(site: Path, visit) -> None:
    visit.page.context.add_init_script(RECORD_READY)
    page = visit.open(PAGE)
    assert first_result(page)["snapshot"] is False
    eventually(page, snapshot_saved())
    page.reload()
    assert first_result(page)["snapshot"] is True
    for path, tool in calculator_pages(site).items():  # every calculator, in every language
        page = visit.open(path)
        assert first_result(page, FIRST_RESULT[tool])["snapshot"] is True, path


@pytest.mark.parametrize("spoil", ["bytes", "key"])
def test_a_snapshot_that_does_not_fit_is_replaced(visit, spoil: str) -> None:
    """Spoilt bytes are dropped and Python starts anyway; a snapshot saved under another standard
    library zip (another release) is not used: it remembers where each module lies in its zip."""
    visit.page.context.add_init_script(RECORD_READY)
    page = visit.open(PAGE)
    first_result(page)
    eventually(page, snapshot_saved())
    key = page.evaluate(SNAPSHOT)["key"]
    assert re.search(r"/pyodide/[^/]+/python_stdlib\.[0-9a-f]{12}\.zip$", key)
    other = re.sub(r"[0-9a-f]{12}\.zip$", "000000000000.zip", key)
    page.evaluate(CHANGE_SNAPSHOT, {"broken": True} if spoil == "bytes" else {"key": other})
    page.reload()
    assert first_result(page)["snapshot"] is False
    eventually(page, snapshot_saved(key))
